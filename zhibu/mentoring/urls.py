from django.urls import path

from . import views, views_manage

app_name = "mentoring"

urlpatterns = [
    path("", views.case_list, name="cases"),
    path("new/", views.case_create, name="case_create"),
    path("<int:pk>/", views.case_detail, name="case"),
    path("<int:pk>/plan/", views.case_plan, name="case_plan"),
    path("<int:pk>/outcome/", views.case_outcome, name="case_outcome"),
    path("<int:pk>/logs/new/", views.log_create, name="log_create"),
    path("<int:pk>/grants/new/", views.grant_create, name="grant_create"),
    path("<int:pk>/seminars/", views.seminar_link, name="seminar_link"),
    path("<int:pk>/review/", views.review_save, name="review_save"),
    path("grants/<int:pk>/revoke/", views.grant_revoke, name="grant_revoke"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("review/", views.review_month, name="review"),
    path("students/", views_manage.student_list, name="students"),
    path("students/new/", views_manage.student_create, name="student_create"),
    path("students/<int:pk>/", views_manage.student_edit, name="student_edit"),
    path("settings/", views_manage.settings_edit, name="settings"),
    path("booklet/", views_manage.booklet_export, name="booklet"),
]
