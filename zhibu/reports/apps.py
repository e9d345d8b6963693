from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "zhibu.reports"
    label = "reports"
    verbose_name = "总结与报送"
