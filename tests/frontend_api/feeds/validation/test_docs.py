"""docs/feeds.md documents every rule with its real severity."""

import re
from pathlib import Path

from frontend_api.feeds.validation import RULES

DOC = Path(__file__).resolve().parents[4] / "docs" / "feeds.md"


def test_every_rule_has_a_row_with_its_severity():
    rows = dict(re.findall(r"^\| `([a-z0-9-]+)` \| (error|warning) \|", DOC.read_text(), re.M))
    assert rows == {rule.id: rule.severity.value for rule in RULES.values()}
