"""The benchmark runs end to end on a tiny data set; it measures nothing here (no timed tests)."""

import json
import subprocess
import sys
from pathlib import Path

from bench.report import END, START, write_docs
from bench.scale_report import in_process_ratio

ROOT = Path(__file__).resolve().parents[2]


def test_write_docs_replaces_only_the_results_section(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text(f"# Title\n\nProse before.\n\n{START}\nold numbers\n{END}\n\nProse after.\n")

    write_docs(docs, "new numbers")

    assert docs.read_text() == (
        f"# Title\n\nProse before.\n\n{START}\nnew numbers\n{END}\n\nProse after.\n"
    )


def test_bench_runs_on_a_tiny_data_set(tmp_path):
    results_file = tmp_path / "results.json"
    command = [
        sys.executable, "-m", "bench.run",
        "--database-url", f"sqlite:///{tmp_path / 'bench.sqlite3'}",
        "--redis-url", "",
        "--episodes", "4", "--sizes", "2,3",
        "--seconds", "0.3", "--max-requests", "20", "--repeat", "1",
        "--port", "0", "--no-docs", "--json", str(results_file),
    ]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]

    results = json.loads(results_file.read_text())
    assert results["dataset"]["article"]["blocks"] == 44
    for server in ("plain", "ours"):
        runs = results["http"][server]
        assert set(runs) == {"detail", "list", "find"}
        for endpoint, run in runs.items():
            expected = "302" if endpoint == "find" else "200"
            assert run["requests"] > 0
            assert set(run["statuses"]) == {expected}, (server, endpoint, run["statuses"])
    assert results["probe"]["ours"]["queries"]["detail"] <= 5
    assert results["probe"]["plain"]["list_ids"] == results["probe"]["ours"]["list_ids"]
    if results["response_cache"]:
        assert set(results["http"]["ours_cached"]["fixed_bytes"]["statuses"]) == {"200"}
    assert "### Targets" in done.stdout


def test_a_stopped_plain_endpoint_reads_as_a_lower_bound():
    ours = {"median_ms": 40.0}
    assert in_process_ratio({"median_ms": 400.0}, ours) == "10.0x"
    assert in_process_ratio({"over_ms": 120_000.0, "samples": 0}, ours) == "> 3000.0x"
