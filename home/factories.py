"""Factories for the site root and the site, and the page factory every content app builds on."""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from .models import HomePage


def save_revision(page, create, extracted, **kwargs) -> None:
    """Save a revision of a page in the tree, as the admin's Save draft button does."""
    if create:
        page.save_revision()
        page.refresh_from_db()


def publish_revision(page, create, extracted, **kwargs) -> None:
    """Save and publish a revision of a page in the tree, as the admin's Publish button does."""
    if create:
        page.save_revision().publish()
        page.refresh_from_db()


class PageFactory(wagtail_factories.PageFactory):
    """A page with the `published` and `draft` traits.

    `published`: a first revision is saved and published.
    `draft`: created but never published (not live, one unpublished revision).
    Without a trait the page is saved live with no revision, as `add_child` leaves it.
    A published page with newer unpublished changes is a published one edited afterwards.
    """

    class Meta:
        abstract = True
        # The traits save through revisions; a plain save afterwards would add nothing.
        skip_postgeneration_save = True

    class Params:
        published = factory.Trait(revision=factory.PostGeneration(publish_revision))
        draft = factory.Trait(live=False, revision=factory.PostGeneration(save_revision))


class HomePageFactory(PageFactory):
    """The home page under the tree's root; an existing one with the same slug is reused."""

    title = "Home"
    slug = "home"
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage
        django_get_or_create = ("parent", "slug")


class SiteFactory(wagtail_factories.SiteFactory):
    """The default site rooted at a home page; an existing default site is pointed at it."""

    hostname = "localhost"
    port = 80
    site_name = "Test"
    root_page = factory.SubFactory(HomePageFactory)
    is_default_site = True

    class Meta:
        model = Site

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if not kwargs.get("is_default_site"):
            return super()._create(model_class, *args, **kwargs)
        kwargs.pop("is_default_site")
        site, _ = model_class.objects.update_or_create(is_default_site=True, defaults=kwargs)
        return site
