"""Channel rules: the tags Apple Podcasts, Spotify and the Podcast Index require of a show."""

import re

from episodes.choices import APPLE_CATEGORY_TREE
from frontend_api.feeds.validation.apple import APPLE_DESCRIPTION_LIMIT
from frontend_api.feeds.validation.document import FeedDocument
from frontend_api.feeds.validation.rules import Findings, Severity, rule

LANGUAGE_RE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
EXPLICIT_VALUES = {"true", "false"}
ERROR, WARNING = Severity.ERROR, Severity.WARNING


@rule("xml-malformed", ERROR, "The feed is well-formed XML with an rss root and a channel.")
def xml_malformed(feed: FeedDocument) -> Findings:
    if feed.root is None:
        yield f"The feed is not valid XML ({feed.parse_error}); podcast apps will reject it.", None
    elif feed.root.tag != "rss" or feed.channel is None:
        yield "The feed has no <rss><channel>; it is not an RSS feed.", None


@rule("channel-title-missing", ERROR, "The show has a title.")
def channel_title(feed: FeedDocument) -> Findings:
    if not feed.text(feed.channel, "title"):
        yield "The show has no title.", None


@rule("channel-description-missing", ERROR, "The show has a description.")
def channel_description(feed: FeedDocument) -> Findings:
    if not feed.text(feed.channel, "description"):
        yield "The show has no description; Apple Podcasts requires one.", None


@rule(
    "channel-description-too-long",
    WARNING,
    f"The show's description fits Apple's {APPLE_DESCRIPTION_LIMIT} characters.",
)
def channel_description_length(feed: FeedDocument) -> Findings:
    length = len(feed.text(feed.channel, "description"))
    if length > APPLE_DESCRIPTION_LIMIT:
        yield (
            f"The show's description has {length} characters; Apple Podcasts cuts it "
            f"at {APPLE_DESCRIPTION_LIMIT}.",
            None,
        )


@rule("channel-language-invalid", ERROR, "The show has a language, as an ISO 639 code.")
def channel_language(feed: FeedDocument) -> Findings:
    language = feed.text(feed.channel, "language")
    if not language:
        yield "The show has no language; directories need it to list the show.", None
    elif not LANGUAGE_RE.fullmatch(language):
        yield f"The show's language “{language}” is not a language code such as “en”.", None


@rule("channel-link-missing", WARNING, "The show links to its website.")
def channel_link(feed: FeedDocument) -> Findings:
    if not feed.text(feed.channel, "link"):
        yield "The show has no website link.", None


@rule("channel-author-missing", WARNING, "The show names its author (itunes:author).")
def channel_author(feed: FeedDocument) -> Findings:
    if not feed.text(feed.channel, "itunes:author"):
        yield "The show has no author; Apple Podcasts shows it under the title.", None


@rule(
    "owner-email-invalid",
    ERROR,
    "The show's owner e-mail (itunes:owner/itunes:email) is present and an address.",
)
def owner_email(feed: FeedDocument) -> Findings:
    email = feed.text(feed.channel, "itunes:owner/itunes:email")
    if not email:
        yield (
            "The show has no owner e-mail; Apple Podcasts and Spotify send the ownership "
            "check there.",
            None,
        )
    elif not EMAIL_RE.fullmatch(email):
        yield f"The show's owner e-mail “{email}” is not an e-mail address.", None


@rule("category-invalid", ERROR, "The show's Apple category and subcategory are in Apple's list.")
def category(feed: FeedDocument) -> Findings:
    categories = feed.findall(feed.channel, "itunes:category")
    if not categories:
        yield "The show has no Apple Podcasts category.", None
    for element in categories:
        name = element.get("text", "")
        if name not in APPLE_CATEGORY_TREE:
            yield f"“{name}” is not an Apple Podcasts category.", None
            continue
        for child in feed.findall(element, "itunes:category"):
            sub = child.get("text", "")
            if sub not in APPLE_CATEGORY_TREE[name]:
                yield f"“{sub}” is not an Apple Podcasts subcategory of “{name}”.", None


@rule("explicit-invalid", ERROR, "itunes:explicit is “true” or “false” (required on the show).")
def explicit(feed: FeedDocument) -> Findings:
    value = feed.text(feed.channel, "itunes:explicit")
    if value not in EXPLICIT_VALUES:
        shown = f"“{value}”" if value else "missing"
        yield f"The show's explicit flag is {shown}; Apple Podcasts wants true or false.", None
    for item in feed.items:
        element = feed.find(item, "itunes:explicit")
        if element is not None and (element.text or "").strip() not in EXPLICIT_VALUES:
            yield f"The explicit flag “{element.text}” is neither true nor false.", item


@rule("itunes-type-invalid", ERROR, "itunes:type, when present, is “episodic” or “serial”.")
def itunes_type(feed: FeedDocument) -> Findings:
    element = feed.find(feed.channel, "itunes:type")
    if element is not None and (element.text or "").strip() not in {"episodic", "serial"}:
        yield f"The show type “{element.text}” is neither episodic nor serial.", None
