"""URL map: admin, documents, the frontend API, then Wagtail's catch-all last."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms.csp import admin_policy, csp_policy
from cms.health import healthz
from frontend_api import urls as frontend_api_urls
from frontend_api.collections.audio_files import serve_document

admin_csp = csp_policy(admin_policy)

urlpatterns = [
    path("admin/", include(decorate_urlpatterns(wagtailadmin_urls.urlpatterns, admin_csp))),
    # Audio with byte ranges (frontend_api/collections/audio_files.py); other documents as
    # Wagtail serves them.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        serve_document,
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("", include(frontend_api_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))

handler400 = "frontend_api.errors.bad_request"
handler404 = "frontend_api.errors.not_found"
