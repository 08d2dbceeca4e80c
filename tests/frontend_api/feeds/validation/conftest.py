"""A show whose feed passes every rule, with the tags the corpus mutates."""

import datetime

import pytest

from episodes import factories as f
from tests.support.distribution import aired_trailer_kwargs, distribution_settings
from tests.support.published_site import (  # noqa: F401
    aired,
    home_fixture,
    show_fixture,
    transcript,
)


@pytest.fixture
def valid_show(show):
    """Two aired episodes with audio, duration, size, cover, chapters, transcript and a host;
    every distribution setting and a season trailer."""
    for name, value in distribution_settings().items():
        setattr(show, name, value)
    show.save_revision().publish()
    show.add_child(instance=f.EpisodePageFactory.build(episode_number=3, **aired_trailer_kwargs()))
    host = f.PersonFactory(name="Camille Martin", photo=f.ImageFactory(title="Camille"))
    for number in (1, 2):
        page = f.EpisodePageFactory.build(
            title=f"Episode {number}",
            slug=f"episode-{number}",
            episode_number=number,
            season=1,
            broadcast_at=aired(days=10 - number),
            audio_duration=datetime.timedelta(minutes=40),
            audio_size=38_400_000,
            cover_image=f.ImageFactory(title=f"Cover {number}"),
            transcript_file=transcript(),
            body=[f.heading("Opening", timestamp="0:30"), f.paragraph("<p>Hello.</p>")],
        )
        show.add_child(instance=page)
        page.host_links.create(person=host)
        page.save_revision().publish()
    return show
