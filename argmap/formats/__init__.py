"""Formats: one module per format, and the table that picks one for a file.

Each row of :data:`FORMATS` holds the format's functions: a reader
``read(text, path, limits) -> Parsed`` (:mod:`argmap.formats.base`), a writer
``write(argmap) -> str`` where argmap can write the format, a ``sniff(text) -> bool`` where
two formats share an extension, and the kinds of data the writer ``carries``. Readers give
plain data; :func:`argmap.finish.finish` makes every format's data a map the same way.

The functions in the table import their format's module when first called: reading a YAML
map loads neither the Argdown parser nor networkx (for GraphML).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING, NamedTuple

from argmap.formats.base import EVERYTHING, Reader, Writer

if TYPE_CHECKING:
    from argmap.formats.base import Parsed
    from argmap.limits import Limits
    from argmap.model import ArgumentMap


def _read_yaml(text: str, path: str, limits: Limits) -> Parsed:
    from argmap.formats.native import read_yaml

    return read_yaml(text, path, limits)


def _write_yaml(argmap: ArgumentMap) -> str:
    from argmap.formats.native import write_yaml

    return write_yaml(argmap)


def _read_json(text: str, path: str, limits: Limits) -> Parsed:
    from argmap.formats.native import read_json

    return read_json(text, path, limits)


def _write_json(argmap: ArgumentMap) -> str:
    from argmap.formats.native import write_json

    return write_json(argmap)


def _read_aif(text: str, path: str, limits: Limits) -> Parsed:
    from argmap.formats import aif

    return aif.read(text, path, limits)


def _write_aif(argmap: ArgumentMap) -> str:
    from argmap.formats import aif

    return aif.write(argmap)


def _sniff_aif(text: str) -> bool:
    from argmap.formats import aif

    return aif.sniff(text)


def _read_carneades(text: str, path: str, limits: Limits) -> Parsed:
    from argmap.formats import carneades

    return carneades.read(text, path, limits)


def _sniff_carneades(text: str) -> bool:
    """Whether a YAML text looks like a Carneades argument graph rather than an argmap map:
    asked of every YAML map, so here, not in :mod:`argmap.formats.carneades`."""
    return re.search(
        r"^(statements|arguments|argument_schemes):", text, re.MULTILINE
    ) is not None and (re.search(r"^claims:", text, re.MULTILINE) is None)


def read_dung(text: str, path: str, limits: Limits) -> Parsed:
    """The reader of the abstract frameworks (apx, tgf, iccma): :func:`argmap.formats.dung.read`."""
    from argmap.formats import dung

    return dung.read(text, path, limits)


def _read_argdown(text: str, path: str, limits: Limits) -> Parsed:
    from argmap.formats import argdown

    return argdown.read(text, path, limits)


def _write_argdown(argmap: ArgumentMap) -> str:
    from argmap.formats import argdown

    return argdown.write(argmap)


def _read_kialo(text: str, path: str, limits: Limits) -> Parsed:
    from argmap.formats import kialo

    return kialo.read(text, path, limits)


def _sniff_kialo(text: str) -> bool:
    from argmap.formats import kialo

    return kialo.sniff(text)


def _write_graphml(argmap: ArgumentMap) -> str:
    from argmap.formats import graphml

    return graphml.write(argmap)


class Format(NamedTuple):
    """One row of the table: a format's name, file extensions, and functions."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    read: Reader | None
    write: Writer | None = None
    sniff: Callable[[str], bool] | None = None
    carries: frozenset[str] = frozenset()
    """The kinds of data (:data:`argmap.formats.base.KINDS`) the writer keeps."""


#: Every format argmap knows. The first format with a matching suffix wins, unless a later one
#: with the same suffix claims the text with its `sniff` (AIF JSON versus argmap JSON).
FORMATS: list[Format] = [
    Format(
        "yaml",
        (".yaml", ".yml"),
        "argmap map (YAML)",
        _read_yaml,
        _write_yaml,
        carries=EVERYTHING,
    ),
    Format(
        "json",
        (".json",),
        "argmap map (JSON)",
        _read_json,
        _write_json,
        None,
        EVERYTHING,
    ),
    # AIF keeps everything, in its nodes or in the extras.
    Format(
        "aif", (".json",), "AIF JSON (AIFdb, OVA)", _read_aif, _write_aif, _sniff_aif, EVERYTHING
    ),
    Format(
        "carneades", (".yml", ".yaml"), "Carneades 4 graph", _read_carneades, None, _sniff_carneades
    ),
    Format("apx", (".apx",), "abstract framework (ASPARTIX)", read_dung),
    Format("tgf", (".tgf",), "abstract framework (TGF)", read_dung),
    Format("iccma", (".af", ".i23"), "abstract framework (ICCMA)", read_dung),
    # Argdown keeps everything: what it has no syntax for travels as data or in the front
    # matter, as the round-trip tests prove for every kind.
    Format(
        "argdown",
        (".argdown", ".ad"),
        "Argdown",
        _read_argdown,
        _write_argdown,
        carries=EVERYTHING,
    ),
    Format(
        "kialo", (".kialo", ".txt"), "Kialo debate (text export)", _read_kialo, None, _sniff_kialo
    ),
    # GraphML keeps everything (see argmap.formats.base.KINDS).
    Format(
        "graphml", (".graphml",), "GraphML (yEd, Gephi)", None, _write_graphml, None, EVERYTHING
    ),
]


def by_name(name: str) -> Format:
    """The format called `name`.

    >>> by_name("argdown").suffixes
    ('.argdown', '.ad')

    Raises
    ------
    KeyError
        When no format has that name.
    """
    for form in FORMATS:
        if form.name == name:
            return form
    raise KeyError(name)


def detect(path: str, text: str | None = None, name: str | None = None) -> Format:
    """The format of a file: `name` if given, else by extension (and a look at the text).

    >>> detect("map.yml").name, detect("m.json", '{"nodes": [], "edges": []}').name
    ('yaml', 'aif')
    """
    if name is not None:
        return by_name(name)
    suffix = PurePath(path).suffix.lower()
    candidates = [f for f in FORMATS if suffix in f.suffixes]
    if text is not None and len(candidates) > 1:
        for form in candidates[1:]:
            if form.sniff is not None and form.sniff(text):
                return form
    return candidates[0] if candidates else FORMATS[0]
