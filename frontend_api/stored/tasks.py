"""Re-rendering stale stored answers in the task worker, after the change's commit.

Not needed for correctness (a read that finds no fresh answer renders and stores it), only so
that the first reader after a change does not pay for the render.
"""

import logging

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.tasks import task
from django.test import RequestFactory
from django.urls import resolve, reverse

from frontend_api.loading.sites import SiteInfo, all_sites
from frontend_api.revalidation.tasks import TASK_BACKEND
from frontend_api.stored.models import StoredPage

logger = logging.getLogger(__name__)


def render_stored(page_id: int, site: SiteInfo) -> bool:
    """Read the page's detail as a public client of `site` would, storing what is rendered."""
    path = reverse("frontend_api:pages:detail", args=[page_id])
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    request = RequestFactory().get(path, HTTP_HOST=host)
    match = resolve(path)
    response = match.func(request, *match.args, **match.kwargs)
    return response.status_code == 200


@task(backend=TASK_BACKEND)
def rerender(page_ids: list[int] | None) -> int:
    """Render the stale stored answers of these pages (of every page for None); how many."""
    rows = StoredPage.objects.filter(stale=True)
    if page_ids is not None:
        rows = rows.filter(page_id__in=page_ids)
    sites = {site.id: site for site in all_sites()}
    rendered = 0
    for page_id, site_id in rows.values_list("page_id", "site_id"):
        if site_id not in sites:
            continue
        try:
            rendered += render_stored(page_id, sites[site_id])
        except DisallowedHost:
            logger.warning("site %s is not in ALLOWED_HOSTS: its answers render on read", site_id)
            return rendered
        except DatabaseError:
            # The rows stay stale: the next read renders, and so does the next change's task.
            logger.exception("re-rendering stored answers stopped")
            raise
    return rendered
