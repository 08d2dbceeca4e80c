"""The public API: anonymous whatever is sent, compact JSON only, CORS, JSON errors."""

import base64

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from episodes import factories as f
from tests.support.content import image


@pytest.fixture
def private_episode(show):
    page = f.EpisodePageFactory(parent=show, slug="members-only", published=True)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    return page


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.com", "pw")


def test_session_cookie_does_not_unlock_private_pages(client, private_episode, superuser):
    client.force_login(superuser)
    assert client.get(f"/api/v2/pages/{private_episode.pk}/").status_code == 404
    assert "members-only" not in client.get("/api/v2/pages/?limit=50").content.decode()


def test_basic_auth_does_not_unlock_private_pages(client, private_episode, superuser):
    credentials = base64.b64encode(b"boss:pw").decode()
    response = client.get(
        f"/api/v2/pages/{private_episode.pk}/", HTTP_AUTHORIZATION=f"Basic {credentials}"
    )
    assert response.status_code == 404


def test_password_session_does_not_unlock_password_pages(client, show):
    page = f.EpisodePageFactory(parent=show, slug="locked", published=True)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="open"
    )
    session = client.session
    session["wagtail-page-password-restrictions"] = [restriction.pk]
    session.save()
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_private_collection_images_stay_hidden_with_a_session(client, superuser, db):
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    hidden = image(name="hidden")
    hidden.collection = private
    hidden.save()
    shown = image(name="shown")
    client.force_login(superuser)
    ids = [item["id"] for item in client.get("/api/v2/images/").json()["items"]]
    assert ids == [shown.pk]


def test_json_is_compact_and_there_is_no_browsable_api(client, episode):
    response = client.get(f"/api/v2/pages/{episode.pk}/", HTTP_ACCEPT="text/html")
    assert response["Content-Type"] == "application/json"
    assert b"\n" not in response.content
    assert b'": ' not in response.content
    api_format = client.get(f"/api/v2/pages/{episode.pk}/?format=api")
    assert api_format.status_code == 404
    assert api_format["Content-Type"] == "application/json"


def test_cors_only_for_configured_origins(client, episode, settings):
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN=settings.FRONTEND_URL)
    assert allowed["Access-Control-Allow-Origin"] == settings.FRONTEND_URL
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("limit=-1", 400),
        ("limit=abc", 400),
        ("offset=-5", 400),
        ("offset=1e9", 400),
        ("type=nope.Nope", 400),
        ("type=episodes.Person", 400),
        ("fields=nope", 400),
        ("fields=title(((", 400),
        ("order=nope", 400),
        ("unknown=1", 400),
        ("child_of=abc", 400),
        ("child_of=999999", 400),
        ("show=x&type=episodes.PodcastPage", 400),
        ("season=abc", 400),
        ("season=99999999999999999999", 400),
        ("episode_number=-1", 400),
        ("broadcast_after=yesterday", 400),
        ("broadcast_before=2025-13-45", 400),
        ("rubric=", 200),
        ("search=%00", 400),
        ("title=%00", 400),
        ("search='; DROP TABLE wagtailcore_page; --", 200),
        ("site=nowhere.example", 404),
        ("rich_text_format=nope", 400),
        ("html_path=/x", 400),
        ("id__in=1", 400),
        ("episode_number__gt=1", 400),
    ],
)
def test_bad_parameters_are_400_json(client, episode, query, status):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    if status == 400:
        assert set(response.json()) == {"message"}
        assert response.json()["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/999999/",
        "/api/v2/pages/abc/",
        "/api/v2/nothing/",
        "/api/v2/images/999999/",
        "/api/v2/documents/999999/",
        "/api/v2/pages/find/?html_path=/no/such/page/",
        "/api/v2/pages/find/?html_path=/../../etc/passwd",
        "/api/v2/pages/find/?html_path=/%E2%80%AE%F0%9F%8E%A7/",
    ],
)
def test_unknown_objects_are_404_json(client, episode, path):
    response = client.get(path)
    assert response.status_code == 404, response.content
    assert response.json() == {"message": "not found"}


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize(
    "path", ["/api/", "/api/nothing", "/api/v2/nothing/", "/api/v2/pages/abc/", "/api/v3/pages/"]
)
def test_unknown_api_paths_are_404_json_whatever_debug_says(client, db, settings, debug, path):
    # With DEBUG on, Django answers unmatched URLs with its HTML page instead of handler404.
    settings.DEBUG = debug
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": "not found"}


def test_a_missing_trailing_slash_still_redirects(client, db, settings):
    settings.DEBUG = True
    response = client.get("/api/v2/pages?limit=1")
    assert response.status_code == 301
    assert response["Location"] == "/api/v2/pages/?limit=1"


def test_image_download_url_is_absolute_on_the_cms(client, db, settings):
    settings.CMS_URL = "https://cms.example"
    picture = image(name="absolute", size=32)
    for url in (f"/api/v2/images/{picture.pk}/", "/api/v2/images/?fields=_,download_url"):
        body = client.get(url).json()
        meta = body["meta"] if "items" not in body else body["items"][0]["meta"]
        assert meta["download_url"] == "https://cms.example" + picture.file.url


def test_write_methods_are_refused_as_json(client, episode):
    response = client.post("/api/v2/pages/", {"title": "x"})
    assert response.status_code == 405
    assert set(response.json()) == {"message"}


def test_deeply_nested_fields_are_400(client, episode):
    fields = "title" + "(title" * 1000 + ")" * 1000
    response = client.get(f"/api/v2/pages/?fields={fields}")
    assert response.status_code == 400
    assert "nest" in response.json()["message"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_ids_beyond_any_database_are_404(client, db, endpoint):
    response = client.get(f"/api/v2/{endpoint}/{10**30}/")
    assert response.status_code == 404
    assert response.json() == {"message": "not found"}


def test_malformed_stream_rows_are_served_not_500(client, episode):
    from django.db import connection

    from episodes.models import EpisodePage

    raw = (
        '[{"type": "heading", "value": "not an object", "id": "a"},'
        ' {"type": "gone_block", "value": {}, "id": "b"},'
        ' "not an item", {"value": "no type"},'
        ' {"type": "pull_quote", "value": {"speaker": "x", "timestamp": "99:99:99"}, "id": "c"},'
        ' {"type": "faq", "value": {"items": "nope"}, "id": "d"},'
        ' {"type": "image", "value": {"image": 424242}, "id": "e"},'
        ' {"type": "paragraph", "value": {"text": 5}, "id": "f"}]'
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {EpisodePage._meta.db_table} SET body = %s WHERE page_ptr_id = %s",
            [raw, episode.pk],
        )
    response = client.get(f"/api/v2/pages/{episode.pk}/")
    assert response.status_code == 200, response.content
    body = response.json()["body"]
    assert [item["type"] for item in body] == ["heading", "pull_quote", "faq", "image", "paragraph"]
    assert body[1]["value"]["speaker"] is None
    assert body[1]["value"]["timestamp_seconds"] is None
    assert body[3]["value"]["image"] is None
