from django.urls import path

from .views import cases, logs, manage

app_name = "mentoring"

urlpatterns = [
    path("", cases.case_list, name="cases"),
    path("new/", cases.case_create, name="case_create"),
    path("<int:pk>/", cases.case_detail, name="case"),
    path("<int:pk>/plan/", cases.case_plan, name="case_plan"),
    path("<int:pk>/outcome/", cases.case_outcome, name="case_outcome"),
    path("<int:pk>/logs/new/", cases.log_create, name="log_create"),
    path("logs/<int:pk>/", logs.log_detail, name="log"),
    path("logs/<int:pk>/edit/", logs.log_edit, name="log_edit"),
    path("<int:pk>/grants/new/", cases.grant_create, name="grant_create"),
    path("<int:pk>/seminars/", cases.seminar_link, name="seminar_link"),
    path("<int:pk>/review/", cases.review_save, name="review_save"),
    path("grants/<int:pk>/revoke/", cases.grant_revoke, name="grant_revoke"),
    path("attachments/<int:pk>/", cases.attachment_download, name="attachment"),
    path("review/", cases.review_month, name="review"),
    path("students/", manage.student_list, name="students"),
    path("students/new/", manage.student_create, name="student_create"),
    path("students/<int:pk>/", manage.student_edit, name="student_edit"),
    path("settings/", manage.settings_edit, name="settings"),
    path("booklet/", manage.booklet_export, name="booklet"),
]
