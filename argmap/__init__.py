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

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic, Severity, diagnostic, has_errors, sort_key
from argmap.errors import (
    ArgmapError,
    FormatError,
    IdError,
    MapError,
    RenderError,
    UnresolvedReferences,
)
from argmap.evaluate import Evaluation, Label, evaluate
from argmap.locate import locate
from argmap.model import ArgumentMap, Attack, Claim, Inference, Issue, Quote, Source, Voice
from argmap.read import gc_paused, read_path

if TYPE_CHECKING:
    import networkx as nx

    from argmap.draw import Style

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Attack",
    "Claim",
    "Diagnostic",
    "Evaluation",
    "FormatError",
    "IdError",
    "Inference",
    "Issue",
    "Label",
    "MapError",
    "Quote",
    "RenderError",
    "Severity",
    "Source",
    "UnresolvedReferences",
    "Voice",
    "check",
    "convert",
    "evaluate",
    "load",
    "render",
]


def load(path: str | Path) -> ArgumentMap:
    """Read a map file. Raises :class:`MapError` (with its diagnostics) if it cannot be read."""
    argmap, diags = read_path(path)
    if argmap is None or has_errors(diags):
        raise MapError(diags)
    return argmap


def check(argmap: ArgumentMap) -> list[Diagnostic]:
    """Every problem of a map's reasoning, located in its file when it has one, sorted."""
    return checked(argmap)[0]


def checked(argmap: ArgumentMap) -> tuple[list[Diagnostic], nx.DiGraph | None]:
    """What :func:`check` finds, and the map's graph (None when references are broken)."""
    from argmap.checks import CHECKS, references
    from argmap.graph import build

    graph = None
    with gc_paused():
        diags = references(argmap)
        if not has_errors(diags):
            graph = build(argmap)
            for run in CHECKS:
                diags.extend(run(argmap, graph))
    return sorted(locate(diags, argmap.origin), key=sort_key), graph


def render(
    argmap: ArgumentMap,
    format: str = "svg",
    *,
    lang: str | None = None,
    rankdir: str = "BT",
    theme: str = "light",
    legend: bool = False,
    width: int = 32,
    tag_colours: dict[str, str] | None = None,
    engine: str = "dot",
    timeout: float = 60.0,
    evaluated: bool = False,
    accept: Sequence[str] = (),
    reject: Sequence[str] = (),
) -> bytes:
    """The map drawn by Graphviz: ``svg``, ``png``, ``pdf``, or ``dot`` (the DOT source).

    The map is checked first: errors raise :class:`MapError`. A missing or failing Graphviz,
    or one that runs past `timeout` seconds, raises :class:`RenderError`. The
    options are those of :class:`argmap.draw.Style`. With `evaluated`, claims and junctions
    are coloured by their labels (:func:`evaluate`, with `accept` and `reject`).

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> render(m, "dot").startswith(b"digraph argmap {")
    True
    """
    from argmap.draw import Style

    style = Style(lang, rankdir, theme, legend, width, tag_colours or {})
    assumed = (accept, reject) if evaluated else None
    drawing, diags = rendered(argmap, format, style, engine, timeout, assumed)
    if drawing is None:
        raise MapError(diags)
    return drawing


def rendered(
    argmap: ArgumentMap,
    format: str,
    style: Style,
    engine: str = "dot",
    timeout: float = 60.0,
    assumed: tuple[Sequence[str], Sequence[str]] | None = None,
) -> tuple[bytes | None, list[Diagnostic]]:
    """The drawing (None when the map has errors) and every diagnostic, located and sorted.

    With `assumed` (claims to accept, claims to reject), the drawing shows the evaluation.
    """
    from argmap.checks import missing_language, unsafe_links
    from argmap.draw import dot, layout
    from argmap.evaluate import evaluate_graph, unknown_ids

    diags, graph = checked(argmap)
    more = unsafe_links(argmap) + (missing_language(argmap, style.lang) if style.lang else [])
    more = locate(more, argmap.origin)
    if assumed is not None:  # from the command line: no place in the file
        more += [
            replace(d, file=argmap.origin.path if argmap.origin else "")
            for d in unknown_ids(argmap, *assumed)
        ]
    diags = sorted(diags + more, key=sort_key)
    if graph is None or has_errors(diags):
        return None, diags
    labels = evaluate_graph(argmap, graph, *assumed).labels if assumed is not None else None
    return layout(dot(argmap, graph, style, labels), format, engine, timeout), diags


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
    from argmap.formats import FORMATS, detect
    from argmap.output import write_atomic

    suffix = Path(target).suffix.lower()
    if to is None and not any(suffix in f.suffixes for f in FORMATS):
        raise ValueError(f"cannot tell the format of {target} from `{suffix}`: name it with --to")
    form = detect(str(target), None, to)
    writer = form.writer()
    if writer is None:
        raise ValueError(f"argmap cannot write {form.description}")
    argmap, diags = read_path(source, from_)
    if argmap is not None and not has_errors(diags):
        try:
            write_atomic(target, writer(argmap).encode("utf-8"), inputs=[source])
        except OSError as err:
            hint = "choose another output path, and check the folder's permissions"
            message = f"cannot write {target}: {err.strerror or err}"
            diags.append(diagnostic("AM642", message, hint=hint, file=str(source)))
    return diags
