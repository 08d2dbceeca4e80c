"""Deploy checks for what several app servers need to share (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Warning, register


@register("cms", deploy=True)
def shared_cache_check(app_configs, **kwargs) -> list[Warning]:
    """Warn when the cache is local to one process: app servers would disagree."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "The default cache is local to each process.",
                hint="Set REDIS_URL so every app server and worker shares one cache.",
                id="cms.W001",
            )
        ]
    return []


@register("cms", deploy=True)
def shared_database_check(app_configs, **kwargs) -> list[Warning]:
    """Warn when the database is an SQLite file: it cannot be shared between servers."""
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return [
            Warning(
                "The database is SQLite.",
                hint="Set DATABASE_URL to PostgreSQL: it is shared by every app server and "
                "backed up with pg_dump (docs/operations.md).",
                id="cms.W002",
            )
        ]
    return []
