from django.urls import path

from .views import talks

app_name = "talks"

urlpatterns = [
    path("", talks.talk_list, name="list"),
    path("new/", talks.talk_create, name="create"),
    path("settings/", talks.settings_edit, name="settings"),
    path("<int:pk>/", talks.talk_detail, name="talk"),
    path("<int:pk>/edit/", talks.talk_edit, name="edit"),
]
