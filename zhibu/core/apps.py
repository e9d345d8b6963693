from importlib import import_module

from django.apps import AppConfig

# Modules that register into core's registries (permissions, figures, rules, navigation, search,
# demo, audit action labels, auth event receivers) when the app is ready.
REGISTERING_MODULES = (
    "roles",
    "figures",
    "rules",
    "nav_items",
    "search_providers",
    "demo_data",
    "audit_actions",
    "auth_events",
    "sections_people",
)


class CoreConfig(AppConfig):
    name = "zhibu.core"
    label = "core"
    verbose_name = "组织与人员"

    def ready(self) -> None:
        for module in REGISTERING_MODULES:
            import_module(f"{self.name}.{module}")
