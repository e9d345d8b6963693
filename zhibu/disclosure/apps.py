from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "zhibu.disclosure"
    label = "disclosure"
    verbose_name = "党务公开"
