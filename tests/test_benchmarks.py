"""The benchmark scripts run (at a tiny size, so they cannot rot); they time nothing here."""

from __future__ import annotations

from tests.benchmarks import bench_check


def test_bench_check_runs_small() -> None:
    (row,) = bench_check.main(["--sizes", "50", "--repeat", "1"])
    assert row["claims"] == 50 and row["check clean"] > 0 and row["yaml-rs"] > 0
