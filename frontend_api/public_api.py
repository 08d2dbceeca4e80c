"""What every public endpoint shares: anonymous, compact JSON, hostile input refused as a 4xx."""

from typing import Any

from django.http import Http404
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.utils import BadRequestError

from frontend_api.errors import error_response
from frontend_api.renderers import CompactJSONRenderer

MAX_FIELDS_NESTING = 10
MAX_ID = 2**63 - 1  # the largest key any supported database stores


class PublicAPIMixin(APIView):
    """Anonymous JSON only: cookies and Authorization headers change nothing."""

    renderer_classes = [CompactJSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        for name, value in request.GET.lists():
            if "\x00" in name or any("\x00" in item for item in value):
                raise BadRequestError("query parameters must not contain NUL characters")
        # v2 parses `fields` recursively; refuse nesting deep enough to exhaust the stack.
        if request.GET.get("fields", "").count("(") > MAX_FIELDS_NESTING:
            raise BadRequestError(f"fields cannot nest more than {MAX_FIELDS_NESTING} levels")
        if int(kwargs.get("pk", 0)) > MAX_ID:
            raise Http404

    def handle_exception(self, exc: Exception) -> Response:
        response = error_response(exc)
        if response is None:
            return super().handle_exception(exc)
        return response
