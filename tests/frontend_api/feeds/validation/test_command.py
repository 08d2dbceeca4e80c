"""manage.py validate_feed: its report and its exit code."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.support.site import publish


def run(slug: str) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("validate_feed", slug, stdout=out, no_color=True)
    except CommandError as error:
        return out.getvalue() + str(error), error.returncode
    return out.getvalue(), 0


def test_a_valid_feed_passes_with_exit_code_0(valid_show):
    output, code = run(valid_show.slug)
    assert code == 0
    assert "Feed of “Signal & Noise” (/feeds/signal-noise/):" in output
    assert "0 error(s), 0 warning(s)." in output


def test_errors_are_listed_with_rule_ids_and_exit_code_1(valid_show):
    valid_show.artwork = None
    publish(valid_show)
    episode = valid_show.get_children().specific().get(slug="episode-1")
    episode.audio_duration = None
    episode.audio_size = None
    publish(episode)
    output, code = run(valid_show.slug)
    assert code == 1
    assert "error   artwork-missing  Show: The show has no artwork" in output
    assert "error   duration-missing  Episode “Episode 1”" in output
    assert "warning enclosure-length-unknown  Episode “Episode 1”" in output
    assert "2 error(s), 1 warning(s)." in output
    assert "2 error(s): podcast apps may reject this feed." in output


@pytest.mark.django_db
def test_an_unknown_show_is_exit_code_2():
    output, code = run("no-such-show")
    assert code == 2
    assert "No show has the slug “no-such-show”." in output


@pytest.mark.django_db
def test_the_demo_feed_has_no_error():
    call_command("seed_demo", stdout=io.StringIO())
    output, code = run("signal-and-noise")
    assert code == 0, output
    assert "0 error(s)" in output
