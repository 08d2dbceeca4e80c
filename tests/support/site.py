"""The site every test starts from: Wagtail's roots, a home page at the top, the default site."""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page

from home.factories import HomePageFactory, SiteFactory
from home.models import HomePage


def restore_wagtail_roots() -> None:
    """Put back the rows Wagtail's migrations made (default locale, root page, root collection),
    which the flush after every transactional test takes away."""
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def without_stock_pages() -> Page:
    """The tree's root, emptied of Wagtail's stock welcome page (and anything else under it)."""
    root = Page.get_first_root_node()
    for stock in root.get_children():
        stock.delete()
    return root


def site_with_home(site_name: str = "Test", **home_fields) -> HomePage:
    """A HomePage in place of the stock welcome page, as the root of the default site."""
    restore_wagtail_roots()
    home = HomePageFactory(parent=without_stock_pages(), **home_fields)
    SiteFactory(root_page=home, site_name=site_name)
    return home


def publish(page: Page) -> Page:
    """Publish the page's latest state the way the admin does, and read it back."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page
