"""The revalidation webhook: queued after commit, signed, retried with backoff, recorded."""

import json
from itertools import pairwise

import pytest
from django.db import transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from episodes.factories import EpisodePageFactory
from frontend_api.models import WebhookDelivery
from frontend_api.revalidation.signing import verify

from .conftest import SECRET, run_worker, work_until

transactional = pytest.mark.django_db(transaction=True)


def publish_new(show, slug: str):
    """Create and publish an episode in one transaction, as one editor action commits."""
    with transaction.atomic():
        return EpisodePageFactory(parent=show, slug=slug, published=True)


def only_delivery() -> WebhookDelivery:
    deliveries = list(WebhookDelivery.objects.all())
    assert len(deliveries) == 1, deliveries
    return deliveries[0]


def test_nothing_is_queued_before_the_commit(webhook, show, django_capture_on_commit_callbacks):
    page = EpisodePageFactory(parent=show, slug="fresh", live=False)
    with django_capture_on_commit_callbacks() as callbacks:
        page.save_revision().publish()
        assert WebhookDelivery.objects.count() == 0
        assert DBTaskResult.objects.count() == 0
    assert callbacks, "publishing registers its after-commit work"
    for callback in callbacks:
        callback()
    delivery = only_delivery()
    assert delivery.status == WebhookDelivery.Status.PENDING
    assert "/test-show/fresh/" in delivery.payload["paths"]
    assert f"http://localhost:8000/api/v2/pages/{page.pk}/" in delivery.payload["api_urls"]
    assert (
        "http://localhost:8000/api/v2/pages/find/?html_path=%2Ftest-show%2Ffresh%2F"
        in (delivery.payload["api_urls"])
    )
    # The show and the home page list episodes: their paths are revalidated too.
    assert {"/", "/test-show/"} <= set(delivery.payload["paths"])
    task = DBTaskResult.objects.get()
    assert task.backend_name == "webhooks"
    assert task.args_kwargs["args"] == [delivery.pk]
    assert webhook.requests == []


@transactional
def test_sent_after_commit_by_the_worker_and_signed(webhook, show):
    with transaction.atomic():
        page = EpisodePageFactory(parent=show, slug="signed", published=True)
        assert WebhookDelivery.objects.count() == 0
    # Committed: queued, but nothing was sent during the editor's request.
    delivery = only_delivery()
    assert webhook.requests == []
    run_worker()
    assert len(webhook.requests) == 1
    sent = webhook.requests[0]
    assert sent.method == "POST"
    assert sent.path == "/revalidate"
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.headers["X-Revalidate-Delivery"] == str(delivery.pk)
    assert verify(sent.body, sent.headers, SECRET)
    assert not verify(sent.body, sent.headers, "wrong-secret")
    payload = json.loads(sent.body)
    assert "/test-show/signed/" in payload["paths"]
    assert page.pk in payload["page_ids"]
    assert payload["all"] is False
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert (delivery.attempts, delivery.last_status_code) == (1, 204)


@transactional
def test_failures_are_retried_with_backoff_until_delivered(webhook, show):
    webhook.statuses = [500, 503, 204]
    publish_new(show, "flaky")
    delivery = only_delivery()
    run_worker()
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.RETRYING
    assert (delivery.attempts, delivery.last_status_code) == (1, 500)
    assert delivery.next_attempt_at > delivery.last_attempt_at
    work_until(lambda: WebhookDelivery.objects.get().status == "delivered")
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_status_code, delivery.last_error) == (3, 204, "")
    assert len(webhook.requests) == 3
    assert len({request.body for request in webhook.requests}) == 1
    assert all(verify(request.body, request.headers, SECRET) for request in webhook.requests)
    # Backoff doubles: 0.2 s after the first failure, 0.4 s after the second.
    gaps = [later.at - earlier.at for earlier, later in pairwise(webhook.requests)]
    assert gaps[0] >= 0.2
    assert gaps[1] >= 0.4


@transactional
def test_an_unreachable_receiver_is_given_up_and_reported(
    webhook, settings, show, client, django_user_model
):
    settings.FRONTEND_REVALIDATE_ATTEMPTS = 2
    webhook.statuses = [502]
    publish_new(show, "down")
    work_until(lambda: WebhookDelivery.objects.get().status == "failed")
    delivery = only_delivery()
    assert (delivery.attempts, delivery.last_status_code) == (2, 502)
    assert "502" in delivery.last_error
    assert len(webhook.requests) == 2

    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    report = client.get(reverse("revalidation_report:index"))
    assert report.status_code == 200
    html = report.content.decode()
    assert "Webhooks and feed pings" in html
    assert "Failed" in html
    assert "HTTP 502" in html
    assert "/test-show/down/" in html
    delivered = client.get(reverse("revalidation_report:index"), {"status": "delivered"})
    assert "HTTP 502" not in delivered.content.decode()


@transactional
def test_no_answer_at_all_is_a_failed_attempt(webhook, settings, show):
    settings.FRONTEND_REVALIDATE_URL = "http://127.0.0.1:9/nothing-listens-here"
    settings.FRONTEND_REVALIDATE_ATTEMPTS = 1
    publish_new(show, "void")
    run_worker()
    delivery = only_delivery()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.last_status_code is None
    assert delivery.last_error


def test_without_a_url_nothing_is_queued(settings, show, django_capture_on_commit_callbacks):
    settings.FRONTEND_REVALIDATE_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        EpisodePageFactory(parent=show, slug="quiet", published=True)
    assert WebhookDelivery.objects.count() == 0
    assert DBTaskResult.objects.count() == 0


def test_the_report_is_for_admins_only(client, django_user_model):
    user = django_user_model.objects.create_user("someone", password="pw")
    client.force_login(user)
    response = client.get(reverse("revalidation_report:index"))
    assert response.status_code in (302, 403)
