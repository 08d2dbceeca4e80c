"""Turns the benchmark's results into Markdown tables, printed and written into the docs."""

from pathlib import Path
from typing import Any

START = "<!-- bench:results:start -->"
END = "<!-- bench:results:end -->"
OK_STATUSES = {"200", "302"}


def ratio(numerator: float | None, denominator: float | None) -> str:
    if not numerator or not denominator:
        return "n/a"
    return f"{numerator / denominator:.1f}x"


def verdict(passed: bool) -> str:
    return "met" if passed else "**missed**"


def table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def endpoint_label(name: str, results: dict[str, Any]) -> str:
    if name == "detail":
        article = results["dataset"]["article"]
        return f"detail ({article['blocks']} blocks, {article['internal_links']} links)"
    if name.startswith("detail_"):
        return f"detail ({name.split('_')[1]} blocks)"
    labels = {
        "list": "list (20 episodes, fields=*)",
        "find": "find (html_path, redirect)",
        "fixed_bytes": "same bytes, trivial view",
    }
    return labels.get(name, name)


def query_rows(results: dict[str, Any], columns: list[str]) -> list[list[Any]]:
    probes = results["probe"]
    return [
        [endpoint_label(name, results), *(probes[column]["queries"][name] for column in columns)]
        for name in probes["ours"]["queries"]
    ]


def timing_rows(results: dict[str, Any], columns: list[str]) -> list[list[Any]]:
    probes = results["probe"]
    rows = []
    for name in probes["ours"]["timing"]:
        if not name.startswith("detail"):
            continue
        values = [probes[column]["timing"][name]["median_ms"] for column in columns]
        rows.append(
            [
                endpoint_label(name, results),
                *(f"{value:.1f}" for value in values),
                ratio(values[0], values[1]),
            ]
        )
    return rows


def http_rows(results: dict[str, Any]) -> list[list[Any]]:
    http = results["http"]
    rows = []
    for server, runs in http.items():
        for endpoint, run in runs.items():
            bad = {code: n for code, n in run["statuses"].items() if code not in OK_STATUSES}
            rows.append(
                [
                    server,
                    endpoint_label(endpoint, results),
                    f"{run['rps']:.0f}",
                    f"{run['p50_ms']:.1f}",
                    f"{run['p99_ms']:.1f}",
                    " / ".join(f"{rps:.0f}" for rps in run["rounds"]),
                    run["requests"],
                    sum(bad.values()),
                ]
            )
    return rows


def by_round(run: dict[str, Any], limit: dict[str, Any]) -> str:
    """The ratio within each round: the two runs of a round follow each other, so other work
    on the machine weighs on both alike."""
    pairs = zip(run["rounds"], limit["rounds"], strict=True)
    return ", ".join(f"{100 * rps / other:.0f}%" for rps, other in pairs)


def targets(results: dict[str, Any]) -> list[list[Any]]:
    http, probes = results["http"], results["probe"]
    plain, ours = http["plain"], http["ours"]
    rows = [
        [
            "detail queries, any block count (issue 3)",
            "<= 5",
            max(v for k, v in probes["ours"]["queries"].items() if k.startswith("detail")),
            verdict(
                max(v for k, v in probes["ours"]["queries"].items() if k.startswith("detail")) <= 5
            ),
        ],
        [
            "list queries, 20 items, all fields (issue 3)",
            "<= 10",
            probes["ours"]["queries"]["list"],
            verdict(probes["ours"]["queries"]["list"] <= 10),
        ],
        [
            "detail throughput, response cache off, vs plain Wagtail (issue 3)",
            ">= 3x",
            ratio(ours["detail"]["rps"], plain["detail"]["rps"]),
            verdict(ours["detail"]["rps"] >= 3 * plain["detail"]["rps"]),
        ],
    ]
    cached = http.get("ours_cached")
    if cached:
        rows += [
            [
                "cached detail throughput vs plain Wagtail (issue 4)",
                ">= 10x",
                ratio(cached["detail"]["rps"], plain["detail"]["rps"]),
                verdict(cached["detail"]["rps"] >= 10 * plain["detail"]["rps"]),
            ],
            [
                "cached detail vs the same bytes from a trivial view (issue 4)",
                ">= 50%",
                f"{100 * cached['detail']['rps'] / cached['fixed_bytes']['rps']:.0f}% "
                f"(by round {by_round(cached['detail'], cached['fixed_bytes'])})",
                verdict(cached["detail"]["rps"] >= 0.5 * cached["fixed_bytes"]["rps"]),
            ],
        ]
    return rows


def render(results: dict[str, Any]) -> str:
    machine, settings, data = results["machine"], results["settings"], results["dataset"]
    columns = [name for name in ("plain", "ours", "ours_cached") if name in results["probe"]]
    lines = [
        f"Command: `{results['command']}`",
        "",
        f"Machine: {machine['cores']} cores ({machine['cpu']}), Python {machine['python']}, "
        f"Django {machine['django']}, Wagtail {machine['wagtail']}, DRF {machine['drf']}; "
        f"database {machine['database']}, cache {machine['cache']}; commit {machine['commit']}, "
        f"{machine['date']}. Load average (1 min) {machine['loadavg_start']} at the start, "
        f"{machine['loadavg_end']} at the end.",
        "",
        f"Data set: {data['episodes']} episodes; the article has {data['article']['blocks']} "
        f"blocks and {data['article']['internal_links']} internal links; pages of "
        f"{', '.join(data['sized'])} blocks; built in {data['build_seconds']} s. The article's "
        "detail response: "
        + ", ".join(f"{c} {results['probe'][c]['bytes']['detail']:,} bytes" for c in columns)
        + ".",
        "",
        f"HTTP: gunicorn, 2 sync workers per server, 127.0.0.1; load from a separate process "
        f"keeping {settings['concurrency']} requests in flight, each run bounded to "
        f"{settings['seconds']} s and {settings['max_requests']} requests, after 10 warm-up "
        f"requests; {settings['rounds']} rounds interleaving every server and endpoint, "
        "figures are the medians of the rounds. Response cache "
        + ("measured (`ours_cached`)." if results["response_cache"] else "not available yet."),
        "",
        "### Targets",
        "",
        *table(["target", "goal", "measured", ""], targets(results)),
        "",
        "### Requests per second and latency over HTTP",
        "",
        *table(
            [
                "server",
                "endpoint",
                "req/s",
                "p50 ms",
                "p99 ms",
                "req/s by round",
                "requests",
                "errors",
            ],
            http_rows(results),
        ),
        "",
        "### SQL queries per request (warm)",
        "",
        *table(["endpoint", *columns], query_rows(results, columns)),
        "",
        f"### ms per request as the block count grows (in process, median of {settings['repeat']})",
        "",
        *table(
            ["page", *(f"{c} ms" for c in columns), "plain / ours"], timing_rows(results, columns)
        ),
    ]
    profile = results["probe"]["ours"].get("profile")
    if profile:
        lines += [
            "",
            "### Where our detail request's time goes",
            "",
            "Cache off; ms per request under cProfile, which slows every part alike. "
            "The parts nest: SQL and cache round trips happen inside loading and serializing.",
            "",
            *table(["part", "ms"], [[label, f"{ms:.1f}"] for label, ms in profile.items()]),
        ]
    return "\n".join(lines)


def write_docs(path: Path, text: str, start: str = START, end: str = END) -> None:
    """Replace one results section of the docs page, keeping the prose around it."""
    current = path.read_text() if path.exists() else f"# Benchmarks\n\n{start}\n{end}\n"
    if start not in current or end not in current:
        current = f"{current.rstrip()}\n\n{start}\n{end}\n"
    before, rest = current.split(start, 1)
    _, after = rest.split(end, 1)
    path.write_text(f"{before}{start}\n{text}\n{end}{after}")
