from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zhibu.core"
    label = "core"
    verbose_name = "组织与人员"

    def ready(self) -> None:
        # Registering modules: core's own figures, rules, permissions, navigation and demo loader.
        from . import demo_data, figures, nav_items, roles, rules, sections_people  # noqa: F401
