"""Every writer keeps what it says it carries (#10, #11): for random maps with every kind of
data, write -> read gives back each kind the format carries, the same evaluation when it
carries everything the evaluation reads, and a loss reported (AM643) for the rest. Every
output is well-formed in its own format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.formats import FORMATS, Format
from argmap.model import ArgumentMap
from argmap.read import read_text

IDS = st.from_regex(r"[a-z][a-z0-9-]{0,6}", fullmatch=True)
#: Texts with what trips writers up: comment and markup signs, quotes, YAML specials.
TEXTS = st.one_of(
    st.text(
        alphabet="abcdefgh XYZ019.,;:!?'-()[]<>#@{}*_/\\\"%&|=~^`$\u00e9\u00e3\u2028",
        min_size=1,
        max_size=30,
    ),
    st.sampled_from(["a // b", "<!-- x -->", "/* y */", "-->", "yes", "_0", "1_000", "===", "#t"]),
).map(lambda t: " ".join(t.split()) or "x")
#: Kinds the evaluation reads: when a format carries all of them, labels must survive.
EVALUATION_KINDS = frozenset(
    {"claims", "inferences", "attacks", "undercuts", "statuses", "weights", "issues"}
)


@st.composite
def rich_maps(draw: st.DrawFn) -> ArgumentMap:
    """A valid map that may hold every kind of data of :data:`argmap.formats.base.KINDS`."""
    ids = draw(st.lists(IDS, min_size=3, max_size=9, unique=True))
    split = draw(st.integers(2, len(ids) - 1))
    claim_ids, inference_ids = ids[:split], ids[split:]
    voices = {"v1": {"name": draw(TEXTS)}} if draw(st.booleans()) else {}
    sources = {"s1": {"title": draw(TEXTS)}} if draw(st.booleans()) else {}
    claims: dict[str, Any] = {}
    for ident in claim_ids:
        text: Any = draw(TEXTS)
        if draw(st.booleans()):
            text = {"en": text, "pt": draw(TEXTS)}
        claim: dict[str, Any] = {"text": text}
        optional: dict[str, st.SearchStrategy[Any]] = {
            "note": TEXTS,
            "tags": st.lists(IDS, min_size=1, max_size=2, unique=True),
            "status": st.sampled_from(["accepted", "rejected", "open"]),
            "implicit": st.just(True),
            "aliases": st.lists(TEXTS, min_size=1, max_size=1),
        }
        for key, value in optional.items():
            if draw(st.booleans()):
                claim[key] = draw(value)
        if draw(st.booleans()) and voices:
            claim["by"] = "v1"
        if draw(st.booleans()) and sources:
            claim["quote"] = {"source": "s1", "text": draw(TEXTS)}
        claims[ident] = claim
    inferences: dict[str, Any] = {}
    for ident in inference_ids:
        premises = draw(st.lists(st.sampled_from(claim_ids), min_size=1, max_size=2, unique=True))
        others = [c for c in claim_ids if c not in premises]
        if not others:
            continue
        conclusion = draw(st.sampled_from(others))
        inference: dict[str, Any] = {"premises": premises, "conclusion": conclusion}
        for key, strategy in {
            "scheme": st.sampled_from(["analogy", "expert-opinion"]),
            "weight": st.sampled_from([0.0, 0.5, 1.0]),
            "label": TEXTS,
            "note": TEXTS,
        }.items():
            if draw(st.booleans()):
                inference[key] = draw(strategy)
        inferences[ident] = inference
    targets = claim_ids + list(inferences)
    attacks = []
    for _ in range(draw(st.integers(0, 3))):
        attack: dict[str, Any] = {
            "from": draw(st.sampled_from(claim_ids)),
            "to": draw(st.sampled_from(targets)),
        }
        if attack["from"] == attack["to"]:
            continue
        if draw(st.booleans()):
            attack["note"] = draw(TEXTS)
        attacks.append(attack)
    data: dict[str, Any] = {
        "claims": claims,
        "inferences": inferences,
        "attacks": attacks,
        "voices": voices,
        "sources": sources,
    }
    if draw(st.booleans()):
        data["title"] = draw(TEXTS)
    if draw(st.booleans()):
        data["issues"] = {"issue-1": {"positions": claim_ids[:2]}}
    if draw(st.booleans()):
        data["main"] = [claim_ids[0]]
    return ArgumentMap.model_validate(data)


def kind_data(m: ArgumentMap) -> dict[str, Any]:
    """Each kind of data of a map, as comparable plain data."""
    claims = m.claims.values()
    return {
        "title": m.title,
        "claims": {i: m.text_of(i) for i in m.claims},
        "translations": {i: c.text for i, c in m.claims.items() if isinstance(c.text, dict)},
        "claim notes": {i: c.note for i, c in m.claims.items() if c.note},
        "tags": {i: c.tags for i, c in m.claims.items() if c.tags},
        "statuses": {i: c.status for i, c in m.claims.items() if c.status},
        "implicit premises": sorted(i for i, c in m.claims.items() if c.implicit),
        "claim voices": {i: c.by for i, c in m.claims.items() if c.by},
        "quotes": {i: c.quote.text for i, c in m.claims.items() if c.quote},
        "aliases": sorted(a for c in claims for a in c.aliases),
        "inferences": {i: (sorted(f.premises), f.conclusion) for i, f in m.inferences.items()},
        "schemes": {i: f.scheme for i, f in m.inferences.items() if f.scheme},
        "weights": {i: f.weight for i, f in m.inferences.items() if f.weight is not None},
        "inference labels": {i: f.label for i, f in m.inferences.items() if f.label},
        "inference notes": {i: f.note for i, f in m.inferences.items() if f.note},
        "attacks": sorted((a.from_, a.to) for a in m.attacks if a.to in m.claims),
        "undercuts": sorted((a.from_, a.to) for a in m.attacks if a.to in m.inferences),
        "attack notes": sorted(a.note for a in m.attacks if a.note),
        "issues": {i: sorted(q.positions) for i, q in m.issues.items()},
        "main conclusions": m.main,
        "voices": sorted(m.voices),
        "sources": sorted(m.sources),
    }


WRITERS = [f for f in FORMATS if f.write is not None and f.read is not None]
PARSES: dict[str, Callable[[str], object]] = {
    "yaml": yaml.safe_load,
    "json": json.loads,
    "aif": json.loads,
    "argdown": lambda text: read_text(text, "m.argdown", "argdown"),
    "graphml": ET.fromstring,
}


@pytest.mark.parametrize("form", WRITERS, ids=lambda f: f.name)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=rich_maps())
def test_a_round_trip_keeps_what_the_format_carries(form: Format, m: ArgumentMap) -> None:
    assert form.write is not None
    text = form.write(m)
    PARSES[form.name](text)
    again, diags = read_text(text, f"again{form.suffixes[0]}", form.name)
    assert again is not None, (text, diags)
    before, after = kind_data(m), kind_data(again)
    lost = {kind for kind, _ in argmap.losses(m, form.name)}
    for kind, value in before.items():
        if kind in form.carries and kind in after:
            assert after[kind] == value, (kind, text)
        elif value and kind not in form.carries:
            assert kind in lost or kind in ("claims", "voices", "sources"), kind
    if form.carries >= EVALUATION_KINDS:
        assert argmap.evaluate(again).labels == argmap.evaluate(m).labels, text


@pytest.mark.parametrize("form", [f for f in FORMATS if f.write is not None], ids=lambda f: f.name)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(m=rich_maps())
def test_every_output_is_well_formed(form: Format, m: ArgumentMap) -> None:
    assert form.write is not None
    PARSES[form.name](form.write(m))
