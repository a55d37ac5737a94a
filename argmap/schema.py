"""The JSON Schema of the map format, generated from the models, for editors.

Maps that start with ``# yaml-language-server: $schema=../argmap.schema.json`` get
validation and completion in editors that use the YAML language server.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.model import ArgumentMap

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The schema as data.

    >>> json_schema()["required"]
    ['claims']
    """
    schema = ArgumentMap.model_json_schema(by_alias=True)
    return {"$schema": SCHEMA_URI, **schema}


def schema_text() -> str:
    """The schema as the text of ``argmap.schema.json``."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
