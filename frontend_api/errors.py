"""Every API error as JSON {"message": ...} with a 4xx status, never an HTML page or a 500."""

import logging
import math
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldError, ValidationError
from django.db import DataError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.urls import Resolver404, resolve
from django.views.defaults import bad_request as html_bad_request
from django.views.defaults import page_not_found
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

logger = logging.getLogger(__name__)

# Raised while applying bad parameter values (a NUL byte, a number too large for the
# database, an unparsable filter); the request, not the server, is at fault.
BAD_INPUT_ERRORS = (ValueError, OverflowError, ValidationError, FieldError, DataError, LookupError)


def _message(detail: Any) -> str:
    if isinstance(detail, dict):
        return "; ".join(f"{key}: {_message(value)}" for key, value in detail.items())
    if isinstance(detail, list):
        return "; ".join(_message(item) for item in detail)
    return str(detail)


def error_response(exc: Exception) -> Response | None:
    """The JSON response for an exception raised by an API view, or None to re-raise it."""
    if isinstance(exc, Http404):
        return Response({"message": "not found"}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, BadRequestError):
        return Response({"message": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, APIException):
        headers = {}
        wait = getattr(exc, "wait", None)
        if wait is not None:
            # A throttled client learns when to come back (RFC 9110), rounded up to a second.
            headers["Retry-After"] = str(math.ceil(wait))
        return Response({"message": _message(exc.detail)}, status=exc.status_code, headers=headers)
    if isinstance(exc, BAD_INPUT_ERRORS):
        logger.info("Bad API request: %s: %s", type(exc).__name__, exc)
        return Response({"message": "invalid parameter value"}, status=status.HTTP_400_BAD_REQUEST)
    return None


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler404: JSON under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"message": "not found"}, status=404)
    return page_not_found(request, exception)


def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """The last /api/ route: JSON 404 even with DEBUG=True, where handler404 is not used.

    It matches every path, so it redoes APPEND_SLASH's redirect for a path that only lacks
    its trailing slash (CommonMiddleware no longer sees a 404 to redirect from).
    """
    if settings.APPEND_SLASH and not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    return JsonResponse({"message": "not found"}, status=404)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400 (a Host not in ALLOWED_HOSTS, a broken request): JSON under /api/."""
    if request.path.startswith("/api/"):
        return JsonResponse({"message": "bad request"}, status=400)
    return html_bad_request(request, exception)
