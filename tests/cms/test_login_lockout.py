"""Admin sign-in is throttled per username and per address, recorded, and explained."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.utils import timezone

PASSWORD = "the editor's real password"
LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def axes_on(settings):
    """The test settings leave django-axes off for the test client's request-less sign-ins."""
    settings.AXES_ENABLED = True


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "e@example.com", PASSWORD)


def sign_in(client, username: str, password: str, address: str = "198.51.100.4"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.django_db
def test_wrong_passwords_lock_the_account_even_against_the_right_one(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(2):
            refused = sign_in(client, "editor", "guess")
            assert refused.status_code == 200  # the form again, with its error
        locked = sign_in(client, "editor", "guess")
        assert locked.status_code == 429
        assert "Too many failed sign-in attempts" in locked.text
        assert "locked for 15 minutes" in locked.text
        assert locked["Retry-After"] == str(15 * 60)
        # The page replaces the login view's answer, with the admin's policy for its styles.
        assert "default-src 'self'" in locked["Content-Security-Policy"]
        right_password = sign_in(client, "editor", PASSWORD)
        assert right_password.status_code == 429
        assert "_auth_user_id" not in client.session

    (attempt,) = AccessAttempt.objects.all()
    assert (attempt.username, attempt.ip_address) == ("editor", "198.51.100.4")
    assert attempt.failures_since_start >= 3
    assert AccessFailureLog.objects.filter(username="editor").count() >= 3
    assert "guess" not in str(attempt.post_data)  # axes masks the password it keeps

    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert signed_in(sign_in(client, "editor", PASSWORD))
    assert AccessLog.objects.filter(username="editor").exists()


@pytest.mark.django_db
def test_a_username_is_locked_whatever_address_tries_it(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for number in range(3):
        sign_in(client, "editor", "guess", address=f"203.0.113.{number}")
    assert sign_in(client, "editor", PASSWORD, address="192.0.2.99").status_code == 429


@pytest.mark.django_db
def test_an_address_is_locked_whatever_usernames_it_tries(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for name in ("alice", "bob", "carol"):
        sign_in(client, name, "guess", address="203.0.113.50")
    assert sign_in(client, "editor", PASSWORD, address="203.0.113.50").status_code == 429
    assert signed_in(sign_in(client, "editor", PASSWORD, address="203.0.113.51"))


@pytest.mark.django_db
def test_behind_trusted_proxies_the_proxys_entry_is_the_address(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.TRUSTED_PROXIES = 1
    for spoof in ("9.9.9.9", "8.8.8.8"):
        client.post(
            LOGIN,
            {"username": f"someone-{spoof}", "password": "guess"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"{spoof}, 203.0.113.7",
        )
    assert AccessAttempt.objects.filter(ip_address="203.0.113.7").count() == 2
    blocked = client.post(
        LOGIN,
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="7.7.7.7, 203.0.113.7",
    )
    assert blocked.status_code == 429


@pytest.mark.django_db
def test_a_successful_sign_in_below_the_limit_starts_the_count_afresh(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    sign_in(client, "editor", "guess")
    sign_in(client, "editor", "guess")
    assert signed_in(sign_in(client, "editor", PASSWORD))
    client.logout()
    sign_in(client, "editor", "guess")
    assert signed_in(sign_in(client, "editor", PASSWORD))
