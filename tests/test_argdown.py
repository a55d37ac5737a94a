"""Argdown: reading (against Argdown 1.7.5's own output), writing and the round trip."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.formats import argdown
from argmap.model import ArgumentMap
from argmap.read import read_text
from tests.conftest import SHARED, shared

CORPUS = sorted((SHARED / "corpora" / "argdown").glob("*.argdown")) or [
    SHARED / "corpora" / "argdown" / "absent"
]


def _norm(text: str | None) -> str:
    """Argdown keeps tags and spacing in its texts; argmap keeps tags apart."""
    text = re.sub(r"(?:(?<=\s)|^)#(?:\([^)]*\)|[\w-]+)", " ", text or "")
    return " ".join(text.split())


def _read(path: Path) -> tuple[ArgumentMap, list[argmap.Diagnostic]]:
    m, diags = read_text(path.read_text(encoding="utf-8"), str(path), "argdown")
    assert m is not None, diags
    return m, diags


class Agreement:
    """Argdown's reading of a file (its JSON) mapped onto argmap's, element by element."""

    def __init__(self, m: ArgumentMap, reference: dict[str, Any]) -> None:
        assert m.origin is not None and m.origin.positions is not None
        at = {
            pos[0]: str(key[1])
            for key, pos in m.origin.positions.items()
            if len(key) == 2 and key[0] == "claims"
        }
        self.m, self.ref = m, reference
        self.claim: dict[str, str] = {}  # Argdown title -> claim id
        for title, ec in reference["statements"].items():
            spots = [(x["startLine"], x["startColumn"]) for x in ec["members"]]
            self.claim[title] = next(at[s] for s in spots if s in at)
        self.gist: dict[str, str] = {}
        self.conclusion: dict[str, str] = {}
        for title, arg in reference["arguments"].items():
            if arg["pcs"]:
                main = next(p for p in arg["pcs"] if p["role"] == "main-conclusion")
                self.conclusion[title] = self.claim[main["title"]]
            else:
                spots = [(x["startLine"], x["startColumn"]) for x in arg["members"]]
                self.gist[title] = next(at[s] for s in spots if s in at)

    def source(self, name: str, kind: str) -> str:
        if kind == "argument":
            return self.conclusion.get(name) or self.gist[name]
        return self.claim[name]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_agrees_with_argdown(path: Path) -> None:
    reference_path = shared("corpora", "argdown") / "reference-json" / f"{path.stem}.json"
    m, diags = read_text(path.read_text(encoding="utf-8"), str(path), "argdown")
    if not reference_path.exists():  # Argdown itself rejects these files
        assert any(d.code == "AM611" for d in diags)
        return
    assert not argmap.diagnostics.has_errors(diags), diags
    assert m is not None
    ref = json.loads(reference_path.read_text(encoding="utf-8"))
    agree = Agreement(m, ref)
    # Statements: one claim per equivalence class, with all of its texts.
    assert len(set(agree.claim.values())) == len(agree.claim)
    for title, ec in ref["statements"].items():
        claim = m.claims[agree.claim[title]]
        texts = {_norm(x.get("text")) for x in ec["members"]} - {""}
        mine = {_norm(m.text_of(agree.claim[title])), *map(_norm, claim.aliases)}
        assert texts == mine - ({title} if not texts else set()), title
    # Arguments without a reconstruction: a claim with their description.
    for title, ident in agree.gist.items():
        members = ref["arguments"][title]["members"]
        texts = {_norm(x.get("text")) for x in members} - {""}
        assert _norm(m.text_of(ident)) in (texts or {title})
    # Reconstructions: the same premises, intermediate and main conclusions.
    for title, arg in ref["arguments"].items():
        if not arg["pcs"]:
            continue
        roles = {p["role"] for p in arg["pcs"]}
        assert roles <= {"premise", "intermediary-conclusion", "main-conclusion"}
        want_conclusions = {agree.claim[p["title"]] for p in arg["pcs"] if p["role"] != "premise"}
        want_premises = {agree.claim[p["title"]] for p in arg["pcs"] if p["role"] == "premise"}
        inferences = [i for i in m.inferences.values() if i.conclusion in want_conclusions]
        got_conclusions = {i.conclusion for i in inferences}
        got_premises = {p for i in inferences for p in i.premises} - got_conclusions
        assert got_conclusions == want_conclusions, title
        assert want_premises <= got_premises, title
    # Explicit relations: each is in the map, or reported where it is written.
    reported = {d.line for d in diags if d.code == "AM614"}
    for rel in ref["relations"]:
        source = agree.source(rel["from"], rel["fromType"])
        kind, to = rel["relationType"], rel["to"]
        if rel["toType"] == "argument" and to in agree.conclusion:
            assert reported, rel  # a relation to a reconstructed argument as a whole
            continue
        target = agree.source(to, rel["toType"])
        if kind == "support":
            assert any(
                source in i.premises and i.conclusion == target for i in m.inferences.values()
            ), rel
        elif kind in ("attack", "contrary"):
            assert any(a.from_ == source and a.to == target for a in m.attacks), rel
        elif kind == "contradictory":
            assert any(set(i.positions) == {source, target} for i in m.issues.values()), rel
        else:
            assert kind == "undercut"
            undercut = [a.to for a in m.attacks if a.from_ == source and a.to in m.inferences]
            assert any(target in m.inferences[i].premises for i in undercut) or reported, rel


def _codes(text: str) -> list[tuple[str, int, int]]:
    _, diags = read_text(text, "x.argdown", "argdown")
    return [(d.code, d.line, d.column) for d in diags]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("[A]: a\n  +\n", ("AM611", 2, 3), id="am611_relation_without_content"),
        pytest.param(
            "[A]: a\n[B]: b\n", ("AM611", 2, 1), id="am611_new_element_without_blank_line"
        ),
        pytest.param("[A]: a {colour: red}\n", ("AM612", 1, 8), id="am612_unknown_data"),
        pytest.param("[A]\n  + [B]: b\n", ("AM613", 1, 1), id="am613_statement_without_text"),
    ],
)
def test_each_code_with_the_smallest_input(text: str, expected: tuple[str, int, int]) -> None:
    """Each diagnostic of this format: its code, line and column."""
    assert _codes(text) == [expected]


def test_am614_support_of_a_reconstructed_argument() -> None:
    text = "<R>\n\n(1) p\n----\n(2) q\n\n[S]: s\n  +> <R>\n"
    assert _codes(text) == [("AM614", 8, 3)]


def test_check_points_into_the_argdown_file(write_map: Callable[..., Path]) -> None:
    path = write_map("[A]: a\n  + [B]: b\n  - [A]\n", "self.argdown")
    m = argmap.load(path)
    found = [(d.code, d.line, d.column) for d in argmap.check(m)]
    assert ("AM204", 3, 3) in found  # a claim attacks itself, located at the relation


def test_multi_step_argument_and_rules() -> None:
    text = "<Arg>: gist\n\n(1) a\n(2) b\n-- Modus ponens --\n(3) c\n(4) d\n----\n(5) e\n"
    m, diags = read_text(text, "x.argdown", "argdown")
    assert m is not None and diags == []
    first, last = m.inferences["Arg.1"], m.inferences["Arg"]
    assert (first.premises, first.scheme) == (["untitled-1", "untitled-2"], "Modus ponens")
    assert last.premises == ["untitled-3", "untitled-4"] and last.note == "gist"


def test_write_then_read_gives_the_same_map() -> None:
    m = argmap.load(Path(__file__).parents[1] / "maps" / "example.yaml")
    again, diags = read_text(argdown.write(m), "again.argdown", "argdown")
    assert diags == []
    assert again is not None and again.model_dump() == m.model_dump()
