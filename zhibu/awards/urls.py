from django.urls import path

from .views import campaigns, upper, voting

app_name = "awards"

urlpatterns = [
    path("", campaigns.index, name="index"),
    path("new/", campaigns.campaign_create, name="create"),
    path("upper/", upper.upper, name="upper"),
    path("<int:pk>/", campaigns.campaign_detail, name="campaign"),
    path("<int:pk>/edit/", campaigns.campaign_edit, name="edit"),
    path("<int:pk>/publish/", campaigns.campaign_publish_view, name="publish"),
    path("<int:pk>/export/", campaigns.tally_export, name="export"),
    path("<int:pk>/nominate/", voting.nominate, name="nominate"),
    path("<int:pk>/vote/", voting.vote, name="vote"),
    path("<int:pk>/scores/", voting.scores, name="scores"),
    path("<int:pk>/branch-nominate/", upper.branch_nominate, name="branch_nominate"),
    path("nominations/<int:pk>/decide/", upper.decide, name="decide"),
]
