from django.apps import AppConfig


class ServiceConfig(AppConfig):
    name = "zhibu.service"
    label = "service"
    verbose_name = "服务"
