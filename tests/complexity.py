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


#: The least processor time one measured batch of runs takes: a run of a fraction of a
#: millisecond, timed alone, is at the mercy of one page fault or one cache flush by another
#: process (a linear reader once measured 8.05 on a busy machine, from runs of 0.3 ms).
BATCH = 0.02


def _seconds(run: Callable[[T], object], text: T, number: int) -> float:
    """Processor time of `number` runs, the collector off: in a test process holding the
    objects of a thousand tests, its sweeps cost what that heap costs, not what `run` does
    (the command line runs without it too)."""
    gc.collect()  # not to charge one batch with the garbage of the one before
    gc.disable()
    try:
        start = time.process_time()
        for _ in range(number):
            run(text)
        return time.process_time() - start
    finally:
        gc.enable()


def _batch(run: Callable[[T], object], text: T) -> int:
    """How many runs on `text` take at least :data:`BATCH` seconds (1, 2, 4, ...)."""
    number = 1
    while _seconds(run, text, number) < BATCH:
        number *= 2
    return number


def growth(run: Callable[[T], object], small: T, large: T, rounds: int = 5) -> float:
    """The ratio of the time `run` takes on `large` to the time it takes on `small`.

    Runs alternate between the two inputs and the fastest of each counts: other processes
    on the machine only slow a run down, and alternating spreads them over both sizes. Each
    is timed in batches of as many runs as make the small input's batch last
    :data:`BATCH` seconds.

    >>> growth(len, "ab", "abcdefgh") < 100
    True
    """
    number = _batch(run, small)
    small_best = large_best = float("inf")
    for _ in range(rounds):
        small_best = min(small_best, _seconds(run, small, number))
        large_best = min(large_best, _seconds(run, large, number))
    return large_best / small_best
