"""Property tests: valid maps check clean, and no input whatever gives a traceback."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.diagnostics import CODES
from argmap.formats.native import write_yaml as write
from argmap.model import ArgumentMap, dump
from argmap.read import read_bytes, read_text

ids = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8).filter(
    lambda s: s[0].isalpha()
)


@st.composite
def valid_maps(draw: st.DrawFn) -> ArgumentMap:
    """A tree of linked inferences: each claim after the first supports an earlier one."""
    names = draw(st.lists(ids, min_size=2, max_size=12, unique=True))
    claims = {n: {"text": f"Claim {n} {i}"} for i, n in enumerate(names)}
    inferences: dict[str, dict[str, object]] = {}
    for i, name in enumerate(names[1:], start=1):
        target = names[draw(st.integers(0, i - 1))]
        key = f"inf-{target}"
        entry = inferences.setdefault(key, {"premises": [], "conclusion": target})
        entry["premises"].append(name)  # type: ignore[attr-defined]
    return ArgumentMap.model_validate({"claims": claims, "inferences": inferences})


@settings(max_examples=150, deadline=None)
@given(valid_maps())
def test_valid_maps_load_and_check_clean(m: ArgumentMap) -> None:
    assert [d for d in argmap.check(m) if d.severity is argmap.Severity.ERROR] == []
    text = write(m)
    again, diags = read_text(text, "map.yaml")
    assert diags == [] and again is not None
    assert dump(again) == dump(m)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_give_only_diagnostics(raw: bytes) -> None:
    m, diags = read_bytes(raw, "fuzz.yaml")
    assert m is not None or diags
    assert all(d.code in CODES and d.message for d in diags)


yaml_text = st.text(
    st.sampled_from(list("claims:inferences premises conclusion text -[]{},&*!|>'\"#\n  ab12")),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(yaml_text)
def test_random_yaml_gives_only_diagnostics(text: str) -> None:
    m, diags = read_text(text, "fuzz.yaml")
    assert m is not None or diags
    for d in diags:
        assert d.code in CODES and d.line >= 1 and d.column >= 1
    if m is not None and not diags:
        assert all(x.code in CODES for x in argmap.check(m))
