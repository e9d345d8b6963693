from django.urls import path

from . import views, views_submissions

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("generate/", views.generate, name="generate"),
    path("workbook/", views.workbook, name="workbook"),
    path("<int:pk>/", views.document, name="document"),
    path("<int:pk>/para/<slug:key>/", views.paragraph_edit, name="paragraph_edit"),
    path("<int:pk>/recheck/", views.recheck, name="recheck"),
    path("<int:pk>/redraft/", views.redraft, name="redraft"),
    path("<int:pk>/download/<slug:fmt>/", views.download, name="download"),
    path("<int:pk>/submit/", views_submissions.submit, name="submit"),
    path("submissions/", views_submissions.submission_list, name="submissions"),
    path("submissions/<int:pk>/decide/", views_submissions.decide, name="decide"),
    path("submissions/deadlines/", views_submissions.deadline_set, name="deadline_set"),
]
