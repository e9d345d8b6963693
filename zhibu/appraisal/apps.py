from django.apps import AppConfig


class AppraisalConfig(AppConfig):
    name = "zhibu.appraisal"
    label = "appraisal"
    verbose_name = "评议考核"
