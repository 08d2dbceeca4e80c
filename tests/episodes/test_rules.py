"""Content rules: the article's title and the related episodes that stand in for a choice."""

import datetime

import pytest
from django.utils import timezone

from episodes import factories as f
from episodes.models import EpisodePage
from episodes.rules import article_title, fallback_related

pytestmark = pytest.mark.django_db


def test_article_title_is_the_headline_else_the_title(show):
    with_headline = f.EpisodePageFactory(parent=show, title="Ep 1", headline="The long read")
    without = f.EpisodePageFactory(parent=show, title="Ep 2", headline="")
    assert article_title(with_headline) == "The long read"
    assert article_title(without) == "Ep 2"
    # Pages without a headline field (a show) go by their title.
    assert article_title(show) == show.title


def aired(days_ago: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days_ago)


def related_titles(page, limit=3, tags=None) -> list[str] | None:
    related = fallback_related(
        EpisodePage.objects.all(),
        rubric_id=page.rubric_id,
        tag_names=tags if tags is not None else [tag.name for tag in page.tags.all()],
        exclude_pk=page.pk,
        limit=limit,
    )
    return None if related is None else [episode.title for episode in related]


def test_related_fallback_is_the_newest_sharing_rubric_or_tag(show):
    market = f.RubricFactory(name="Market")
    other = f.RubricFactory(name="Other")
    page = f.EpisodePageFactory(parent=show, title="Page", rubric=market, broadcast_at=aired(1))
    f.EpisodePageFactory(parent=show, title="Old rubric", rubric=market, broadcast_at=aired(30))
    f.EpisodePageFactory(parent=show, title="New rubric", rubric=market, broadcast_at=aired(2))
    tagged = f.EpisodePageFactory(parent=show, title="Tagged", rubric=other, broadcast_at=aired(10))
    tagged.tags.add("pricing")
    tagged.save()
    f.EpisodePageFactory(parent=show, title="Unrelated", rubric=other, broadcast_at=aired(3))

    assert related_titles(page, tags=["pricing"]) == ["New rubric", "Tagged", "Old rubric"]
    assert related_titles(page, limit=2, tags=["pricing"]) == ["New rubric", "Tagged"]
    assert related_titles(page, tags=[]) == ["New rubric", "Old rubric"]


def test_related_fallback_is_none_without_rubric_or_tags(show):
    page = f.EpisodePageFactory(parent=show, rubric=None)
    f.EpisodePageFactory(parent=show, rubric=None)
    assert related_titles(page, tags=[]) is None
