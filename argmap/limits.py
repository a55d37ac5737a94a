"""Resource limits: how much input argmap accepts before it refuses, with a clear message.

Every limit can be raised or lowered per run with an environment variable, for instance
``ARGMAP_MAX_BYTES=200000000 argmap check huge.yaml``; the README lists them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Limits:
    """The limits in force. The defaults leave room for maps ten times the largest seen."""

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

        Raises ValueError, naming the variable, when an override is not a number.

        >>> Limits.from_env({"ARGMAP_MAX_TEXT": "50"}).max_text
        50
        """
        env = os.environ if environ is None else environ
        limits = Limits()
        for field in fields(Limits):
            value = env.get(f"ARGMAP_{field.name.upper()}")
            if value is not None:
                kind = float if field.type in (float, "float") else int
                try:
                    change: dict[str, Any] = {field.name: kind(value)}
                    limits = replace(limits, **change)
                except ValueError:
                    name = f"ARGMAP_{field.name.upper()}"
                    raise ValueError(f"{name} must be a number, not {value!r}") from None
        return limits
