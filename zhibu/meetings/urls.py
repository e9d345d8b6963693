from django.urls import path

from .views import calendar, history, meetings, sheet

app_name = "meetings"

urlpatterns = [
    path("", meetings.meeting_list, name="list"),
    path("new/", meetings.meeting_create, name="create"),
    path("history/", history.history_entry, name="history"),
    path("<int:pk>/", meetings.meeting_detail, name="detail"),
    path("<int:pk>/edit/", meetings.meeting_edit, name="edit"),
    path("<int:pk>/votes/new/", meetings.vote_add, name="vote_add"),
    path("<int:pk>/attachments/new/", meetings.attachment_add, name="attachment_add"),
    path("attachments/<int:pk>/", meetings.attachment_download, name="attachment"),
    path("<int:pk>/attendance/", sheet.attendance_sheet, name="attendance"),
    path("<int:pk>/attendance/fill/", sheet.attendance_fill, name="attendance_fill"),
    path("<int:pk>/attendance/<int:row>/toggle/", sheet.attendance_toggle, name="attendance_toggle"),
    path("<int:pk>/attendance/<int:row>/reason/", sheet.attendance_reason, name="attendance_reason"),
    path("<int:pk>/sign-sheet/", sheet.sign_sheet, name="sign_sheet"),
    path("calendar/", calendar.calendar, name="calendar"),
    path("rules/", calendar.rules, name="rules"),
    path("types/new/", calendar.type_create, name="type_create"),
]
