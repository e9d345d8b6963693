from django.urls import path

from . import views, views_roster

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("people/", views.people_list, name="people"),
    path("people/new/", views.person_create, name="person_create"),
    path("people/import/", views_roster.roster_import, name="people_import"),
    path("people/import/template/", views_roster.roster_template, name="people_import_template"),
    path("people/export/", views_roster.roster_export, name="people_export"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("people/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("people/<int:pk>/status/", views.person_status, name="person_status"),
    path("audit/", views.audit_list, name="audit"),
    path("search/", views.search_view, name="search"),
    path("figures/", views.figure_list, name="figures"),
    path("figures/<str:code>/", views.figure_detail, name="figure"),
]
