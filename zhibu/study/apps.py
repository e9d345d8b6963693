from django.apps import AppConfig


class StudyConfig(AppConfig):
    name = "zhibu.study"
    label = "study"
    verbose_name = "学习"

    def ready(self) -> None:
        # Registering modules: permissions and menu, figures, rules, demo loader.
        from . import demo_data, figures, roles, rules, search, sections  # noqa: F401
