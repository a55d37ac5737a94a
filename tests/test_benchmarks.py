"""The benchmark scripts run (at a tiny size, so they cannot rot); they time nothing here."""

from __future__ import annotations

from tests.benchmarks import bench_check


def test_bench_check_runs_small() -> None:
    found = bench_check.main(["--sizes", "50", "--repeat", "1"])
    assert [r["row"] for r in found] == [
        "check 50",
        "check flagship",
        "import argmap",
        "argmap --version",
    ]
    assert all(float(r["wall"]) > 0 and float(r["floor"]) >= 0 for r in found)
    assert all(float(r["MiB"]) > 10 for r in found)  # maxrss of the child, not of pytest


def test_bombs_are_answered_with_diagnostics() -> None:
    from tests.benchmarks import bombs

    # Tiny bombs, with limits lowered so that each limit is still what stops them.
    answers = {name: code for name, code, _, _ in bombs.main(["--scale", "0.01"], env=True)}
    assert answers["billion laughs"] in ("AM006", "AM004")
    assert answers["100 MB file"] == "AM007"
    assert answers["a million claims"] == "AM008"
    assert answers["10 MB claim text"] == "AM108"
    assert answers["YAML 10,000 deep"].startswith("AM")  # at this size a wrong type (AM102)
    assert answers["JSON 10,000 deep"].startswith("AM")


def test_bench_reports_runs_small() -> None:
    from tests.benchmarks import bench_reports

    rows = bench_reports.main(["--sizes", "20", "--repeat", "1"])
    assert [row["map"] for row in rows] == [
        "runway-letter.yaml",
        "20 claims, clean",
        "20 claims unused",
    ]
    assert all(isinstance(row["sarif s"], float) and row["sarif s"] > 0 for row in rows)
