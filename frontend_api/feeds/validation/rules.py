"""The rule registry: each rule's stable id, severity, and the check that yields its findings."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from frontend_api.feeds.validation.document import FeedDocument


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One broken rule: where (the channel, or an item by its GUID and title) and what to do."""

    rule: str
    severity: Severity
    message: str
    item_guid: str | None = None
    item_title: str = ""

    @property
    def where(self) -> str:
        return f"Episode “{self.item_title}”" if self.item_guid is not None else "Show"


# A check yields (message, item) pairs; item is None for the channel.
Findings = Iterator[tuple[str, object]]
Check = Callable[[FeedDocument], Iterable[tuple[str, object]]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    check: Check


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, summary: str) -> Callable[[Check], Check]:
    """Register a check under a stable id; ids are what docs, tests and editors refer to."""

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"Two feed rules share the id {rule_id!r}.")
        RULES[rule_id] = Rule(rule_id, severity, summary, check)
        return check

    return register
