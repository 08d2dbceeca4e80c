"""Webhook deliveries and CDN purges, run by the task worker after the editor's request.

`deliver` makes one attempt; on failure it records the answer and enqueues itself again
after an exponential backoff, until FRONTEND_REVALIDATE_ATTEMPTS attempts have been made.
"""

import json
import urllib.error
import urllib.request
from datetime import timedelta
from typing import Any

from django.tasks import task
from django.utils import timezone

from frontend_api.conf import api_setting
from frontend_api.revalidation.deliveries import WebhookDelivery
from frontend_api.revalidation.signing import DELIVERY_HEADER, signed_headers

TASK_BACKEND = "webhooks"
LONGEST_WAIT = 3600.0


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a failed delivery: following it would drop or resend the signed body."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()


def post(delivery: WebhookDelivery, secret: str) -> tuple[int | None, str]:
    """POST the signed payload once: the HTTP status (None without an answer) and an error."""
    body = body_of(delivery)
    request = urllib.request.Request(
        delivery.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "podcast-cms-revalidate/1",
            DELIVERY_HEADER: str(delivery.pk),
            **signed_headers(body, secret),
        },
    )
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=api_setting("FRONTEND_REVALIDATE_TIMEOUT")) as answer:
            return answer.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code} {error.reason}"
    except (urllib.error.URLError, OSError) as error:
        return None, str(getattr(error, "reason", error))


def backoff(attempts: int) -> timedelta:
    """Seconds before the next attempt: the base, doubled after each failure, at most an hour."""
    base = float(api_setting("FRONTEND_REVALIDATE_BACKOFF"))
    return timedelta(seconds=min(base * 2 ** (attempts - 1), LONGEST_WAIT))


@task(backend=TASK_BACKEND)
def deliver(delivery_id: int) -> str:
    """One attempt at a delivery; returns its status afterwards."""
    delivery = WebhookDelivery.objects.filter(pk=delivery_id).first()
    if delivery is None or delivery.status in (
        WebhookDelivery.Status.DELIVERED,
        WebhookDelivery.Status.FAILED,
    ):
        return delivery.status if delivery else "missing"
    secret = api_setting("FRONTEND_REVALIDATE_SECRET")
    now = timezone.now()
    if secret:
        status_code, error = post(delivery, secret)
    else:
        status_code, error = None, "FRONTEND_REVALIDATE_SECRET is not set: nothing was sent"
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.last_status_code = status_code
    delivery.last_error = error
    delivery.next_attempt_at = None
    if status_code is not None and 200 <= status_code < 300:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
    elif secret and delivery.attempts < api_setting("FRONTEND_REVALIDATE_ATTEMPTS"):
        delivery.status = WebhookDelivery.Status.RETRYING
        delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
    else:
        delivery.status = WebhookDelivery.Status.FAILED
    delivery.save()
    if delivery.status == WebhookDelivery.Status.RETRYING:
        deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    return delivery.status


@task(backend=TASK_BACKEND)
def purge_frontend_cache(urls: list[str]) -> int:
    """Purge URLs through wagtail.contrib.frontend_cache's configured backends (CDN, Varnish)."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)
    return len(urls)
