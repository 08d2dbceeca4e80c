"""Dependency audit for CI: pip-audit over every installed package, failing on anything unexplained.

Run with the project's interpreter: `.venv/bin/python scripts/audit_dependencies.py`.

pip-audit asks PyPI about each release at /pypi/<name>/<version>/json. Where only the project
page /pypi/<name>/json can be reached (this project's machines and CI), that page still lists
the vulnerabilities of the latest release, so a package pinned at its latest release is audited
from it. A package that cannot be audited either way fails the run unless it is listed in
AUDITED_BY_HAND with the exact version that was checked and how; a vulnerability fails the run
unless it is listed in ACCEPTED_VULNERABILITIES with the reason. docs/operations.md mirrors both.
"""

import importlib.metadata
import sys
from dataclasses import dataclass

from packaging.utils import canonicalize_name
from packaging.version import Version
from pip_audit._audit import Auditor
from pip_audit._dependency_source import PipSource
from pip_audit._service import (
    Dependency,
    PyPIService,
    ResolvedDependency,
    SkippedDependency,
    VulnerabilityResult,
)

# The project itself, installed editable: its code is reviewed here, not on PyPI.
PROJECT = "podcast-cms"

# Vulnerability id -> why it does not affect this project. Empty: none known.
ACCEPTED_VULNERABILITIES: dict[str, str] = {}

# (package, version) -> how that exact release was checked when PyPI could not be asked.
AUDITED_BY_HAND: dict[tuple[str, str], str] = {
    ("django-treebeard", "5.3.1"): (
        "Held below 6 by Wagtail 8.0 (django-treebeard<6.0). No advisory for "
        "django-treebeard in the PyPA advisory database (no vulns/django-treebeard/ entry), "
        "checked 2026-11-26."
    ),
    ("jsonschema-rs", "0.60.3"): (
        "Held below 0.61 by schemathesis (jsonschema-rs<0.61.0), a development tool. No "
        "advisory for jsonschema-rs in the PyPA advisory database (no vulns/jsonschema-rs/ "
        "entry), checked 2026-11-26."
    ),
    ("python-dateutil", "2.9.0.post0"): (
        "Held below 3 by botocore (python-dateutil<3.0.0), which django-storages[s3] brings. No "
        "advisory for python-dateutil in the PyPA advisory database (no vulns/python-dateutil/ "
        "entry), checked 2026-11-26."
    ),
}


@dataclass
class Report:
    audited: list[ResolvedDependency]
    skipped: list[SkippedDependency]
    vulnerabilities: list[tuple[ResolvedDependency, VulnerabilityResult]]


class ProjectPageFallbackService(PyPIService):
    """PyPI's per-release endpoint first; the project page when that release is the latest."""

    def query(self, spec: Dependency) -> tuple[Dependency, list[VulnerabilityResult]]:
        dependency, results = super().query(spec)
        if not isinstance(dependency, SkippedDependency) or spec.is_skipped():
            return dependency, results
        url = f"https://pypi.org/pypi/{spec.canonical_name}/json"
        response = self.session.get(url=url, timeout=self.timeout)
        response.raise_for_status()
        project = response.json()
        latest = project["info"]["version"]
        if Version(latest) != spec.version:
            reason = (
                f"{spec.canonical_name} {spec.version}: PyPI's per-release data is out of "
                f"reach and its project page describes only the latest release ({latest})"
            )
            return SkippedDependency(name=spec.name, skip_reason=reason), []
        return spec, [
            result_from_pypi(vulnerability)
            for vulnerability in project.get("vulnerabilities") or []
            if not vulnerability.get("withdrawn")
        ]


def result_from_pypi(vulnerability: dict) -> VulnerabilityResult:
    """One entry of PyPI's `vulnerabilities` list, as pip-audit's own PyPI service reads it."""
    description = vulnerability.get("summary") or vulnerability.get("details") or "N/A"
    return VulnerabilityResult.create(
        ids=[vulnerability["id"], *vulnerability.get("aliases", [])],
        description=description.replace("\n", " "),
        fix_versions=sorted(Version(v) for v in vulnerability.get("fixed_in", [])),
        published=PyPIService._parse_rfc3339(vulnerability.get("published")),
    )


def audit(source) -> Report:
    """Audit every dependency the source yields."""
    report = Report(audited=[], skipped=[], vulnerabilities=[])
    for dependency, results in Auditor(ProjectPageFallbackService(timeout=60)).audit(source):
        if isinstance(dependency, SkippedDependency):
            if dependency.canonical_name != PROJECT:
                report.skipped.append(dependency)
            continue
        report.audited.append(dependency)
        report.vulnerabilities += [(dependency, result) for result in results]
    return report


def installed_versions() -> dict[str, str]:
    """Every distribution installed in this interpreter's environment, by canonical name."""
    return {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in importlib.metadata.distributions()
    }


def is_accepted(result: VulnerabilityResult) -> bool:
    """True when the vulnerability, under any of its ids, is explained in the list above."""
    return bool(({result.id} | result.aliases) & ACCEPTED_VULNERABILITIES.keys())


def problems(report: Report, installed: dict[str, str]) -> list[str]:
    """Everything that should fail the run, as readable lines."""
    found = [
        f"{dependency.canonical_name} {dependency.version}: {result.id} (fixed in "
        f"{', '.join(str(v) for v in result.fix_versions) or 'no release yet'}): "
        f"{result.description}"
        for dependency, result in report.vulnerabilities
        if not is_accepted(result)
    ]
    for dependency in report.skipped:
        if (dependency.canonical_name, installed.get(dependency.canonical_name)) not in (
            AUDITED_BY_HAND
        ):
            found.append(f"not audited: {dependency.skip_reason}")
    for name, version in AUDITED_BY_HAND:
        if installed.get(name, version) != version:
            found.append(f"{name} is now {installed[name]}, AUDITED_BY_HAND covers {version}")
    return found


def main() -> int:
    report = audit(PipSource(skip_editable=True))
    installed = installed_versions()
    skipped = {dependency.canonical_name for dependency in report.skipped}
    for dependency, result in report.vulnerabilities:
        verdict = ACCEPTED_VULNERABILITIES.get(result.id, "NOT ACCEPTED")
        print(f"{dependency.canonical_name} {dependency.version} {result.id}: {verdict}")
    for (name, version), how in AUDITED_BY_HAND.items():
        if name in skipped:
            print(f"audited by hand: {name} {version}: {how}")
    found = problems(report, installed)
    for line in found:
        print(f"FAIL {line}")
    accepted = sum(is_accepted(result) for _, result in report.vulnerabilities)
    print(
        f"dependency audit: {len(report.audited)} packages audited against PyPI, "
        f"{len(report.skipped)} not reachable there, {len(report.vulnerabilities)} known "
        f"vulnerabilities ({accepted} accepted with a reason), {len(found)} problems"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
