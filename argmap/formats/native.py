"""argmap's own format, YAML or JSON: read by :mod:`argmap.read`, written here."""

from __future__ import annotations

import json

import yaml

from argmap.diagnostics import Diagnostic
from argmap.locate import PLAIN_SCALARS
from argmap.model import ArgumentMap, dump


class _Dumper(yaml.SafeDumper):
    """PyYAML writes YAML 1.1; maps are read as YAML 1.2, which takes more plain scalars
    for numbers (``0e0``): quote every string that YAML 1.2 would not read as a string."""


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "'" if any(pattern.match(value) for pattern, _ in PLAIN_SCALARS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def read(text: str, path: str) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    from argmap.read import read_text

    return read_text(text, path, "json" if path.endswith(".json") else "yaml")


def write(argmap: ArgumentMap) -> str:
    """The map as YAML, in the order of the format's fields, defaults left out.

    >>> m = ArgumentMap.model_validate({"title": "0e0", "claims": {"a": {"text": "A"}}})
    >>> print(write(m), end="")
    title: '0e0'
    claims:
      a:
        text: A
    """
    return yaml.dump(dump(argmap), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def write_json(argmap: ArgumentMap) -> str:
    """The map as JSON, defaults left out."""
    return json.dumps(dump(argmap), ensure_ascii=False, indent=2) + "\n"
