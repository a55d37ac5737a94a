"""Checks whose work used to grow with the square of the map: their answers, kept."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap
from argmap.checks import _same_texts, duplicate_texts, supports_and_attacks
from argmap.graph import build
from argmap.passages import BLOCK, align, closest_passage


def test_am303_names_every_inference_joining_attacker_and_target() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": {c: {"text": c.upper()} for c in "abcxyz"},
            "inferences": {
                "i": {"premises": ["a", "x"], "conclusion": "b"},
                "j": {"premises": ["a"], "conclusion": "b"},
                "k": {"premises": ["a"], "conclusion": "c"},
            },
            "attacks": [{"from": "a", "to": c} for c in "yzb"],
        }
    )
    got = [(d.code, d.pointer, d.message) for d in argmap.check(m) if d.code == "AM303"]
    assert got == [
        ("AM303", ("attacks", 2), "claim `a` supports `b` (through `i`) and attacks `b`"),
        ("AM303", ("attacks", 2), "claim `a` supports `b` (through `j`) and attacks `b`"),
    ]


def test_am303_follows_the_attacks_order_then_the_inferences() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": {c: {"text": c.upper()} for c in "abc"},
            "inferences": {
                "i": {"premises": ["a"], "conclusion": "b"},
                "j": {"premises": ["a", "a"], "conclusion": "c"},
                "k": {"premises": ["a"], "conclusion": "c"},
            },
            "attacks": [{"from": "a", "to": "c"}, {"from": "a", "to": "b"}],
        }
    )
    got = [(d.pointer, d.message) for d in supports_and_attacks(m, build(m))]
    assert got == [
        (("attacks", 0), "claim `a` supports `c` (through `j`) and attacks `c`"),
        (("attacks", 0), "claim `a` supports `c` (through `k`) and attacks `c`"),
        (("attacks", 1), "claim `a` supports `b` (through `i`) and attacks `b`"),
    ]


SAME_TEXTS = {
    "claims": {
        "a": {"text": {"en": "One", "pt": "Um"}},
        "b": {"text": "Two"},
        "c": {"text": "  one"},
        "d": {"text": {"en": "TWO", "pt": "um"}},
    }
}


def test_am304_tells_texts_apart_by_their_hashes_and_checks_them() -> None:
    m = argmap.ArgumentMap.model_validate(SAME_TEXTS)
    got = [(d.pointer, d.message) for d in duplicate_texts(m, build(m))]
    assert got == [
        (("claims", "c", "text"), "claims `a` and `c` have the same text"),
        (("claims", "d", "text"), "claims `b` and `d` have the same text"),
    ]
    # Every text given one hash: different texts collide, and the texts decide.
    assert _same_texts(m, lambda key: 0) is None
    exact = _same_texts(m, lambda key: key)
    assert exact is not None and [(d.pointer, d.message) for d in exact] == got


def test_align_counts_difflibs_matches_for_a_quote_of_one_block() -> None:
    quote, text = "the quick brown fox jumps", "the quick brown dog jumps over the lazy dog"
    assert len(quote) <= BLOCK
    matches = difflib.SequenceMatcher(None, quote, text, autojunk=False).get_matching_blocks()
    assert align(quote, text) == (sum(m.size for m in matches), len("the quick brown dog jumps"))


def test_a_long_near_miss_is_found_in_a_long_repetitive_source() -> None:
    words = ["the", "model", "of", "a", "company", "is", "media", "and", "art", "film"]
    source = " ".join(words[(i * 7 + i // 13) % len(words)] for i in range(4_000))
    start = source.index(" ", 9_000) + 1
    passage = source[start : start + 2_000].split(" ")
    quote = " ".join("cinema" if i % 10 == 5 else w for i, w in enumerate(passage))
    assert quote not in source
    ratio, found = closest_passage(quote, source)
    assert ratio > 0.85
    assert found.split(" ")[:4] == passage[:4]
    assert abs(len(found) - 2_000) < 100  # it ends about where the passage meant ends


def test_a_quote_sharing_no_word_finds_nothing() -> None:
    assert closest_passage("zebra crossing", "a dog sat on a mat") == (0.0, "")


def am206_hint(write_map: Callable[..., Path], quote: str, source: str) -> str:
    """The hint of AM206 for a claim quoting `quote` from a source whose text is `source`."""
    path = write_map(
        f"""
        sources:
          s: {{title: S, path: s.txt}}
        claims:
          a:
            text: A
            quote: {{source: s, text: "{quote}"}}
          b: {{text: B}}
        inferences:
          i: {{premises: [a], conclusion: b}}
        """
    )
    (path.parent / "s.txt").write_text(source, encoding="utf-8")
    (d,) = [d for d in argmap.check_path(path) if d.code == "AM206"]
    return d.hint


def test_am206_hint_quotes_the_closest_passage(write_map: Callable[..., Path]) -> None:
    text = "Runway is not an AI company. Runway is a media and entertainment company. The end."
    hint = am206_hint(write_map, "Runway is a media and entertainment firm.", text)
    assert hint == (
        'the closest passage (89% alike) reads: "Runway is a media and entertainment '
        '**company.**" (** marks what differs)'
    )


def test_am206_shows_the_passage_as_written_in_whole_words(
    write_map: Callable[..., Path],
) -> None:
    """Regression (#12): the passage was lowercased, re-spaced and cut mid-word."""
    text = "Disse ontem:\n“O fim das  empresas de\nInteligência Artificial chegou”, e saiu."
    hint = am206_hint(write_map, "o fim das empresas de IA chegou", text)
    passage = hint.split('reads: "')[1].split('" (')[0]
    assert passage == "“O fim das empresas de **Inteligência Artificial** chegou”,"


#: Two arguments, a -> b and c -> d, an unused claim `e`, and an issue at the end.
TWO_ARGUMENTS = """\
claims:
  a: {text: A}
  b: {text: B}
  c: {text: C}
  d: {text: D}
  e: {text: E}
inferences:
  i: {premises: [a], conclusion: b}
  j: {premises: [c], conclusion: d}
issues:
  which: {positions: [%s]}
"""

FALLS_APART = (
    "AM302",
    2,
    3,
    "the map falls apart: `a` and 2 other element(s) are not linked to the largest piece "
    "(2 pieces in all)",
)


@pytest.mark.parametrize(
    ("positions", "expected"),
    [
        # Issue #12: arguments joined by an issue are one map, and a claim that is only a
        # position of an issue is used.
        ("b, d, e", []),
        ("b, d", [("AM301", 6, 3, "claim `e` is used nowhere")]),
        ("d, e", [FALLS_APART]),
    ],
)
def test_issue_positions_are_links(
    write_map: Callable[..., Path], positions: str, expected: list[tuple[object, ...]]
) -> None:
    path = write_map(TWO_ARGUMENTS % positions)
    got = [(d.code, d.line, d.column, d.message) for d in argmap.check_path(path)]
    assert got == expected
