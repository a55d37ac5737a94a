"""Draw: the graph -> DOT -> SVG, PNG or PDF, laid out by Graphviz.

A claim is a box; an inference is a small *junction* that joins its premises (a linked
argument) to its conclusion, so a premise of two inferences is drawn once and two independent
reasons are two junctions into one conclusion. Conclusions sit above their reasons.

One module a step: :mod:`~argmap.draw.style` (themes and every look, as data, and the
defaults), :mod:`~argmap.draw.text` (user text made inert), :mod:`~argmap.draw.source` and
:mod:`~argmap.draw.legend` (the DOT source), :mod:`~argmap.draw.engine` (Graphviz, as `dot`
or in WebAssembly).

:func:`dot` is imported on first use (PEP 562): it needs the graph, the model and the
schemes, which ``argmap --version`` and the options of ``argmap render`` do without.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.draw.engine import INSTALL_HINT, engine_version, layout, wasm_available
from argmap.draw.style import (
    DEFAULT_ENGINE,
    DEFAULT_FORMAT,
    DEFAULT_STYLE,
    DEFAULT_TIMEOUT,
    ENGINES,
    FORMATS,
    LEGEND_WORDS,
    MIN_WIDTH,
    RANKDIRS,
    THEMES,
    Style,
    Theme,
)
from argmap.draw.text import safe_url, xml_safe

if TYPE_CHECKING:
    from argmap.draw.source import dot

__all__ = [
    "DEFAULT_ENGINE",
    "DEFAULT_FORMAT",
    "DEFAULT_STYLE",
    "DEFAULT_TIMEOUT",
    "ENGINES",
    "FORMATS",
    "INSTALL_HINT",
    "LEGEND_WORDS",
    "MIN_WIDTH",
    "RANKDIRS",
    "THEMES",
    "Style",
    "Theme",
    "dot",
    "engine_version",
    "layout",
    "safe_url",
    "wasm_available",
    "xml_safe",
]


def __getattr__(name: str) -> object:
    """:func:`dot`, imported when first asked for."""
    if name != "dot":
        raise AttributeError(f"module 'argmap.draw' has no attribute {name!r}")
    from argmap.draw.source import dot

    globals()["dot"] = dot
    return dot
