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
from argmap.model import ArgumentMap, Attack, Claim, Inference, Issue, Quote, Source, Voice
from argmap.read import MapError, locate, read_path

__version__ = "0.1.0"

__all__ = [
    "ArgumentMap",
    "Attack",
    "Claim",
    "Diagnostic",
    "Inference",
    "Issue",
    "MapError",
    "Quote",
    "Severity",
    "Source",
    "Voice",
    "check",
    "convert",
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


def convert(
    source: str | Path, target: str | Path, from_: str | None = None, to: str | None = None
) -> list[Diagnostic]:
    """Read `source` and write it to `target`, formats by extension or named (`from_`, `to`).

    Returns the diagnostics of reading; `target` is written only when there is no error.
    Raises ValueError when the target format cannot be written.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "m.argdown").write_text("[a]: A\\n  + [b]: B\\n")
    >>> convert(folder / "m.argdown", folder / "m.yaml")
    []
    >>> load(folder / "m.yaml").inferences["b.a"].premises
    ['b']
    """
    from argmap.formats import detect
    from argmap.output import write_atomic

    form = detect(str(target), None, to)
    writer = form.writer()
    if writer is None:
        raise ValueError(f"argmap cannot write {form.description}")
    argmap, diags = read_path(source, from_)
    if argmap is not None and not has_errors(diags):
        write_atomic(target, writer(argmap).encode("utf-8"))
    return diags
