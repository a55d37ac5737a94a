"""Property: any valid map survives map -> format -> map unchanged, for every format that
can hold it (Argdown: one-line texts; AIF: the argument layer only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats import aif, argdown, native
from argmap.model import ArgumentMap
from argmap.read import read_text

IDS = st.from_regex(r"[a-z][a-z0-9]{0,5}", fullmatch=True)
WORDS = (
    st.text(
        alphabet="abcdefgh XYZ019.,;:!?'-()[]<>#@{}*_/\"",
        min_size=1,
        max_size=30,
    )
    .map(lambda t: " ".join(t.split()))
    .filter(bool)
)


@st.composite
def maps(draw: st.DrawFn, rich: bool) -> ArgumentMap:
    """A valid map; `rich` adds what only argmap's own format and Argdown hold."""
    ids = draw(st.lists(IDS, min_size=2, max_size=10, unique=True))
    split = draw(st.integers(1, len(ids) - 1))
    claim_ids, inference_ids = ids[:split], ids[split:]
    claims: dict[str, Any] = {}
    for ident in claim_ids:
        claim: dict[str, Any] = {"text": draw(WORDS)}
        if rich:
            claim["tags"] = draw(st.lists(IDS, max_size=2, unique=True))
            claim["note"] = draw(st.none() | WORDS)
            claim["status"] = draw(st.none() | st.sampled_from(["accepted", "open"]))
        others = [c for c in claim_ids if c != ident]
        claim["equivalent"] = draw(st.lists(st.sampled_from(others), max_size=1)) if others else []
        claims[ident] = claim
    inferences = {
        ident: {
            "premises": draw(
                st.lists(st.sampled_from(claim_ids), min_size=1, max_size=3, unique=True)
            ),
            "conclusion": draw(st.sampled_from(claim_ids)),
            "scheme": draw(st.none() | st.sampled_from(["analogy", "Argument from sign"])),
        }
        for ident in inference_ids
    }
    targets = claim_ids + inference_ids
    attacks = draw(
        st.lists(
            st.fixed_dictionaries(
                {"from": st.sampled_from(claim_ids), "to": st.sampled_from(targets)}
            ),
            max_size=4,
        )
    )
    data: dict[str, Any] = {"claims": claims, "inferences": inferences, "attacks": attacks}
    if rich:
        data["title"] = draw(st.none() | WORDS)
        if len(claim_ids) > 1:
            data["issues"] = {"q": {"positions": claim_ids[:2]}} if "q" not in ids else {}
    return ArgumentMap.model_validate(data)


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Each format that can hold a map, and whether it holds tags, notes, status, title, issues.
HOLDERS = [
    pytest.param("m.yaml", native.write_yaml, True, id="yaml"),
    pytest.param("m.json", native.write_json, True, id="json"),
    pytest.param("m.argdown", argdown.write, True, id="argdown"),
    pytest.param("m.json", aif.write, False, id="aif"),
]


@pytest.mark.parametrize(("name", "write", "rich"), HOLDERS)
@SETTINGS
@given(data=st.data())
def test_map_survives_format(
    name: str, write: Callable[[ArgumentMap], str], rich: bool, data: st.DataObject
) -> None:
    m = data.draw(maps(rich))
    again, diags = read_text(write(m), name)
    assert again is not None, diags
    assert again.model_dump() == m.model_dump()
