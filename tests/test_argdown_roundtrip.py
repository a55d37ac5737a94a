"""Argdown: every map written and read back is the same map, whatever its texts hold.

The strategy starts from the round-trip test's maps and adds every kind of data a map can
hold (:data:`argmap.formats.base.KINDS`), with texts drawn from an alphabet of what Argdown
reacts to: comment marks, ``===``, braces, markup, escapes, line breaks.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.formats import argdown, by_name
from argmap.formats.base import KINDS, inventory
from argmap.model import ArgumentMap, dump
from argmap.read import read_text
from tests.test_formats_roundtrip import IDS, maps

#: Pieces of Argdown syntax, glued into texts.
NASTY = [
    " // ",
    "//",
    "<!--",
    "-->",
    "/*",
    "*/",
    "===",
    "\n===\n",
    "{",
    "}",
    "} x",
    "{a: 1}",
    "[a]",
    "<b>",
    "#t",
    "#(",
    "**",
    "_",
    "*",
    "\\",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "--",
    "----",
    "(1)",
    "+ ",
    "- ",
    "><",
    "@",
    ":",
    "'",
    '"',
    "\x00",
    "\x85",
    "\u2028",
    "é",
    "💬",
]
TEXTS = st.one_of(
    st.lists(st.sampled_from(NASTY) | st.sampled_from(["a", "b c", "word"]), max_size=6).map(
        "".join
    ),
    st.text(max_size=12),
)
#: A claim's text must hold something other than whitespace (else AM104).
CLAIM_TEXTS = TEXTS.filter(lambda t: t.strip() != "")
LANGS = st.sampled_from(["en", "pt", "de-CH"])


@st.composite
def full_maps(draw: st.DrawFn) -> ArgumentMap:
    """A valid map holding any kind of data, with texts Argdown could misread."""
    data = dump(draw(maps(True)))
    claim_ids = list(data["claims"])
    if draw(st.booleans()):
        data["description"] = draw(TEXTS)
    if draw(st.booleans()):
        data["title"] = draw(TEXTS)
    data["lang"] = draw(LANGS)
    data["languages"] = draw(st.lists(LANGS, max_size=2, unique=True))
    sources = draw(st.lists(IDS, max_size=2, unique=True))
    voices = draw(st.lists(IDS, max_size=2, unique=True))
    data["sources"] = {
        s: {"title": draw(CLAIM_TEXTS), "url": draw(st.none() | TEXTS)} for s in sources
    }
    data["voices"] = {v: {"name": draw(CLAIM_TEXTS)} for v in voices}
    for claim in data["claims"].values():
        claim["text"] = draw(CLAIM_TEXTS | st.dictionaries(LANGS, CLAIM_TEXTS, min_size=1))
        claim["aliases"] = draw(st.lists(CLAIM_TEXTS, max_size=2))
        claim["tags"] = draw(st.lists(IDS, max_size=3))
        if draw(st.booleans()):
            claim["note"] = draw(TEXTS)
        if voices:
            claim["by"] = draw(st.none() | st.sampled_from(voices))
        quoted = draw(st.booleans())
        if sources and quoted:
            claim["quote"] = {"source": draw(st.sampled_from(sources)), "text": draw(CLAIM_TEXTS)}
    for inference in data.get("inferences", {}).values():
        inference["scheme"] = draw(st.none() | TEXTS)
        inference["weight"] = draw(st.none() | st.sampled_from([0, 0.0, 0.5, 1]))
        inference["label"] = draw(st.none() | TEXTS)
        inference["note"] = draw(st.none() | TEXTS)
    for attack in data.get("attacks", []):
        attack["note"] = draw(st.none() | TEXTS)
    for issue in data.get("issues", {}).values():
        issue["positions"] = draw(st.lists(st.sampled_from(claim_ids), min_size=2, max_size=3))
        issue["text"] = draw(st.none() | TEXTS)
    if draw(st.booleans()):
        data["main"] = draw(st.lists(st.sampled_from(claim_ids), max_size=2))
    return ArgumentMap.model_validate(_without_none(data))


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def _round_trip(m: ArgumentMap) -> ArgumentMap:
    text = argdown.write(m)
    again, diags = read_text(text, "m.argdown", "argdown")
    assert again is not None, (diags, text)
    assert diags == [], diags
    return again


EXAMPLES = [
    {
        "claims": {"a": {"text": "a // b", "note": "x <!-- y --> /* z */"}, "b": {"text": "B"}},
        "inferences": {"i": {"premises": ["a"], "conclusion": "b", "weight": 0, "label": "l // m"}},
        "attacks": [{"from": "b", "to": "a", "note": "why"}, {"from": "a", "to": "i"}],
    },
    {"title": "Line one\n===\nline three", "claims": {"a": {"text": "A\n\nB"}}},
    {"claims": {"a": {"text": "x } y", "aliases": ["x  y", "x } y z"]}}},
    # A tag equal to the claim's text was dropped as if it were an alias.
    {"claims": {"j": {"text": "a", "tags": ["a"], "note": " // "}}},
]


@pytest.mark.parametrize("data", EXAMPLES, ids=["notes", "title", "braces", "tag-like-text"])
def test_each_text_survives(data: dict[str, Any]) -> None:
    m = ArgumentMap.model_validate(data)
    assert dump(_round_trip(m)) == dump(m)


def test_attacks_with_notes_stay_relations() -> None:
    """A note on one attack used to move every attack into the front matter, where Argdown
    sees no relation."""
    m = ArgumentMap.model_validate(EXAMPLES[0])
    text = argdown.write(m)
    assert "[b]\n  -> [a]" in text and "[a]\n  _> <i>" in text
    assert dump(_round_trip(m)) == dump(m)


def test_issues_are_contradictions() -> None:
    m = ArgumentMap.model_validate(
        {"claims": {c: {"text": c} for c in "abc"}, "issues": {"q": {"positions": ["a", "b"]}}}
    )
    assert "[a]\n  >< [b]" in argdown.write(m)
    assert dump(_round_trip(m)) == dump(m)


def test_weight_zero_keeps_its_verdict() -> None:
    m = ArgumentMap.model_validate(EXAMPLES[0])
    again = _round_trip(m)
    assert again.inferences["i"].weight == 0
    assert argmap.evaluate(again).labels == argmap.evaluate(m).labels


def test_carries_everything_it_declares() -> None:
    assert frozenset(KINDS) == by_name("argdown").carries


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(full_maps())
@example(ArgumentMap.model_validate(EXAMPLES[1]))
@example(ArgumentMap.model_validate(EXAMPLES[3]))
def test_random_maps_survive_argdown(m: ArgumentMap) -> None:
    again = _round_trip(m)
    lost = dict(argmap.losses(m, "argdown"))
    held, back = inventory(m), inventory(again)
    for kind in KINDS:
        assert kind in lost or held[kind] == back[kind], kind
    assert dump(again) == dump(m)
    assert argmap.evaluate(again).labels == argmap.evaluate(m).labels


def test_round_trip_count_runs_small() -> None:
    """The counting script runs (tests/benchmarks/argdown_roundtrips.py), and finds nothing."""
    from tests.benchmarks import argdown_roundtrips

    tally = argdown_roundtrips.main(["--maps", "5"])
    assert tally == {"tried": 5}
