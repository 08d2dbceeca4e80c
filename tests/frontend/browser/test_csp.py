"""Under the Content-Security-Policy, the admin's editor, its preview and the API docs work."""

from playwright.sync_api import BrowserContext, expect

from .test_editor import editor as editor  # a fixture
from .test_editor import log_in, open_editor, preview_frame

# Runs in every page and frame before their scripts: each blocked load or script is recorded.
VIOLATION_PROBE = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""

REDOC_LOGO_BLOCKED = "img-src https://cdn.redoc.ly/redoc/logo-mini.svg"


def watch_csp(context: BrowserContext) -> list[str]:
    """Chromium's console reports of blocked content, in any page or frame of the context."""
    context.add_init_script(VIOLATION_PROBE)
    reports: list[str] = []
    context.on(
        "console",
        lambda message: (
            reports.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return reports


def test_the_editor_and_its_preview_panel_break_no_rule(radio, editor, live_server, new_context):
    context = new_context()
    reports = watch_csp(context)
    admin = log_in(context, live_server.url)
    assert "default-src 'self'" in admin.evaluate(
        "fetch('/admin/').then((r) => r.headers.get('content-security-policy'))"
    )

    open_editor(admin, f"{live_server.url}/admin/pages/{radio.episode.pk}/edit/")
    # The body's blocks are built by the admin's scripts: they ran.
    blocks = admin.locator("[data-streamfield-child]")
    expect(blocks.first).to_be_visible()
    assert blocks.count() >= 8
    expect(admin.locator(".Draftail-Editor").first).to_be_visible()
    admin.fill("#id_headline", "Typed under the policy")
    admin.locator('[data-side-panel-toggle="preview"]').click()
    expect(preview_frame(admin).locator("h1")).to_have_text("Typed under the policy")

    assert admin.evaluate("window.cspViolations") == []
    assert reports == []


def test_the_api_docs_render(live_server, new_context):
    context = new_context()
    reports = watch_csp(context)
    docs = context.new_page()
    docs.goto(f"{live_server.url}/api/v2/docs/")
    # Redoc lays the operations out from the schema it fetched, with its search worker.
    expect(docs.locator(".menu-content")).to_be_visible()
    expect(docs.get_by_role("heading", level=1).first).to_be_visible()
    expect(docs.locator("[data-section-id]").first).to_be_attached()
    # Redoc's "powered by" logo is on its CDN: blocked on purpose, nothing else may be.
    assert docs.evaluate("window.cspViolations") == [REDOC_LOGO_BLOCKED]
    assert len(reports) == 1 and "cdn.redoc.ly" in reports[0]
