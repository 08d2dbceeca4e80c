"""Bulk-built episodes are what Wagtail's publish makes: publishing them again changes nothing
a reader, an editor, the reference index or the search index sees (bar the publish times)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry

from bench.bulk import BulkBuilder
from episodes.models import EpisodePage, PodcastPage
from frontend_api.stored.models import StoredPage
from tests.support.site import restore_wagtail_roots

# What a new publish moves by itself: its time and its revision.
PUBLISH_MOMENTS = {
    "last_published_at",
    "latest_revision_created_at",
    "live_revision",
    "latest_revision",
    "has_unpublished_changes",
    "first_published_at",
}


def detail(client, page_id: int) -> dict:
    response = client.get(f"/api/v2/pages/{page_id}/")
    assert response.status_code == 200
    answer = response.json()
    answer["meta"].pop("last_published_at", None)
    return answer


def listing(client) -> list[dict]:
    response = client.get("/api/v2/pages/?type=episodes.EpisodePage&fields=*&limit=50")
    assert response.status_code == 200
    items = response.json()["items"]
    for item in items:
        item["meta"].pop("last_published_at", None)
    return items


def references(page_id: int) -> set[tuple]:
    return set(
        ReferenceIndex.objects.filter(object_id=str(page_id)).values_list(
            "content_type_id", "to_content_type_id", "to_object_id", "model_path", "content_path"
        )
    )


def search_entry(page_id: int) -> tuple:
    # Snippets are indexed too: a person may share the episode's id, so the model is named.
    episodes = ContentType.objects.get_for_model(EpisodePage)
    return IndexEntry.objects.filter(object_id=str(page_id), content_type=episodes).values_list(
        "content_type_id", "title", "autocomplete", "body"
    )[0]


@pytest.fixture
def bulk_site(db):
    restore_wagtail_roots()
    builder = BulkBuilder(12, shows=2, feed_episodes=6)
    facts = builder.build()
    return builder, facts


def test_the_tree_is_sound_and_every_episode_is_published(bulk_site):
    builder, facts = bulk_site
    assert facts["episodes"] == 12
    assert all(not problems for problems in Page.find_problems())
    for show in PodcastPage.objects.all():
        assert show.numchild == show.get_children().count() == 6
    for page in EpisodePage.objects.all():
        assert page.live and not page.has_unpublished_changes
        assert page.url_path == f"{page.get_parent().url_path}{page.slug}/"
        assert page.live_revision_id == page.latest_revision_id
        assert list(page.live_revision.as_object().body.raw_data) == list(page.body.raw_data)
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    # New pages and revisions get ids after the bulk ones (the sequences were moved on).
    assert builder.shows[0].add_child(instance=EpisodePage(
        title="Later", slug="later", episode_number=99, broadcast_at=page.broadcast_at
    )).pk > page.pk  # fmt: skip
    assert Revision.objects.order_by("-pk").first().pk >= page.live_revision_id


def test_publishing_a_bulk_episode_again_changes_nothing_but_its_times(bulk_site, client):
    _, _ = bulk_site
    pages = list(EpisodePage.objects.order_by("path")[:3])
    before = {
        page.pk: (detail(client, page.pk), references(page.pk), search_entry(page.pk))
        for page in pages
    }
    items_before = listing(client)
    bulk_revisions = {page.pk: page.live_revision.content for page in pages}

    for page in pages:
        page.save_revision().publish()
    StoredPage.objects.all().delete()

    for page in pages:
        assert (detail(client, page.pk), references(page.pk), search_entry(page.pk)) == before[
            page.pk
        ]
        page.refresh_from_db()
        normal = page.live_revision.content
        assert page.live_revision_id != (bulk_revisions[page.pk].get("live_revision"))
        for key in PUBLISH_MOMENTS:
            normal.pop(key, None)
            bulk_revisions[page.pk].pop(key, None)
        assert normal == bulk_revisions[page.pk]
    assert listing(client) == items_before


def test_stored_answers_are_the_rendered_ones(bulk_site, client):
    builder, _ = bulk_site
    stored = builder.store(4)
    assert stored["stored"] == 4
    row = StoredPage.objects.order_by("page__path").first()
    assert row is not None
    body = bytes(row.body)
    StoredPage.objects.all().delete()
    response = client.get(f"/api/v2/pages/{row.page_id}/")
    assert response.content == body
