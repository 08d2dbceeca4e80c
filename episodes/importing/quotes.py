"""Read a blockquote: the words, who said them (cite, footer or "— Name") and when."""

import re

from bs4 import Tag

from episodes.blocks import parse_timestamp

from .article import Quote

LSQUO, RSQUO = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"
LSAQUO, RSAQUO = (
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}",
    "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}",
)
QUOTE_MARKS = [
    ("“", "”"),
    (LSQUO, RSQUO),
    ("«", "»"),
    ('"', '"'),
    ("'", "'"),
    ("„", "“"),
    (LSAQUO, RSAQUO),
]
DASHES = "\N{EM DASH}\N{EN DASH}\N{HORIZONTAL BAR}"
# A trailing "— Name" only counts after the end of a sentence or a closing quote mark (or on a
# line of its own), so a dash inside the quote is not mistaken for an attribution.
SENTENCE_ENDS = ".!?…”»\"'" + RSQUO
TRAILING_ATTRIBUTION_RE = re.compile(
    rf"^(?P<text>.+?)(?:(?<=[{SENTENCE_ENDS}])\s*|\s*\n\s*)"
    rf"[{DASHES}]\s*(?P<name>[^\n{DASHES}]{{2,120}})$",
    re.DOTALL,
)
SPEAKER_TIMESTAMP_RE = re.compile(
    rf"^(?P<name>.*?)[\s,;@{DASHES}-]*[\[(]?(?P<stamp>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)[\])]?$"
)


def squash(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to single spaces."""
    return " ".join(text.split())


def attribute(tag: Tag, name: str) -> str:
    """An attribute's text, "" when absent; a multi-valued one (class, rel) joined by spaces."""
    value = tag.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def valid_timestamp(text: str) -> str:
    """The timestamp if the audio blocks accept it, else ""."""
    text = text.strip()
    try:
        parse_timestamp(text)
    except ValueError:
        return ""
    return text


def strip_quote_marks(text: str) -> str:
    """Remove one pair of quotation marks around the whole text."""
    for opening, closing in QUOTE_MARKS:
        if len(text) > 2 and text.startswith(opening) and text.endswith(closing):
            return text[1:-1].strip()
    return text


def split_speaker(raw: str) -> tuple[str, str]:
    """Clean a speaker line ("— Ada, 12:34") into a name and a timestamp."""
    name = squash(raw).lstrip(DASHES + "-~ ").rstrip(" ,;")
    match = SPEAKER_TIMESTAMP_RE.match(name)
    if match and match["name"].strip():
        return match["name"].strip(), valid_timestamp(match["stamp"])
    return name, ""


def parse_quote(tag: Tag) -> Quote | None:
    """A Quote from a blockquote element, or None when it holds no words."""
    timestamp = valid_timestamp(attribute(tag, "data-timestamp"))
    speaker = ""
    credit = tag.find("footer") or tag.find("cite")
    if credit is not None:
        time = credit.find("time")
        if time is not None:
            timestamp = timestamp or valid_timestamp(attribute(time, "datetime") or time.get_text())
            time.extract()
        speaker, stamp = split_speaker(credit.get_text(" "))
        timestamp = timestamp or stamp
        credit.extract()
    paragraphs = [squash(p.get_text(" ")) for p in tag.find_all("p")] or [squash(tag.get_text(" "))]
    text = "\n".join(p for p in paragraphs if p)
    if not speaker:
        match = TRAILING_ATTRIBUTION_RE.match(text)
        if match and len(match["name"].split()) <= 10 and match["name"].strip()[-1] not in ".!?":
            text = match["text"].strip()
            speaker, stamp = split_speaker(match["name"])
            timestamp = timestamp or stamp
    text = strip_quote_marks(text.strip())
    if not text:
        return None
    return Quote(text=text, speaker=speaker[:120], timestamp=timestamp)
