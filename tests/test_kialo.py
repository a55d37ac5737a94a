"""Kialo text exports, both versions: our own fixtures (Kialo's terms forbid copying theirs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.formats import kialo
from argmap.limits import Limits
from argmap.read import read_path, read_text
from tests.benchmarks import bench_kialo
from tests.complexity import BOUND, growth

FIXTURES = Path(__file__).parent / "fixtures"


def _codes(text: str) -> list[tuple[str, int, int]]:
    _, diags = read_text(text, "x.kialo")
    return [(d.code, d.line, d.column) for d in diags]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Hello\n1. A\n", ("AM631", 1, 1), id="am631_not_kialo"),
        pytest.param(
            "Discussion Title: T\n1. A\n1.1. Pro: -> See 1.9.\n",
            ("AM632", 3, 11),
            id="am632_link_to_nothing",
        ),
        pytest.param(
            "Discussion Name: T\n1. Thesis:\n A\nSources:\n1. x\n",
            ("AM633", 4, 1),
            id="am633_sources_block",
        ),
        pytest.param(
            "Discussion Title: T\n1. A\n1.2.1. Con: B\n",
            ("AM634", 3, 13),
            id="am634_claim_without_parent",
        ),
    ],
)
def test_each_code_with_the_smallest_input(text: str, expected: tuple[str, int, int]) -> None:
    """Each diagnostic of this format: its code, line and column."""
    assert _codes(text) == [expected]


def test_v1_pro_con_and_links() -> None:
    m, diags = read_path(FIXTURES / "kialo-v1.txt")
    assert m is not None and diags == []
    assert m.title == "Should the town build a bike lane on Main Street?"
    assert m.inferences["1.1-pro"].premises == ["1.1"]
    assert m.inferences["1.1-pro"].conclusion == "1"
    assert ("1.2", "1") in [(a.from_, a.to) for a in m.attacks]
    assert "1.3.1" not in m.claims  # a link reuses the claim it points to
    assert m.inferences["1.3.1-pro"].premises == ["1.1"]


def test_links_that_make_a_cycle_are_reported_by_check() -> None:
    m, _ = read_path(FIXTURES / "kialo-v1.txt")
    assert m is not None
    cycle = [d for d in argmap.check(m) if d.code == "AM201"]
    assert cycle and cycle[0].file.endswith("kialo-v1.txt") and cycle[0].line > 1


def test_v2_crlf_multiline_texts_and_sources_block() -> None:
    raw = (FIXTURES / "kialo-v2.txt").read_bytes()
    assert b"\r\n" in raw
    m, diags = read_path(FIXTURES / "kialo-v2.txt")
    assert m is not None
    assert [(d.code, d.line) for d in diags] == [("AM633", 16)]
    assert m.text_of("1.2") == "The lane removes forty parking spaces that shoppers use [2]."
    assert m.inferences["1.2.1-pro"].premises == ["1.1.1"]
    assert len(m.claims) == 4


def test_deep_tree_of_twenty_levels() -> None:
    m, diags = read_path(FIXTURES / "kialo-deep.txt")
    assert m is not None and diags == []
    deepest = ".".join(["1"] * 20)
    assert len(m.claims) == 20 and m.text_of(deepest) == "Level 20 of a deep debate."
    assert argmap.check(m) == []


def test_generated_debate_of_a_thousand_claims() -> None:
    text = bench_kialo.debate(1000)
    m, diags = read_text(text, "big.kialo")
    assert m is not None and diags == []
    links = text.count("-> See")
    assert links > 10 and len(m.claims) == 1000 - links
    assert len(m.inferences) + len(m.attacks) == 999


def test_benchmark_runs_at_a_tiny_size() -> None:
    figures = bench_kialo.measure(20)
    assert figures["kialo read+check"] > 0 and figures["yaml read+check (baseline)"] > 0


def test_digits_of_other_scripts_are_reported() -> None:
    """`١.١.` (Arabic-Indic digits) once made an id that is not one: now a warning."""
    text = "Discussion Title: T\n1. A\n١.١. Pro: B\n  more of B\n"
    m, diags = read_text(text, "x.kialo")
    assert [(d.code, d.line, d.column) for d in diags] == [("AM634", 3, 1)]
    assert m is not None and list(m.claims) == ["1"] and m.text_of("1") == "A"


def _chain(last: str) -> str:
    """A debate 97 claims deep (numbers 1, 1.1, 1.1.1...), and a last claim numbered `last`."""
    numbers = ["1" + ".1" * depth for depth in range(97)]
    lines = [f"{n}. {'Pro: ' if n != '1' else ''}Claim {n}" for n in numbers]
    return "Discussion Title: Deep\n" + "\n".join(lines) + f"\n{last}. Pro: The last\n"


def test_a_number_as_long_as_an_id_allows() -> None:
    last = "1" + ".1" * 96 + ".10"  # 196 characters: its inference `...-pro` has 200
    m, diags = read_text(_chain(last), "x.kialo")
    assert diags == [] and m is not None and f"{last}-pro" in m.inferences


def test_a_number_longer_than_an_id_allows_is_reported() -> None:
    """A number of 197 characters once gave a ValidationError traceback."""
    last = "1" + ".1" * 96 + ".100"
    m, diags = read_text(_chain(last), "x.kialo")
    assert [(d.code, d.line, d.column) for d in diags] == [("AM634", 99, 1)]
    assert m is not None and len(m.claims) == 97


def test_title_is_stripped() -> None:
    m, diags = read_text("Discussion Title: \t Tea?  \t\n1. A\n", "x.kialo")
    assert diags == [] and m is not None and m.title == "Tea?"


@pytest.mark.parametrize("limit", [4, 1000], ids=["counted", "bounded"])
def test_am008_before_any_claim_is_built(limit: int) -> None:
    """Over the limit: refused after counting numbered lines. Under a quick upper bound
    (`Pro:`, `Con:` and `Thesis:` anywhere), not counted at all."""
    text = "Discussion Title: T\n1. A\n1.1. Pro: B\n1.2. Con: C\n1.3. Pro: -> See 1.2.\n"
    _, diags = read_text(text, "x.kialo", limits=Limits(max_elements=limit))
    expected = [("AM008", 1, 1)] if limit == 4 else []
    assert [(d.code, d.line, d.column) for d in diags] == expected
    if diags:
        assert "has 6 claims, inferences and attacks" in diags[0].message


def test_am108_a_claim_longer_than_the_limit() -> None:
    text = "Discussion Name: T\n1. Thesis:\n A\n  1.1. Pro:\n   " + "word " * 5 + "\n"
    _, diags = read_text(text, "x.kialo", limits=Limits(max_text=20))
    assert [(d.code, d.line, d.column) for d in diags] == [("AM108", 4, 12)]


@settings(max_examples=300, deadline=None)
@given(st.text("ab\r\n ", max_size=40), st.integers(1, 8))
def test_lines_are_those_of_split(text: str, chunk: int) -> None:
    """Lines split a chunk at a time are the lines of the whole text split at once."""
    whole = text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if text else []
    assert list(kialo._lines(text, chunk)) == whole


def _adversarial(n: int) -> str:
    """One Kialo export with every line a backtracking regex once choked on, each of size n:
    a title of spaces between words (6.5 s for n = 40,000), spaces inside headers and links,
    a link to a number of n levels, numbers in other digits, blank lines, and a Sources
    block."""
    spaces = " " * n
    lines = [
        f"Discussion Title: x{spaces}y",
        "1. A",
        f"1.1.{spaces}Pro:{spaces}B",
        f"1.2. Con: ->{spaces}See{spaces}1{spaces}x",
        f"1.3. Pro: -> See {'1.' * n}x",
        f"{'1.' * n}x",
        f"{'١.' * n} Pro: x",
        f"{spaces}continued",
        "\n" * n,
        "\r" * n,
        "Sources:",
        "x\n" * n,
    ]
    return "\n".join(lines)


def test_reading_is_linear_on_adversarial_input() -> None:
    small, large = _adversarial(20_000), _adversarial(80_000)
    m, diags = read_text(small, "s.kialo")
    assert m is not None and [d.code for d in diags] == ["AM634", "AM633"]
    ratio = growth(lambda text: kialo.read(text, "x.kialo", Limits()), small, large)
    assert ratio <= BOUND, ratio


def test_corner_benchmark_runs_at_a_tiny_size() -> None:
    from tests.benchmarks import bench_formats

    rows, corners = bench_formats.main(["--scale", "0.01"])
    assert [(name, code) for name, code, *_ in rows] == [("kialo", "AM008"), ("aif", "AM008")]
    assert corners["kialo"] > 0 and corners["aif"] > 0
