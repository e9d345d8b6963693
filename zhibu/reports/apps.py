from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "zhibu.reports"
    label = "reports"
