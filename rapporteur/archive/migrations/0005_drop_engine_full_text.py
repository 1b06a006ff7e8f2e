"""The database engines' full-text indexes (0002) gave way to the archive's own word index (0004).

Ranking inside the engine cost 80 ms (SQLite) and 300 ms (PostgreSQL) for a common word on a
30-edition archive, and phrases 160 ms on PostgreSQL; the word index answers both in a few
milliseconds (figures in ``benchmarks/README.md``). Reversing this migration restores them.
"""

from importlib import import_module

from django.db import migrations

full_text = import_module("rapporteur.archive.migrations.0002_full_text")


class Migration(migrations.Migration):
    dependencies = [("archive", "0004_word_index")]

    operations = [
        migrations.RunPython(
            full_text.run({"sqlite": full_text.SQLITE_REVERSE, "postgresql": full_text.POSTGRES_REVERSE}),
            full_text.run({"sqlite": full_text.SQLITE, "postgresql": full_text.POSTGRES}),
        )
    ]
