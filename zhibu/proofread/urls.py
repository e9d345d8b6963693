from django.urls import path

from .views import check

app_name = "proofread"

urlpatterns = [
    path("", check.check_page, name="check"),
    path("entries/", check.entries, name="entries"),
    path("entries/<int:pk>/remove/", check.entry_remove, name="entry_remove"),
]
