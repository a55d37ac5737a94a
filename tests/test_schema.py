"""The committed JSON Schema is the one the models generate, and the maps point to it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from argmap.schema import json_schema, schema_text
from tests.conftest import MAPS

COMMITTED = Path(__file__).resolve().parents[1] / "argmap.schema.json"


def test_committed_schema_is_generated_schema() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "regenerate it: argmap schema > argmap.schema.json"
    )


def test_schema_command_prints_it() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output) == json_schema()


def test_schema_knows_every_field() -> None:
    claim = json_schema()["$defs"]["Claim"]
    assert claim["additionalProperties"] is False
    assert {"text", "aliases", "equivalent", "by"} <= set(claim["properties"])


def test_maps_point_to_the_schema() -> None:
    for path in MAPS.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../argmap.schema.json", path
