"""A listener follows the demo episode with the player: real audio from the CMS's media."""

from io import StringIO

import httpx
import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from episodes.demo.content import FLAGSHIP, SHOW, SITE_TITLE

from .conftest import wait_until

EPISODE_PATH = f"/{SHOW['slug']}/{FLAGSHIP['slug']}/"
# The demo's audio lasts 111.79 s (soxi); what Chromium reads may differ by a frame.
DEMO_SECONDS = 111.79
TOLERANCE = 0.5


@pytest.fixture
def demo(wagtail_roots, frontend_url) -> None:
    """The demo site as seed_demo makes it: the flagship with its audio and transcript."""
    call_command("seed_demo", stdout=StringIO())
    # The first read makes every image rendition of the page (seconds on a busy machine).
    assert httpx.get(f"{frontend_url}{EPISODE_PATH}", timeout=120).status_code == 200


def current_time(page: Page) -> float:
    return page.evaluate("document.getElementById('player').currentTime")


def open_episode(new_context, frontend_url: str, fragment: str = "") -> Page:
    page = new_context().new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Not waiting for "load": the demo's embed frames a host this machine may not reach.
    page.goto(f"{frontend_url}{EPISODE_PATH}{fragment}", wait_until="domcontentloaded")
    # The audio's metadata came from the CMS (byte ranges): its length is known.
    wait_until(page, "document.getElementById('player').readyState >= 1")
    page.errors = errors  # type: ignore[attr-defined]
    return page


def test_the_demo_episode_plays_its_audio_from_the_cms_and_chips_seek_it(
    demo, frontend_url, cms_server, new_context, shoot
):
    page = open_episode(new_context, frontend_url)
    player = page.locator("audio#player")
    src = player.get_attribute("src")
    assert src.startswith(f"{cms_server.url}/documents/") and src.endswith(".ogg")
    duration = page.evaluate("document.getElementById('player').duration")
    assert abs(duration - DEMO_SECONDS) < TOLERANCE

    expect(page.locator(".site-name")).to_have_text(SITE_TITLE)
    assert page.title().endswith(f" · {SHOW['title']}")
    expect(page.locator(".block-quote .seek")).to_have_count(9)
    # Every pull quote and FAQ quote of the demo was found in the transcript as written.
    assert page.locator(".verified").count() == 15
    chapters = page.locator(".chapters li")
    expect(chapters).to_have_count(11)
    shoot(page, "12-player-demo-episode")

    quote = page.locator(".block-quote").nth(3)
    expect(quote.locator("blockquote")).to_contain_text("one badly written e-mail")
    quote.locator(".seek").click()
    assert abs(current_time(page) - 49) <= TOLERANCE
    wait_until(page, "!document.getElementById('player').paused")
    assert page.url.endswith("#t=49")
    # It plays: the position moves on from where the chip put it.
    wait_until(page, "document.getElementById('player').currentTime > 49.6")

    page.locator(".section-start .seek").nth(8).click()  # "What keeps a subscriber around"
    assert abs(current_time(page) - 79) <= TOLERANCE
    chapters.nth(2).locator(".seek").click()  # "The moment customers started counting"
    assert abs(current_time(page) - 23) <= TOLERANCE
    expect(chapters.nth(2)).to_have_attribute("aria-current", "true")
    expect(page.locator(".chapters li[aria-current]")).to_have_count(1)
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_time_fragment_starts_the_episode_there(demo, frontend_url, new_context):
    page = open_episode(new_context, frontend_url, "#t=90")
    assert abs(current_time(page) - 90) <= TOLERANCE
    expect(page.locator(".chapters li[aria-current] a[href^='#']")).to_have_text(
        "Where artificial intelligence changes the sums"
    )
    # A fragment typed later, as minutes and seconds, moves the player too.
    page.evaluate("location.hash = 't=1:00'")
    wait_until(page, "Math.abs(document.getElementById('player').currentTime - 60) <= 0.5")
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_transcript_panel_marks_the_line_being_heard_and_seeks_on_click(
    demo, frontend_url, new_context, shoot
):
    page = open_episode(new_context, frontend_url)
    panel = page.locator("details.transcript")
    expect(panel.locator("summary")).to_have_text("Transcript (28 lines)")
    panel.locator("summary").click()
    cues = panel.locator(".cue")
    expect(cues).to_have_count(28)
    expect(cues.first).to_contain_text("Claire Dumont")

    line = cues.nth(14)  # Inès: "Tell people what they get for the extra money,"
    expect(line.locator(".cue-text")).to_have_text("Tell people what they get for the extra money,")
    line.locator(".cue-text").click()  # the words themselves, not only the time
    start = float(line.get_attribute("data-start"))
    assert abs(current_time(page) - start) <= TOLERANCE
    expect(line).to_have_attribute("aria-current", "true")
    expect(panel.locator(".cue[aria-current]")).to_have_count(1)

    # As the audio plays on, the mark moves to the next line.
    following = cues.nth(15)
    expect(following).to_have_attribute("aria-current", "true", timeout=15_000)
    expect(line).not_to_have_attribute("aria-current", "true")
    shoot(page, "13-player-transcript-follows")
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_keyboard_drives_the_player_and_reaches_every_moment(demo, frontend_url, new_context):
    page = open_episode(new_context, frontend_url)
    player = page.locator("audio#player")
    player.focus()
    page.keyboard.press("Space")
    wait_until(page, "!document.getElementById('player').paused")
    page.keyboard.press("Space")
    wait_until(page, "document.getElementById('player').paused")
    before = current_time(page)
    page.keyboard.press("ArrowRight")
    assert abs(current_time(page) - (before + 5)) <= TOLERANCE
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert abs(current_time(page) - max(0, before - 5)) <= TOLERANCE

    # Tab from the player reaches the chapters' moments; Enter plays the one in focus.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.chapters .seek')"):
            break
    focused = page.evaluate("document.activeElement.dataset.seek")
    assert focused == "0"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the first chapter's heading link, to the next moment
    assert page.evaluate("document.activeElement.dataset.seek") == "9"
    page.keyboard.press("Enter")
    assert abs(current_time(page) - 9) <= TOLERANCE
    wait_until(page, "!document.getElementById('player').paused")
    assert page.errors == []  # type: ignore[attr-defined]


def test_without_script_the_audio_still_plays_and_moments_open_the_audio(
    demo, frontend_url, browser
):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{frontend_url}{EPISODE_PATH}", wait_until="domcontentloaded")
        player = page.locator("audio#player")
        expect(player).to_have_attribute("controls", "")
        src = player.get_attribute("src")
        chip = page.locator(".block-quote .seek").first
        assert chip.get_attribute("href") == f"{src}#t=16"
        # What that link opens: the audio itself, served in part, playable in place.
        response = httpx.get(src, headers={"Range": "bytes=0-99"}, timeout=10)
        assert response.status_code == 206 and len(response.content) == 100
        assert response.headers["content-type"] == "audio/ogg"
        assert response.headers["content-disposition"].startswith("inline")
        # Playwright's own evaluation still runs: the element plays with no page script.
        page.evaluate("document.getElementById('player').play()")
        wait_until(page, "document.getElementById('player').currentTime > 0.5")
    finally:
        context.close()
