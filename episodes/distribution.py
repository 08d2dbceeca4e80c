"""The Podcasting 2.0 vocabulary a show's distribution settings are checked against.

From the namespace's tag documents (Podcastindex-org/podcast-namespace, docs/tags/*.md and
docs/schema/podcast.xsd); the feed check in frontend_api reads the same definitions.
"""

import re
import uuid

from dateutil.rrule import rrulestr

# podcast:medium: what the feed's content is; each has a "list" variant ending in L.
BASE_MEDIUMS = [
    "podcast",
    "music",
    "video",
    "film",
    "audiobook",
    "newsletter",
    "blog",
    "publisher",
    "course",
]
MEDIUMS = {*BASE_MEDIUMS, *(f"{medium}L" for medium in BASE_MEDIUMS), "mixed"}
# The mediums a show of episodes can be; the list mediums hold only remote items.
MEDIUM_CHOICES = [(medium, medium.capitalize()) for medium in BASE_MEDIUMS]

# The namespace's license list (docs/examples/license/licenses.json); others need a URL.
KNOWN_LICENSES = {"arr", "cc-by-4.0", "cc-by-nc-4.0", "cc-by-nc-nd-4.0", "pod-v4v-1.0"}

LOCATION_RELS = [("subject", "What the show is about"), ("creator", "Where it is made")]
# RFC 5870 geo URI: latitude, longitude, optional altitude and parameters.
_DECIMAL = r"-?[0-9]+(\.[0-9]+)?"
GEO_RE = re.compile(rf"geo:{_DECIMAL},{_DECIMAL}(,{_DECIMAL})?(;[^\s]*)?")
# OpenStreetMap object: N(ode), W(ay) or R(elation) and its number.
OSM_RE = re.compile(r"[NWR][0-9]+(#[0-9]+)?")
COUNTRY_RE = re.compile(r"[A-Z]{2}")

TXT_PURPOSES = [
    ("verify", "Ownership check (verify)"),
    ("applepodcastsverify", "Apple Podcasts ownership check"),
]
# The namespace's length limits: most node values 128, txt values 4000.
TEXT_LIMIT = 128
TXT_LIMIT = 4000
UNTIL_RE = re.compile(r"UNTIL=([^;]+)", re.IGNORECASE)


def _compact_until(rule: str) -> str:
    """UNTIL as RFC 5545 writes it; the namespace's own examples use ISO 8601 with dashes."""
    return UNTIL_RE.sub(lambda match: "UNTIL=" + re.sub(r"[-:]|\.[0-9]+", "", match.group(1)), rule)


def rrule_error(rule: str, has_start: bool) -> str:
    """Why an iCalendar RRULE (RFC 5545) can't be used, or ""."""
    try:
        rrulestr(_compact_until(rule), ignoretz=True)
    except (ValueError, TypeError) as error:
        return f"Not an iCalendar recurrence rule ({error}), e.g. FREQ=WEEKLY;BYDAY=MO."
    if "COUNT=" in rule.upper() and not has_start:
        return "A rule with COUNT needs a start date."
    return ""


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return len(value) == 36
