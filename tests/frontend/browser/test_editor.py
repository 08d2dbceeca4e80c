"""An editor previews a draft and shares it with a reviewer, in a real browser."""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from .conftest import wait_until

PASSWORD = "a long editor password"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", PASSWORD)


def log_in(context: BrowserContext, cms_url: str) -> Page:
    page = context.new_page()
    page.goto(f"{cms_url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{cms_url}/admin/")
    expect(page.locator("#wagtail-sidebar")).to_be_attached()
    return page


# Wagtail takes the form's starting state 2 s after the editor loads ("w-unsaved:watch-edits");
# text typed before that counts as the starting state, so tests wait for it as a person would.
# Preview requests can be held, to edit while one is in flight.
EDITOR_PROBES = """
window.watchingEdits = false;
window.editsSeen = 0;
window.editsSaved = 0;
window.heldPreviews = [];
window.holdPreviews = false;
document.addEventListener("w-unsaved:watch-edits", () => { window.watchingEdits = true; });
document.addEventListener("w-unsaved:add", () => { window.editsSeen += 1; });
document.addEventListener("w-autosave:success", () => { window.editsSaved += 1; });
const realFetch = window.fetch;
window.fetch = (url, options) => {
  if (window.holdPreviews && options?.method === "POST" && String(url).includes("/preview/")) {
    return new Promise((resolve) => {
      window.heldPreviews.push(() => resolve(realFetch(url, options)));
    });
  }
  return realFetch(url, options);
};
"""


def open_editor(page: Page, url: str) -> None:
    """Opens the page editor and waits until Wagtail watches it for edits."""
    page.context.add_init_script(EDITOR_PROBES)
    page.goto(url)
    wait_until(page, "window.watchingEdits")


def preview_frame(page: Page):
    """The frontend inside the CMS's preview wrapper inside the admin's preview panel."""
    return page.frame_locator("#w-preview-iframe").frame_locator("iframe")


def test_an_editor_sees_the_draft_in_the_preview_panel_while_typing(
    radio, editor, live_server, frontend_url, new_context, shoot
):
    context = new_context()
    admin = log_in(context, live_server.url)
    shoot(admin, "04-editor-logged-in")

    open_editor(admin, f"{live_server.url}/admin/pages/{radio.episode.pk}/edit/")
    admin.fill("#id_headline", "A headline typed in the editor")
    admin.locator('[data-side-panel-toggle="preview"]').click()
    frame = preview_frame(admin)
    expect(frame.locator("h1")).to_have_text("A headline typed in the editor")
    expect(frame.get_by_test_id("banner")).to_contain_text("Preview")

    # No save, no click: the panel follows the typing.
    admin.fill("#id_headline", "A headline typed in the editor, then changed")
    expect(frame.locator("h1")).to_have_text("A headline typed in the editor, then changed")
    shoot(admin, "05-editor-preview-panel-follows-typing")

    admin.get_by_role("button", name="Save draft").click()
    expect(admin.locator(".messages")).to_contain_text("has been updated")
    with context.expect_page() as opened:
        admin.locator('[data-w-preview-target="newTab"]').click()
    tab = opened.value
    tab_frame = tab.frame_locator("iframe")
    expect(tab_frame.locator("h1")).to_have_text("A headline typed in the editor, then changed")
    expect(tab_frame.get_by_test_id("banner")).to_have_text("Preview: this draft is not published")
    expect(tab_frame.locator('meta[name="robots"]')).to_have_attribute(
        "content", "noindex, nofollow"
    )
    shoot(tab, "06-editor-preview-in-new-tab")

    public = new_context().new_page()
    public.goto(f"{frontend_url}/test-show/subscription-fatigue/")
    expect(public.locator("h1")).to_have_text("Is the monthly plan running out of breath?")


def test_an_edit_made_while_the_preview_updates_still_reaches_it(
    radio, editor, live_server, new_context
):
    admin = log_in(new_context(), live_server.url)
    open_editor(admin, f"{live_server.url}/admin/pages/{radio.episode.pk}/edit/")
    admin.locator('[data-side-panel-toggle="preview"]').click()
    frame = preview_frame(admin)
    expect(frame.locator("h1")).to_have_text("Is the monthly plan running out of breath?")

    admin.evaluate("window.holdPreviews = true")
    admin.fill("#id_headline", "First words")
    # Autosave takes the form's state as saved when it ends, so the next edit waits for it.
    wait_until(admin, "window.heldPreviews.length === 1 && window.editsSaved === 1")
    edits_before = admin.evaluate("window.editsSeen")
    admin.fill("#id_headline", "First words, then more while the preview was updating")
    wait_until(admin, f"window.editsSeen > {edits_before}")
    # Hold the update past the panel's 500 ms debounce, so the follow-up meets it in flight.
    admin.wait_for_timeout(1_500)
    admin.evaluate("window.holdPreviews = false; window.heldPreviews.forEach((send) => send())")

    expect(frame.locator("h1")).to_have_text(
        "First words, then more while the preview was updating"
    )


def test_a_reviewer_reads_the_draft_until_the_link_is_revoked(
    radio, editor, live_server, new_context, shoot
):
    radio.episode.headline = "A draft headline for the reviewer"
    radio.episode.save_revision(user=editor)
    admin = log_in(new_context(), live_server.url)

    admin.goto(f"{live_server.url}/admin/pages/{radio.episode.pk}/edit/")
    admin.get_by_role("navigation", name="Actions", exact=True).get_by_role("button").click()
    admin.get_by_role("link", name="Reviewer links").click()
    admin.get_by_label("Note").fill("For the guest, before Friday")
    admin.get_by_role("button", name="Create link").click()
    link = admin.locator("[data-review-link-url]").input_value()
    assert "/review/" in link
    shoot(admin, "07-editor-creates-review-link")

    reviewer = new_context().new_page()
    reviewer.goto(link)
    expect(reviewer.get_by_test_id("banner")).to_contain_text("Draft for review, expires")
    expect(reviewer.locator("h1")).to_have_text("A draft headline for the reviewer")
    expect(reviewer.locator(".review-note")).to_contain_text("For the guest, before Friday")
    expect(reviewer.locator('meta[name="robots"]')).to_have_attribute(
        "content", "noindex, nofollow"
    )
    shoot(reviewer, "08-reviewer-reads-draft")

    admin.get_by_role("button", name="Revoke").click()
    expect(admin.locator("[data-review-links]")).to_contain_text("Revoked by")
    shoot(admin, "09-editor-revoked-link")

    reviewer.reload()
    expect(reviewer.locator("h1")).to_have_text("This review link has expired")
    expect(reviewer.get_by_text("A draft headline for the reviewer")).to_have_count(0)
    shoot(reviewer, "10-review-link-expired")


def test_a_new_episode_is_previewed_before_its_first_save(
    radio, editor, live_server, new_context, shoot
):
    admin = log_in(new_context(), live_server.url)
    admin.goto(f"{live_server.url}/admin/pages/add/episodes/episodepage/{radio.show.pk}/")
    admin.fill("#id_title", "An episode nobody has saved")
    admin.fill("#id_headline", "Written a minute ago, never saved")
    admin.fill("#id_episode_number", "77")
    admin.fill("#id_broadcast_at", "2026-11-20 07:00")
    admin.locator("#id_headline").click()  # closes the date picker before the screenshot
    admin.locator('[data-side-panel-toggle="preview"]').click()
    frame = preview_frame(admin)
    expect(frame.locator("h1")).to_have_text("Written a minute ago, never saved")
    expect(frame.get_by_test_id("banner")).to_contain_text("Preview")
    shoot(admin, "11-editor-previews-unsaved-new-episode")
