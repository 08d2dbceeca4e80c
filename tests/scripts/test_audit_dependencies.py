"""The CI dependency audit finds known vulnerabilities and refuses anything it cannot vouch for."""

import importlib.util

import pytest
import requests
from packaging.version import Version
from pip_audit._service import ResolvedDependency, SkippedDependency, VulnerabilityResult

from tests.conftest import require_service
from tests.processes import REPO

spec = importlib.util.spec_from_file_location("audit", REPO / "scripts" / "audit_dependencies.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)


def vulnerability(vuln_id: str) -> VulnerabilityResult:
    return VulnerabilityResult.create(
        ids=[vuln_id], description="bad", fix_versions=[Version("9.9")], published=None
    )


@pytest.fixture
def pypi():
    try:
        reachable = requests.head("https://pypi.org/simple/", timeout=10).ok
    except requests.RequestException:
        reachable = False
    require_service("PyPI", reachable, "the audit asks PyPI about each package")


def test_a_known_vulnerable_release_is_found(pypi):
    # pycrypto 2.6.1 is its last release and carries published advisories.
    dependency = ResolvedDependency(name="pycrypto", version=Version("2.6.1"))
    _, results = audit.ProjectPageFallbackService(timeout=60).query(dependency)
    ids = {result.id for result in results} | {a for result in results for a in result.aliases}
    assert "PYSEC-2017-94" in ids
    report = audit.Report(
        audited=[dependency], skipped=[], vulnerabilities=[(dependency, r) for r in results]
    )
    found = audit.problems(report, {"pycrypto": "2.6.1"})
    assert len(found) == len(results)
    assert found[0].startswith("pycrypto 2.6.1: ")


def test_an_accepted_vulnerability_passes_and_any_other_fails(monkeypatch):
    dependency = ResolvedDependency(name="somepkg", version=Version("1.0"))
    report = audit.Report(
        audited=[dependency],
        skipped=[],
        vulnerabilities=[(dependency, vulnerability("GHSA-1")), (dependency, vulnerability("X-2"))],
    )
    monkeypatch.setattr(audit, "ACCEPTED_VULNERABILITIES", {"GHSA-1": "never called here"})
    assert audit.problems(report, {"somepkg": "1.0"}) == ["somepkg 1.0: X-2 (fixed in 9.9): bad"]


def test_an_unaudited_package_fails_unless_that_exact_version_was_checked_by_hand(monkeypatch):
    skipped = SkippedDependency(name="oldpkg", skip_reason="oldpkg 1.0: out of reach")
    report = audit.Report(audited=[], skipped=[skipped], vulnerabilities=[])
    monkeypatch.setattr(audit, "AUDITED_BY_HAND", {})
    assert audit.problems(report, {"oldpkg": "1.0"}) == ["not audited: oldpkg 1.0: out of reach"]
    monkeypatch.setattr(audit, "AUDITED_BY_HAND", {("oldpkg", "1.0"): "checked"})
    assert audit.problems(report, {"oldpkg": "1.0"}) == []
    # An upgrade makes the hand-made audit stale.
    assert audit.problems(report, {"oldpkg": "1.1"}) == [
        "not audited: oldpkg 1.0: out of reach",
        "oldpkg is now 1.1, AUDITED_BY_HAND covers 1.0",
    ]
