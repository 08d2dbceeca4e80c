"""The project's URLs plus stock Wagtail API v2 viewsets at /stock-api/v2/, for the comparison."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms import urls as project_urls

# Registered the way Wagtail's v2 documentation does, for the same models.
stock_router = WagtailAPIRouter("stock_api")
stock_router.register_endpoint("pages", PagesAPIViewSet)
stock_router.register_endpoint("images", ImagesAPIViewSet)
stock_router.register_endpoint("documents", DocumentsAPIViewSet)

urlpatterns = [path("stock-api/v2/", stock_router.urls), *project_urls.urlpatterns]
handler400 = project_urls.handler400
handler404 = project_urls.handler404
