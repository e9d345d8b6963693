from django.urls import path

from .views import care, exports, liaison, tutoring, volunteering

app_name = "service"

urlpatterns = [
    path("", volunteering.events, name="events"),
    path("events/new/", volunteering.event_create, name="event_create"),
    path("events/<int:pk>/", volunteering.event_detail, name="event"),
    path("events/<int:pk>/edit/", volunteering.event_edit, name="event_edit"),
    path("participants/<int:pk>/edit/", volunteering.participation_edit, name="participation_edit"),
    path("groups/new/", volunteering.group_create, name="group_create"),
    path("groups/<int:pk>/", volunteering.group_detail, name="group"),
    path("groups/<int:pk>/edit/", volunteering.group_edit, name="group_edit"),
    path("tutoring/", tutoring.tutoring, name="tutoring"),
    path("tutoring/new/", tutoring.tutoring_add, name="tutoring_add"),
    path("tutoring/<int:pk>/", tutoring.tutoring_detail, name="tutoring_session"),
    path("tutoring/<int:pk>/edit/", tutoring.tutoring_edit, name="tutoring_edit"),
    path("tutoring/weekly/new/", tutoring.series_create, name="series_create"),
    path("tutoring/weekly/<int:pk>/", tutoring.series_detail, name="series"),
    path("tutoring/weekly/<int:pk>/extend/", tutoring.series_extend, name="series_extend"),
    path("mine/", tutoring.mine, name="mine"),
    path("pairs/", care.pairs, name="pairs"),
    path("pairs/new/", care.pair_create, name="pair_create"),
    path("pairs/<int:pk>/", care.pair_detail, name="pair"),
    path("pairs/<int:pk>/edit/", care.pair_edit, name="pair_edit"),
    path("pairs/<int:pk>/visits/new/", care.visit_create, name="visit_create"),
    path("liaisons/", liaison.liaisons, name="liaisons"),
    path("liaisons/classes/new/", liaison.class_create, name="class_create"),
    path("liaisons/new/", liaison.liaison_create, name="liaison_create"),
    path("liaisons/<int:pk>/", liaison.liaison_detail, name="liaison"),
    path("liaisons/<int:pk>/edit/", liaison.liaison_edit, name="liaison_edit"),
    path("liaisons/<int:pk>/contacts/new/", liaison.contact_create, name="contact_create"),
    path("partners/", care.partners, name="partners"),
    path("partners/new/", care.partner_create, name="partner_create"),
    path("partners/<int:pk>/", care.partner_detail, name="partner"),
    path("partners/<int:pk>/edit/", care.partner_edit, name="partner_edit"),
    path("partners/<int:pk>/sessions/new/", care.partner_session_create, name="partner_session_create"),
    path("export/<slug:what>/", exports.export, name="export"),
]
