from django.urls import path

from .views import elections

app_name = "elections"

urlpatterns = [
    path("", elections.index, name="index"),
    path("regular/new/", elections.regular, name="regular"),
    path("by-election/new/", elections.by_election, name="by_election"),
    path("<int:pk>/", elections.election_detail, name="election"),
]
