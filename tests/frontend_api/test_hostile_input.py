"""The hostile-input corpus against every endpoint: never a 5xx, errors always JSON {"message"}."""

import datetime
import json
from collections import Counter

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from episodes.factories import EpisodePageFactory, ImageFactory, PersonFactory
from episodes.models import EpisodeHost, EpisodePage, Person
from frontend_api.drafts.tokens import hash_token, new_token
from frontend_api.models import ReviewLink
from tests.frontend_api.hostile_corpus import Hostile, corpus

# Production refuses unknown hosts; the tests' settings accept any, which would hide that case.
HOSTS = ["testserver", "localhost"]


@pytest.fixture
def targets(show, episode, settings):
    """The objects the corpus names: live, draft and private pages, an image, a document, and
    preview and review tokens that are expired, revoked or made for another page."""
    settings.ALLOWED_HOSTS = HOSTS
    draft = EpisodePageFactory(parent=show, live=False, title="Hostile draft")
    private = EpisodePageFactory(parent=show, title="Hostile private")
    private.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    image = ImageFactory()
    document = get_document_model().objects.create(title="Notes", file="documents/notes.txt")
    other = EpisodePageFactory(parent=show, title="Another page")
    other_preview = other.create_page_preview()
    with time_machine.travel(timezone.now() - datetime.timedelta(days=2)):
        expired_preview = episode.specific.create_page_preview()
    user = get_user_model().objects.create(username="reviewer-maker", is_superuser=True)
    revoked, expired = new_token(), new_token()
    ReviewLink.objects.create(
        page=draft,
        created_by=user,
        token_hash=hash_token(revoked),
        expires_at=timezone.now() + datetime.timedelta(days=1),
        revoked_at=timezone.now(),
        revoked_by=user,
    )
    ReviewLink.objects.create(
        page=draft,
        created_by=user,
        token_hash=hash_token(expired),
        created_at=timezone.now() - datetime.timedelta(days=10),
        expires_at=timezone.now() - datetime.timedelta(seconds=1),
    )
    site_root = "/" + show.url_path.strip("/").split("/")[0] + "/"
    return {
        "episode": episode.pk,
        "draft": draft.pk,
        "private": private.pk,
        "image": image.pk,
        "document": document.pk,
        "draft_path": draft.url_path.removeprefix(site_root),
        "private_path": private.url_path.removeprefix(site_root),
        "expired_preview": expired_preview.token,
        "expired_preview_type": "episodes.episodepage",
        "other_page_preview": other_preview.token,
        "other_page_preview_type": "episodes.episodepage",
        "wrong_type_preview": other_preview.token,
        "wrong_type_preview_type": "episodes.podcastpage",
        "expired_review": expired,
        "revoked_review": revoked,
    }


def send(hostile: Hostile, targets: dict) -> tuple[str, object]:
    """Send one corpus request through Django's full stack (middleware included)."""
    path = hostile.path.format(**targets)
    query = hostile.query.format(**targets)
    url = f"{path}?{query}" if query else path
    headers = {k: v for k, v in hostile.headers.items() if k.lower() != "content-type"}
    client = Client(raise_request_exception=False)
    response = client.generic(
        hostile.method,
        url,
        data=hostile.body.encode(),
        content_type=hostile.headers.get("Content-Type", "application/octet-stream"),
        headers=headers,
    )
    return url, response


def problems_with(hostile: Hostile, url: str, response) -> list[str]:
    """What is wrong with one answer, as readable lines (none when it is right)."""
    found = []
    where = f"{hostile.name} ({hostile.method} {url[:120]})"
    if response.status_code >= 500:
        found.append(f"{where}: {response.status_code}")
    is_api = hostile.path.startswith("/api/")
    if is_api and response.status_code >= 400:
        try:
            body = json.loads(response.content)
        except ValueError:
            body = None
        if not (isinstance(body, dict) and isinstance(body.get("message"), str)):
            found.append(
                f"{where}: {response.status_code} without a JSON message: "
                f"{response.content[:120]!r}"
            )
    if hostile.method not in ("GET", "HEAD") and response.status_code < 400:
        found.append(f"{where}: a write method answered {response.status_code}")
    return found


# Committed data and autocommit, as in production: a request whose query fails on PostgreSQL
# must not poison the ones after it through a shared test transaction.
@pytest.mark.django_db(transaction=True)
def test_no_hostile_request_gets_a_server_error_or_a_non_json_error(targets):
    requests = corpus()
    statuses: Counter[int] = Counter()
    found: list[str] = []
    for hostile in requests:
        url, response = send(hostile, targets)
        statuses[response.status_code] += 1
        found += problems_with(hostile, url, response)
    print(f"{len(requests)} hostile requests, statuses: {dict(sorted(statuses.items()))}")
    assert not found, "\n".join(found)
    assert sum(n for status, n in statuses.items() if status >= 500) == 0


@pytest.mark.django_db
def test_hidden_pages_and_dead_tokens_answer_404(targets):
    client = Client()
    for pk in (targets["draft"], targets["private"]):
        response = client.get(f"/api/v2/pages/{pk}/")
        assert response.status_code == 404
        assert response.json() == {"message": "not found"}
    for key in ("draft_path", "private_path"):
        response = client.get(f"/api/v2/pages/find/?html_path={targets[key]}")
        assert response.status_code == 404


@pytest.mark.django_db
def test_spoofed_host_is_refused_as_json(targets):
    response = Client().get("/api/v2/pages/", headers={"host": "evil.example.com"})
    assert response.status_code == 400
    assert isinstance(response.json()["message"], str)


def test_the_corpus_covers_every_family_and_every_endpoint():
    requests = corpus()
    assert len(requests) >= 30
    paths = {hostile.path for hostile in requests}
    for endpoint in (
        "/api/v2/pages/",
        "/api/v2/pages/{episode}/",
        "/api/v2/pages/find/",
        "/api/v2/images/",
        "/api/v2/images/{image}/",
        "/api/v2/documents/",
        "/api/v2/documents/{document}/",
        "/api/v2/page_preview/",
        "/healthz",
    ):
        assert endpoint in paths, endpoint
    names = " ".join(hostile.name for hostile in requests)
    for family in (
        "missing",
        "forged",
        "expired",
        "revoked",
        "another page",
        "limit=",
        "offset=",
        "unknown field",
        "nested 1000 deep",
        "ORM lookup",
        "SQL-like",
        "NUL in",
        "html_path",
        "non-ASCII",
        "POST",
        "format=api",
        "spoofed Host",
    ):
        assert family in names, family


MALFORMED_BODIES = [
    {"not": "a list"},
    "a string",
    None,
    [1, 2, 3],
    [{"value": {}}],
    [{"type": "no_such_block", "value": {"text": "x"}, "id": "1"}],
    [{"type": "paragraph", "value": 42, "id": "2"}],
    [{"type": "paragraph", "value": {"text": ["<p>x</p>"]}, "id": "3"}],
    [{"type": "heading", "value": {"level": "h9", "text": {"x": 1}}, "id": "4"}],
    [{"type": "pull_quote", "value": {"speaker": 999999, "text": None}, "id": "5"}],
    [{"type": "pull_quote", "value": {"speaker": "abc", "timestamp": "99:99:99"}, "id": "6"}],
    [{"type": "faq", "value": {"items": "x"}, "id": "7"}],
    [{"type": "faq", "value": {"items": [{"quote": 5}]}, "id": "8"}],
    [{"type": "image", "value": {"image": 99999999}, "id": "9"}],
    [{"type": "image", "value": {"image": "abc"}, "id": "10"}],
    [{"type": "embed", "value": {"url": "javascript:alert(1)"}, "id": "11"}],
    [{"type": "paragraph", "value": {"text": '<a linktype="page" id="abc">x</a>'}, "id": "12"}],
    [{"type": "paragraph", "value": {"text": '<embed embedtype="image" id="0"/>'}, "id": "13"}],
]


@pytest.mark.django_db
@pytest.mark.parametrize("body", MALFORMED_BODIES, ids=lambda body: json.dumps(body)[:40])
def test_malformed_streamfield_rows_never_cause_a_server_error(episode, body):
    with connection.cursor() as cursor:
        table = EpisodePage._meta.db_table
        column = EpisodePage._meta.get_field("body").column
        cursor.execute(
            f"UPDATE {table} SET {column} = %s WHERE page_ptr_id = %s",
            [json.dumps(body), episode.pk],
        )
    client = Client(raise_request_exception=False)
    for url in (
        f"/api/v2/pages/{episode.pk}/",
        "/api/v2/pages/?type=episodes.EpisodePage&fields=*",
        f"/api/v2/pages/find/?html_path=/test-show/{episode.slug}/",
    ):
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        if response.status_code >= 400:
            assert isinstance(response.json()["message"], str)


MALFORMED_PERSON_LINKS = [
    {"not": "a list"},
    "a string",
    [7, None],
    [{"value": {"url": "https://example.com/"}}],
    [{"type": "link", "value": 42, "id": "1"}],
    [{"type": "link", "value": "text", "id": "2"}],
    [{"type": "link", "value": {"label": ["x"], "url": {"y": 1}}, "id": "3"}],
    [{"type": "no_such_block", "value": {}, "id": "4"}],
]


@pytest.mark.django_db
@pytest.mark.parametrize("links", MALFORMED_PERSON_LINKS, ids=lambda links: json.dumps(links)[:40])
def test_malformed_person_links_never_cause_a_server_error(show, links):
    host = PersonFactory(name="A host with broken links")
    episode = EpisodePageFactory(parent=show)
    episode.host_links.add(EpisodeHost(person=host))
    episode.save_revision().publish()
    with connection.cursor() as cursor:
        table = Person._meta.db_table
        column = Person._meta.get_field("links").column
        cursor.execute(
            f"UPDATE {table} SET {column} = %s WHERE id = %s", [json.dumps(links), host.pk]
        )
    client = Client(raise_request_exception=False)
    for url in (
        f"/api/v2/pages/{episode.pk}/",
        "/api/v2/pages/?type=episodes.EpisodePage&fields=*",
        f"/feeds/{show.slug}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert b"A host with broken links" in response.content, url
