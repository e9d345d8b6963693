from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "zhibu.reports"
    label = "reports"
    verbose_name = "总结与报送"

    def ready(self) -> None:
        # Registering modules: permissions and menu, submission rules, the dashboard panel.
        from . import dashboard, demo_data, roles, rules  # noqa: F401
