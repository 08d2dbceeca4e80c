"""Headless Chromium (Debian's package) driven by Playwright, with a screenshot helper."""

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import require_service

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
# The first render of a page makes its image renditions, and previews go admin -> CMS ->
# frontend -> CMS: 5 seconds is too tight on a 2-core CI machine.
playwright_api.expect.set_options(timeout=20_000)

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """CHROMIUM_PATH, else the Debian package's /usr/bin/chromium, else one on PATH."""
    candidate = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    return candidate if os.access(candidate, os.X_OK) else shutil.which("chromium")


# Package scope: Playwright's sync API keeps an event loop running in the main thread, which
# would break async_to_sync and asyncio.run in the tests that run after this package.
@pytest.fixture(scope="package")
def browser() -> Iterator["playwright_api.Browser"]:
    executable = chromium_path()
    require_service(
        "Chromium",
        executable is not None,
        "`apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary",
    )
    # Playwright's sync API keeps an event loop in this thread, which makes Django refuse ORM
    # calls; the test code is still plain sequential code, so allow them while it runs.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with playwright_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def new_context(browser) -> Iterator[Callable[[], "playwright_api.BrowserContext"]]:
    """Opens fresh browser contexts (no shared cookies); all are closed after the test."""
    contexts = []

    def open_context() -> "playwright_api.BrowserContext":
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def shoot() -> Callable[["playwright_api.Page", str], Path]:
    """Saves a full-page screenshot as test-artifacts/<name>.png and returns its path."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page: "playwright_api.Page", name: str) -> Path:
        # A full-page shot doesn't scroll, so lazy images below the fold would stay blank.
        page.evaluate(
            "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
        )
        page.wait_for_load_state("networkidle")
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0
        return path

    return take


@pytest.fixture(autouse=True)
def chromium_first(browser) -> None:
    """Checks for Chromium before any content is built, so a missing browser skips at once."""


def wait_until(page: "playwright_api.Page", expression: str, timeout_ms: int = 20_000) -> None:
    """Polls a JavaScript expression until it is truthy.

    Playwright's wait_for_function evaluates its text with eval() inside the page, which the
    admin's Content-Security-Policy forbids; page.evaluate goes through the DevTools protocol.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"Still false after {timeout_ms} ms: {expression}")
        page.wait_for_timeout(50)
