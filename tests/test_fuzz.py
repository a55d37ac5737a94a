"""Every reader answers any input with a map or diagnostics, never an exception.

Hypothesis drives random bytes and random mutations of real files of each format; the
coverage-guided harness in ``tests/fuzz/harness.py`` runs the same property for longer.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats import by_name
from argmap.read import read_bytes
from tests.fuzz.property import fuzz_one
from tests.fuzz.seeds import format_names, seeds

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("fmt", format_names())
@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(fmt: str, data: bytes) -> None:
    fuzz_one(fmt, data)


@st.composite
def mutations(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A seed file with a few bytes replaced, inserted or cut, and maybe truncated."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["replace", "insert", "delete"]))
        byte = draw(st.sampled_from(list(b"\x00\xff\r\n\t :-[]{}<>()#&*!|'\"\\+\xc3")))
        if action == "replace" and at < len(data):
            data[at] = byte
        elif action == "insert":
            data.insert(at, byte)
        elif at < len(data):
            del data[at]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


@pytest.mark.parametrize("fmt", format_names())
def test_mutated_real_files(fmt: str) -> None:
    found = [seed[:20_000] for seed in seeds(by_name(fmt))]
    if not found:
        pytest.skip(f"no seed files of format {fmt} here, and argmap cannot write it")

    @FUZZ
    @given(mutations(found))
    def run(data: bytes) -> None:
        fuzz_one(fmt, data)

    run()


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbfclaims: {a: {text: A}}",
        b"claims:\r\n  a: {text: A}\r\n",
        b"\x00" * 10,
        b'claims: {a: {text: "\\ud800"}}',
    ],
)
def test_awkward_encodings(data: bytes) -> None:
    argmap, diags = read_bytes(data, "odd.yaml")
    assert argmap is not None or diags


#: Inputs the fuzzers found crashing a reader, kept so that the fixes stay fixed.
CRASHES = [
    ("carneades", b"meta: \n    title/ Toulmin\nstatements: {s1: {text: A}}\n"),
    ("carneades", b"statements: {s1: A}\nassumptions: 7\n"),
    ("carneades", b"statements: {s1: A}\nissues: [i1]\n"),
]


@pytest.mark.parametrize(("fmt", "data"), CRASHES)
def test_crashes_found_by_fuzzing_stay_fixed(fmt: str, data: bytes) -> None:
    fuzz_one(fmt, data)
