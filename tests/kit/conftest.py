"""The headless kit's tools: Node.js, one `npm ci` per package and one `next build` per run."""

import json
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import require_service
from tests.processes import REPO, free_port, serving

CLIENT_DIR = REPO / "clients" / "typescript"
STARTER_DIR = REPO / "starters" / "nextjs"
ARTIFACTS = REPO / "test-artifacts"
NODE_HOW = "install Node.js 18.18+ and npm (Debian: `apt-get install -y nodejs npm`)"
# Next.js would otherwise try to send telemetry; this machine has no such network.
NODE_ENV = {**os.environ, "NEXT_TELEMETRY_DISABLED": "1", "NO_UPDATE_NOTIFIER": "1"}


def run(command: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run a Node.js tool; a failure shows what it printed."""
    result = subprocess.run(
        command, cwd=cwd, env=NODE_ENV, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="session")
def node() -> None:
    """Node.js and npm are on PATH: skip locally without them, fail in CI."""
    require_service(
        "Node.js", shutil.which("node") is not None and shutil.which("npm") is not None, NODE_HOW
    )


def npm_ci(directory: Path) -> None:
    run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], directory)


@pytest.fixture(scope="session")
def client_package(node) -> Path:
    """clients/typescript with its locked dev dependencies (openapi-typescript, TypeScript)."""
    npm_ci(CLIENT_DIR)
    return CLIENT_DIR


@dataclass
class StarterBuild:
    directory: Path
    output: str
    seconds: float


@pytest.fixture(scope="session")
def starter_build(node) -> StarterBuild:
    """starters/nextjs installed from its lock file and built once for the whole run."""
    npm_ci(STARTER_DIR)
    started = time.monotonic()
    result = run(["node_modules/.bin/next", "build"], STARTER_DIR)
    build = StarterBuild(STARTER_DIR, result.stdout, time.monotonic() - started)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "next-build.log").write_text(
        f"{result.stdout}\n{result.stderr}\nnext build: {build.seconds:.1f} s\n"
    )
    return build


REVALIDATE_SECRET = "a secret the CMS and the starter share in tests"


@pytest.fixture(scope="session")
def starter_url(starter_build, cms_server) -> Iterator[str]:  # noqa: F811
    """The built starter served by `next start` on a free port, reading the live CMS."""
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    env = {**NODE_ENV, "CMS_URL": cms_server.url, "REVALIDATE_SECRET": REVALIDATE_SECRET}
    command = ["node_modules/.bin/next", "start", "-H", "127.0.0.1", "-p", str(port)]
    # The admin (the live server) is on localhost: the starter too, so that the preview panel's
    # frame is same-site and keeps the draft-mode cookie, as with cms.example.com and
    # www.example.com in production.
    base = f"http://localhost:{port}"
    log_path = ARTIFACTS / f"next-start-{port}.log"
    # Any answer will do: GET on the webhook is a 405 that asks nothing of the CMS.
    with serving(command, STARTER_DIR, env, log_path, base + "/api/revalidate/", any_status=True):
        yield base


def signed_post(
    url: str, payload: object, secret: str = REVALIDATE_SECRET, timestamp: int | None = None
) -> tuple[int, dict]:
    """POST a webhook body signed as the CMS signs it; the status and the JSON answer."""
    from frontend_api.revalidation.signing import signed_headers

    body = json.dumps(payload).encode()
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", **signed_headers(body, secret, timestamp)},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


# The live CMS, its content and the browser, as the reference frontend's tests have them.
from tests.frontend.browser.conftest import browser, new_context, shoot  # noqa: E402, F401
from tests.frontend.conftest import cms_server, radio, wagtail_roots  # noqa: E402, F401
