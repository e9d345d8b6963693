from django.urls import path

from . import views, views_jobs, views_recycle

app_name = "core"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("audit/", views.audit_list, name="audit"),
    path("search/", views.search_view, name="search"),
    path("figures/", views.figure_list, name="figures"),
    path("figures/<str:code>/", views.figure_detail, name="figure"),
    path("jobs/<uuid:pk>/", views_jobs.job_detail, name="job"),
    path("remove/<str:model>/<int:pk>/", views_recycle.remove, name="remove"),
    path("recycle/", views_recycle.recycle_list, name="recycle"),
    path("recycle/<int:pk>/restore/", views_recycle.recycle_restore, name="recycle_restore"),
    path("jobs/<uuid:pk>/status/", views_jobs.job_status, name="job_status"),
    path("jobs/<uuid:pk>/result/", views_jobs.job_result, name="job_result"),
]
