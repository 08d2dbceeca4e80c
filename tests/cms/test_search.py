"""The project's search backend: on SQLite, Wagtail's results in Wagtail's order, ranked in one
pass; elsewhere, Wagtail's own backend."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from episodes import factories as f
from episodes.models import EpisodePage

pytestmark = pytest.mark.django_db

WORDS = ["pricing", "wholesale", "retainer", "discount", "invoice"]


@pytest.fixture
def episodes(show):
    """Episodes whose titles and summaries repeat the words unevenly, ties included."""
    made = []
    for number in range(24):
        words = [WORDS[(number + step) % len(WORDS)] for step in range(1 + number % 4)]
        made.append(
            f.EpisodePageFactory(
                parent=show,
                title=f"Talk {number}: {' '.join(words[:2])}",
                episode_number=number + 1,
                summary=f"<p>{' '.join(words)} and more {words[0]}</p>",
                published=True,
            )
        )
    return made


def backends() -> tuple[Any, Any]:
    """Ours and Wagtail's SQLite backends; skips elsewhere (their module imports only there)."""
    if connection.vendor != "sqlite":
        pytest.skip("the one-pass ranking is SQLite's; PostgreSQL uses Wagtail's backend")
    from cms.sqlite_search import OnePassSQLiteSearchBackend, SQLiteSearchBackend

    return OnePassSQLiteSearchBackend({}), SQLiteSearchBackend({})


QUERIES = [
    ("wholesale", None),
    ("wholesale pricing", "and"),
    ("wholesale pricing", "or"),
    ('"more pricing"', None),
    ("nothing-matches-this", None),
]


@pytest.mark.parametrize(("query", "operator"), QUERIES)
def test_results_and_order_are_wagtails(episodes, query, operator):
    ours, stock = backends()
    for pages in (EpisodePage.objects.live(), Page.objects.live().filter(depth__gt=2)):
        ranked = ours.search(query, pages, operator=operator)
        expected = stock.search(query, pages, operator=operator)
        assert ranked.count() == expected.count()
        for start, stop in ((0, 5), (5, 12), (12, None)):
            assert [page.pk for page in ranked[start:stop]] == [
                page.pk for page in expected[start:stop]
            ], (query, start)


def test_ties_keep_wagtails_newest_first_order(show):
    ours, stock = backends()
    for number in range(1, 6):
        f.EpisodePageFactory(
            parent=show,
            title="Same words",
            slug=f"same-{number}",
            episode_number=number,
            summary="",
            published=True,
        )
    # Every title scores alike: the order is the key's, newest first, as Wagtail's.
    ranked = [page.pk for page in ours.search("same", EpisodePage.objects.live())]
    assert ranked == [page.pk for page in stock.search("same", EpisodePage.objects.live())]
    assert len(ranked) == 5
    assert ranked == sorted(ranked, reverse=True)


def test_a_ranked_search_is_three_queries_whatever_the_matches(episodes):
    backends()
    results = get_search_backend().search("wholesale", EpisodePage.objects.live())
    with CaptureQueriesContext(connection) as queries:
        total = results.count()
        window = list(results[0:5])
    assert total > 5
    assert len(window) == 5
    # Scores, matching keys, the window's pages; the count reuses the ranking.
    assert len(queries) == 3, [query["sql"] for query in queries.captured_queries]


def test_other_orderings_and_negations_are_wagtails_own(episodes):
    ours, stock = backends()
    pages = EpisodePage.objects.live().order_by("title")
    unordered = ours.search("wholesale", pages, order_by_relevance=False)
    expected = stock.search("wholesale", pages, order_by_relevance=False)
    assert [page.pk for page in unordered] == [page.pk for page in expected]


def test_the_project_backend_is_the_one_pass_one_on_sqlite_and_wagtails_elsewhere():
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        ours, _ = backends()
        assert type(backend) is type(ours)
    else:
        assert type(backend).__module__.startswith("modelsearch.backends.database.")


def test_autocomplete_is_wagtails_too(episodes):
    ours, stock = backends()
    for prefix in ("whole", "pric", "talk"):
        ranked = ours.autocomplete(prefix, EpisodePage.objects.live())
        expected = stock.autocomplete(prefix, EpisodePage.objects.live())
        assert ranked.count() == expected.count() > 0, prefix
        assert [page.pk for page in ranked] == [page.pk for page in expected], prefix


def test_a_save_refreshes_the_title_norms_from_indexes_not_the_entries():
    """Wagtail's SQLite backend averages every title on each indexed save (cms migration 0001)."""
    if connection.vendor != "sqlite":
        pytest.skip("title norms are the SQLite backend's; PostgreSQL's keeps none")
    person = f.PersonFactory(name="Indexed Person")
    with CaptureQueriesContext(connection) as queries:
        person.save()
    norm_queries = [q["sql"] for q in queries if "title_norm" in q["sql"] or "AVG(" in q["sql"]]
    assert len(norm_queries) == 2, norm_queries
    plans = []
    with connection.cursor() as cursor:
        for sql in norm_queries:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            plans.append(" ".join(str(row[-1]) for row in cursor.fetchall()))
    assert "COVERING INDEX cms_indexentry_title_length" in plans[0]
    assert "INDEX cms_indexentry_title_norm" in plans[1]
