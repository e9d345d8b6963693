from django.urls import path

from .views import competitions, honours

app_name = "honours"

urlpatterns = [
    path("", honours.index, name="index"),
    path("new/", honours.honour_create, name="honour_create"),
    path("export/", honours.honours_export, name="export"),
    path("<int:pk>/", honours.honour_detail, name="honour"),
    path("<int:pk>/edit/", honours.honour_edit, name="honour_edit"),
    path("<int:pk>/attachment/", honours.honour_attachment, name="attachment"),
    path("rounds/", competitions.rounds, name="rounds"),
    path("rounds/new/", competitions.round_create, name="round_create"),
    path("rounds/<int:pk>/", competitions.round_detail, name="round"),
    path("rounds/<int:pk>/edit/", competitions.round_edit, name="round_edit"),
    path("participants/<int:pk>/", competitions.participant_edit, name="participant_edit"),
]
