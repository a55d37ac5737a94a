"""The adversarial corners of issue #11 grow linearly: 4x the input, at most 5x the time.

Each corner (see ``tests/benchmarks/corners.py``, which prints the figures at full size) is
timed at a size n and at 4n in this one process; a quadratic corner would take 16x. Times
are CPU times, the best of a few runs, so that other processes on the machine matter less.
The sizes are small, which keeps each test under three seconds and keeps the data in the
processor's caches: at tens of thousands of elements, dict-heavy linear code takes about 5x
for 4x the input on a busy machine. At these sizes the quadratic code of issue #11 took
7x (main conclusions) to 16x.
"""

from __future__ import annotations

import gc
import time

import pytest

from tests.benchmarks import corners

#: corner -> n (the test times n and 4n).
SIZES = {
    "issue-positions": 400,
    "main-conclusions": 400,
    "explain-chain": 1_500,
    "attacks-from-one": 1_000,
    "near-miss-quote": 500,
    "did-you-mean": 5_000,
}


def cpu_seconds(corner: corners.Corner, n: int, repeat: int) -> float:
    """The best CPU time of the corner's work at size n, the garbage collector paused (as
    :mod:`timeit` does): its full collections walk the whole heap, whatever the input."""
    work = corner(n)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("name", sorted(SIZES))
def test_four_times_the_input_takes_at_most_five_times_as_long(name: str) -> None:
    corner, _ = corners.CORNERS[name]
    n = SIZES[name]
    small = cpu_seconds(corner, n, repeat=2)
    large = cpu_seconds(corner, 4 * n, repeat=1)
    assert large / small <= 5, f"{name}: {small:.3f} s at {n:,}, {large:.3f} s at {4 * n:,}"


def test_the_benchmark_prints_a_row_per_corner() -> None:
    rows = corners.main(["--scale", "0.002"])
    assert [name for name, *_ in rows] == list(corners.CORNERS)
    assert all(small > 0 and large > 0 for _, _, small, large in rows)
