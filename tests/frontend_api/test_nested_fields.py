"""Nested `fields=` as in v2 (named keys, `*`, `_`, `-key`), on the objects the API serves."""

import pytest

from tests.support.content import full_episode


@pytest.fixture(autouse=True)
def origins(settings):
    settings.FRONTEND_URL = "https://front.example"
    settings.CMS_URL = "https://cms.example"
    settings.WAGTAILAPI_BASE_URL = "https://cms.example"


@pytest.fixture
def episode(show):
    return full_episode(show)


def first_item(client, fields: str) -> dict:
    response = client.get("/api/v2/pages/", {"type": "episodes.EpisodePage", "fields": fields})
    assert response.status_code == 200, response.content
    items = [item for item in response.json()["items"] if item.get("rubric")]
    return items[0]


def detail(client, page, fields: str) -> dict:
    response = client.get(f"/api/v2/pages/{page.pk}/", {"fields": fields})
    assert response.status_code == 200, response.content
    return response.json()


def test_named_keys_plus_the_id(client, episode):
    item = first_item(client, "_,rubric(name),cover_image(width,height)")
    assert item == {
        "rubric": {"id": episode.rubric_id, "name": "Market"},
        "cover_image": {"id": episode.cover_image_id, "width": 64, "height": 64},
    }


def test_star_underscore_and_minus(client, episode):
    body = detail(client, episode, "_,rubric(*),show(_,title),cover_image(-id,width)")
    assert body["rubric"] == {"id": episode.rubric_id, "name": "Market", "slug": "market"}
    assert body["show"] == {"title": "Test Show"}
    assert body["cover_image"] == {"width": 64}
    assert detail(client, episode, "_,rubric(*,-slug)")["rubric"] == {
        "id": episode.rubric_id,
        "name": "Market",
    }


def test_lists_and_deeper_nesting(client, episode):
    body = detail(client, episode, "_,hosts(name,photo(width)),related_episodes(title)")
    host = episode.host_links.get().person
    assert body["hosts"] == [
        {"id": host.pk, "name": "Host Person", "photo": {"id": host.photo_id, "width": 64}}
    ]
    assert body["related_episodes"] == [
        {"id": body["related_episodes"][0]["id"], "title": "Linked"}
    ]


def test_parent_and_objects_without_an_id(client, episode, show):
    body = detail(client, episode, "_,parent(title),audio(url)")
    assert body["meta"]["parent"] == {
        "id": show.pk,
        "meta": {
            "type": "episodes.PodcastPage",
            "detail_url": f"https://cms.example/api/v2/pages/{show.pk}/",
            "html_url": "https://front.example/test-show/",
        },
        "title": "Test Show",
    }
    assert body["audio"] == {"url": episode.audio_source_url}


def test_without_parentheses_objects_are_whole(client, episode):
    rubric = detail(client, episode, "_,rubric")["rubric"]
    assert rubric == {"id": episode.rubric_id, "name": "Market", "slug": "market"}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ("_,rubric(nope)", "unknown fields: nope"),
        ("_,cover_image(width,title)", "unknown fields: title"),
        ("_,hosts(photo(nope))", "unknown fields: nope"),
        ("_,episode_number(x)", "'episode_number' does not support nested fields"),
        ("_,tags(x)", "'tags' does not support nested fields"),
        ("_,rubric(name(x))", "'name' does not support nested fields"),
    ],
)
def test_what_v2_refuses_is_a_400_message(client, episode, fields, message):
    response = client.get(f"/api/v2/pages/{episode.pk}/", {"fields": fields})
    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_previews_select_the_same_way(client, episode):
    token = episode.create_page_preview().token
    response = client.get(
        "/api/v2/page_preview/1/",
        {"content_type": "episodes.episodepage", "token": token, "fields": "_,rubric(name)"},
    )
    assert response.json() == {"rubric": {"id": episode.rubric_id, "name": "Market"}}
