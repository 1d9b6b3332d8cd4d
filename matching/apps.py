from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = "匹配与搜索"

    def ready(self) -> None:
        from matching import signals  # noqa: F401 - connects the receivers
