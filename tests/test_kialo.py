"""Kialo text exports, both versions: our own fixtures (Kialo's terms forbid copying theirs)."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.read import read_path, read_text
from tests.benchmarks import bench_kialo

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
