from django.apps import AppConfig


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = "就业市场"

    def ready(self) -> None:
        # Features inside the marketplace that answer its own signals (events.py) connect here.
        from marketplace.households import receivers as households
        from marketplace.stations import receivers as stations

        stations.connect()
        households.connect()
