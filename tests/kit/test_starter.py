"""The Next.js starter, built and served by `next start`, against a live CMS in a real Chromium."""

import json
import time
import urllib.request
from datetime import timedelta
from urllib.parse import urlencode

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from frontend.rendering import long_date, long_datetime
from frontend_api.drafts.review_links import create_link
from frontend_api.models import ReviewLink, WebhookDelivery
from tests.frontend.browser.test_editor import PASSWORD, log_in, open_editor, preview_frame
from tests.support.receivers import run_worker

from .conftest import REVALIDATE_SECRET, signed_post

EPISODE_TYPE = "episodes.episodepage"


def path_of(page) -> str:
    return page.get_url_parts()[2]


def fetch_text(url: str | urllib.request.Request) -> tuple[int, str, dict[str, str]]:
    """The status, HTML and headers of an answer of the starter, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.read().decode(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def eventually_contains(url: str, text: str, seconds: float = 15) -> str:
    """The page's HTML once it contains `text` (a revalidated page is re-rendered on demand)."""
    deadline = time.monotonic() + seconds
    while True:
        html = fetch_text(url)[1]
        if text in html or time.monotonic() > deadline:
            return html
        time.sleep(0.3)


@pytest.fixture(autouse=True)
def cms_points_at_starter(settings, cms_server, starter_url) -> None:
    """The CMS's page, preview and webhook URLs lead to the starter, as in production."""
    settings.CMS_URL = cms_server.url
    settings.FRONTEND_URL = starter_url
    settings.WAGTAILADMIN_BASE_URL = cms_server.url
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": f"{starter_url}/api/draft/"},
        "SERVE_BASE_URL": starter_url,
    }
    settings.FRONTEND_REVALIDATE_URL = f"{starter_url}/api/revalidate/"
    settings.FRONTEND_REVALIDATE_SECRET = REVALIDATE_SECRET
    # Each test builds its own content at the same paths: the starter forgets what it kept.
    status, answer = signed_post(f"{starter_url}/api/revalidate/", {"paths": [], "all": True})
    assert (status, answer) == (200, {"revalidated": [], "all": True})


def test_next_build_passes(starter_build):
    assert "Compiled successfully" in starter_build.output
    for route in ("/[[...path]]", "/preview", "/review/[token]", "/api/revalidate", "/api/draft"):
        assert f" {route} " in starter_build.output


def test_a_published_episode_renders_every_block(radio, starter_url, new_context, shoot):
    page = new_context().new_page()
    response = page.goto(starter_url + path_of(radio.episode))
    assert response.status == 200
    expect(page.locator("h1")).to_have_text("Is the monthly plan running out of breath?")
    broadcast = timezone.localtime(radio.episode.broadcast_at).isoformat()
    expect(page.locator(".kicker time")).to_have_text(long_date(broadcast))
    rendered = page.locator("[data-block]").evaluate_all("els => els.map(e => e.dataset.block)")
    assert sorted(set(rendered)) == sorted(
        ["heading", "paragraph", "pull_quote", "image", "embed", "faq"]
    )
    expect(page.locator("h2#why-subscriptions-tire")).to_have_text("Why subscriptions tire people")
    expect(page.locator(".block-paragraph a[href='https://example.com/']")).to_have_text("a link")
    expect(page.locator(".block-quote").first).to_contain_text("Idris Guest")
    expect(page.locator(".block-quote .timestamp").first).to_contain_text("at 2:05")
    expect(page.locator(".block-quote").nth(1)).to_contain_text("A listener")
    expect(page.locator(".block-image img")).to_have_attribute(
        "alt", "Chart of sign-ups against cancellations"
    )
    expect(page.locator(".block-image figcaption")).to_contain_text("Radio studio")
    expect(page.locator(".block-embed iframe")).to_have_attribute("title", "Extract of episode 42")
    faq = page.locator(".block-faq")
    expect(faq.locator("h2")).to_have_text("Questions listeners asked")
    faq.locator("summary").first.click()
    expect(faq.locator(".faq-answer").first).to_have_text("No, it is changing shape.")
    expect(faq.locator(".faq-quote").first).to_contain_text("Camille Host")
    # Table of contents, people, tags, related episodes, JSON-LD.
    expect(page.locator(".toc a[href='#why-subscriptions-tire']")).to_be_visible()
    expect(page.locator(".people")).to_contain_text("Camille Host")
    expect(page.locator(".people")).to_contain_text("Idris Guest")
    expect(page.locator(".tags")).to_contain_text("pricing")
    graph = json.loads(page.locator("script[type='application/ld+json']").text_content())
    assert "PodcastEpisode" in {node.get("@type") for node in graph["@graph"]}
    shoot(page, "kit-01-starter-episode")
    page.locator(".related a").click()
    expect(page).to_have_url(starter_url + path_of(radio.older))
    expect(page.locator("h1")).to_have_text(radio.older.title)


def test_the_home_and_show_pages_list_what_is_published(radio, starter_url, new_context):
    page = new_context().new_page()
    page.goto(starter_url + "/")
    expect(page.locator(".shows")).to_contain_text(radio.show.title)
    expect(page.locator(".episodes")).to_contain_text(radio.episode.headline)
    expect(page.locator("body")).not_to_contain_text(radio.draft.title)
    page.locator(".shows a").click()
    expect(page).to_have_url(starter_url + path_of(radio.show))
    expect(page.locator("h1")).to_have_text(radio.show.title)
    expect(page.locator(".episodes li")).to_have_count(2)
    assert fetch_text(starter_url + "/no-such-page/")[0] == 404


def test_the_preview_route_shows_a_draft_in_draft_mode(radio, starter_url, new_context, shoot):
    token = radio.draft.get_latest_revision_as_object().create_page_preview().token
    page = new_context().new_page()
    page.goto(f"{starter_url}/api/draft/?content_type={EPISODE_TYPE}&token={token}")
    query = urlencode({"content_type": EPISODE_TYPE, "token": token})
    expect(page).to_have_url(f"{starter_url}/preview/?{query}")
    expect(page.get_by_test_id("banner")).to_have_text("Preview: this draft is not published")
    expect(page.locator("h1")).to_have_text("A draft nobody has seen")
    expect(page.locator("h2#draft-section")).to_have_text("Draft section")
    assert "__prerender_bypass" in {c["name"] for c in page.context.cookies()}
    shoot(page, "kit-02-starter-preview")

    # The same URL without draft mode shows nothing of the draft.
    stranger = new_context().new_page()
    stranger.goto(f"{starter_url}/preview/?{query}")
    expect(stranger.locator("h1")).to_have_text("Preview is off")
    expect(stranger.locator("body")).not_to_contain_text("Draft section")
    # A forged token turns nothing on.
    status, body, _ = fetch_text(
        f"{starter_url}/api/draft/?content_type={EPISODE_TYPE}&token={token[:-2]}xx"
    )
    assert status == 401 and "This preview has expired" in body
    assert fetch_text(f"{starter_url}/api/draft/?token={token}")[0] == 400


def test_a_review_link_works_until_it_expires(radio, starter_url, new_context, django_user_model):
    editor = django_user_model.objects.create_superuser("reviewer-maker", password="x" * 20)
    link, token = create_link(
        radio.draft, editor, expires_at=timezone.now() + timedelta(days=3), note="Check the quotes"
    )
    page = new_context().new_page()
    response = page.goto(f"{starter_url}/review/{token}/")
    assert response.status == 200
    assert response.headers["cache-control"] == "private, no-store"
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    assert response.headers["referrer-policy"] == "no-referrer"
    # The reference frontend's words and date format (frontend/views.py, frontend/rendering.py).
    expires = long_datetime(timezone.localtime(link.expires_at).isoformat())
    expect(page.get_by_test_id("banner")).to_have_text(f"Draft for review, expires {expires}")
    expect(page.locator(".review-note")).to_have_text("Note from the editor: Check the quotes")
    expect(page.locator("h1")).to_have_text("A draft nobody has seen")

    # Three days and a minute later (the CMS runs in this process, so its clock moves too).
    with time_machine.travel(timezone.now() + timedelta(days=3, minutes=1), tick=True):
        response = page.goto(f"{starter_url}/review/{token}/")
    assert response.status == 404
    assert response.headers["cache-control"] == "private, no-store"
    expect(page.locator("h1")).to_have_text("This review link has expired")
    expect(page.locator("body")).not_to_contain_text("Draft section")

    revoked, revoked_token = create_link(
        radio.draft, editor, expires_at=timezone.now() + timedelta(days=3)
    )
    ReviewLink.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    response = page.goto(f"{starter_url}/review/{revoked_token}/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("This review link has expired")


def test_publishing_reaches_the_starter_through_the_webhook(radio, starter_url):
    url = starter_url + path_of(radio.episode)
    assert "Is the monthly plan running out of breath?" in fetch_text(url)[1]
    already = WebhookDelivery.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    radio.episode.headline = "A headline published after the first visit"
    radio.episode.save_revision().publish()
    # Until the webhook arrives, the starter serves the page it kept (no request to the CMS).
    assert "A headline published after the first visit" not in fetch_text(url)[1]

    run_worker()
    deliveries = list(WebhookDelivery.objects.filter(pk__gt=already))
    assert deliveries
    assert all(d.status == WebhookDelivery.Status.DELIVERED for d in deliveries)
    assert all(path_of(radio.episode) in d.payload["paths"] for d in deliveries)
    assert "A headline published after the first visit" in eventually_contains(
        url, "A headline published after the first visit"
    )


def test_the_webhook_needs_a_good_signature_and_revalidates_only_its_paths(radio, starter_url):
    episode_url, older_url = (starter_url + path_of(p) for p in (radio.episode, radio.older))
    for url in (episode_url, older_url):
        assert fetch_text(url)[0] == 200
    for page, title in ((radio.episode, "Episode, second edition"), (radio.older, "Older, edited")):
        page.headline = title
        page.save_revision().publish()
    webhook = f"{starter_url}/api/revalidate/"
    payload = {"paths": [path_of(radio.episode), path_of(radio.older)], "all": False}

    assert signed_post(webhook, payload, secret="not the shared secret")[0] == 401
    # A captured delivery replayed after the five-minute window.
    assert signed_post(webhook, payload, timestamp=int(time.time()) - 301)[0] == 401
    request = urllib.request.Request(webhook, data=json.dumps(payload).encode(), method="POST")
    assert fetch_text(request)[0] == 401
    time.sleep(1)
    assert "Episode, second edition" not in fetch_text(episode_url)[1]

    assert signed_post(webhook, {"paths": "not a list"})[0] == 400
    assert signed_post(webhook, ["/"])[0] == 400
    status, answer = signed_post(webhook, {"paths": [path_of(radio.episode)], "all": False})
    assert (status, answer) == (200, {"revalidated": [path_of(radio.episode)], "all": False})
    assert "Episode, second edition" in eventually_contains(episode_url, "Episode, second edition")
    assert "Older, edited" not in fetch_text(older_url)[1]


def test_an_editor_previews_in_the_admin_then_publishes_to_the_starter(
    radio, cms_server, starter_url, new_context, django_user_model, shoot
):
    django_user_model.objects.create_superuser("editor", "editor@example.com", PASSWORD)
    url = starter_url + path_of(radio.episode)
    assert "Is the monthly plan running out of breath?" in fetch_text(url)[1]
    already = WebhookDelivery.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    admin = log_in(new_context(), cms_server.url)
    open_editor(admin, f"{cms_server.url}/admin/pages/{radio.episode.pk}/edit/")
    admin.fill("#id_headline", "A headline typed in the admin")
    admin.locator('[data-side-panel-toggle="preview"]').click()
    frame = preview_frame(admin)
    expect(frame.locator("h1")).to_have_text("A headline typed in the admin")
    expect(frame.get_by_test_id("banner")).to_have_text("Preview: this draft is not published")
    shoot(admin, "kit-03-admin-preview-panel-on-the-starter")
    # Typed, not saved: the published page is unchanged.
    assert "A headline typed in the admin" not in fetch_text(url)[1]

    admin.locator("footer .w-dropdown__toggle").first.click()
    admin.locator('button[name="action-publish"]').click()
    expect(admin.locator(".messages")).to_contain_text("published")
    run_worker()
    deliveries = list(WebhookDelivery.objects.filter(pk__gt=already))
    assert [d.status for d in deliveries] == [WebhookDelivery.Status.DELIVERED]
    assert "A headline typed in the admin" in eventually_contains(
        url, "A headline typed in the admin"
    )
