from django.urls import path

from . import views, views_calendar, views_history, views_sheet

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("new/", views.meeting_create, name="create"),
    path("history/", views_history.history_entry, name="history"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/votes/new/", views.vote_add, name="vote_add"),
    path("<int:pk>/attachments/new/", views.attachment_add, name="attachment_add"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("<int:pk>/attendance/", views_sheet.attendance_sheet, name="attendance"),
    path("<int:pk>/attendance/<int:row>/toggle/", views_sheet.attendance_toggle, name="attendance_toggle"),
    path("<int:pk>/attendance/<int:row>/reason/", views_sheet.attendance_reason, name="attendance_reason"),
    path("<int:pk>/sign-sheet/", views_sheet.sign_sheet, name="sign_sheet"),
    path("calendar/", views_calendar.calendar, name="calendar"),
    path("rules/", views_calendar.rules, name="rules"),
    path("types/new/", views_calendar.type_create, name="type_create"),
]
