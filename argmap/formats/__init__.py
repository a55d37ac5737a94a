"""Formats: one module per format, and the table that picks one for a file.

Each row of :data:`FORMATS` holds the format's functions themselves: a reader
``read(text, path, limits) -> Parsed`` (:mod:`argmap.formats.base`), a writer
``write(argmap) -> str`` where argmap can write the format, a ``sniff(text) -> bool`` where
two formats share an extension, and the kinds of data the writer ``carries``. Readers give
plain data; :func:`argmap.finish.finish` makes every format's data a map the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from argmap.formats import aif, argdown, carneades, dung, graphml, kialo, native
from argmap.formats.base import EVERYTHING, Reader, Writer


@dataclass(frozen=True)
class Format:
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
        native.read_yaml,
        native.write_yaml,
        carries=EVERYTHING,
    ),
    Format(
        "json",
        (".json",),
        "argmap map (JSON)",
        native.read_json,
        native.write_json,
        None,
        EVERYTHING,
    ),
    Format("aif", (".json",), "AIF JSON (AIFdb, OVA)", aif.read, aif.write, aif.sniff, aif.CARRIES),
    Format(
        "carneades", (".yml", ".yaml"), "Carneades 4 graph", carneades.read, None, carneades.sniff
    ),
    Format("apx", (".apx",), "abstract framework (ASPARTIX)", dung.read),
    Format("tgf", (".tgf",), "abstract framework (TGF)", dung.read),
    Format("iccma", (".af", ".i23"), "abstract framework (ICCMA)", dung.read),
    Format(
        "argdown",
        (".argdown", ".ad"),
        "Argdown",
        argdown.read,
        argdown.write,
        carries=argdown.CARRIES,
    ),
    Format(
        "kialo", (".kialo", ".txt"), "Kialo debate (text export)", kialo.read, None, kialo.sniff
    ),
    Format(
        "graphml", (".graphml",), "GraphML (yEd, Gephi)", None, graphml.write, None, graphml.CARRIES
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
