from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "zhibu.mentoring"
    label = "mentoring"
