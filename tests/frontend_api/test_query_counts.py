"""The detail costs at most 5 queries and a 20-item listing at most 10, whatever the content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from episodes import factories as f
from tests.support.content import embed_row, full_episode, image
from tests.support.site import publish

DETAIL_BUDGET = 5
LISTING_BUDGET = 10


def count_queries(client, url: str) -> int:
    warm = client.get(url)  # fills the site caches and makes missing renditions once
    assert warm.status_code == 200, warm.content
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content == warm.content
    return len(queries)


def big_body(blocks: int, *, people, images, links, document) -> list[dict]:
    """`blocks` blocks cycling through every type, referring to many people, images and pages."""
    body = []
    for index in range(blocks):
        person = people[index % len(people)]
        kind = index % 6
        if kind == 0:
            body.append(f.heading(f"Section {index}", level="h2"))
        elif kind == 1:
            anchors = "".join(
                f'<a linktype="page" id="{links[(index + n) % len(links)].pk}">link</a> '
                for n in range(3)
            )
            body.append(
                f.paragraph(f'<p>{anchors}<a linktype="document" id="{document.pk}">doc</a></p>')
            )
        elif kind == 2:
            body.append(f.pull_quote(f"Quote {index}", speaker=person, timestamp="1:00"))
        elif kind == 3:
            body.append(f.image(images[index % len(images)], alt=f"Image {index}"))
        elif kind == 4:
            body.append(f.faq([f.faq_item(f"Question {index}?", "<p>Yes.</p>", "Indeed.", person)]))
        else:
            body.append(f.embed("https://video.example/watch/demo"))
    return body


@pytest.fixture(autouse=True)
def without_response_cache(settings):
    """These budgets are for rendering; cached answers are counted in tests/frontend_api/caching,
    stored ones (one query) in tests/frontend_api/stored: the warm read would store the detail."""
    settings.API_CACHE_ENABLED = False
    settings.API_STORED_REPRESENTATIONS = False


@pytest.fixture
def references(show):
    """Many people, images and pages for the bodies to point at."""
    embed_row()
    images = [image(name=f"img-{n}", size=32) for n in range(12)]
    people = [f.PersonFactory(photo=images[n % len(images)]) for n in range(30)]
    links = [
        f.EpisodePageFactory(parent=show, slug=f"target-{n}", published=True) for n in range(60)
    ]
    document = f.wagtail_factories.DocumentFactory()
    return {"people": people, "images": images, "links": links, "document": document}


def episode_with(show, references, blocks: int, slug: str):
    page = f.EpisodePageFactory(
        parent=show,
        slug=slug,
        body=big_body(blocks, **references),
        cover_image=references["images"][0],
    )
    for person in references["people"][:5]:
        page.host_links.create(person=person)
    page.tags.add("one", "two")
    page.save()
    return publish(page)


def test_detail_is_constant_from_10_to_1000_blocks(client, show, references):
    small = episode_with(show, references, 10, "small")
    large = episode_with(show, references, 1000, "large")
    small_count = count_queries(client, f"/api/v2/pages/{small.pk}/")
    large_count = count_queries(client, f"/api/v2/pages/{large.pk}/")
    assert small_count == large_count
    assert large_count <= DETAIL_BUDGET


def test_detail_with_50_links(client, show, references):
    links = references["links"][:50]
    body = [
        f.paragraph(
            "".join(
                f'<p><a linktype="page" id="{page.pk}">{n}</a></p>' for n, page in enumerate(links)
            )
        )
    ]
    page = f.EpisodePageFactory(parent=show, slug="links", body=body, published=True)
    assert count_queries(client, f"/api/v2/pages/{page.pk}/") <= DETAIL_BUDGET


def test_full_episode_detail(client, show):
    page = full_episode(show)
    assert count_queries(client, f"/api/v2/pages/{page.pk}/") <= DETAIL_BUDGET


def test_listing_of_20_with_all_fields(client, show, references):
    for n in range(20):
        episode_with(show, references, 12, f"listed-{n}")
    url = "/api/v2/pages/?type=episodes.EpisodePage&fields=*&limit=20"
    assert count_queries(client, url) <= LISTING_BUDGET
    url = "/api/v2/pages/?fields=*&limit=20&show=test-show&order=-broadcast_at"
    assert count_queries(client, url) <= LISTING_BUDGET
