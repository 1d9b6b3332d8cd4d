from django.apps import AppConfig


class LivestreamConfig(AppConfig):
    name = "livestream"
    verbose_name = "实时服务"

    def ready(self) -> None:
        # The gigs', live rooms' and events' demo data join `manage.py seed_demo`.
        from livestream import demo

        demo.register()
