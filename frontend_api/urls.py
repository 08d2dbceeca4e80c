"""Public URLs served by the frontend API app."""

from django.urls import include, path, re_path

from frontend_api.drafts.draft_views import PagePreviewView, ReviewView
from frontend_api.errors import api_not_found
from frontend_api.feeds import urls as feed_urls
from frontend_api.router import api_router
from frontend_api.schema.views import SchemaView, schema_docs
from frontend_api.seo.sitemap import robots_txt, sitemap, sitemap_section
from frontend_api.transcripts import urls as transcript_urls

urlpatterns = [
    # Token endpoints take any path tail, so a malformed token still gets the JSON 404.
    path("api/v2/page_preview/", PagePreviewView.as_view(), name="page_preview"),
    re_path(r"^api/v2/page_preview/(?P<page_id>.+)$", PagePreviewView.as_view()),
    re_path(r"^api/v2/review/(?P<token>.*)$", ReviewView.as_view(), name="review"),
    path("api/v2/schema/", SchemaView.as_view(), name="api_schema"),
    path("api/v2/docs/", schema_docs, name="api_docs"),
    path("api/v2/", api_router.urls),
    # Last of the /api/ routes: anything else there is a JSON 404, whatever DEBUG says.
    re_path(r"^api/(?P<rest>.*)$", api_not_found),
    path("feeds/", include(feed_urls)),
    path("transcripts/", include(transcript_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
]
