"""Turns the scale benchmark's results into the Markdown tables of docs/benchmarks.md."""

from pathlib import Path
from typing import Any

from .report import ratio, table, verdict
from .report import write_docs as write_section

START = "<!-- bench:scale:start -->"
END = "<!-- bench:scale:end -->"
GROWTH_LIMIT = 1.3
LABELS = {
    "detail": "detail (stored, cache off)",
    "list": "list of 20, fields=*",
    "find": "find (html_path)",
    "search": "search, 20 results",
    "feed": "show feed",
    "sitemap": "sitemap.xml",
    "chapters": "chapters",
}


def in_process_ratio(plain: dict[str, Any], ours: dict[str, Any]) -> str:
    """Ours against plain in process; a lower bound when plain was stopped (probe.py)."""
    if "over_ms" in plain:
        return "> " + ratio(plain["over_ms"], ours["median_ms"])
    return ratio(plain["median_ms"], ours["median_ms"])


def http_rows(run: dict[str, Any], size: str) -> list[list[Any]]:
    http, probe = run["http"], run["probe"]
    rows = []
    for endpoint, label in LABELS.items():
        if endpoint not in http["ours"]:
            continue
        ours = http["ours"][endpoint]
        plain = http["plain"].get(endpoint)
        minimal = http["minimal"][endpoint]
        rows.append(
            [
                size,
                label,
                f"{ours['rps']:.0f}",
                f"{ours['p50_ms']:.1f} / {ours['p99_ms']:.1f}",
                probe["ours"]["queries"][endpoint],
                f"{probe['ours']['timing'][endpoint]['median_ms']:.1f}",
                f"{plain['rps']:.0f}" if plain else "-",
                probe["plain"]["queries"].get(endpoint, "-"),
                ratio(ours["rps"], plain["rps"]) if plain else "-",
                in_process_ratio(probe["plain"]["timing"][endpoint],
                                 probe["ours"]["timing"][endpoint])
                if endpoint in probe["plain"]["timing"] else "-",
                f"{100 * ours['rps'] / minimal['rps']:.0f}%",
            ]
        )  # fmt: skip
    for endpoint in ("detail", "list"):
        if endpoint not in http["ours_cached"]:
            continue
        cached, minimal = http["ours_cached"][endpoint], http["minimal"][endpoint]
        plain = http["plain"][endpoint]
        rows.append(
            [
                size,
                f"{endpoint} cached (response cache)",
                f"{cached['rps']:.0f}",
                f"{cached['p50_ms']:.1f} / {cached['p99_ms']:.1f}",
                "-",
                "-",
                f"{plain['rps']:.0f}",
                "-",
                ratio(cached["rps"], plain["rps"]),
                "-",
                f"{100 * cached['rps'] / minimal['rps']:.0f}%",
            ]
        )
    return rows


def growth_rows(runs: dict[str, Any]) -> list[list[Any]]:
    sizes = sorted(runs, key=int)
    small, large = runs[sizes[0]], runs[sizes[-1]]
    rows = []
    for endpoint in ("detail", "list", "find", "feed", "search", "sitemap", "chapters"):
        if endpoint not in small["http"]["ours"] or endpoint not in large["http"]["ours"]:
            continue
        before = small["probe"]["ours"]["timing"][endpoint]["median_ms"]
        after = large["probe"]["ours"]["timing"][endpoint]["median_ms"]
        p50_before = small["http"]["ours"][endpoint]["p50_ms"]
        p50_after = large["http"]["ours"][endpoint]["p50_ms"]
        queries = [runs[size]["probe"]["ours"]["queries"][endpoint] for size in sizes]
        growth = after / before if before else 0
        target = endpoint in ("detail", "list", "find", "feed")
        rows.append(
            [
                LABELS[endpoint],
                f"{before:.1f} -> {after:.1f} ms ({growth:.2f}x)",
                f"{p50_before:.1f} -> {p50_after:.1f} ms ({p50_after / p50_before:.2f}x)",
                " / ".join(str(count) for count in queries),
                verdict(growth <= GROWTH_LIMIT and len(set(queries)) == 1) if target else "-",
            ]
        )
    return rows


def edit_rows(runs: dict[str, Any]) -> list[list[Any]]:
    return [
        [
            size,
            f"{run['publish']['median_ms']:.0f}",
            run["rerender"]["stale"],
            f"{run['rerender']['save_ms']:.0f}",
            f"{run['rerender']['rendered']} in {run['rerender']['seconds']} s",
            run["rerender"]["pages_per_second"],
        ]
        for size, run in sorted(runs.items(), key=lambda item: int(item[0]))
    ]


def growth_section(runs: dict[str, Any]) -> list[str]:
    sizes = sorted(runs, key=int)
    if len(sizes) < 2:
        return ["Growth: one size measured on this database, so no growth figure.", ""]
    return [
        f"Growth from {int(sizes[0]):,} to {int(sizes[-1]):,} episodes (ours; target "
        f"<= {GROWTH_LIMIT}x for detail, list, find and feed, queries constant):",
        "",
        *table(
            ["endpoint", "ms in process", "p50 over HTTP", "queries by size", ""],
            growth_rows(runs),
        ),
        "",
    ]


def database_section(kind: str, runs: dict[str, Any]) -> list[str]:
    sizes = sorted(runs, key=int)
    facts = [
        f"{int(size):,} episodes: built in {runs[size]['facts']['build_seconds']} s "
        f"(inserts {runs[size]['facts']['insert_seconds']} s, "
        f"{runs[size]['facts'].get('stored', 0)} stored answers rendered in "
        f"{runs[size]['facts'].get('store_seconds', 0)} s); load average "
        f"{runs[size]['loadavg_start']} -> {runs[size]['loadavg_end']}"
        for size in sizes
    ]
    rows = [row for size in sizes for row in http_rows(runs[size], f"{int(size):,}")]
    lines = [
        f"### {kind}",
        "",
        *(f"- {line}" for line in facts),
        "",
        *table(
            [
                "episodes",
                "endpoint",
                "ours req/s",
                "ours p50 / p99 ms",
                "ours queries",
                "ours ms in process",
                "plain req/s",
                "plain queries",
                "ours / plain (HTTP)",
                "ours / plain (in process)",
                "ours / minimal stack, same bytes",
            ],
            rows,
        ),
        "",
        *growth_section(runs),
        "Editing:",
        "",
        *table(
            [
                "episodes",
                "admin publish request, ms",
                "stored answers staled by a host's edit",
                "edit's save, ms",
                "re-rendered",
                "pages/s",
            ],
            edit_rows(runs),
        ),
    ]
    return lines


def render(results: dict[str, Any]) -> str:
    settings = results["settings"]
    lines = [
        f"Command: `{results['command']}`",
        "",
        f"Started {results['started']} UTC; load average (1 min) {results['loadavg_start']} "
        f"at the start, {results['loadavg_end']} at the end (2 cores, shared). Cache: "
        f"{settings['cache']}. HTTP: gunicorn, 2 sync workers a server, "
        f"{settings['concurrency']} requests in flight, {settings['seconds']} s a run, "
        f"{settings['rounds']} round(s); in process: median of {settings['repeat']}. "
        f"{settings['shows']} shows; stored answers rendered after the build: "
        f"{settings['stored']}.",
        "",
    ]
    for kind, runs in results["runs"].items():
        lines += [*database_section(kind, runs), ""]
    return "\n".join(lines).rstrip()


def write_docs(path: Path, text: str) -> None:
    write_section(path, text, START, END)
