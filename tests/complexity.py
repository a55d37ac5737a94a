"""Complexity tests' one measure: how much longer an input four times as large takes."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def _seconds(run: Callable[[str], object], text: str) -> float:
    gc.collect()  # not to charge one run with the garbage of the one before
    start = time.process_time()
    run(text)
    return time.process_time() - start


def growth(run: Callable[[str], object], small: str, large: str, rounds: int = 5) -> float:
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
