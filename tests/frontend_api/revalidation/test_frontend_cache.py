"""Optional CDN purges through wagtail.contrib.frontend_cache, run by the worker."""

from urllib.parse import urlsplit

import pytest
from django.db import transaction

from episodes.factories import EpisodePageFactory

from .conftest import run_worker


@pytest.mark.django_db(transaction=True)
def test_changed_urls_are_purged_from_the_configured_cache(settings, receiver, show):
    settings.FRONTEND_REVALIDATE_URL = ""
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": receiver.url.rsplit("/", 1)[0],
        }
    }
    with transaction.atomic():
        page = EpisodePageFactory(parent=show, slug="purged", published=True)
    assert receiver.requests == []
    run_worker()
    purged = {(request.headers["Host"], request.path) for request in receiver.requests}
    assert all(request.method == "PURGE" for request in receiver.requests)
    cms = urlsplit(settings.CMS_URL).netloc
    frontend = urlsplit(settings.FRONTEND_URL).netloc
    assert (cms, f"/api/v2/pages/{page.pk}/") in purged
    assert (cms, "/api/v2/pages/") in purged
    assert (frontend, "/test-show/purged/") in purged
    assert (frontend, "/test-show/") in purged
