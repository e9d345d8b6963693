from importlib import import_module

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zhibu.core"
    label = "core"
    verbose_name = "组织与人员"

    def ready(self) -> None:
        from .registries import autodiscover

        # Every app's registering modules (roles, figures, rules, nav, …), core's own included.
        autodiscover()
        # Login and lockout receivers: signals are the only place that sees every login.
        import_module(f"{self.name}.auth_events")
