"""The benchmark scripts run (at a tiny size, so they cannot rot); they time nothing here."""

from __future__ import annotations

import sys

from tests.benchmarks import bench_check


def test_bench_check_runs_small() -> None:
    # this environment stands for a user's install: the row runs, from its own install
    found = bench_check.main(["--sizes", "50", "--repeat", "1", "--user-python", sys.executable])
    assert [r["row"] for r in found] == [
        "check 50",
        "check flagship",
        "import argmap",
        "argmap --version",
        "check libraries",
    ]
    assert all(float(r["wall"]) > 0 and float(r["floor"]) >= 0 for r in found)
    assert all(float(r["MiB"]) > 10 for r in found)  # maxrss of the child, not of pytest
    assert all(float(r["user_cpu"]) > 0 for r in found)


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


def test_bench_evaluate_runs_small() -> None:
    from tests.benchmarks import bench_evaluate

    lines = bench_evaluate.main(["--sizes", "50", "--processes", "300", "--rounds", "1"])
    assert lines[1].startswith("random 50")
    assert any(line.lstrip().startswith("argmap ") and "peak" in line for line in lines)
    peer = [line for line in lines if "peer" in line]
    assert peer and (
        any("/ argmap: x" in line for line in peer)
        or any(bench_evaluate.PEER_MISSING in line for line in peer)
    )


def test_bench_render_side_by_side_runs_small() -> None:
    from tests.benchmarks import render
    from tests.benchmarks.generate import dense_map_yaml

    lines = render.side_by_side(dense_map_yaml(12), 1, engine="dot")
    assert lines[0].startswith("12 claims") and "argmap / dot: x" in lines[-2]
