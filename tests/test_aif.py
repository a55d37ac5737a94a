"""AIF JSON: the corpus loads, annotation errors are located, the argument layer round-trips."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.formats import aif
from argmap.read import read_text
from tests.conftest import SHARED, shared

CORPUS = sorted((SHARED / "corpora" / "aif").glob("*/*.json")) or [SHARED / "absent"]


def _aif(nodes: list[tuple[Any, str]], edges: list[tuple[Any, Any]]) -> str:
    """An AIF text, one node a line, so that diagnostics have distinct lines."""
    lines = [f'  {{"nodeID": {json.dumps(i)}, "text": "{t}", "type": "{t}"}}' for i, t in nodes]
    body = ",\n".join(lines)
    links = ", ".join(f'{{"fromID": {json.dumps(a)}, "toID": {json.dumps(b)}}}' for a, b in edges)
    return f'{{"nodes": [\n{body}\n], "edges": [{links}]}}\n'


def _codes(text: str) -> list[tuple[str, int, int]]:
    _, diags = read_text(text, "x.json")
    return [(d.code, d.line, d.column) for d in diags]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_loads_and_checks(path: Path) -> None:
    shared("corpora", "aif")
    text = path.read_text(encoding="utf-8")
    m, diags = read_text(text, str(path))
    assert m is not None and not argmap.diagnostics.has_errors(diags), diags
    data = json.loads(text)
    i_nodes = {str(n["nodeID"]) for n in data["nodes"] if n["type"] == "I"}
    assert set(m.claims) == i_nodes
    ra = {str(n["nodeID"]) for n in data["nodes"] if n["type"] == "RA"}
    dropped = {d.message.split()[1] for d in diags if d.code == "AM622" and "left out" in d.message}
    assert set(m.inferences) == ra - dropped
    argmap.check(m)  # never raises, whatever the annotation


def test_qt30_annotation_errors_name_their_nodes() -> None:
    folder = shared("corpora", "aif", "qt30")
    _, diags = read_text((folder / "nodeset20860.json").read_text(), "a.json")
    assert any(d.code == "AM622" and "682946" in d.message for d in diags)
    assert any(d.code == "AM623" and "682945" in d.message for d in diags)
    _, diags = read_text((folder / "nodeset23565.json").read_text(), "b.json")
    assert any(d.code == "AM623" and "853981" in d.message and "853961" in d.message for d in diags)
    m, _ = read_text((folder / "nodeset19761.json").read_text(), "c.json")
    assert m is not None
    assert "AM201" in {d.code for d in argmap.check(m)}  # the support cycle


def test_integer_ids_and_speakers() -> None:
    text = _aif([(1, "I"), (2, "I"), (3, "RA")], [(1, 3), (3, 2)])
    text = text.replace('"text": "I", "type": "I"}', '"text": "Claim", "type": "I"}')
    text = text.replace(
        '"nodes": [',
        '"nodes": [{"nodeID": 9, "text": "Ann : hi", "type": "L"},'
        '{"nodeID": 8, "text": "Asserting", "type": "YA"},',
        1,
    )
    text = text.replace(
        '"edges": [', '"edges": [{"fromID": 9, "toID": 8}, {"fromID": 8, "toID": 1},'
    )
    m, diags = read_text(text, "x.json")
    assert m is not None
    assert m.inferences["3"].premises == ["1"] and m.claims["1"].by == "Ann"
    assert m.voices["Ann"].name == "Ann"
    assert [d.code for d in diags] == ["AM625"]


def test_am621_not_aif() -> None:
    assert _codes('{"nodes": 3, "edges": []}') == [("AM621", 1, 1)]


def test_am622_ra_without_conclusion() -> None:
    assert _codes(_aif([("a", "I"), ("r", "RA")], [("a", "r")])) == [("AM622", 3, 4)]


def test_am622_ra_with_two_conclusions() -> None:
    nodes = [("a", "I"), ("b", "I"), ("c", "I"), ("r", "RA")]
    assert _codes(_aif(nodes, [("a", "r"), ("r", "b"), ("r", "c")])) == [("AM622", 5, 4)]


def test_am623_ca_into_ca() -> None:
    nodes = [("a", "I"), ("b", "I"), ("x", "CA"), ("y", "CA")]
    edges = [("a", "x"), ("x", "b"), ("b", "y"), ("y", "x")]
    assert ("AM623", 4, 4) in _codes(_aif(nodes, edges))


def test_am624_preference() -> None:
    nodes = [("a", "I"), ("b", "I"), ("p", "PA")]
    assert _codes(_aif(nodes, [("a", "p"), ("p", "b")])) == [("AM624", 4, 4)]


def test_am625_dialogue() -> None:
    assert _codes(_aif([("a", "I"), ("l", "L")], [])) == [("AM625", 3, 4)]


def test_am626_unknown_type() -> None:
    assert _codes(_aif([("a", "I"), ("z", "ZZ")], [])) == [("AM626", 3, 4)]


def test_sniff_tells_aif_from_argmap_json() -> None:
    from argmap.formats import detect

    assert detect("m.json", '{"nodes": [], "edges": []}').name == "aif"
    assert detect("m.json", '{"claims": {"a": {"text": "nodes edges"}}}').name == "json"


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_round_trip_keeps_argument_layer(path: Path) -> None:
    shared("corpora", "aif")
    m, _ = read_text(path.read_text(encoding="utf-8"), str(path))
    assert m is not None
    again, diags = read_text(aif.write(m), "again.json")
    assert again is not None and not argmap.diagnostics.has_errors(diags)
    assert again.claims.keys() == m.claims.keys()
    assert {k: m.text_of(k) for k in m.claims} == {k: again.text_of(k) for k in again.claims}
    assert again.inferences == m.inferences
    assert again.attacks == m.attacks
    assert {k: c.equivalent for k, c in again.claims.items()} == {
        k: c.equivalent for k, c in m.claims.items()
    }
    assert {k: c.by for k, c in again.claims.items()} == {k: c.by for k, c in m.claims.items()}
