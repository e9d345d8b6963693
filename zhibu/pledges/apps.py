from django.apps import AppConfig


class PledgesConfig(AppConfig):
    name = "zhibu.pledges"
    label = "pledges"
    verbose_name = "承诺与岗位职责"
