from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "zhibu.inspections"
    label = "inspections"
    verbose_name = "检查评比"
