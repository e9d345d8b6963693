from django.urls import path

from .views import committee, people, roster, transfers

app_name = "people"

urlpatterns = [
    path("", people.people_list, name="list"),
    path("new/", people.person_create, name="create"),
    path("import/", roster.roster_import, name="import"),
    path("import/template/", roster.roster_template, name="import_template"),
    path("export/", roster.roster_export, name="export"),
    path("committee/", committee.committee, name="committee"),
    path("committee/term/new/", committee.term_start, name="committee_term_new"),
    path("committee/holdings/new/", committee.holding_add, name="committee_holding_new"),
    path("committee/holdings/<int:pk>/end/", committee.holding_end, name="committee_holding_end"),
    path("transfers/", transfers.transfers, name="transfers"),
    path("transfers/in/", transfers.transfer_in, name="transfer_in"),
    path("transfers/export/", transfers.transfers_export, name="transfers_export"),
    path("transfers/<int:pk>/", transfers.transfer_detail, name="transfer"),
    path("marks/", transfers.marks, name="marks"),
    path("marks/<int:pk>/", transfers.mark_detail, name="mark"),
    path("marks/<int:pk>/end/", transfers.mark_end, name="mark_end"),
    path("<int:pk>/transfer-out/", transfers.transfer_out, name="transfer_out"),
    path("<int:pk>/marks/new/", transfers.mark_create, name="mark_create"),
    path("<int:pk>/", people.person_detail, name="person"),
    path("<int:pk>/edit/", people.person_edit, name="edit"),
    path("<int:pk>/status/", people.person_status, name="status"),
]
