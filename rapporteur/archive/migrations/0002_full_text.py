"""Full-text search over archive records, in the database's own engine.

SQLite: an FTS5 table (``archive_fts``) mirroring heading and text, with an English
stemmer and Unicode/diacritic-aware tokens, kept in step by triggers.
PostgreSQL: a weighted ``tsvector`` column with a GIN index, kept in step by a trigger.
"""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE archive_fts USING fts5(
        heading, text, content='archive_searchrecord', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER archive_fts_insert AFTER INSERT ON archive_searchrecord BEGIN
        INSERT INTO archive_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text); END""",
    """CREATE TRIGGER archive_fts_delete AFTER DELETE ON archive_searchrecord BEGIN
        INSERT INTO archive_fts(archive_fts, rowid, heading, text) VALUES ('delete', old.id, old.heading, old.text); END""",
    """CREATE TRIGGER archive_fts_update AFTER UPDATE ON archive_searchrecord BEGIN
        INSERT INTO archive_fts(archive_fts, rowid, heading, text) VALUES ('delete', old.id, old.heading, old.text);
        INSERT INTO archive_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS archive_fts_update",
    "DROP TRIGGER IF EXISTS archive_fts_delete",
    "DROP TRIGGER IF EXISTS archive_fts_insert",
    "DROP TABLE IF EXISTS archive_fts",
]

POSTGRES = [
    "ALTER TABLE archive_searchrecord ADD COLUMN search_vector tsvector",
    """CREATE FUNCTION archive_searchrecord_vector() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('english', coalesce(NEW.heading, '')), 'A') ||
            setweight(to_tsvector('english', coalesce(NEW.text, '')), 'B');
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER archive_searchrecord_vector BEFORE INSERT OR UPDATE ON archive_searchrecord
        FOR EACH ROW EXECUTE FUNCTION archive_searchrecord_vector()""",
    "CREATE INDEX archive_searchrecord_vector_idx ON archive_searchrecord USING GIN (search_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS archive_searchrecord_vector_idx",
    "DROP TRIGGER IF EXISTS archive_searchrecord_vector ON archive_searchrecord",
    "DROP FUNCTION IF EXISTS archive_searchrecord_vector()",
    "ALTER TABLE archive_searchrecord DROP COLUMN IF EXISTS search_vector",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("archive", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
