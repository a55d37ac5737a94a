"""One YAML 1.2 resolver: the fast reader, the located parser and the writer agree on every
plain scalar of the core schema, and on the scalars other readers resolve differently."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.formats.native import read_yaml, write_yaml
from argmap.limits import Limits
from argmap.located_yaml import parse_located
from argmap.model import ArgumentMap, Origin
from argmap.yaml12 import fast_reader_may_differ, needs_quotes, resolve

# The grammar of YAML 1.2.2's core schema (10.3.2), and its near misses.
digits = st.text("0123456789", min_size=1, max_size=4)
sign = st.sampled_from(["", "-", "+"])
core_ints = st.one_of(
    st.builds(lambda s, d: s + d, sign, digits),
    st.builds(lambda d: "0o" + d, st.text("01234567", min_size=1, max_size=4)),
    st.builds(lambda d: "0x" + d, st.text("0123456789abcdefABCDEF", min_size=1, max_size=4)),
)
core_floats = st.one_of(
    st.builds(
        lambda s, a, b, e: f"{s}{a}.{b}{e}",
        sign,
        st.text("0123456789", max_size=3),
        digits,
        st.sampled_from(["", "e5", "E-3", "e+12"]),
    ),
    st.builds(lambda s, d, e: f"{s}{d}{e}", sign, digits, st.sampled_from(["e5", "E-3", "."])),
    st.sampled_from([".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN"]),
)
core_others = st.sampled_from(["null", "Null", "NULL", "~", "true", "True", "FALSE", "false"])
# Scalars the core schema reads as strings, though some reader takes them for something else.
near_misses = st.one_of(
    st.sampled_from(["_0", "__1__", "1_000", "0b11", "0x_1", "0o1_7", "2024_01", "1e5_", "0B1"]),
    st.sampled_from(["0X1F", "0O7", "-0b1", "+_1", "yes", "no", "on", "off", "1:20", "TRUE1"]),
    st.sampled_from(["tRue", ".Inf", "NaN", "nul", "0o8", "0xg", "1e", "1.2.3", "2024-01-01"]),
    st.text("0123456789_.+-eEoOxXbBaAfF", min_size=1, max_size=6),
)
plain_scalars = st.one_of(core_ints, core_floats, core_others, near_misses)


def same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def parse_both(text: str) -> tuple[Any, Any]:
    fast = read_yaml(text, "m.yaml", Limits())
    located, _, _ = parse_located(Origin("m.yaml", text), 10_000)
    return fast.data, located


@settings(max_examples=400, deadline=None)
@given(plain_scalars)
@example("_0")
@example("2024_01")
@example("1_000")
@example("0b11")
@example("0x_1")
@example("0o1_7")
@example("1e5_")
def test_fast_and_located_parsers_agree_on_every_plain_scalar(scalar: str) -> None:
    text = f"claims:\n  {scalar}: {{text: {scalar}}}\n"
    try:
        fast, located = parse_both(text)
    except Exception as err:  # pragma: no cover - a parser crash is the failure itself
        pytest.fail(f"{scalar!r}: {err!r}")
    if located is None:
        return  # not a well-formed YAML document: both report a syntax error
    assert fast is not None
    ((key, entry),) = fast["claims"].items()
    ((key2, entry2),) = located["claims"].items()
    assert same(key, key2) and same(entry["text"], entry2["text"]), (scalar, fast, located)
    assert same(entry["text"], resolve(scalar))


@settings(max_examples=300, deadline=None)
@given(st.one_of(plain_scalars, st.text(max_size=12)))
@example("\u2028x")
@example("a\x85b")
@example("_0")
def test_the_writer_quotes_what_would_not_read_back_as_the_same_string(text: str) -> None:
    m = ArgumentMap.model_validate(
        {"title": text, "claims": {"a": {"text": text if text.strip() else "x"}}}
    )
    again = argmap.loads(write_yaml(m))
    assert again.title == m.title and again.claims["a"].text == m.claims["a"].text


def test_needs_quotes_covers_other_readers() -> None:
    assert all(needs_quotes(s) for s in ("yes", "No", "on", "1_000", "0b1", "1:20", "~", ""))
    assert not any(needs_quotes(s) for s in ("claim", "a-b", "Yesterday", "x1"))


def test_text_underscore_zero_survives_convert(tmp_path: Path) -> None:
    """Regression (#10): `text: _0` came back unquoted and was then read as the number 0."""
    source = tmp_path / "m.yaml"
    source.write_text(
        "claims:\n  a: {text: _0}\n  b: {text: B}\ninferences:\n"
        "  i: {premises: [a], conclusion: b}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.yaml"
    assert argmap.convert(source, out) == []
    assert argmap.load(out).claims["a"].text == "_0"
    assert argmap.check_path(out) == []


def test_an_id_with_an_underscore_is_an_id() -> None:
    """Regression (#10): `2024_01:` was reported as claim #202401."""
    m = argmap.loads("claims:\n  2024_01: {text: A}\n")
    assert list(m.claims) == ["2024_01"]


def test_line_separators_round_trip_without_added_spaces() -> None:
    """Regression (#11): U+2028, U+2029 and U+0085 came back followed by six spaces."""
    for char in ("\u2028", "\u2029", "\x85"):
        m = ArgumentMap.model_validate({"claims": {"a": {"text": f"one{char}two"}}})
        assert argmap.loads(write_yaml(m)).claims["a"].text == f"one{char}two"


#: The definition fast_reader_may_differ answers for: a token at the start of a line or after
#: whitespace or a flow indicator (one search of the whole text, too slow to run on each file).
_TOKEN_ANYWHERE = re.compile(
    r"(?:^|(?<=[\s\[\]{},]))[-+]?(?:[0-9.]*(?:[eE][-+]?[0-9]*)?_|0[bBoOxX])", re.M
)


@given(st.text(alphabet=list("_0xXbBoO12e.E-+ \n\t[]{},a:\u2003\x1c"), max_size=16))
@example("[-0x1]")
@example("a: snake_case x0x")
@example("\u2003_0")
def test_fast_reader_may_differ_where_the_token_pattern_matches(text: str) -> None:
    assert fast_reader_may_differ(text) == (_TOKEN_ANYWHERE.search(text) is not None)
