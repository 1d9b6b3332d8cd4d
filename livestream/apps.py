from django.apps import AppConfig


class LivestreamConfig(AppConfig):
    name = "livestream"
    verbose_name = "实时服务"

    def ready(self) -> None:
        # The gigs', live rooms' and events' demo data join `manage.py seed_demo`.
        from livestream import demo

        demo.register()
        # 好差评 of the services these features give: a finished gig, an attended event.
        from livestream.events.selectors import county_of_attended_event
        from livestream.gigs.selectors import county_of_finished_claim
        from marketplace.ratings import rules
        from marketplace.ratings.enums import Service

        rules.register(Service.GIG, county_of_finished_claim)
        rules.register(Service.EVENT, county_of_attended_event)
        # Gig wage complaints count toward the employers' early warning (根治欠薪).
        from livestream.gigs.selectors import wage_complaints_by_employer
        from marketplace.arrears.rules import register_complaint_counter

        register_complaint_counter(wage_complaints_by_employer)
        # An employer put on the wage-arrears blacklist loses its coming gigs from every board.
        from livestream.gigs import receivers

        receivers.connect()
