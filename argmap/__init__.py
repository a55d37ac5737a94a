"""argmap: argument maps as code.

The public API. It composes the stages, one module each: :mod:`argmap.read` (a file -> a
resolved :class:`ArgumentMap`, through :func:`argmap.finish.finish`), :mod:`argmap.graph`
(map -> the one networkx graph), :mod:`argmap.checks` (graph -> diagnostics),
:mod:`argmap.evaluate` and :mod:`argmap.draw`. The command line uses only this module.

>>> import argmap
>>> m = argmap.loads("claims: {a: {text: A}, b: {text: B}}\\n"
...                  "inferences: {i: {premises: [a], conclusion: b}}\\n")
>>> [d.code for d in argmap.check(m)], str(argmap.evaluate(m).labels["b"])
([], 'in')

Every error argmap raises on purpose is an :class:`ArgmapError` (see :mod:`argmap.errors`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

if TYPE_CHECKING:
    import networkx as nx

    from argmap.draw import Style
    from argmap.formats import Format
    from argmap.model import ArgumentMap, Attack, Claim, Inference, Issue, Quote, Source, Voice

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
    "check_path",
    "convert",
    "dump",
    "evaluate",
    "load",
    "loads",
    "losses",
    "render",
]


#: The model's classes: exported, but imported on first use, for Pydantic builds them when
#: imported (a tenth of a second) and ``argmap --version`` need not wait for it.
_MODEL = frozenset(
    {"ArgumentMap", "Attack", "Claim", "Inference", "Issue", "Quote", "Source", "Voice"}
)


def __getattr__(name: str) -> object:
    """A class of the model, imported when first asked for (PEP 562)."""
    if name not in _MODEL:
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")
    from argmap import model

    value = getattr(model, name)
    globals()[name] = value
    return value


def load(path: str | Path, format: str | None = None) -> ArgumentMap:
    """Read a map file in any format argmap reads (`format` by name, else by the file).

    Raises
    ------
    MapError
        When the file cannot be read or the map has errors; ``err.diagnostics`` says what.
    """
    from argmap.read import read_path

    argmap, diags = read_path(path, format)
    if argmap is None:
        raise MapError(diags)
    return argmap


def loads(text: str, format: str = "yaml", name: str = "<string>") -> ArgumentMap:
    """Read a map from a string in `format` (default: argmap's YAML); `name` is for messages.

    >>> loads('{"claims": {"a": {"text": "A"}}}', "json").text_of("a")
    'A'

    Raises
    ------
    MapError
        When the map has errors; ``err.diagnostics`` says what, located in `text`.
    FormatError
        When `format` is not a format argmap reads.
    """
    from argmap.read import read_text

    _format(format, reading=True)
    argmap, diags = read_text(text, name, format)
    if argmap is None:
        raise MapError(diags)
    return argmap


def dump(argmap: ArgumentMap, format: str = "yaml") -> str:
    """The map as text in `format` (default: argmap's YAML).

    What the format cannot carry is left out: :func:`losses` lists it beforehand.

    >>> print(dump(loads("claims: {a: {text: 'yes'}}")), end="")
    claims:
      a:
        text: 'yes'

    Raises
    ------
    FormatError
        When argmap cannot write `format`.
    UnresolvedReferences
        When a map built in code names ids it does not declare.
    """
    writer = _format(format, reading=False).write
    assert writer is not None
    _resolved(argmap)
    return writer(argmap)


def losses(argmap: ArgumentMap, format: str) -> list[tuple[str, int]]:
    """The kinds of data of `argmap` that `format` cannot carry, with how many of each.

    >>> losses(loads("claims: {a: {text: A, note: why}}"), "graphml")
    []

    Raises
    ------
    FormatError
        When argmap cannot write `format`.
    """
    from argmap.formats.base import lost

    return lost(argmap, _format(format, reading=False).carries)


def _format(name: str, reading: bool) -> Format:
    from argmap.formats import FORMATS, by_name

    try:
        form = by_name(name)
    except KeyError:
        names = ", ".join(f.name for f in FORMATS)
        raise FormatError([], f"no format `{name}`; argmap knows {names}") from None
    if (form.read if reading else form.write) is None:
        verb = "read" if reading else "write"
        raise FormatError([], f"argmap cannot {verb} {form.description}")
    return form


def _resolved(argmap: ArgumentMap) -> None:
    """Raise :class:`UnresolvedReferences` if a map built in code names ids it lacks."""
    from argmap.finish import references

    if argmap.origin is None:
        problems = [d for d in references(argmap) if d.severity is Severity.ERROR]
        if problems:
            raise UnresolvedReferences(problems)


def check(argmap: ArgumentMap, *, questions: bool = False) -> list[Diagnostic]:
    """Every problem of a map's reasoning, located in its file when it has one, sorted.

    A map built in code is resolved first: its broken references are reported here too.
    With `questions`, each inference's open critical questions come too, as notes (AM314),
    and premises that do not fit their scheme (AM311).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}}, "main": ["b"]})
    >>> [d.code for d in check(m)]
    ['AM106']
    """
    return checked(argmap, questions=questions)[0]


def check_path(
    path: str | Path, format: str | None = None, *, questions: bool = False
) -> list[Diagnostic]:
    """Read a map file and check it: every diagnostic, located and sorted; never raises for
    a bad map (its problems are diagnostics).

    >>> [d.code for d in check_path("/nonexistent.yaml")]
    ['AM001']
    """
    from argmap.read import read_path

    argmap, diags = read_path(path, format)
    if argmap is not None:
        diags += check(argmap, questions=questions)
    return sorted(diags, key=sort_key)


def checked(
    argmap: ArgumentMap, *, questions: bool = False
) -> tuple[list[Diagnostic], nx.DiGraph | None]:
    """What :func:`check` finds, and the map's graph (None when references are broken)."""
    from argmap.checks import CHECKS
    from argmap.finish import references
    from argmap.graph import build
    from argmap.memory import gc_paused
    from argmap.schemes import check_schemes

    graph = None
    with gc_paused():
        # A map read from a file has been resolved by read; one built in code is resolved here.
        diags = references(argmap) if argmap.origin is None else []
        if not has_errors(diags):
            graph = build(argmap)
            for run in CHECKS:
                diags.extend(run(argmap, graph))
            diags.extend(check_schemes(argmap, questions=questions))
        # placed in the pause too: thousands of notes are thousands of new objects
        located = sorted(_located(diags, argmap), key=sort_key)
    return located, graph


def _located(diags: list[Diagnostic], argmap: ArgumentMap) -> list[Diagnostic]:
    """:func:`argmap.locate.locate`, imported only when there is something to locate (a
    clean map is checked without it; it imports PyYAML itself only when it must parse)."""
    if not diags:
        return diags
    from argmap.locate import locate

    return locate(diags, argmap.origin)


def render(
    argmap: ArgumentMap,
    format: str = "svg",
    *,
    lang: str | None = None,
    rankdir: str | None = None,
    theme: str | None = None,
    legend: bool = False,
    width: int | None = None,
    tag_colours: dict[str, str] | None = None,
    depth: int | None = None,
    engine: str = "dot",
    timeout: float | None = None,
    evaluated: bool = False,
    accept: Sequence[str] = (),
    reject: Sequence[str] = (),
) -> bytes:
    """The map drawn by Graphviz: ``svg``, ``png``, ``pdf``, ``dot`` (the DOT source), or
    ``html`` (one self-contained interactive page, see :mod:`argmap.draw.html`).

    The map is checked first: errors raise :class:`MapError`. A missing or failing Graphviz,
    or one that runs past `timeout` seconds, raises :class:`RenderError`. The
    options are those of :class:`argmap.draw.Style`; those not given take its defaults
    (:data:`argmap.draw.DEFAULT_STYLE`). With `evaluated`, claims and junctions
    are coloured by their labels (:func:`evaluate`, with `accept` and `reject`).

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> render(m, "dot").startswith(b"digraph argmap {")
    True
    """
    from argmap.draw import DEFAULT_STYLE, DEFAULT_TIMEOUT, Style

    style = Style(
        lang,
        rankdir or DEFAULT_STYLE.rankdir,
        theme or DEFAULT_STYLE.theme,
        legend,
        width or DEFAULT_STYLE.width,
        tag_colours or {},
        depth,
    )
    assumed = (accept, reject) if evaluated else None
    seconds = DEFAULT_TIMEOUT if timeout is None else timeout
    drawing, diags = rendered(argmap, format, style, engine, seconds, assumed)
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
    progress: Callable[[str], None] | None = None,
) -> tuple[bytes | None, list[Diagnostic]]:
    """The drawing (None when the map has errors) and every diagnostic, located and sorted.

    With `assumed` (claims to accept, claims to reject), the drawing shows the evaluation;
    `progress` is told about a big drawing as it goes (:func:`argmap.draw.layout`).
    """
    from argmap.draw import dot, layout
    from argmap.drawn_checks import (
        missing_language,
        partly_translated,
        unknown_tags,
        unsafe_links,
    )
    from argmap.evaluate import evaluate_graph, unknown_ids

    diags, graph = checked(argmap)
    more = unsafe_links(argmap)
    if style.lang:
        more += missing_language(argmap, style.lang) + partly_translated(argmap, style.lang)
    more = _located(more, argmap)
    # From the command line: no place in the file.
    options = unknown_tags(argmap, style.tag_colours)
    if assumed is not None:
        options += unknown_ids(argmap, *assumed)
    more += [replace(d, file=argmap.origin.path if argmap.origin else "") for d in options]
    diags = sorted(diags + more, key=sort_key)
    if graph is None or has_errors(diags):
        return None, diags
    if format == "html":
        from argmap.draw.html import html_page

        return html_page(argmap, graph, style, engine, timeout, assumed), diags
    if assumed is None:
        return layout(dot(argmap, graph, style), format, engine, timeout, progress), diags
    labels = evaluate_graph(argmap, graph, *assumed).labels
    drawing = layout(dot(argmap, graph, style, labels, assumed), format, engine, timeout, progress)
    return drawing, diags


def convert(
    source: str | Path,
    target: str | Path,
    from_: str | None = None,
    to: str | None = None,
    strict: bool = False,
) -> list[Diagnostic]:
    """Read `source` and write it to `target`, formats by extension or named (`from_`, `to`).

    Returns every diagnostic: those of reading, and one warning (AM643) for each kind of data
    the target format cannot carry (with `strict`, an error). `target` is written only when
    there is no error; ``-`` is standard output.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "m.argdown").write_text("[a]: A\\n  + [b]: B\\n")
    >>> convert(folder / "m.argdown", folder / "m.yaml")
    []
    >>> load(folder / "m.yaml").inferences["b.a"].premises
    ['b']

    Raises
    ------
    FormatError
        When the target's format cannot be told from its name, or cannot be written.
    """
    from argmap.formats import FORMATS, detect
    from argmap.output import write_output
    from argmap.read import read_path, source_files

    suffix = Path(target).suffix.lower()
    if to is None and not any(suffix in f.suffixes for f in FORMATS):
        message = f"cannot tell the format of {target} from `{suffix}`: name it with --to"
        raise FormatError([], message)
    form = _format(detect(str(target), None, to).name, reading=False)
    assert form.write is not None
    argmap, diags = read_path(source, from_)
    if argmap is None:
        return diags
    for kind, count in losses(argmap, form.name):
        loss = diagnostic(
            "AM643",
            f"{form.description} cannot carry {kind} ({count}): they are left out of {target}",
            hint="convert to argmap's YAML or JSON to keep everything"
            + ("" if strict else "; --strict refuses to convert with losses"),
            file=str(source),
        )
        diags.append(replace(loss, severity=Severity.ERROR) if strict else loss)
    if has_errors(diags):
        return diags
    try:
        write_output(target, form.write(argmap).encode("utf-8"), [source, *source_files(argmap)])
    except OSError as err:
        hint = "choose another output path, and check the folder's permissions"
        message = f"cannot write {target}: {err.strerror or err}"
        diags.append(diagnostic("AM642", message, hint=hint, file=str(source)))
    return diags
