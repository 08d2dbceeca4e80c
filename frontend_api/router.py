"""Registers the API endpoints; nothing else lives here."""

from wagtail.api.v2.router import WagtailAPIRouter

from frontend_api.collections.views import DocumentsAPIViewSet, ImagesAPIViewSet
from frontend_api.pages.views import PagesAPIViewSet

api_router = WagtailAPIRouter("frontend_api")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
