from django.apps import AppConfig


class HonoursConfig(AppConfig):
    name = "zhibu.honours"
    label = "honours"
    verbose_name = "荣誉与评比"
