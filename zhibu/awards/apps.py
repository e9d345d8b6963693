from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "zhibu.awards"
    label = "awards"
    verbose_name = "评先评优"
