"""Resource limits: how much input argmap accepts before it refuses, with a clear message.

Every limit can be raised or lowered per run with an environment variable, for instance
``ARGMAP_MAX_BYTES=200000000 argmap check huge.yaml``; the README lists them.
"""

from __future__ import annotations

import math
import os
from typing import Any, NamedTuple


class Limits(NamedTuple):
    """The limits in force. The defaults leave room for maps ten times the largest seen.

    A named tuple, not a dataclass: a dataclass's methods are compiled at every start-up.
    """

    max_bytes: int = 64 * 1024 * 1024
    """Size of one input file (64 MiB: a 100,000-claim map is about 12 MB)."""
    max_nodes: int = 5_000_000
    """YAML nodes once aliases are expanded (stops a "billion laughs")."""
    max_elements: int = 500_000
    """Claims, inferences and attacks together in one map."""
    max_text: int = 100_000
    """Characters in one text (a claim's text, a quote, a note)."""
    render_seconds: float = 60.0
    """How long Graphviz may take to lay out one map."""

    @staticmethod
    def from_env(environ: dict[str, str] | None = None) -> Limits:
        """The defaults, overridden by ``ARGMAP_MAX_BYTES`` and the like.

        Counts are whole numbers from 1; seconds a number from 0 (0 or ``inf``: no limit).

        >>> Limits.from_env({"ARGMAP_MAX_TEXT": "50"}).max_text
        50
        >>> Limits.from_env({"ARGMAP_RENDER_SECONDS": "nan"})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ValueError: ARGMAP_RENDER_SECONDS must be a number of seconds from 0 ..., not 'nan'

        Raises
        ------
        ValueError
            Naming the variable, when an override is not a number of the right kind.
        """
        env = os.environ if environ is None else environ
        change: dict[str, Any] = {}
        for field in Limits._fields:
            name = f"ARGMAP_{field.upper()}"
            value = env.get(name)
            if value is not None:
                change[field] = _parse(name, value, seconds=field == "render_seconds")
        return Limits(**change)


#: Time limits longer than a week are no limit (and past about 24.8 days, 2**31 - 1
#: milliseconds, a child process could not be waited for: the system's timers overflow).
LONGEST_WAIT = 7 * 24 * 3600.0


def time_limit(value: float) -> float:
    """A time limit in seconds as argmap keeps it: 0 for none (0, infinity, or past a week).

    >>> time_limit(30), time_limit(float("inf")), time_limit(1e308)
    (30, 0.0, 0.0)

    Raises
    ------
    ValueError
        For a negative number, or not a number.
    """
    if math.isnan(value) or value < 0:
        raise ValueError(f"a time limit is a number of seconds from 0 (0: none), not {value}")
    return 0.0 if value > LONGEST_WAIT else value


def _parse(name: str, value: str, seconds: bool) -> int | float:
    """One limit's value from its variable's text."""
    if seconds:
        try:
            return time_limit(float(value))
        except ValueError:
            raise ValueError(
                f"{name} must be a number of seconds from 0 (0: no limit), not {value!r}"
            ) from None
    try:
        count = int(value.replace("_", ""))
    except ValueError:
        count = 0
    if count < 1:
        raise ValueError(f"{name} must be a whole number from 1, not {value!r}")
    return count
