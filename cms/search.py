"""The search backend: Wagtail's database backend, ranking by relevance in one pass on SQLite
(cms/sqlite_search.py: Wagtail's own scored every match with a subquery per candidate row)."""

from typing import Any

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params: dict[str, Any]) -> Any:
    """Wagtail's database backend for this database; on SQLite with FTS, the one-pass one."""
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    # Only importable on SQLite (see its docstring).
    from cms.sqlite_search import OnePassSQLiteSearchBackend, SQLiteSearchBackend

    if type(backend) is SQLiteSearchBackend:
        return OnePassSQLiteSearchBackend(params)
    return backend
