"""argmap: argument maps as code.

The pipeline, one module a stage: :mod:`argmap.read` (text -> :class:`ArgumentMap`),
:mod:`argmap.graph` (map -> the one networkx graph), :mod:`argmap.checks` (graph ->
diagnostics), and the stages that draw and evaluate it.

>>> import argmap
>>> m = argmap.ArgumentMap.model_validate({"claims": {"a": {"text": "A"}}})
>>> [d.code for d in argmap.check(m)]
['AM301', 'AM305']
"""

from __future__ import annotations

from pathlib import Path

from argmap.diagnostics import Diagnostic, Severity, has_errors, sort_key
from argmap.evaluate import Evaluation, Label, evaluate
from argmap.model import ArgumentMap, Attack, Claim, Inference, Issue, Quote, Source, Voice
from argmap.read import MapError, locate, read_path

__version__ = "0.1.0"

__all__ = [
    "ArgumentMap",
    "Attack",
    "Claim",
    "Diagnostic",
    "Evaluation",
    "Inference",
    "Issue",
    "Label",
    "MapError",
    "Quote",
    "Severity",
    "Source",
    "Voice",
    "check",
    "evaluate",
    "load",
]


def load(path: str | Path) -> ArgumentMap:
    """Read a map file. Raises :class:`MapError` (with its diagnostics) if it cannot be read."""
    argmap, diags = read_path(path)
    if argmap is None or has_errors(diags):
        raise MapError(diags)
    return argmap


def check(argmap: ArgumentMap) -> list[Diagnostic]:
    """Every problem of a map's reasoning, located in its file when it has one, sorted."""
    from argmap.checks import CHECKS, references
    from argmap.graph import build

    diags = references(argmap)
    if not has_errors(diags):
        graph = build(argmap)
        for run in CHECKS:
            diags.extend(run(argmap, graph))
    if argmap.origin is not None:
        diags = locate(diags, argmap.origin)
    return sorted(diags, key=sort_key)
