"""Admin sign-in throttling with django-axes: who the client is, and what a locked-out one sees."""

import math

from axes.helpers import get_cool_off
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cms.csp import admin_policy, csp_policy
from frontend_api.drafts.throttling import client_address

LOCKED_STATUS = 429


def client_ip(request: HttpRequest) -> str:
    """The address axes counts failures against: the rate limit's, so TRUSTED_PROXIES applies."""
    return client_address(request.META)


@csp_policy(admin_policy)
def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """A 429 sign-in page saying why and for how long, with Retry-After in seconds.

    It replaces the login view's response, so it carries the admin's CSP itself.
    """
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    response = render(request, "cms/login_locked.html", {"minutes": minutes}, status=LOCKED_STATUS)
    if cool_off:
        response["Retry-After"] = str(math.ceil(cool_off.total_seconds()))
    return response
