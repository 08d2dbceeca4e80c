"""Webhooks, feed pings and CDN purges, sent by the task worker after the editor's request.

`deliver` makes one attempt, the request its delivery's kind calls for; on failure it records
the answer and enqueues itself again after an exponential backoff, until
FRONTEND_REVALIDATE_ATTEMPTS attempts have been made.
"""

import json
import urllib.error
import urllib.request
from datetime import timedelta
from typing import Any

from django.tasks import task
from django.utils import timezone

from frontend_api.conf import api_setting
from frontend_api.feeds.pings import ping_request
from frontend_api.revalidation.deliveries import WebhookDelivery
from frontend_api.revalidation.signing import DELIVERY_HEADER, signed_headers

TASK_BACKEND = "webhooks"
LONGEST_WAIT = 3600.0


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is a failed delivery: following it would drop or resend the signed body, or
    carry a ping's token to another host."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()


def signed_request(delivery: WebhookDelivery) -> urllib.request.Request | str:
    """The signed POST of the payload, or why it can't be sent."""
    secret = api_setting("FRONTEND_REVALIDATE_SECRET")
    if not secret:
        return "FRONTEND_REVALIDATE_SECRET is not set: nothing was sent"
    body = body_of(delivery)
    return urllib.request.Request(
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


def request_for(delivery: WebhookDelivery) -> urllib.request.Request | str:
    """The HTTP request a delivery of its kind makes, or why it can't be made."""
    if delivery.kind == WebhookDelivery.Kind.REVALIDATION:
        return signed_request(delivery)
    return ping_request(delivery)


def send(request: urllib.request.Request) -> tuple[int | None, str]:
    """Make the request once: the HTTP status (None without an answer) and an error."""
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
    now = timezone.now()
    request = request_for(delivery)
    if isinstance(request, str):
        status_code, error = None, request
    else:
        status_code, error = send(request)
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.last_status_code = status_code
    delivery.last_error = error
    delivery.next_attempt_at = None
    if status_code is not None and 200 <= status_code < 300:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
    elif not isinstance(request, str) and delivery.attempts < api_setting(
        "FRONTEND_REVALIDATE_ATTEMPTS"
    ):
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
