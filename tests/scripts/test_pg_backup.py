"""Backup and restore: a dump of a seeded database restores into a fresh one that the API serves
exactly as it served the original, page by page."""

import io
import json
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tests.conftest import require_service
from tests.processes import REPO, base_env, database_url_for_other_processes, manage
from tests.support.site import restore_wagtail_roots

SCRIPT = str(REPO / "scripts" / "pg-backup.sh")
SNAPSHOT = (
    "import django, json, sys; django.setup(); "
    "from tests.api_snapshot import snapshot; json.dump(snapshot(), sys.stdout)"
)


def production_env(database_url: str) -> dict[str, str]:
    """A production-settings process on the given database, with the test run's media files."""
    return base_env(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="backup-restore-test-" + "k" * 40,
        DATABASE_URL=database_url,
        ALLOWED_HOSTS="testserver,localhost",
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )


def api_snapshot(database_url: str) -> dict[str, list]:
    """What the public API answers for everything in that database, from a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", SNAPSHOT],
        cwd=REPO,
        env=production_env(database_url),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=300)


@pytest.fixture
def pg_tools():
    for tool in ("pg_dump", "pg_restore", "psql", "createdb", "dropdb"):
        require_service(tool, shutil.which(tool) is not None, "install PostgreSQL's client tools")


@pytest.fixture
def fresh_database_url(pg_tools):
    """An empty database beside the test database, dropped afterwards."""
    source = database_url_for_other_processes()
    name = f"{connection.settings_dict['NAME']}_restore"
    server = source.rsplit("/", 1)[0]
    maintenance = f"{server}/postgres"
    run("dropdb", "--if-exists", f"--maintenance-db={maintenance}", name)
    created = run("createdb", f"--maintenance-db={maintenance}", name)
    assert created.returncode == 0, created.stderr
    yield f"{server}/{name}"
    run("dropdb", "--if-exists", "--force", f"--maintenance-db={maintenance}", name)


@pytest.mark.django_db(transaction=True)
def test_restored_database_serves_the_same_api_page_by_page(tmp_path, fresh_database_url):
    source_url = database_url_for_other_processes()
    restore_wagtail_roots()
    call_command("seed_demo", stdout=io.StringIO())
    # The first look makes the image renditions, which belong in the backup like the rest.
    before = api_snapshot(source_url)
    dump_file = tmp_path / "podcast.dump"

    dumped = run(SCRIPT, "dump", source_url, str(dump_file))
    assert dumped.returncode == 0, dumped.stderr
    restored = run(SCRIPT, "restore", str(dump_file), fresh_database_url)
    assert restored.returncode == 0, restored.stderr

    original = api_snapshot(source_url)
    copy = api_snapshot(fresh_database_url)
    assert original == before, "looking twice at the original changes nothing"
    statuses = {url: status for url, (status, _) in original.items()}
    details = [u for u, s in statuses.items() if "/pages/" in u and "?" not in u and s == 200]
    found = [u for u, s in statuses.items() if "/find/" in u and s == 302]
    images = [u for u, s in statuses.items() if "/images/" in u and "?" not in u and s == 200]
    # The demo site: home, show and five published episodes (the draft answers 404), 10 images.
    assert len(details) >= 7 and len(found) >= 7 and len(images) >= 10, statuses
    assert sorted(copy) == sorted(original)
    for url in original:
        assert copy[url] == original[url], f"{url} differs after restore"

    migrations = manage("migrate", "--check", env=production_env(fresh_database_url))
    assert migrations.returncode == 0, migrations.stdout + migrations.stderr
    # Sequences come back too: new rows do not collide with restored ones.
    write = manage(
        "shell",
        "-c",
        "from episodes.models import Person; print(Person.objects.create(name='After restore').pk)",
        env=production_env(fresh_database_url),
    )
    assert write.returncode == 0, write.stderr


def test_restore_refuses_a_database_that_is_not_empty(pg_tools, tmp_path, db):
    target = database_url_for_other_processes()
    dump_file = tmp_path / "empty.dump"
    dump_file.write_bytes(b"")
    refused = run(SCRIPT, "restore", str(dump_file), target)
    assert refused.returncode == 1
    assert "refusing to restore into a database that already has" in refused.stderr
