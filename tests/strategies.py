"""Hypothesis strategies shared by the format tests: maps holding every kind of data."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.model import ArgumentMap
from tests.test_formats_roundtrip import IDS

#: Any text a claim can have: all of Unicode but lone surrogates, never blank.
TEXTS = st.text(min_size=1, max_size=20).filter(lambda t: t.strip())
LANGS = st.sampled_from(["en", "pt", "de", "pt-BR"])
#: A text in one language, or in several.
MULTILINGUAL = TEXTS | st.dictionaries(LANGS, TEXTS, min_size=1, max_size=3)
#: Schemes, among them those AIF writes for an inference without one.
SCHEMES = st.none() | st.sampled_from(["analogy", "Default Inference", "RA", ""]) | TEXTS


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _claim(draw: st.DrawFn, claim_ids: list[str], sources: list[str], voices: list[str]) -> Any:
    quote = st.fixed_dictionaries({"source": st.sampled_from(sources), "text": TEXTS})
    claim = {
        "text": draw(MULTILINGUAL),
        "by": draw(_maybe(st.sampled_from(voices))) if voices else None,
        "quote": draw(_maybe(quote)) if sources else None,
        "tags": draw(st.lists(IDS, max_size=2, unique=True)),
        "note": draw(_maybe(TEXTS)),
        "aliases": draw(st.lists(TEXTS, max_size=2)),
        "equivalent": draw(st.lists(st.sampled_from(claim_ids), max_size=2)),
        "status": draw(_maybe(st.sampled_from(["accepted", "rejected", "open"]))),
    }
    return {k: v for k, v in claim.items() if v not in (None, [])}


@st.composite
def every_kind(draw: st.DrawFn) -> ArgumentMap:
    """A valid map (its references resolve) that may hold every kind of data
    (:data:`argmap.formats.base.KINDS`)."""
    ids = draw(st.lists(IDS, min_size=3, max_size=14, unique=True))
    cuts = sorted(draw(st.lists(st.integers(2, len(ids)), min_size=2, max_size=2)))
    claim_ids, inference_ids, issue_ids = ids[: cuts[0]], ids[cuts[0] : cuts[1]], ids[cuts[1] :]
    source = st.fixed_dictionaries({"title": TEXTS}, optional={"author": TEXTS, "url": TEXTS})
    sources = draw(st.dictionaries(IDS, source, max_size=2))
    voice = st.fixed_dictionaries({"name": MULTILINGUAL}, optional={"role": TEXTS})
    voices = draw(st.dictionaries(IDS, voice, max_size=3))
    claims = {c: _claim(draw, claim_ids, list(sources), list(voices)) for c in claim_ids}
    inference = st.fixed_dictionaries(
        {
            "premises": st.lists(st.sampled_from(claim_ids), min_size=1, max_size=3),
            "conclusion": st.sampled_from(claim_ids),
        },
        optional={
            "scheme": SCHEMES,
            "weight": st.floats(0, 1),
            "label": TEXTS,
            "note": TEXTS,
        },
    )
    attack = st.fixed_dictionaries(
        {"from": st.sampled_from(claim_ids), "to": st.sampled_from(claim_ids + inference_ids)},
        optional={"note": TEXTS},
    )
    issue = st.fixed_dictionaries(
        {"positions": st.lists(st.sampled_from(claim_ids), min_size=2, max_size=3)},
        optional={"text": MULTILINGUAL},
    )
    data = {
        "title": draw(_maybe(MULTILINGUAL)),
        "description": draw(_maybe(MULTILINGUAL)),
        "lang": draw(LANGS),
        "languages": draw(st.lists(LANGS, max_size=2, unique=True)),
        "sources": sources,
        "voices": voices,
        "claims": claims,
        "inferences": {i: draw(inference) for i in inference_ids},
        "attacks": draw(st.lists(attack, max_size=4)),
        "issues": {i: draw(issue) for i in issue_ids},
        "main": draw(_maybe(st.lists(st.sampled_from(claim_ids), max_size=2))),
    }
    return ArgumentMap.model_validate({k: v for k, v in data.items() if v is not None})
