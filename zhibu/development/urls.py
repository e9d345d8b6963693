from django.urls import path

from .views import pipeline, rules

app_name = "development"

urlpatterns = [
    path("", pipeline.pipeline, name="pipeline"),
    path("export/", pipeline.pipeline_export, name="export"),
    path("people/<int:pk>/", pipeline.person, name="person"),
    path("people/<int:pk>/steps/new/", pipeline.step_create, name="step_create"),
    path("rules/", rules.rule_list, name="rules"),
    path("rules/new/", rules.rule_create, name="rule_create"),
    path("settings/", rules.settings_edit, name="settings"),
]
