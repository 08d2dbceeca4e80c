"""One site for the comparison: two shows, episodes of every kind, hidden pages, media."""

import datetime

import wagtail_factories
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from episodes import factories as f
from tests.support.content import full_episode, image
from tests.support.site import site_with_home


def aired(day: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, 1, 1, 8)) + datetime.timedelta(days=day)


def build() -> dict[str, int | str]:
    """Create the site; returns the ids and paths the corpus refers to by name."""
    home = site_with_home(show_in_menus=True, published=True)
    show = f.PodcastPageFactory(
        parent=home,
        title="Signal and Noise",
        slug="signal-noise",
        language="fr",
        explicit=True,
        artwork=image(name="artwork", size=64),
        show_in_menus=True,
        published=True,
    )
    other_show = f.PodcastPageFactory(
        parent=home, title="Second Show", slug="second-show", language="en", published=True
    )
    rich = full_episode(show, number=1)
    rubric = f.RubricFactory(name="Culture", slug="culture")
    episodes = [rich]
    for number, (season, kind, day) in enumerate(
        [(1, "full", 3), (2, "trailer", 1), (2, "full", 7), (None, "bonus", 5), (2, "full", 2)],
        start=2,
    ):
        episodes.append(
            f.EpisodePageFactory(
                parent=show,
                title=f"Episode number {number}",
                slug=f"episode-{number}",
                episode_number=number,
                season=season,
                episode_type=kind,
                broadcast_at=aired(day),
                rubric=rubric if number % 2 else None,
                published=True,
            )
        )
    for number in (1, 2, 3):
        episodes.append(
            f.EpisodePageFactory(
                parent=other_show,
                title=f"Second show episode {number}",
                slug=f"second-{number}",
                episode_number=number,
                season=1,
                broadcast_at=aired(10 + number),
                published=True,
            )
        )
    draft = f.EpisodePageFactory(parent=show, title="Not yet", slug="not-yet", live=False)
    private = f.EpisodePageFactory(
        parent=show, title="Members only", slug="private", published=True
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    hidden_collection = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=hidden_collection, restriction_type="login")
    hidden_image = image(name="hidden", size=32)
    hidden_image.collection = hidden_collection
    hidden_image.save()
    hidden_document = wagtail_factories.DocumentFactory(
        title="Hidden notes", file__filename="hidden.txt", collection=hidden_collection
    )
    document = wagtail_factories.DocumentFactory(title="Show notes", file__filename="notes.txt")
    return {
        "root": home.get_parent().pk,
        "home": home.pk,
        "show": show.pk,
        "other_show": other_show.pk,
        "episode": rich.pk,
        "plain_episode": episodes[1].pk,
        "last_episode": episodes[-1].pk,
        "draft": draft.pk,
        "private": private.pk,
        "image": show.artwork_id,
        "cover": rich.cover_image_id,
        "hidden_image": hidden_image.pk,
        "document": document.pk,
        "hidden_document": hidden_document.pk,
        "rubric": rubric.pk,
        "missing": 987654,
        "episode_path": rich.url_path.removeprefix(home.url_path),
    }
