from django.apps import AppConfig


class ProofreadConfig(AppConfig):
    name = "zhibu.proofread"
    label = "proofread"
    verbose_name = "文稿校对"
