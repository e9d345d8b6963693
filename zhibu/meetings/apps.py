from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "zhibu.meetings"
    label = "meetings"
    verbose_name = "组织生活"

    def ready(self) -> None:
        # Registering modules: permissions, navigation, figures, rule checks and the demo loader.
        from . import demo_data, figures, nav_items, roles, rules, search, sections  # noqa: F401
