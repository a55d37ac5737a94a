"""Complexity tests' one measure: how much longer an input four times as large takes."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: The most an input four times as large may take, as a multiple of the time of the smaller
#: one. Linear work takes 4 times as long, n log n about 4.5, quadratic 16: 8 is the
#: geometric middle of linear and quadratic, so a quadratic algorithm fails every time while
#: a linear one passes on a busy machine too (a bound of 5 failed linear code under load,
#: where a larger input suffers more from caches shared with other processes).
BOUND = 8


def _seconds(run: Callable[[T], object], text: T) -> float:
    gc.collect()  # not to charge one run with the garbage of the one before
    start = time.process_time()
    run(text)
    return time.process_time() - start


def growth(run: Callable[[T], object], small: T, large: T, rounds: int = 5) -> float:
    """The ratio of the time `run` takes on `large` to the time it takes on `small`.

    Runs alternate between the two inputs and the fastest of each counts: other processes
    on the machine only slow a run down, and alternating spreads them over both sizes.

    >>> growth(len, "ab", "abcdefgh") < 100
    True
    """
    small_best = large_best = float("inf")
    for _ in range(rounds):
        small_best = min(small_best, _seconds(run, small))
        large_best = min(large_best, _seconds(run, large))
    return large_best / small_best
