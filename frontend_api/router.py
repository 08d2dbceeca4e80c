"""Registers the API endpoints; nothing else lives here."""

from wagtail.api.v2.router import WagtailAPIRouter

from .views import PagesAPIViewSet, PublicDocumentsAPIViewSet, PublicImagesAPIViewSet

api_router = WagtailAPIRouter("frontend_api")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
