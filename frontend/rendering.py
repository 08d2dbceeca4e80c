"""The Jinja2 environment: autoescaping on everywhere, and the filters templates use."""

import datetime
import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

TEMPLATES_DIR = Path(__file__).parent / "templates"
# Characters that could close a <script> element or open markup inside JSON-LD.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def parse_datetime(value: str | None) -> datetime.datetime | None:
    """Read an ISO 8601 date-time from the API; None when absent or unreadable."""
    if not value:
        return None
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return None


def long_date(value: str | None) -> str:
    """ "2025-03-04T10:00:00+01:00" as "4 March 2025"."""
    moment = parse_datetime(value)
    return f"{moment.day} {moment:%B %Y}" if moment else ""


def long_datetime(value: str | None) -> str:
    """An ISO date-time as "4 March 2025, 10:00 (UTC+01:00)", keeping the CMS's offset."""
    moment = parse_datetime(value)
    if not moment:
        return ""
    offset = moment.strftime("%z")
    zone = f" (UTC{offset[:3]}:{offset[3:]})" if offset else ""
    return f"{moment.day} {moment:%B %Y}, {moment:%H:%M}{zone}"


def clock(seconds: int | float | None) -> str:
    """Seconds as "m:ss" or "h:mm:ss", the way the episode's timestamps are written."""
    if seconds is None:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def titled(own: str | None, name: str | None) -> str:
    """A page's <title>: its own title, then the site's or show's name unless that is all."""
    own, name = (own or "").strip(), (name or "").strip()
    return f"{own} · {name}" if own and name and own != name else own or name


def json_script(value: Any) -> Markup:
    """JSON safe to place inside a <script> element: no "</script>" can end it early."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(JSON_SCRIPT_ESCAPES))


def trusted_html(value: str | None) -> Markup:
    """Mark rich text and oEmbed HTML, which the CMS cleans and resolves, as ready to insert."""
    return Markup(value or "")


def build_environment() -> Environment:
    """The single template environment; every `{{ }}` is HTML-escaped unless marked trusted."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        long_date=long_date,
        long_datetime=long_datetime,
        clock=clock,
        titled=titled,
        json_script=json_script,
        trusted_html=trusted_html,
    )
    return env
