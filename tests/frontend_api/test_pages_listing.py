"""Listings, v2 parameters, episode filters, search, find and paging."""

import datetime
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from episodes import factories as f
from tests.support.site import publish


@pytest.fixture(autouse=True)
def origins(settings):
    settings.FRONTEND_URL = "https://front.example"
    settings.CMS_URL = "https://cms.example"
    settings.WAGTAILAPI_BASE_URL = "https://cms.example"


def aware(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 8))


@pytest.fixture
def catalogue(show, home_page):
    """Two shows; episodes across rubrics, seasons, tags and dates; a draft and a private one."""
    market, tools = f.RubricFactory(slug="market"), f.RubricFactory(slug="tools")
    other_show = f.PodcastPageFactory(parent=home_page, title="Other", slug="other")
    pages = {}
    for slug, parent, rubric, season, number, when, tags in [
        ("alpha", show, market, 1, 1, aware(2025, 1, 10), ["ai"]),
        ("beta", show, tools, 1, 2, aware(2025, 2, 10), ["ai", "pricing"]),
        ("gamma", show, market, 2, 3, aware(2025, 3, 10), []),
        ("delta", other_show, market, 1, 1, aware(2025, 4, 10), ["pricing"]),
    ]:
        page = f.EpisodePageFactory(
            parent=parent,
            slug=slug,
            title=f"{slug.capitalize()} episode",
            rubric=rubric,
            season=season,
            episode_number=number,
            broadcast_at=when,
        )
        page.tags.add(*tags)
        pages[slug] = publish(page)
    pages["draft"] = f.EpisodePageFactory(parent=show, slug="draft", live=False)
    pages["private"] = f.EpisodePageFactory(parent=show, slug="private", published=True)
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="login")
    return pages


def slugs(client, query: str) -> list[str]:
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 200, response.content
    return [item["meta"]["slug"] for item in response.json()["items"]]


def test_listing_shape_is_v2(client, catalogue):
    data = client.get("/api/v2/pages/?type=episodes.EpisodePage&order=title").json()
    assert data["meta"] == {"total_count": 4}
    first = data["items"][0]
    assert set(first) == {"id", "meta", "title"}
    assert set(first["meta"]) == {"type", "detail_url", "html_url", "slug", "first_published_at"}
    assert first["meta"]["html_url"] == "https://front.example/test-show/alpha/"


def test_listing_never_shows_drafts_or_private_pages(client, catalogue):
    listed = slugs(client, "limit=50")
    assert "draft" not in listed
    assert "private" not in listed
    assert {"home", "test-show", "other", "alpha", "beta", "gamma", "delta"} <= set(listed)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("show=test-show", ["alpha", "beta", "gamma"]),
        ("rubric=market", ["alpha", "gamma", "delta"]),
        ("tag=ai", ["alpha", "beta"]),
        ("tag=ai,pricing", ["beta"]),
        ("season=2", ["gamma"]),
        ("episode_number=1", ["alpha", "delta"]),
        ("broadcast_after=2025-02-10", ["beta", "gamma", "delta"]),
        ("broadcast_before=2025-02-10", ["alpha"]),
        ("broadcast_after=2025-02-01T00:00:00Z&broadcast_before=2025-03-31", ["beta", "gamma"]),
        ("show=test-show&rubric=market&season=1", ["alpha"]),
    ],
)
def test_episode_filters(client, catalogue, query, expected):
    assert slugs(client, f"{query}&order=broadcast_at") == expected


def test_show_filter_by_id(client, catalogue, show):
    assert slugs(client, f"show={show.pk}&order=-broadcast_at") == ["gamma", "beta", "alpha"]


def test_v2_parameters_still_work(client, catalogue, show):
    assert slugs(client, f"child_of={show.pk}&order=-title") == ["gamma", "beta", "alpha"]
    assert slugs(client, "type=episodes.EpisodePage&season=2") == ["gamma"]
    assert len(slugs(client, f"descendant_of={show.pk}")) == 3
    data = client.get(
        "/api/v2/pages/?type=episodes.EpisodePage&fields=episode_number,-title"
    ).json()
    assert set(data["items"][0]) == {"id", "meta", "episode_number"}


def test_full_text_search(client, catalogue):
    listed = slugs(client, "search=Gamma")
    assert listed == ["gamma"]
    assert slugs(client, "search=episode&rubric=market&order=broadcast_at") == [
        "alpha",
        "gamma",
        "delta",
    ]


def test_limit_offset_and_maximum(client, catalogue, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 2
    data = client.get("/api/v2/pages/?show=test-show&order=broadcast_at&limit=2&offset=1").json()
    assert data["meta"]["total_count"] == 3
    assert [item["meta"]["slug"] for item in data["items"]] == ["beta", "gamma"]
    response = client.get("/api/v2/pages/?limit=3")
    assert response.status_code == 400
    assert response.json() == {"message": "limit cannot be higher than 2"}
    assert client.get(f"/api/v2/pages/?offset={10**30}").json()["items"] == []


def test_find_redirects_to_the_detail_on_cms_url(client, catalogue):
    page = catalogue["beta"]
    response = client.get("/api/v2/pages/find/?html_path=/test-show/beta/&fields=title")
    assert response.status_code == 302
    assert response["Location"] == f"https://cms.example/api/v2/pages/{page.pk}/?fields=title"
    assert client.get("/api/v2/pages/find/?html_path=test-show/beta").status_code == 302


@pytest.mark.parametrize("slug", ["draft", "private"])
def test_find_hides_drafts_and_private_pages(client, catalogue, slug):
    response = client.get(f"/api/v2/pages/find/?html_path=/test-show/{slug}/")
    assert response.status_code == 404
    assert response.json() == {"message": "not found"}


def test_find_home(client, catalogue, home_page):
    response = client.get("/api/v2/pages/find/?html_path=/")
    assert response["Location"] == f"https://cms.example/api/v2/pages/{home_page.pk}/"


def test_show_and_rubric_ids_no_row_can_have_match_nothing(client, catalogue):
    assert slugs(client, f"show={2**40}") == []
    assert slugs(client, f"rubric={10**30}") == []
    # Digits outside ASCII are no id: read as a slug, which nothing has.
    assert slugs(client, "show=\u0661\u0662") == []


def test_search_operator_is_checked_with_or_without_search(client, catalogue):
    for query in ("search_operator=false", "search=episode&search_operator=xor"):
        response = client.get(f"/api/v2/pages/?{query}")
        assert response.status_code == 400, query
        assert response.json() == {"message": "search_operator must be 'and' or 'or'"}
    assert slugs(client, "search=gamma&search_operator=or") == ["gamma"]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Offsets ISO 8601 allows but PostgreSQL refuses, and ends of the calendar in UTC.
        ("2025-03-01T20:00:00+21:30", ["gamma", "delta"]),
        ("0001-01-01T00:00:00+05:00", ["alpha", "beta", "gamma", "delta"]),
        ("9999-12-31T23:00:00-05:00", []),
    ],
)
def test_broadcast_moments_at_the_edges(client, catalogue, moment, expected):
    query = urlencode({"broadcast_after": moment, "order": "broadcast_at"})
    assert slugs(client, query) == expected
