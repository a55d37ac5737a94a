"""Formats: one module per foreign format, and the table that picks one for a file.

A format module exposes ``read(text, path) -> (ArgumentMap | None, list[Diagnostic])`` and,
where it can, ``write(argmap) -> str``. Readers of foreign formats give their diagnostics a
file, line and column themselves, and record where each element came from in the map's
``Origin.positions`` so that later checks can point into the file too.
YAML and JSON maps, argmap's own format, are read by :mod:`argmap.read`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap

Reader = Callable[[str, str], tuple[ArgumentMap | None, list[Diagnostic]]]
Writer = Callable[[ArgumentMap], str]


@dataclass(frozen=True)
class Format:
    """One row of the table: a format's name, its file extensions and its module."""

    name: str
    suffixes: tuple[str, ...]
    module: str
    description: str
    write_function: str | None = "write"  # the module's writer, None when it cannot write

    def reader(self) -> Reader:
        read: Reader = importlib.import_module(self.module).read
        return read

    def writer(self) -> Writer | None:
        if self.write_function is None:
            return None
        write: Writer = getattr(importlib.import_module(self.module), self.write_function)
        return write


#: Every format argmap knows. The first format with a matching suffix wins, unless a later one
#: with the same suffix claims the text with :func:`detect` (AIF JSON versus argmap JSON).
FORMATS: list[Format] = [
    Format("yaml", (".yaml", ".yml"), "argmap.formats.native", "argmap map (YAML)"),
    Format("json", (".json",), "argmap.formats.native", "argmap map (JSON)", "write_json"),
    Format("aif", (".json",), "argmap.formats.aif", "AIF JSON (AIFdb, OVA)"),
    Format("carneades", (".yml", ".yaml"), "argmap.formats.carneades", "Carneades 4 graph", None),
    Format("apx", (".apx",), "argmap.formats.dung", "abstract framework (ASPARTIX)", None),
    Format("tgf", (".tgf",), "argmap.formats.dung", "abstract framework (TGF)", None),
    Format("iccma", (".af", ".i23"), "argmap.formats.dung", "abstract framework (ICCMA)", None),
    Format("argdown", (".argdown", ".ad"), "argmap.formats.argdown", "Argdown"),
    Format("kialo", (".kialo", ".txt"), "argmap.formats.kialo", "Kialo debate (text export)", None),
    Format("graphml", (".graphml",), "argmap.formats.graphml", "GraphML (yEd, Gephi), write only"),
]


def by_name(name: str) -> Format:
    for form in FORMATS:
        if form.name == name:
            return form
    raise KeyError(name)


def detect(path: str, text: str | None = None, name: str | None = None) -> Format:
    """The format of a file: `name` if given, else by extension (and a look at the text).

    >>> detect("map.yml").name
    'yaml'
    """
    if name is not None:
        return by_name(name)
    suffix = PurePath(path).suffix.lower()
    candidates = [f for f in FORMATS if suffix in f.suffixes]
    if text is not None and len(candidates) > 1:
        for form in candidates[1:]:
            sniff = getattr(importlib.import_module(form.module), "sniff", None)
            if sniff is not None and sniff(text):
                return form
    return candidates[0] if candidates else FORMATS[0]
