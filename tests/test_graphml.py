"""GraphML: every kind of data the writer declares is in the file, and the file is XML."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.formats import by_name, graphml
from argmap.formats.base import KINDS, inventory
from argmap.model import ArgumentMap, text_in
from tests.strategies import every_kind

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parsed(m: ArgumentMap) -> nx.MultiDiGraph:
    """The map written as GraphML, read back by networkx (and first parsed as plain XML)."""
    text = graphml.write(m)
    ET.fromstring(text)
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    assert isinstance(graph, nx.MultiDiGraph)
    return graph


def _held(graph: nx.MultiDiGraph) -> Counter[str]:
    """How many of each kind of data (as :func:`inventory` counts them) a GraphML file holds."""
    count: Counter[str] = Counter()
    about = graph.graph
    count["title"] = "title" in about
    count["description"] = "description" in about
    for section in ("voices", "sources"):
        count[section] = len(json.loads(about.get(section, "{}")))
    issues = json.loads(about.get("issues", "{}"))
    count["issues"] = len(issues)
    count["issue texts"] = sum("text" in issue for issue in issues.values())
    count["main conclusions"] = len(about.get("main", "").split())
    count["languages"] = len(about.get("languages", "").split())
    for _, node in graph.nodes(data=True):
        if node["kind"] == "claim":
            count["claims"] += 1
            count["claim voices"] += "by" in node and "voice" in node
            count["quotes"] += "quote" in node and "quote_source" in node
            count["tags"] += len(node.get("tags", "").split())
            count["claim notes"] += "note" in node
            count["aliases"] += len(json.loads(node.get("aliases", "[]")))
            count["equivalents"] += len(node.get("equivalent", "").split())
            count["statuses"] += "status" in node
            count["translations"] += any(key.startswith("label_") for key in node)
        else:
            count["inferences"] += 1
            count["schemes"] += "scheme" in node
            count["weights"] += "weight" in node
            count["inference labels"] += "label" in node
            count["inference notes"] += "note" in node
    for _, _, edge in graph.edges(data=True):
        if edge["kind"] == "attack":
            count["undercuts" if edge["type"] == "undercut" else "attacks"] += 1
            count["attack notes"] += "note" in edge
    return +count


@SETTINGS
@given(every_kind())
def test_every_carried_kind_is_in_the_file(m: ArgumentMap) -> None:
    """networkx reads back as many of each carried kind as the map holds, with its values."""
    assert set(KINDS) == by_name("graphml").carries and argmap.losses(m, "graphml") == []
    graph = _parsed(m)
    assert _held(graph) == inventory(m)
    for ident, claim in m.claims.items():
        node = graph.nodes[ident]
        assert node["label"] == graphml.xml_text(m.text_of(ident))
        assert (node.get("status"), node.get("by")) == (claim.status, claim.by)
    for ident, inference in m.inferences.items():
        assert graph.nodes[ident].get("weight") == inference.weight


@SETTINGS
@given(st.text(st.characters(codec=None, exclude_categories=())), st.text(st.characters()))
@example("a\vb\x00\ud800\r\n\x85\u2028\x1c", "\x1f")
def test_every_text_makes_well_formed_xml(text: str, note: str) -> None:
    """Any code point whatever (controls, lone surrogates, U+FFFF): the file parses as XML and
    with networkx, and each text reads back as :func:`xml_text` made it (`\\v` once became a
    newline, and a carriage return must stay one)."""
    m = ArgumentMap.model_validate(
        {
            "title": text,
            "claims": {"a": {"text": text, "note": note}, "b": {"text": note}},
            "inferences": {"i": {"premises": ["a"], "conclusion": "b", "label": text}},
            "attacks": [{"from": "b", "to": "i", "note": text}],
        }
    )
    graph = _parsed(m)
    assert graph.graph["title"] == graph.nodes["a"]["label"] == graphml.xml_text(text)
    assert graph.nodes["a"]["note"] == graph.nodes["b"]["label"] == graphml.xml_text(note)
    assert graph.nodes["i"]["label"] == graphml.xml_text(text)
    (attack,) = [e for _, _, e in graph.edges(data=True) if e["kind"] == "attack"]
    assert attack["note"] == graphml.xml_text(text)


def test_xml_text_replaces_only_what_xml_forbids() -> None:
    assert graphml.xml_text("\v") == "\ufffd"
    assert graphml.xml_text("\t\n\r \ud7ff\ue000\ufffd\U0010ffff") == (
        "\t\n\r \ud7ff\ue000\ufffd\U0010ffff"
    )
    assert graphml.xml_text("\ud800\udfff\ufffe\uffff\x7f") == "\ufffd" * 4 + "\x7f"


def test_every_attack_is_an_edge_even_two_between_the_same_claims() -> None:
    m = argmap.loads(
        """
        claims: {a: {text: A}, b: {text: B}}
        attacks: [{from: a, to: b}, {from: a, to: b, note: again}]
        """
    )
    graph = _parsed(m)
    attacks = [e for _, _, e in graph.edges(data=True) if e["kind"] == "attack"]
    assert attacks == [
        {"kind": "attack", "type": "rebut"},
        {"kind": "attack", "type": "rebut", "note": "again"},
    ]


def test_translations_and_voices_by_language() -> None:
    m = argmap.loads(
        """
        lang: pt
        voices: {ana: {name: {pt: Ana, en: Anna}}}
        claims: {a: {text: {en: Yes, pt: Sim}, by: ana}}
        """
    )
    node = _parsed(m).nodes["a"]
    assert (node["label"], node["label_en"], node["label_pt"]) == ("Sim", "Yes", "Sim")
    assert node["voice"] == text_in({"pt": "Ana", "en": "Anna"}, "pt") == "Ana"


def test_convert_with_a_dangling_reference_writes_nothing(
    write_map: Callable[..., Path],
) -> None:
    """The regression of a KeyError: the gate refuses the map before the writer sees it."""
    path = write_map("claims:\n  a: {text: A, by: nobody}\n")
    target = path.with_suffix(".graphml")
    diags = argmap.convert(path, target)
    assert [(d.code, d.line) for d in diags] == [("AM106", 2)]
    assert not target.exists()
