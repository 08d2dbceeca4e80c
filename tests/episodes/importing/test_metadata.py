"""Metadata written by people: episode titles, dates, numbers, durations."""

# ruff: noqa: RUF001 (French typography in the fixtures' text)

import datetime

import pytest

from episodes.importing.metadata import (
    ParsedTitle,
    parse_broadcast_line,
    parse_duration,
    parse_number,
    parse_title,
    parse_when,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#90 Marché > L'année du digital", ParsedTitle("L'année du digital", 90, "Marché")),
        ("#12 – A title", ParsedTitle("A title", 12, "")),
        ("# 7  Two words >  Spaced   out ", ParsedTitle("Spaced out", 7, "Two words")),
        ("No number > here", ParsedTitle("No number > here")),
    ],
)
def test_parse_title(text, expected):
    assert parse_title(text) == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2023-11-08", datetime.date(2023, 11, 8)),
        ("8 novembre 2023", datetime.date(2023, 11, 8)),
        ("1er mars 2024", datetime.date(2024, 3, 1)),
        ("November 8, 2023", datetime.date(2023, 11, 8)),
        ("Wed, 08 Nov 2023 05:00:00 +0000", datetime.date(2023, 11, 8)),
    ],
)
def test_parse_when_reads_iso_written_and_rss_dates(text, day):
    moment = parse_when(text)

    assert moment.date() == day
    assert moment.tzinfo is not None


@pytest.mark.parametrize("text", ["someday", "31 février 2024", "32/13/2024", ""])
def test_parse_when_returns_none_for_what_is_not_a_date(text):
    assert parse_when(text) is None


def test_broadcast_line_names_the_date_and_show():
    when, show = parse_broadcast_line("Épisode diffusé le 14 février 2024 par Onde Courte !")

    assert when.date() == datetime.date(2024, 2, 14)
    assert show == "Onde Courte !"
    assert parse_broadcast_line("Un paragraphe ordinaire.") is None


def test_numbers_and_durations():
    assert [parse_number(v) for v in (12, "12", "#12", "Épisode 12", None, "none")] == [
        12,
        12,
        12,
        12,
        None,
        None,
    ]
    assert [parse_number(v) for v in ("-5", "Episode-12", "007", -3)] == [-5, 12, 7, -3]
    assert parse_duration("1:02:03") == datetime.timedelta(hours=1, minutes=2, seconds=3)
    assert parse_duration(90) == datetime.timedelta(seconds=90)
    assert parse_duration("long") is None
