from django.core.management.base import BaseCommand
from tqdm import tqdm

from marketplace.seed.handcrafted import demo_load, demo_size


class Command(BaseCommand):
    help = "Load the demo employers and job postings (idempotent) for a first run."

    def handle(self, *args, **options) -> None:
        with tqdm(total=demo_size(), desc="demo data", unit="row", disable=options["verbosity"] == 0) as bar:
            result = demo_load(progress=bar.update)
        self.stdout.write(
            f"demo data: {result.occupations} occupations, {result.employers} employers, "
            f"{result.postings} published postings"
        )
