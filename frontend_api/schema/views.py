"""The views that serve the OpenAPI document: as JSON, and rendered for people."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csp import csp_override
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from frontend_api.caching.views import CachedViewMixin
from frontend_api.public_api import PublicAPIMixin
from frontend_api.schema.document import openapi_document


class SchemaView(CachedViewMixin, PublicAPIMixin, APIView):
    """GET /api/v2/schema/: the OpenAPI document, for tools and the docs page.

    Cached answers depend on the code only, which the entry key's fingerprint covers.
    """

    def get(self, request: Request) -> Response:
        return Response(openapi_document())


def schema_docs(request: HttpRequest) -> HttpResponse:
    """GET /api/v2/docs/: the document rendered by Redoc, served from this site's static files."""
    # Redoc needs more than SECURE_CSP allows (docs/operations.md); the decorator is applied
    # here, per request, because settings are not read at import time.
    return csp_override(settings.API_DOCS_CSP)(render_docs)(request)


def render_docs(request: HttpRequest) -> HttpResponse:
    return render(request, "frontend_api/api_docs.html", {"schema_url": reverse("api_schema")})
