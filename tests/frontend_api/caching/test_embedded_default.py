"""The embedded default (SQLite, no Redis) is as fresh as production: a publish from another
process (a shell, the importer, the scheduler, a second server) shows on the next request.

Each process keeps its own local-memory cache; the content generation in the shared SQLite
file tells a server that another process changed something.
"""

import json
import urllib.request

import pytest

from tests.processes import base_env, manage, runserver

SETUP = """
from episodes.factories import EpisodePageFactory, PodcastPageFactory
from home.factories import HomePageFactory
from wagtail.models import Page, Site
root = Page.get_first_root_node()
for stock in root.get_children():
    stock.delete()
home = HomePageFactory(parent=root)
Site.objects.update_or_create(
    is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
)
show = PodcastPageFactory(parent=home, slug="show")
page = EpisodePageFactory(parent=show, title="Before", slug="talk")
page.save_revision().publish()
print(page.pk)
"""

RETITLE = """
from episodes.models import EpisodePage
page = EpisodePage.objects.get(pk={pk})
page.title = {title!r}
page.save_revision().publish()
"""


@pytest.fixture
def embedded(tmp_path):
    """A fresh SQLite file and the environment of `scripts/dev.sh run`: no Redis at all."""
    env = base_env(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        REDIS_URL=None,
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    for args in (("migrate", "--noinput", "-v", "0"), ("shell", "-c", SETUP)):
        result = manage(*args, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
    return env, int(result.stdout.strip().splitlines()[-1])


def title_and_outcome(base: str, pk: int) -> tuple[str, str]:
    with urllib.request.urlopen(f"{base}/api/v2/pages/{pk}/", timeout=10) as response:
        return json.loads(response.read())["title"], response.headers["X-API-Cache"]


def test_a_publish_from_other_processes_shows_on_every_server_at_once(embedded, tmp_path):
    env, pk = embedded
    with runserver(env, tmp_path) as first, runserver(env, tmp_path) as second:
        for base in (first, second):
            title_and_outcome(base, pk)
            assert title_and_outcome(base, pk) == ("Before", "hit")
        # A publish from a shell: neither server made it.
        result = manage("shell", "-c", RETITLE.format(pk=pk, title="From a shell"), env=env)
        assert result.returncode == 0, result.stderr
        for base in (first, second):
            assert title_and_outcome(base, pk) == ("From a shell", "miss")
            assert title_and_outcome(base, pk) == ("From a shell", "hit")
