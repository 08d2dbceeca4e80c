"""Indexes for Wagtail's SQLite search backend, which reads every index entry on each save.

On every indexed save (a page, a person, a rubric), the backend refreshes its title norms:
the average title length over all entries, then an update of the entries still at the
default norm. Both read the whole table, whose rows hold every page's searchable text: 13 s
for one person's save with 100,000 episodes (docs/benchmarks.md). A covering index on the
title's length serves the average (5.7 ms there), one on the norm the update. The backend's
own results are unchanged. PostgreSQL's backend keeps no such norms, so nothing is made there.
"""

from django.db import migrations

INDEXES = {
    "cms_indexentry_title_length": '(LENGTH("title"), "title")',
    "cms_indexentry_title_norm": '("title_norm")',
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name, columns in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "wagtailsearch_indexentry" {columns}'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
