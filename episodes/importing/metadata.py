"""Read metadata values written by people: titles like "#12 Rubric > Title", dates, numbers."""

import datetime
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from episodes.blocks import parse_timestamp

from .article import ArticleError

# "#90 Marché > The title": the number, an optional rubric before " > ", then the title.
TITLE_RE = re.compile(
    r"^\s*#\s*(?P<number>\d+)\s*(?:[-:.\N{EN DASH}\N{EM DASH}]\s*)?"
    r"(?:(?P<rubric>[^>]+?)\s*>\s*)?(?P<title>.+?)\s*$"
)

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("janvier", "january", "jan"),
            ("février", "fevrier", "february", "feb", "fév", "fev"),
            ("mars", "march", "mar"),
            ("avril", "april", "apr", "avr"),
            ("mai", "may"),
            ("juin", "june", "jun"),
            ("juillet", "july", "jul", "juil"),
            ("août", "aout", "august", "aug"),
            ("septembre", "september", "sep", "sept"),
            ("octobre", "october", "oct"),
            ("novembre", "november", "nov"),
            ("décembre", "decembre", "december", "dec", "déc"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
HUMAN_DATE_RES = [
    re.compile(rf"^{_DAY}\s+{_MONTH}\s+{_YEAR}$", re.IGNORECASE),
    re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$", re.IGNORECASE),
]
# "Épisode diffusé le 8 novembre 2023 par Show" / "Episode broadcast on 8 November 2023 by Show".
BROADCAST_LINE_RE = re.compile(
    r"^(?:[ée]pisode\s+)?(?:diffus[ée]\s+le|broadcast\s+on|aired\s+on|published\s+on)\s+"
    r"(?P<date>.+?)(?:\s+(?:par|by|sur|on)\s+(?P<show>.+?))?\s*$",
    re.IGNORECASE,
)


# Longer than any episode; also keeps durations within what every database stores.
MAX_DURATION = datetime.timedelta(hours=1000)
# A day's margin: a date at either end of Python's range overflows in some time zone.
EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC) + datetime.timedelta(days=1)
LATEST = datetime.datetime.max.replace(tzinfo=datetime.UTC) - datetime.timedelta(days=1)
# More digits than any number a database column holds (a 64-bit integer has 19).
MAX_DIGITS = 20
NUMBER_RE = re.compile(r"(?P<sign>(?<!\w)-)?(?P<digits>\d+)")


class OutOfRange(ValueError):
    """A value that reads correctly but that no page could store (year 10000, a huge number)."""


def field(name: str, parse, value):
    """parse(value), with a value out of range reported as an ArticleError naming the field."""
    try:
        return parse(value)
    except OutOfRange as error:
        shown = str(value) if len(str(value)) <= 40 else str(value)[:39] + "…"
        raise ArticleError(f"{name} “{shown}” {error}") from None


@dataclass
class ParsedTitle:
    """A title split into its episode number, rubric and the title proper."""

    title: str
    number: int | None = None
    rubric: str = ""


def parse_title(text: str) -> ParsedTitle:
    """Split "#90 Rubric > Title"; a title without a leading "#number" is kept whole."""
    text = " ".join(text.split())
    match = TITLE_RE.match(text)
    if not match:
        return ParsedTitle(title=text)
    return ParsedTitle(
        title=match["title"],
        number=parse_number(match["number"]),
        rubric=(match["rubric"] or "").strip(),
    )


def parse_number(value) -> int | None:
    """An episode or season number from 12, "12", "#12" or "Episode 12"; None when absent."""
    if value is None or isinstance(value, bool):
        return None
    sign = ""
    if isinstance(value, int):
        digits = str(abs(value))
    else:
        # A minus sign counts ("-5" is refused by the field), a hyphen does not ("Episode-12").
        match = NUMBER_RE.search(str(value))
        if not match:
            return None
        digits = match["digits"].lstrip("0") or "0"
        sign = match["sign"] or ""
    # Python refuses to convert very long digit strings; no column holds them anyway.
    if len(digits) > MAX_DIGITS:
        raise OutOfRange(f"is too large (more than {MAX_DIGITS} digits)")
    return value if isinstance(value, int) else int(sign + digits)


def parse_human_date(text: str) -> datetime.date | None:
    """Read "8 novembre 2023", "1er mars 2024" or "November 8, 2023"."""
    text = " ".join(text.replace(",", ", ").split()).strip(" .")
    for pattern in HUMAN_DATE_RES:
        match = pattern.match(text)
        month = MONTHS.get(match["month"].lower()) if match else None
        if match and month:
            try:
                return datetime.date(int(match["year"]), month, int(match["day"]))
            except ValueError:
                return None
    return None


def parse_when(value) -> datetime.datetime | None:
    """An aware datetime from a date, a datetime, ISO text or a written-out date."""
    if value is None or value == "":
        return None
    moment: datetime.datetime | None
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, datetime.date):
        moment = datetime.datetime.combine(value, datetime.time())
    else:
        text = str(value).strip()
        moment = _parse_iso(text)
        if moment is None:
            day = parse_human_date(text)
            moment = datetime.datetime.combine(day, datetime.time()) if day else None
        if moment is None:
            return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    try:
        in_range = EARLIEST <= moment.astimezone(datetime.UTC) <= LATEST
    except OverflowError:
        in_range = False
    if not in_range:
        raise OutOfRange("is out of range (a date between the years 1 and 9999 in every time zone)")
    return moment


def _parse_iso(text: str) -> datetime.datetime | None:
    """ISO 8601 or RFC 2822 (as RSS and WordPress write dates); None if neither."""
    try:
        moment = parse_datetime(text.replace(" ", "T", 1))
        if moment:
            return moment
        day = parse_date(text)
        if day:
            return datetime.datetime.combine(day, datetime.time())
    except ValueError:
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def parse_broadcast_line(text: str) -> tuple[datetime.datetime, str] | None:
    """The date and show named by a line like "Épisode diffusé le 8 novembre 2023 par Show"."""
    text = " ".join(text.split())
    if len(text) > 300:
        return None
    match = BROADCAST_LINE_RE.match(text)
    if match is None:
        return None
    try:
        moment = parse_when(match["date"])
    except OutOfRange:
        return None
    if moment is None:
        return None
    return moment, (match["show"] or "").strip()


def parse_duration(value) -> datetime.timedelta | None:
    """Audio length from seconds or "h:mm:ss"; None when unreadable, OutOfRange when absurd."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    text = str(value).strip()
    if isinstance(value, int) or text.isdigit():
        if len(text) > MAX_DIGITS:
            raise OutOfRange(f"is too large (more than {MAX_DIGITS} digits)")
        seconds = int(text)
    else:
        try:
            seconds = parse_timestamp(text)
        except ValueError:
            return None
    if not 0 <= seconds < MAX_DURATION.total_seconds():
        hours = int(MAX_DURATION.total_seconds() // 3600)
        raise OutOfRange(f"is not a length of audio (0 to {hours} hours)")
    return datetime.timedelta(seconds=seconds)


def split_names(value) -> list[str]:
    """A list of names or tags from a YAML list or a comma-separated string."""
    if not value:
        return []
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    names = []
    for item in items:
        name = " ".join(str(item).split())
        if name and name not in names:
            names.append(name)
    return names
