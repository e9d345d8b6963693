from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "zhibu.mentoring"
    label = "mentoring"
    verbose_name = "包教工作"
    # No admin module on purpose: a superuser must not browse cases about minors.
