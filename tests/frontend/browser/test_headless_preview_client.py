"""wagtail-headless-preview's README client, unchanged, shows an editor's draft in the admin.

That client is a static page at the preview client URL: it reads `content_type` and `token`
from its query string and asks `/api/v2/page_preview/1/` (always 1: the token names the page)
with `format=json`, then writes the JSON it gets into the page.
"""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from .test_editor import PASSWORD, log_in, open_editor, preview_frame

CLIENT_PAGE = """<!DOCTYPE html>
<html>
<head>
<script>
  function showPreview() {
    var params = new URLSearchParams(window.location.search);
    var apiUrl = "%(cms)s/api/v2/page_preview/1/?content_type="
      + encodeURIComponent(params.get("content_type"))
      + "&token=" + encodeURIComponent(params.get("token")) + "&format=json";
    fetch(apiUrl).then(function (response) {
      response.text().then(function (text) { document.body.innerText = text; });
    });
  }
</script>
</head>
<body onload="showPreview()"></body>
</html>
"""


@pytest.fixture
def readme_client(cms_server) -> Iterator[str]:
    """The README's static client page, served on its own origin, whatever the path."""
    page = (CLIENT_PAGE % {"cms": cms_server.url}).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format, *args) -> None:
            """Quiet: the test reads what it needs from the browser."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", PASSWORD)


def test_the_readme_client_shows_the_draft_from_page_preview_1(
    radio, editor, live_server, readme_client, settings, new_context, shoot
):
    # The README's setup: its client as the preview client URL, allowed to read the API.
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": readme_client},
    }
    settings.CORS_ALLOWED_ORIGINS = [readme_client]
    assert radio.episode.pk != 1

    context = new_context()
    api_calls = []
    context.on(
        "request",
        lambda request: "/api/v2/page_preview/" in request.url and api_calls.append(request.url),
    )
    admin = log_in(context, live_server.url)
    open_editor(admin, f"{live_server.url}/admin/pages/{radio.episode.pk}/edit/")
    admin.fill("#id_title", "A title only the draft has")
    admin.locator('[data-side-panel-toggle="preview"]').click()

    body = preview_frame(admin).locator("body")
    expect(body).to_contain_text('"title":"A title only the draft has"')
    expect(body).to_contain_text(f'"id":{radio.episode.pk}')
    shoot(admin, "08-readme-preview-client")
    assert api_calls
    assert all(
        url.startswith(
            f"{live_server.url}/api/v2/page_preview/1/?content_type=episodes.episodepage&token="
        )
        for url in api_calls
    )
