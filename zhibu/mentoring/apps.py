from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "zhibu.mentoring"
    label = "mentoring"
    verbose_name = "包教工作"

    def ready(self) -> None:
        # Permissions and object rules, menu, figures (counts only), rules and the demo loader.
        # No admin module on purpose: a superuser must not browse cases about minors.
        from . import access, demo_data, figures, nav_items, rules, sections  # noqa: F401
