from django.urls import path

from .views import appraisals, points

app_name = "appraisal"

urlpatterns = [
    path("points/", points.mine, name="points_mine"),
    path("points/ranking/", points.ranking, name="ranking"),
    path("points/ranking/export/", points.ranking_export, name="ranking_export"),
    path("points/people/<int:pk>/", points.person_points, name="points_person"),
    path("points/rules/", points.rules, name="rules"),
    path("points/rules/new/", points.rule_create, name="rule_create"),
    path("points/rules/<int:pk>/", points.rule_edit, name="rule_edit"),
    path("points/adjustments/new/", points.adjustment_create, name="adjustment_create"),
    path("", appraisals.appraisal_list, name="appraisals"),
    path("open/", appraisals.appraisal_open, name="appraisal_open"),
    path("export/", appraisals.results_export, name="results_export"),
    path("<int:pk>/", appraisals.appraisal_detail, name="appraisal"),
    path("mine/", appraisals.mine, name="mine"),
    path("mine/self/", appraisals.self_assess, name="self_assess"),
    path("mine/rate/", appraisals.rate, name="rate"),
]
