"""The diff benchmark runs (at a tiny size, so that it cannot rot); it times nothing here."""

from __future__ import annotations

from tests.benchmarks import bench_diff


def test_bench_diff_runs_small_and_finds_every_edit() -> None:
    (row,) = bench_diff.main(["--sizes", "60", "--edits", "8", "--repeat", "1", "--no-flagship"])
    assert row["diff"] > 0 and row["check"] > 0
    assert (row["exact"], row["unexplained"]) == (8, 0)
