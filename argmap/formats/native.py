"""argmap's own format, YAML or JSON: read by :mod:`argmap.read`, written here."""

from __future__ import annotations

import json

import yaml

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap, dump


def read(text: str, path: str) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    from argmap.read import read_text

    return read_text(text, path, "json" if path.endswith(".json") else "yaml")


def write(argmap: ArgumentMap) -> str:
    """The map as YAML, in the order of the format's fields, defaults left out."""
    return yaml.safe_dump(dump(argmap), allow_unicode=True, sort_keys=False, width=100)


def write_json(argmap: ArgumentMap) -> str:
    return json.dumps(dump(argmap), ensure_ascii=False, indent=2) + "\n"
