"""Parallel: one function over many inputs on several processes, answers in input order.

Checking or converting a folder of maps is one independent task a map. Processes, not
threads: the work is Python code, which threads would run one at a time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def cores() -> int:
    """How many processors this process may run on (the default number of jobs).

    >>> cores() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def mapped(function: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """``[function(item) for item in items]``, computed on up to `jobs` processes.

    The answers come in the order of `items` whatever order the processes finish in, so
    that the output of a command does not depend on `jobs`. With one job, or one item, all
    runs in this process. `function` must be a module-level function (it is sent to the
    processes by name), and an exception it raises is raised here.

    >>> mapped(abs, [-2, 3, -4], jobs=2)
    [2, 3, 4]
    """
    if jobs <= 1 or len(items) <= 1:
        return [function(item) for item in items]
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, len(items))
    # A few chunks a process: few round trips for many small maps, and a slow map does not
    # leave the other processes idle for long.
    chunk = max(1, len(items) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items, chunksize=chunk))
