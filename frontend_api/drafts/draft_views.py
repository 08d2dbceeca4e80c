"""Drafts by token: the editor preview and reviewer-link endpoints, in the published shape."""

import re
from typing import Any

from django.http import Http404
from django.utils.cache import add_never_cache_headers
from rest_framework.fields import DateTimeField
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.utils import BadRequestError

from frontend_api.drafts.preview import preview_page
from frontend_api.drafts.review_links import active_link, record_view
from frontend_api.drafts.throttling import TokenRateThrottle
from frontend_api.models import ReviewLink
from frontend_api.public_api import PublicAPIMixin
from frontend_api.representation import page_representation

PREVIEW_ID = re.compile(r"[0-9]{1,19}/")


class DraftView(PublicAPIMixin, APIView):
    """Anonymous, rate-limited per client, never cached, indexed or leaked through Referer.

    Every token that doesn't open a draft (missing, malformed, forged, expired, revoked, for
    another page or page type) raises the same bare Http404, so all get one identical body.
    """

    throttle_classes = [TokenRateThrottle]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        try:
            super().initial(request, *args, **kwargs)
        except BadRequestError:
            # A NUL byte in a token is one more malformed token: the same 404, not a 400.
            raise Http404 from None

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = "no-referrer"
        return response


class PagePreviewView(DraftView):
    """GET /api/v2/page_preview/[<id>/]?content_type=&token=: the editor's unsaved draft.

    Any number works as the id (the token names the page); any other path tail is a 404.
    """

    def get(self, request: Request, page_id: str | None = None) -> Response:
        page = None
        if page_id is None or PREVIEW_ID.fullmatch(page_id):
            page = preview_page(
                request.query_params.get("content_type", ""),
                request.query_params.get("token", ""),
            )
        if page is None:
            raise Http404
        return Response(page_representation(page, request, request.query_params.get("fields")))


def review_details(link: ReviewLink) -> dict[str, Any]:
    """What the reviewer's banner needs: until when, which revision, and the editor's note."""
    return {
        "expires_at": DateTimeField().to_representation(link.expires_at),
        "revision": link.revision_id,
        "note": link.note,
    }


class ReviewView(DraftView):
    """GET /api/v2/review/<token>/: the page's draft while the reviewer link is active."""

    def get(self, request: Request, token: str) -> Response:
        link = active_link(token.removesuffix("/"))
        if link is None:
            raise Http404
        data = page_representation(link.draft(), request, request.query_params.get("fields"))
        data["review"] = review_details(link)
        record_view(link)
        return Response(data)
