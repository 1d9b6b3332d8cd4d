from django.core.management.base import BaseCommand, CommandError

from marketplace.occupations.services import TaxonomyError, occupations_load


class Command(BaseCommand):
    help = "Load or update the occupation taxonomy shipped in marketplace/data/occupations.json."

    def handle(self, *args, **options) -> None:
        try:
            result = occupations_load()
        except TaxonomyError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"occupation taxonomy: {result.families} families, {result.occupations} occupations "
            f"({result.created} new, {result.updated} updated)"
        )
