"""Registers the API endpoints; nothing else lives here."""

from wagtail.api.v2.router import WagtailAPIRouter

from frontend_api.caching.views import (
    CachedDocumentsAPIViewSet,
    CachedImagesAPIViewSet,
    CachedPagesAPIViewSet,
)

api_router = WagtailAPIRouter("frontend_api")
api_router.register_endpoint("pages", CachedPagesAPIViewSet)
api_router.register_endpoint("images", CachedImagesAPIViewSet)
api_router.register_endpoint("documents", CachedDocumentsAPIViewSet)
