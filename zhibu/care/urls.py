from django.urls import path

from .views import calls, donations, visits

app_name = "care"

urlpatterns = [
    path("visits/", visits.visit_list, name="visits"),
    path("visits/new/", visits.visit_create, name="visit_create"),
    path("visits/export/", visits.visit_export, name="visits_export"),
    path("visits/<int:pk>/", visits.visit_detail, name="visit"),
    path("visits/<int:pk>/edit/", visits.visit_edit, name="visit_edit"),
    path("calls/", calls.checklist, name="calls"),
    path("calls/list/", calls.call_list, name="call_list"),
    path("calls/<int:pk>/", calls.call_detail, name="call"),
    path("donations/", donations.drive_list, name="drives"),
    path("donations/new/", donations.drive_create, name="drive_create"),
    path("donations/export/", donations.donations_export, name="donations_export"),
    path("donations/<int:pk>/", donations.drive_detail, name="drive"),
    path("donations/<int:pk>/edit/", donations.drive_edit, name="drive_edit"),
    path("donations/<int:pk>/gifts/new/", donations.gift_create, name="gift_create"),
    path("donations/gifts/<int:pk>/edit/", donations.gift_edit, name="gift_edit"),
]
