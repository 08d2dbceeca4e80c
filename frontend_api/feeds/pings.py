"""Feed pings: who is told that a show's feed changed (WebSub hubs, Podping), and the request.

Both go through the webhook deliveries (revalidation/tasks.py): queued after the commit, sent by
the task worker, retried with backoff and listed in the admin report. The Podping token is read
from the settings when the request is made; it is never stored in a delivery nor logged.
"""

import urllib.request
from urllib.parse import urlencode

from frontend_api.conf import api_setting
from frontend_api.revalidation.deliveries import WebhookDelivery

USER_AGENT = "podcast-cms-feed-ping/1"
# Podping's reasons "live" and "liveEnd" belong to podcast:liveItem, which these feeds don't carry.
PODPING_REASON = "update"


def websub_hubs() -> list[str]:
    """The hubs each feed advertises with <atom:link rel="hub"> and pings on a change."""
    return list(api_setting("FEED_WEBSUB_HUBS"))


def uses_podping() -> bool:
    """Podping is on when its endpoint and token are both configured."""
    return bool(api_setting("PODPING_URL") and api_setting("PODPING_TOKEN"))


def ping_receivers() -> list[tuple[str, str]]:
    """(delivery kind, URL) of everyone told when a show's feed changes."""
    receivers = [(WebhookDelivery.Kind.WEBSUB.value, hub) for hub in websub_hubs()]
    if uses_podping():
        receivers.append((WebhookDelivery.Kind.PODPING.value, api_setting("PODPING_URL")))
    return receivers


def ping_payload(kind: str, feed_url: str, medium: str) -> dict:
    """What a delivery records: the feed, and for Podping its reason and the show's medium."""
    if kind == WebhookDelivery.Kind.PODPING:
        return {"feed_url": feed_url, "reason": PODPING_REASON, "medium": medium}
    return {"feed_url": feed_url}


def ping_request(delivery: WebhookDelivery) -> urllib.request.Request | str:
    """The ping a delivery makes, or why it can't be made."""
    feed_url = delivery.payload["feed_url"]
    if delivery.kind == WebhookDelivery.Kind.WEBSUB:
        # WebSub's publish notification, as hubs accept it: a form POST naming the topic.
        body = urlencode({"hub.mode": "publish", "hub.url": feed_url}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "User-Agent": USER_AGENT}
        return urllib.request.Request(delivery.url, data=body, method="POST", headers=headers)
    token = api_setting("PODPING_TOKEN")
    if not token:
        return "PODPING_TOKEN is not set: nothing was sent"
    # podping.cloud reads the feed, reason and medium from the query string, the publisher's
    # token from the Authorization header as is, and refuses a request without a User-Agent.
    query = urlencode(
        {
            "url": feed_url,
            "reason": delivery.payload["reason"],
            "medium": delivery.payload["medium"],
        }
    )
    separator = "&" if "?" in delivery.url else "?"
    return urllib.request.Request(
        delivery.url + separator + query,
        method="GET",
        headers={"Authorization": token, "User-Agent": USER_AGENT},
    )
