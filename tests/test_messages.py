"""Messages a fresh-eyes review of argmap tripped on: each mistake of its maps is one
diagnostic, at the place to fix, with a hint that says what happened."""

from __future__ import annotations

import copy

import pytest

from argmap.diagnostics import Diagnostic
from argmap.model import Attack
from argmap.read import read_text
from argmap.validate import validate

#: The review's map, each mistake made in it by replacing one line.
LANE = """\
title: Should Elm Avenue get a protected bike lane?
claims:
  lane:
    text: The city should build a protected bike lane on Elm Avenue.
  crashes:
    text: Elm Avenue had 14 cyclist crashes last year.
  protect:
    text: Protected lanes cut cyclist crashes by about half.
inferences:
  safety:
    premises: [crashes, protect]
    conclusion: lane
"""


def diagnostics_of(text: str) -> list[Diagnostic]:
    return read_text(text, "m.yaml")[1]


def test_the_review_map_is_clean() -> None:
    assert diagnostics_of(LANE) == []


def test_a_field_not_indented_under_its_claim_is_one_error_at_its_key() -> None:
    text = LANE.replace("    text: Elm", "  text: Elm")
    (d,) = diagnostics_of(text)
    assert (d.code, d.line, d.column, d.pointer) == ("AM102", 6, 3, ("claims", "text"))
    assert "indented as a claim of its own" in d.message
    assert "`crashes:` has no fields" in d.hint and "indent `text:` under it" in d.hint
    assert [(r.pointer, r.line) for r in d.related] == [(("claims", "crashes"), 5)]


def test_a_field_after_a_claim_with_fields_is_told_to_go_under_it() -> None:
    text = LANE.replace("    text: Elm Avenue had", "    text: Elm Avenue had 1.\n  note: It")
    (d,) = diagnostics_of(text)
    assert (d.code, d.line, d.column) == ("AM102", 7, 3)
    assert d.hint == "indent `note:` under `crashes`, as deep as its other fields"


@pytest.mark.parametrize("part", [1, 2, 10**9])
def test_a_misplaced_field_is_told_the_same_in_a_long_section(part: int) -> None:
    data = {"claims": {"a": {"text": "A"}, "b": None, "text": "B", "c": {"text": "C"}}}
    (d,) = validate(copy.deepcopy(data), part)[1]
    assert d.pointer == ("claims", "text") and d.related[0].pointer == ("claims", "b")


def test_a_claim_indented_into_the_one_above_is_told_it_is_too_far_in() -> None:
    text = LANE.replace("  protect:\n    text: Protected", "    protect:\n      text: Protected")
    (d,) = diagnostics_of(text)  # and no "no claim `protect`": that is the same mistake
    assert (d.code, d.line, d.column) == ("AM101", 7, 5)
    assert (
        d.hint == "indented too far? `protect` looks like a claim: align `protect:` with `crashes:`"
    )


def test_a_section_indented_into_the_one_above_is_told_it_is_too_far_in() -> None:
    text = LANE.replace(
        "inferences:\n  safety:\n    premises: [crashes, protect]\n    conclusion:",
        "  inferences:\n    safety:\n      premises: [crashes, protect]\n      conclusion:",
    )
    (d,) = diagnostics_of(text)
    assert (d.line, d.column, d.pointer) == (9, 3, ("claims", "inferences"))
    assert d.hint.startswith("indented too far? `inferences` is a section of the map")


def test_a_numeric_claim_id_is_told_to_be_quoted_at_its_key() -> None:
    text = LANE.replace("  crashes:", "  1:").replace("[crashes, protect]", "[1, protect]")
    said = [(d.code, d.line, d.column, d.message, d.hint) for d in diagnostics_of(text)]
    hint = "quote it: '1' (an id may start with a digit, but a bare 1 is a number)"
    assert said == [
        ("AM105", 5, 3, "id `1` reads as a number", hint),
        ("AM102", 11, 16, "id `1` in inference `safety`'s `premises` #1 reads as a number", hint),
    ]


def test_a_numeric_id_quoted_is_an_id() -> None:
    text = LANE.replace("  crashes:", "  '1':").replace("[crashes, protect]", "['1', protect]")
    assert diagnostics_of(text) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"main": [2.5]}, "id `2.5` in `main` #1 reads as a number"),
        ({"claims": {"a": {"text": "A", "by": 7}}}, "id `7` in claim `a`'s `by` reads as a number"),
        ({"claims": {"a": {"text": "A", "tags": [{}]}}}, "claim `a`'s `tags` #1 should be a tag"),
        (
            {"inferences": {"i": {"premises": [["a"]], "conclusion": "a"}}},
            "`premises` #1 should be a claim id, not a list",
        ),
        (
            {"claims": {"a": {"text": "A"}, "true": {"text": 1}}},
            "claim `true`'s `text` should be a text",
        ),
    ],
)
def test_a_number_for_an_id_or_an_item_of_a_list_is_said_so(
    data: dict[str, object], message: str
) -> None:
    data = {"claims": {"a": {"text": "A"}}, **data}
    (d,) = validate(data)[1]
    assert message in d.message, d.message


@pytest.mark.parametrize("field", ["type", "kind"])
def test_the_hint_for_an_attack_type_names_every_field_an_attack_has(field: str) -> None:
    data = {"claims": {"a": {"text": "A"}}, "attacks": [{"from": "a", "to": "a", field: "rebut"}]}
    (d,) = validate(data)[1]
    assert d.code == "AM101"
    for name, info in Attack.model_fields.items():
        assert f"`{info.alias or name}`" in d.hint, d.hint


def test_an_unknown_format_version_is_said_to_be_unknown() -> None:
    (d,) = diagnostics_of("argmap: 2\n" + LANE)
    assert (d.code, d.line, d.column) == ("AM102", 1, 9)
    assert d.message == "version 2 is not known: this argmap reads version 1"
    (d,) = diagnostics_of("argmap: one\n" + LANE)
    assert d.message == "`argmap` should be the format version, 1, not a text"


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ('"Safety first," the mayor said.', "`text: '\"Safety first,\" the mayor said.'`"),
        (
            "'Safety first,' the mayor said.  # a note",
            "`text: \"'Safety first,' the mayor said.\"`",
        ),
    ],
)
def test_a_text_that_starts_with_a_quote_is_told_to_be_quoted_whole(written: str, fix: str) -> None:
    text = LANE.replace("Elm Avenue had 14 cyclist crashes last year.", written)
    d = diagnostics_of(text)[0]
    assert (d.code, d.line) == ("AM004", 6)
    assert d.hint == f"a text that starts with a quote must be quoted whole: {fix}"


def test_a_claim_named_like_a_section_with_a_misspelt_field_is_told_of_the_misspelling() -> None:
    data = {"claims": {"a": {"text": "A"}, "main": {"txt": "M"}}}
    (d,) = validate(data)[1]
    assert (d.code, d.hint) == ("AM101", "did you mean `text`? (claim `main` needs `text`)")


def test_a_section_of_the_wrong_shape_is_one_error() -> None:
    text = LANE + "attacks:\n  from: protect\n  to: lane\n"
    said = [(d.code, d.line, d.pointer) for d in diagnostics_of(text)]
    assert said == [("AM102", 14, ("attacks",))]


def test_a_hashtag_after_a_plain_text_is_told_of_as_cutting_it() -> None:
    """YAML ends a plain text at ` #`: `Bikes are cheap #1 option` reads as `Bikes are
    cheap`, silently, unless argmap says so (AM009, a warning, at the `#`)."""
    text = LANE.replace("about half.", "about half #1 reason")
    m, diags = read_text(text, "m.yaml")
    assert m is not None and m.text_of("protect").endswith("by about half")
    assert [(d.code, d.severity.value, d.line, d.column) for d in diags] == [
        ("AM009", "warning", 8, 61)
    ]
    assert "stops before `#1 reason`" in diags[0].message
    assert diags[0].hint == (
        'quote the whole text to keep it: "Protected lanes cut cyclist crashes by about half #1 '
        'reason"'
    )


@pytest.mark.parametrize(
    "line",
    [
        "    text: Protected lanes cut crashes  # a note, as comments are written",
        "    text: 'Protected lanes cut crashes #1'",
        '    text: "Protected lanes cut crashes #1"',
        "    text: |\n      Protected lanes cut crashes #1",
        "    text: Protected lanes cut crashes#1",  # no space: part of the text
    ],
    ids=["a-comment", "single-quoted", "double-quoted", "block", "no-space"],
)
def test_a_comment_or_a_quoted_hash_is_no_cut_text(line: str) -> None:
    text = LANE.replace("    text: Protected lanes cut cyclist crashes by about half.", line)
    assert diagnostics_of(text) == []


def test_a_cut_text_over_lines_and_after_a_lone_carriage_return() -> None:
    """The comment is on the text's last line; YAML's line breaks include a lone CR."""
    text = LANE.replace("about half.", "about\n      half #1")
    assert [(d.code, d.line, d.column) for d in diagnostics_of(text)] == [("AM009", 9, 12)]
    assert "from its first line" in diagnostics_of(text)[0].hint
    cr = LANE.replace("about half.", "about half #1").replace("\n", "\r")
    assert [(d.code, d.line, d.column) for d in diagnostics_of(cr)] == [("AM009", 8, 61)]
