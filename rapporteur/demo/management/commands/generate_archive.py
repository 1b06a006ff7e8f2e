import time

from django.core.management.base import BaseCommand, CommandError

from rapporteur.demo.synthetic import ArchiveGenerator, ArchiveSize


class Command(BaseCommand):
    help = (
        "Generate clearly synthetic editions of realistic size (about 10 theme sections and 1,200 words "
        "per entry, with synthetic people who recur across years) for scale tests and benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--editions", type=int, required=True, help="How many editions to add.")
        parser.add_argument("--countries", type=int, required=True, help="How many country entries per edition.")
        parser.add_argument("--sections", type=int, default=10, help="Theme sections per entry (default 10).")
        parser.add_argument("--words", type=int, default=1200, help="Approximate words per entry (default 1200).")
        parser.add_argument("--seed", type=int, default=2013, help="Random seed; the same seed gives the same archive.")

    def handle(self, *args, editions, countries, sections, words, seed, **options):
        if editions < 1 or countries < 1:
            raise CommandError("--editions and --countries must be at least 1.")
        started = time.perf_counter()
        generator = ArchiveGenerator(ArchiveSize(editions, countries, sections, words, seed), stdout=self.stdout)
        try:
            years = generator.run()
        except ValueError as error:
            raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {len(years)} synthetic editions ({years[0]}–{years[-1]}), "
                f"{len(years) * countries} entries, in {elapsed:.1f} s."
            )
        )
