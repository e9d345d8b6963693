from django.urls import path

from .views import attendance, checks, personal, sessions

app_name = "study"

urlpatterns = [
    path("", sessions.index, name="index"),
    path("sessions/new/", sessions.session_create, name="session_create"),
    path("sessions/from-meeting/", sessions.session_from_meeting, name="session_from_meeting"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session"),
    path("sessions/<int:pk>/edit/", sessions.session_edit, name="session_edit"),
    path("sessions/<int:pk>/attendance/", attendance.session_attendance, name="session_attendance"),
    path("tasks/", sessions.task_list, name="tasks"),
    path("tasks/new/", sessions.task_create, name="task_create"),
    path("tasks/<int:pk>/", sessions.task_detail, name="task"),
    path("tasks/<int:pk>/edit/", sessions.task_edit, name="task_edit"),
    path("tasks/<int:pk>/done/", personal.task_done, name="task_done"),
    path("mine/", personal.mine, name="mine"),
    path("people/<int:pk>/", personal.person_page, name="person"),
    path("reading/", personal.reading_list, name="reading"),
    path("reading/new/", personal.reading_create, name="reading_create"),
    path("reading/<int:pk>/edit/", personal.reading_edit, name="reading_edit"),
    path("notes/", personal.note_list, name="notes"),
    path("notes/new/", personal.note_create, name="note_create"),
    path("notes/<int:pk>/", personal.note_detail, name="note"),
    path("notes/<int:pk>/scan/", personal.note_scan, name="note_scan"),
    path("checks/", checks.checks, name="checks"),
    path("settings/", checks.settings_edit, name="settings"),
]
