from django.urls import path

from .views import own, plans, scoring

app_name = "inspections"

urlpatterns = [
    path("", plans.plans, name="plans"),
    path("new/", plans.plan_create, name="plan_create"),
    path("<int:pk>/", plans.plan_detail, name="plan"),
    path("<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("<int:pk>/open/", plans.plan_open, name="plan_open"),
    path("<int:pk>/publish/", plans.plan_publish, name="plan_publish"),
    path("<int:pk>/scores/", scoring.scores, name="scores"),
    path("<int:pk>/results/", plans.results, name="results"),
    path("<int:pk>/results/export/", plans.results_export, name="results_export"),
    path("mine/", own.mine, name="mine"),
    path("<int:pk>/branch/<int:branch>/", own.result, name="result"),
]
