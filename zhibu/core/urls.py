from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("audit/", views.audit_list, name="audit"),
    path("search/", views.search_view, name="search"),
    path("figures/", views.figure_list, name="figures"),
    path("figures/<str:code>/", views.figure_detail, name="figure"),
]
