"""Wagtail's SQLite search backend with relevance ordering in one pass (cms/search.py picks it).

Wagtail's SQLite compiler orders by relevance with a subquery per candidate row that runs the
full-text match again: quadratic in the matches (one search of 20,000 episodes took 142 s and
held the database meanwhile). Here every match is scored once, in one query, the filtered
queryset keeps its keys in another, and the order (score, then newest key, as Wagtail's) is
worked out in Python. Same results, same order; other queries are Wagtail's own.

Importable on SQLite only: Wagtail's SQLite module looks up a model that exists only there.
"""

from typing import Any

from django.db.models import QuerySet
from modelsearch.backends.database.sqlite.sqlite import (
    MatchExpression,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
    normalize,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class OnePassSearchQueryCompiler(SQLiteSearchQueryCompiler):
    """Wagtail's SQLite compiler, ranking the matches of a relevance-ordered search in one pass."""

    _ranked: list[Any] | None = None

    def ranked_keys(self, config: Any) -> list[Any] | None:
        """Keys of the matching objects in relevance order; None where Wagtail's query is used
        (not ordered by relevance, match-all or negated queries)."""
        if not self.order_by_relevance:
            return None
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        if self._ranked is None:
            matches = self._matches(query, config)
            scores = dict(matches.values_list("index_entry__object_id", "score"))
            object_ids = matches.values_list("index_entry__object_id", flat=True)
            keys = self.queryset.filter(pk__in=object_ids).values_list("pk", flat=True)
            # Newest key first, then by score: the sort is stable, so ties stay newest first.
            ranked = sorted(keys, reverse=True)
            ranked.sort(key=lambda key: scores[str(key)])
            self._ranked = ranked
        return self._ranked

    def _matches(self, query: Any, config: Any) -> QuerySet:
        """The index entries matching the query, each with its score (as Wagtail's search)."""
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
        )


class OnePassAutocompleteQueryCompiler(OnePassSearchQueryCompiler, SQLiteAutocompleteQueryCompiler):
    """Wagtail's SQLite autocomplete (the admin's search boxes), ranked in one pass too."""


class OnePassSearchResults(SQLiteSearchResults):
    """Results whose window and count come from the one-pass ranking when there is one."""

    def _ranked(self) -> list[Any] | None:
        if self._score_field is not None:  # scores asked for: Wagtail's query annotates them
            return None
        compiler = self.query_compiler
        return compiler.ranked_keys(compiler.get_config(self.backend))

    def _do_search(self) -> list[Any]:
        ranked = self._ranked()
        if ranked is None:
            return super()._do_search()
        window = ranked[self.start : self.stop]
        found = self.query_compiler.queryset.order_by().in_bulk(window)
        return [found[key] for key in window if key in found]

    def _do_count(self) -> int:
        ranked = self._ranked()
        return super()._do_count() if ranked is None else len(ranked)


class OnePassSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = OnePassSearchQueryCompiler
    autocomplete_query_compiler_class = OnePassAutocompleteQueryCompiler
    results_class = OnePassSearchResults
