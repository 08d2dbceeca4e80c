"""Content-Security-Policy on every area: strict for the API, what the admin and docs need."""

import pytest

CSP = "Content-Security-Policy"


def directives(response) -> dict[str, list[str]]:
    """The policy header as {directive: [sources]}."""
    policy = {}
    for part in response[CSP].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


@pytest.mark.django_db
def test_the_api_and_its_errors_allow_nothing(client, episode):
    for path in ("/api/v2/pages/", f"/api/v2/pages/{episode.pk}/", "/api/v2/review/x/", "/nope"):
        policy = directives(client.get(path))
        assert policy["default-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_the_docs_page_allows_its_own_scripts_and_redocs_worker(client):
    response = client.get("/api/v2/docs/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["worker-src"] == ["'self'", "blob:"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_the_admin_frames_only_itself_and_the_preview_frontends(admin_client, settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": "https://www.example.com/", "b.test": "https://b.example.net"},
    }
    for path in ("/admin/", "/admin/login/", "/admin/pages/"):
        policy = directives(admin_client.get(path))
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["frame-src"] == [
            "'self'",
            "https://b.example.net",
            "https://www.example.com",
        ]
        assert "'unsafe-eval'" not in policy["script-src"]


@pytest.mark.django_db
def test_a_preview_carries_the_admins_policy_not_the_default(admin_client, episode):
    # Wagtail renders previews through the middleware a second time.
    response = admin_client.get(f"/admin/pages/{episode.pk}/edit/preview/")
    assert response.status_code == 200
    assert directives(response)["frame-src"] == ["'self'", "http://localhost:3000"]
