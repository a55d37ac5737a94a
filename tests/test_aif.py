"""AIF JSON: the corpus loads, annotation errors are located, the argument layer round-trips."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.evaluate import evaluate
from argmap.formats import aif, by_name
from argmap.formats.base import KINDS, inventory
from argmap.limits import Limits
from argmap.model import ArgumentMap
from argmap.read import read_text
from tests.complexity import BOUND, growth
from tests.conftest import SHARED, shared
from tests.strategies import every_kind

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
    assert diags == []  # the L and YA nodes give the speaker: nothing of them is lost


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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(every_kind())
def test_every_kind_survives_a_round_trip(m: ArgumentMap) -> None:
    """AIF carries every kind of data (in AIF's nodes, or in argmap's extras): the map
    comes back equal, with no diagnostic, and evaluates the same."""
    assert set(KINDS) == by_name("aif").carries and argmap.losses(m, "aif") == []
    again, diags = read_text(aif.write(m), "again.json")
    assert diags == [] and again is not None
    assert again.model_dump() == m.model_dump()
    assert inventory(again) == inventory(m)
    assert evaluate(again).labels == evaluate(m).labels


def test_ids_and_voices_survive() -> None:
    """Voices keep their ids (not `peter-singer` for `singer`), names with colons included;
    an undercut is not a stray premise of the inference it attacks (no false AM623)."""
    m = argmap.loads(
        """
        voices:
          singer: {name: Peter Singer}
          ana: {name: "Ana : the CEO"}
          bob: {name: "Dr. Bob: economist"}
        claims:
          a: {text: A, by: singer}
          b: {text: B, by: ana}
          c: {text: "C : c", by: bob, status: rejected}
        inferences:
          i: {premises: [a], conclusion: b, weight: 0.4}
        attacks:
          - {from: c, to: i}
        """
    )
    again, diags = read_text(aif.write(m), "again.json")
    assert diags == [] and again is not None
    assert {k: c.by for k, c in again.claims.items()} == {"a": "singer", "b": "ana", "c": "bob"}
    assert again.voices == m.voices and again.model_dump() == m.model_dump()


def _said(speaker: str, words: str) -> str:
    """An AIF text where a locution by `speaker` asserts `words`, with no argmap extras."""
    return json.dumps(
        {
            "nodes": [
                {"nodeID": "l", "text": f"{speaker} : {words}", "type": "L"},
                {"nodeID": "y", "text": "Asserting", "type": "YA"},
                {"nodeID": "c", "text": words, "type": "I"},
            ],
            "edges": [{"fromID": "l", "toID": "y"}, {"fromID": "y", "toID": "c"}],
        }
    )


@pytest.mark.parametrize(
    ("speaker", "voice"),
    [("Ana : the CEO", "ana-the-ceo"), ("Dr. Bob: economist", "dr-bob-economist"), ("Ann", "Ann")],
)
def test_speakers_with_colons(speaker: str, voice: str) -> None:
    m, diags = read_text(_said(speaker, "Costs rise."), "x.json")
    assert diags == [] and m is not None
    assert m.claims["c"].by == voice and m.voices[voice].name == speaker


def test_speaker_before_the_first_separator_when_the_words_differ() -> None:
    assert aif.speaker("Sarah Unknown : Yes, I think so", "so") == "Sarah Unknown"
    assert aif.speaker("Ana : the CEO", "the CEO") == "Ana"
    assert aif.speaker("no speaker here", "x") is None


@pytest.mark.parametrize(
    "node_id", ["a\n", "Claim 1", "x" * 300, "é", "١"], ids=["newline", "space", "long", "e", "ar"]
)
def test_made_ids_are_valid(node_id: str) -> None:
    """A nodeID that is not an id gives a valid one (a `$` once let "a\\n" through)."""
    text = json.dumps({"nodes": [{"nodeID": node_id, "text": "A", "type": "I"}], "edges": []})
    m, diags = read_text(text, "x.json")
    assert diags == [] and m is not None
    (ident,) = m.claims
    assert aif.is_id(ident) and len(ident) <= 200


def test_made_ids_are_unique() -> None:
    nodes = [{"nodeID": i, "text": "A", "type": "I"} for i in ("é", "è", "e", "e-2")]
    m, diags = read_text(json.dumps({"nodes": nodes, "edges": []}), "x.json")
    assert diags == [] and m is not None
    assert list(m.claims) == ["e-3", "e-4", "e", "e-2"]


def test_am005_duplicate_key_at_its_line() -> None:
    text = (
        '{"nodes": [\n {"nodeID": "a", "text": "A", "type": "I",\n  "type": "I"}\n], "edges": []}'
    )
    assert _codes(text) == [("AM005", 3, 3)]


def test_am623_node_given_twice() -> None:
    assert _codes(_aif([("a", "I"), ("a", "I")], [])) == [("AM623", 2, 4)]


def test_am623_extras_cannot_change_the_graph() -> None:
    nodes = [{"nodeID": "a", "text": "A", "type": "I", "argmap": {"by": "x", "note": "n"}}]
    m, diags = read_text(json.dumps({"nodes": nodes, "edges": []}), "x.json")
    assert [d.code for d in diags] == ["AM623"] and "`by`" in diags[0].message
    assert m is not None and m.claims["a"].note == "n" and m.claims["a"].by is None


def test_extras_errors_are_located_at_their_node() -> None:
    text = _aif([("a", "I"), ("b", "I")], []).replace(
        '"type": "I"}\n]', '"type": "I", "argmap": {"status": "maybe"}}\n]'
    )
    assert _codes(text) == [("AM102", 3, 4)]


def test_node_text_wins_over_its_extras() -> None:
    m = argmap.loads("lang: pt\nclaims: {a: {text: {pt: Sim, en: 'Yes'}}}")
    text = aif.write(m).replace('"text": "Sim"', '"text": "Claro"')
    again, diags = read_text(text, "x.json")
    assert diags == [] and again is not None
    assert again.claims["a"].text == {"pt": "Claro", "en": "Yes"}


@pytest.mark.parametrize("kind", ["I", "\\u0049"], ids=["before-parsing", "after-parsing"])
def test_am008_too_many_elements_before_indexing(kind: str) -> None:
    """Counted in the text before it is parsed; a type written with an escape, which the
    count in the text misses, is counted once parsed, before the graph is indexed."""
    nodes = ",".join(f'{{"nodeID": {i}, "text": "A", "type": "{kind}"}}' for i in range(6))
    text = f'{{"nodes": [{nodes}], "edges": []}}'
    _, diags = read_text(text, "x.json", limits=Limits(max_elements=5))
    assert [(d.code, d.line) for d in diags] == [("AM008", 1)]
    assert "has 6 I, RA and CA nodes" in diags[0].message


def test_am108_long_text_at_its_node() -> None:
    text = _aif([("a", "I"), ("b", "I")], []).replace('"text": "I"', '"text": "' + "x" * 20 + '"')
    _, diags = read_text(text, "x.json", limits=Limits(max_text=10))
    assert [(d.code, d.line) for d in diags] == [("AM108", 2), ("AM108", 3)]


def _same_slug(i: int) -> str:
    """The i-th of many distinct node ids that all slug to `x`."""
    symbols = "!#$%&*+="
    digits = ""
    while True:
        i, digit = divmod(i, len(symbols))
        digits += symbols[digit]
        if not i:
            return "x" + digits


def _adversarial(n: int) -> str:
    """An AIF text on one line: n I-nodes whose ids all slug to `x`, one RA with n premises,
    and n CA nodes undercutting it."""
    claims = [_same_slug(i) for i in range(n)]
    nodes = [{"nodeID": c, "text": "A", "type": "I"} for c in claims]
    nodes += [{"nodeID": "r", "text": "RA", "type": "RA"}]
    nodes += [{"nodeID": f"ca{i}", "text": "CA", "type": "CA"} for i in range(n)]
    edges = [{"fromID": c, "toID": "r"} for c in claims[1:]]
    edges += [{"fromID": "r", "toID": claims[0]}]
    edges += [{"fromID": f"ca{i}", "toID": "r"} for i in range(n)]
    edges += [{"fromID": c, "toID": f"ca{i}"} for i, c in enumerate(claims)]
    return json.dumps({"nodes": nodes, "edges": edges})


def test_reading_is_linear_on_adversarial_input() -> None:
    """Ids that slug to one base, one line, one RA with n premises and n undercuts: 4n
    nodes take at most about 4 times as long as n (the bound allows for noise)."""
    small, large = _adversarial(600), _adversarial(2400)
    m, diags = read_text(small, "s.json")
    assert m is not None and len(m.claims) == 600 and len(m.attacks) == 600, diags
    ratio = growth(lambda text: aif.read(text, "x.json", Limits()), small, large)
    assert ratio <= BOUND, ratio


def test_round_trip_benchmark_runs_at_a_tiny_size() -> None:
    from tests.benchmarks import roundtrips

    counts = roundtrips.main(3)
    assert counts["tries"]["maps"] == 3 and counts["held"]["claims"] == 3
    assert counts["tries"]["aif silent changes"] == counts["tries"]["graphml silent changes"] == 0
