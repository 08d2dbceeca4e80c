"""The feed validation gate: distribution rules that podcast apps and directories enforce.

Rule families live in one module each (channel, items, artwork, namespace, distribution);
importing them here registers every rule in `rules.RULES`.
"""

from frontend_api.feeds.validation import (  # noqa: F401
    artwork,
    channel,
    distribution,
    items,
    namespace,
)
from frontend_api.feeds.validation.document import FeedDocument, item_guid, item_title
from frontend_api.feeds.validation.rules import RULES, Finding, Severity


def check_feed(feed: FeedDocument) -> list[Finding]:
    """Every finding of every rule, errors first; only xml-malformed runs on an unparsable feed."""
    findings = []
    for rule in RULES.values():
        if feed.channel is None and rule.id != "xml-malformed":
            continue
        for message, item in rule.check(feed):
            located = (
                {}
                if item is None
                else {"item_guid": item_guid(item), "item_title": item_title(item)}
            )
            findings.append(Finding(rule.id, rule.severity, message, **located))
    return sorted(findings, key=lambda finding: finding.severity != Severity.ERROR)


__all__ = ["RULES", "FeedDocument", "Finding", "Severity", "check_feed"]
