"""Fixtures for tests that run real gunicorn app servers: collected static files, an editor."""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from bench import app_servers as servers
from tests.processes import manage

EDITOR_PASSWORD = "app-servers-" + uuid.uuid4().hex


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Collected static files: the admin's pages need the manifest of hashed names."""
    root = tmp_path_factory.mktemp("static")
    env = servers.production_env(SECRET_KEY="collectstatic-" + "c" * 40, STATIC_ROOT=str(root))
    result = manage("collectstatic", "--noinput", env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def editor(transactional_db, settings):
    """A superuser who can log in to the servers' admin with EDITOR_PASSWORD."""
    # The servers run production settings, whose hashers do not include the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    return get_user_model().objects.create(
        username="editor",
        is_superuser=True,
        is_staff=True,
        password=make_password(EDITOR_PASSWORD, hasher="pbkdf2_sha256"),
    )
