from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "zhibu.voice"
    label = "voice"
    verbose_name = "征求意见与意见建议"
