from django.apps import AppConfig


class LivestreamConfig(AppConfig):
    name = "livestream"
    verbose_name = "实时服务"
