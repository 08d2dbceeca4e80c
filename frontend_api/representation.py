"""One representation of a page: the published detail, previews and reviewer links share it."""

from types import SimpleNamespace
from typing import Any

from django.http import HttpRequest
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.models import Page

from frontend_api.loading.batch import PageBatch
from frontend_api.pages.views import PagesAPIViewSet
from frontend_api.router import api_router


def page_representation(
    page: Page, request: HttpRequest, fields: str | None = None
) -> dict[str, Any]:
    """The detail JSON for `page`, which may be an unsaved draft built from a revision.

    Nothing is refetched by id: content comes from the instance given, and only what it
    refers to (people, pages, images, documents) is loaded, in batches.
    """
    try:
        fields_config = parse_fields_parameter(fields) if fields else []
    except ValueError as exc:
        raise BadRequestError(f"fields error: {exc}") from exc
    serializer_class = PagesAPIViewSet._get_serializer_class(
        api_router, type(page), fields_config, show_details=True
    )
    context = {
        "request": request,
        "router": api_router,
        "view": SimpleNamespace(seen_types={}),
        "batch": PageBatch(request).prepare([page]),
    }
    return serializer_class(context=context).to_representation(page)
