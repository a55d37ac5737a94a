"""Argdown reader: what Argdown 1.7.5 accepts is read as it reads it, what it rejects is
reported, and bad data is a located diagnostic (issue #10)."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.diagnostics import CODES
from argmap.model import dump
from argmap.read import read_text

FIXTURES = Path(__file__).parent / "fixtures" / "argdown"


def _read(text: str) -> tuple[argmap.ArgumentMap | None, list[tuple[str, int, int]]]:
    m, diags = read_text(text, "x.argdown", "argdown")
    return m, [(d.code, d.line, d.column) for d in diags]


def test_argument_supporting_its_own_conclusion_is_one_argument() -> None:
    """`+ <Hunger argument>` under the claim the argument concludes is that argument's own
    inference (Argdown reads no relation), not a claim concluding its own premise (AM202)."""
    m = argmap.load(FIXTURES / "hunger.argdown")
    assert list(m.inferences) == ["hunger-argument"]
    assert m.inferences["hunger-argument"].conclusion == "free-lunch"
    assert [d.code for d in argmap.check(m)] == []


def test_block_data_and_undercut_under_an_inference_line() -> None:
    m, found = _read((FIXTURES / "data-and-undercut.argdown").read_text(encoding="utf-8"))
    assert m is not None and found == [], found
    assert (m.claims["Tax"].status, m.claims["Tax"].note) == (
        "open",
        "A block of YAML data, opened with a line break.",
    )
    assert m.inferences["Revenue"].weight == 0.5
    assert [(a.from_, a.to) for a in m.attacks] == [("Laffer", "Revenue"), ("Tax", "Spend")]


def test_indented_heading_is_a_section_not_a_claim() -> None:
    m, found = _read("[A]: a\n\n  # Section\n\n[B]: b\n")
    assert m is not None and found == []
    assert list(m.claims) == ["A", "B"] and m.claims["B"].tags == ["Section"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("===\ntitle: T\n===\n", ("AM611", 3, 1), id="front-matter-only"),
        pytest.param("// a comment\n", ("AM611", 1, 1), id="comment-only"),
        pytest.param("===\ntitle: T\n===\n[A]: a\n", ("AM611", 4, 1), id="no-empty-line"),
        pytest.param("* [A]: a\n  * [B]: b\n", ("AM611", 2, 1), id="nested-list-item"),
        pytest.param("[A]: a\n  * [B]: b\n", ("AM611", 2, 1), id="list-item-under-statement"),
        pytest.param("[A]: a\n  # H\n", ("AM611", 2, 3), id="heading-inside-block"),
        pytest.param("[A]: a {x: 1} b\n", ("AM611", 1, 8), id="text-after-data"),
        # Found by the fuzzer: an undercut of an inference line that ends the reconstruction.
        pytest.param("(1) a\n----\n  <_ [U]: u\n", ("AM611", 2, 1), id="undercut-no-conclusion"),
    ],
)
def test_what_argdown_rejects_is_reported(text: str, expected: tuple[str, int, int]) -> None:
    """Each of these is a syntax error for Argdown 1.7.5, at the same line."""
    m, found = _read(text)
    assert m is None and expected in found


def test_comments_as_argdown_reads_them() -> None:
    """`//` starts a comment even in an address; not in a title, a tag or a data block
    (Argdown 1.7.5 reads this file the same way)."""
    text = (
        "[A // a]: tag #(a // b) and data {note: 'c // d <!-- e -->'}\n  + [B]: see http://x.org\n"
    )
    m, found = _read(text)
    assert m is not None and found == []
    claim = m.claims["a-a"]
    assert (claim.text, claim.note, claim.tags) == ("tag and data", "c // d <!-- e -->", ["a-b"])
    assert m.claims["B"].text == "see http:"


def test_every_validation_error_at_its_line() -> None:
    """Two bad fields, in data blocks: two diagnostics, each at its own key."""
    text = (
        "[a]: A {status: maybe}\n\n<R>: r {\n  label: l\n  weight: 7\n}\n\n"
        "(1) [a]\n----\n(2) [b]: B\n"
    )
    m, found = _read(text)
    assert m is None
    assert found == [("AM102", 1, 17), ("AM102", 5, 11)]


@pytest.mark.parametrize(
    ("front", "line"),
    [
        pytest.param("issues: [a, b]", 2, id="issues-list"),
        pytest.param("issues: 5", 2, id="issues-number"),
        pytest.param("attacks: true", 2, id="attacks-boolean"),
        pytest.param("title: T\nattacks: [x]", 3, id="attack-not-mapping"),
        pytest.param("issues: {q: {positions: ab}}", 2, id="positions-text"),
        pytest.param("main: 3", 2, id="main-number"),
        pytest.param("title: [" * 2000 + "]" * 2000, 2, id="nested-2000-deep"),
        pytest.param("".join(" " * i + f"k{i}:\n" for i in range(2000)), 2, id="block-2000-deep"),
    ],
)
def test_bad_front_matter_is_a_diagnostic_at_its_line(front: str, line: int) -> None:
    m, found = _read(f"===\n{front}\n===\n\n[a]: A\n  - [b]: B\n  >< [c]: C\n")
    assert m is None and found
    assert all(code in CODES for code, _, _ in found)
    assert found[0][1] >= line


@pytest.mark.parametrize(
    "data",
    [
        "{x: " + "[" * 500 + "]" * 500 + "}",
        "{note: " + "[" * 500 + "]" * 500 + "}",
        "{note: " + "{a: " * 3000 + "}" * 3000 + "}",
        "{text: 0}",
        "{aliases: 3}",
        "{tags: {a: b}}",
        "{: }",
        "{[a]: b}",
        "{a: *x}",
    ],
)
def test_bad_data_is_a_diagnostic(data: str) -> None:
    m, diags = read_text(f"[a]: A {data}\n\n[a]: B #t\n", "x.argdown", "argdown")
    assert m is not None or diags
    assert all(d.code in CODES and d.line >= 1 for d in diags)


def test_front_matter_attacks_and_issues_are_the_relations() -> None:
    """An attack or issue listed in the front matter (with what a relation cannot hold) and
    written as a relation is one attack, one issue."""
    text = (
        '===\nattacks: [{from: b, to: a, note: "why"}]\nissues: {q: {positions: [a, c], '
        "text: which}}\n===\n\n[a]: A\n  <- [b]: B\n  >< [c]: C\n"
    )
    m, found = _read(text)
    assert m is not None and found == []
    assert dump(m)["attacks"] == [{"from": "b", "to": "a", "note": "why"}]
    assert list(m.issues) == ["q"]


def test_comments_before_the_front_matter() -> None:
    """Argdown 1.7.5 skips comments before a front matter."""
    m, found = _read("// a comment\n<!-- another -->\n===\ntitle: T\n===\n\n[A]: a\n")
    assert m is not None and found == [] and m.title == "T"
