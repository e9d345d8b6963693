from django.apps import AppConfig


class BureauConfig(AppConfig):
    name = "zhibu.bureau"
    label = "bureau"
    verbose_name = "上级党委"
