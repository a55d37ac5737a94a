"""The adversarial corners of issue #11 grow linearly: 4x the input, at most 5x the time.

Each corner (see ``tests/benchmarks/corners.py``, which prints the figures at full size) is
timed at a size n and at 4n in this one process; a quadratic corner would take 16x. Times
are CPU times, the best of three runs taken in turn at each size, so that other processes
on the machine matter less.
The sizes are small, which keeps each test under three seconds and keeps the data in the
processor's caches: at tens of thousands of elements, dict-heavy linear code takes about 5x
for 4x the input on a busy machine. At these sizes the code before the fix took 6.8x (main
conclusions), 7.1x (explain), 12x (issue), 15x (attacks) and 82x (quote: 6 s, then 500 s).
"""

from __future__ import annotations

import pytest

from tests.benchmarks import corners
from tests.complexity import BOUND

#: corner -> n (the test times n and 4n).
SIZES = {
    "issue-positions": 300,
    "main-conclusions": 300,
    "explain-chain": 1_000,
    "attacks-from-one": 800,
    "near-miss-quote": 500,
    "did-you-mean": 5_000,
}


@pytest.mark.parametrize("name", sorted(SIZES))
def test_four_times_the_input_takes_at_most_bound_times_as_long(name: str) -> None:
    corner, _ = corners.CORNERS[name]
    n = SIZES[name]
    small_work, large_work = corner(n), corner(4 * n)
    small = large = float("inf")
    for _ in range(3):  # alternating, so that a busy moment slows both sizes alike
        small = min(small, corners.timed(small_work))
        large = min(large, corners.timed(large_work))
    assert large / small <= BOUND, f"{name}: {small:.3f} s at {n:,}, {large:.3f} s at {4 * n:,}"


def test_the_benchmark_prints_a_row_per_corner() -> None:
    rows = corners.main(["--scale", "0.002"])
    assert [name for name, *_ in rows] == list(corners.CORNERS)
    assert all(small > 0 and large > 0 for _, _, small, large in rows)
