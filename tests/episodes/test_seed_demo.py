"""The demo seeder: complete on the first run, a no-op on the second."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from episodes.models import EpisodePage, Person, PodcastPage, Rubric
from home.models import HomePage

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, int]:
    """Counts of everything the seeder may create."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "people": Person.objects.count(),
        "rubrics": Rubric.objects.count(),
    }


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_builds_the_site():
    assert "Demo content created" in seed()
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    show = PodcastPage.objects.child_of(home).get()
    assert EpisodePage.objects.child_of(show).live().count() >= 5
    assert Person.objects.count() == 3 and Rubric.objects.count() == 3
    flagship = EpisodePage.objects.get(episode_number=42)
    assert {child.block_type for child in flagship.body} == {
        "heading",
        "paragraph",
        "pull_quote",
        "faq",
        "image",
        "embed",
    }
    assert Counter(child.block_type for child in flagship.body)["paragraph"] == 24
    assert [link.episode.episode_number for link in flagship.related_links.all()] == [41, 40]
    draft = EpisodePage.objects.get(episode_number=43)
    assert not draft.live and draft.latest_revision is not None


def test_a_second_run_changes_nothing():
    seed()
    before = snapshot()
    assert "nothing changed" in seed()
    assert snapshot() == before
