from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from zhibu.core.views import pages as core_views

urlpatterns = [
    path("accounts/login/", core_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", core_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="registration/password_change_done.html"),
        name="password_change_done",
    ),
    path("admin/", admin.site.urls),
    path("meetings/", include("zhibu.meetings.urls")),
    path("study/", include("zhibu.study.urls")),
    path("mentoring/", include("zhibu.mentoring.urls")),
    path("care/", include("zhibu.care.urls")),
    path("dues/", include("zhibu.dues.urls")),
    path("service/", include("zhibu.service.urls")),
    path("honours/", include("zhibu.honours.urls")),
    path("awards/", include("zhibu.awards.urls")),
    path("surveys/", include("zhibu.surveys.urls")),
    path("reports/", include("zhibu.reports.urls")),
    path("inspections/", include("zhibu.inspections.urls")),
    path("people/", include("zhibu.people.urls")),
    path("elections/", include("zhibu.elections.urls")),
    path("bureau/", include("zhibu.bureau.urls")),
    path("disclosure/", include("zhibu.disclosure.urls")),
    path("public/", include("zhibu.disclosure.public_urls")),
    path("appraisal/", include("zhibu.appraisal.urls")),
    path("talks/", include("zhibu.talks.urls")),
    path("voice/", include("zhibu.voice.urls")),
    path("pledges/", include("zhibu.pledges.urls")),
    path("development/", include("zhibu.development.urls")),
    path("proofread/", include("zhibu.proofread.urls")),
    path("", include("zhibu.core.urls")),
]

# The 403 page says which roles may do what was refused, and whom to ask.
handler403 = "zhibu.core.views.pages.permission_denied"
