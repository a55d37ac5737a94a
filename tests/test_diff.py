"""argmap diff: what it reports for each kind of change, the flips and their reasons, the
diagnostics, and the outputs (golden Markdown, escaping)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.diff import Change, FieldChange, MapDiff, compare
from argmap.diff.render import render
from argmap.diff.words import word_diff
from argmap.model import ArgumentMap

GOLDEN = Path(__file__).parent / "golden" / "diff"


def build(data: dict[str, Any]) -> ArgumentMap:
    return ArgumentMap.model_validate(data)


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    return [(c.kind, c.action, c.id, c.old_id) for c in compare(build(old), build(new)).changes]


BASE: dict[str, Any] = {
    "claims": {
        "a": {"text": "Cats purr when they are content."},
        "b": {"text": "Cats like people."},
        "c": {"text": "Dogs bark at strangers."},
        "d": {"text": "Some cats purr when they are in pain."},
    },
    "inferences": {"i": {"premises": ["a"], "conclusion": "b"}},
    "attacks": [{"from": "d", "to": "a"}],
}


def edited(**parts: Any) -> dict[str, Any]:
    return {**json.loads(json.dumps(BASE)), **parts}


def test_the_same_map_has_no_diff() -> None:
    diff = compare(build(BASE), build(edited()))
    assert not diff and diff == MapDiff()


def test_a_renamed_claim_is_a_rename_not_a_removal_and_an_addition() -> None:
    new = edited(
        claims={**BASE["claims"], "purring": BASE["claims"]["a"]},
        inferences={"i": {"premises": ["purring"], "conclusion": "b"}},
        attacks=[{"from": "d", "to": "purring"}],
    )
    del new["claims"]["a"]
    assert changes(BASE, new) == [("claim", "renamed", "purring", "a")]


def test_a_claim_renamed_and_reworded_is_found_by_its_neighbours() -> None:
    new = edited(
        inferences={"i": {"premises": ["purring"], "conclusion": "b"}},
        attacks=[{"from": "d", "to": "purring"}],
    )
    new["claims"] = {**BASE["claims"], "purring": {"text": "Cats purr when content."}}
    del new["claims"]["a"]
    (change,) = compare(build(BASE), build(new)).changes
    assert (change.action, change.id, change.old_id) == ("renamed", "purring", "a")
    (text,) = change.fields
    assert text.words == (("=", "Cats purr when "), ("-", "they are "), ("=", "content."))


def test_a_claim_put_in_anothers_place_in_other_words_is_not_a_rename() -> None:
    new = edited(
        inferences={"i": {"premises": ["x"], "conclusion": "b"}},
        attacks=[{"from": "d", "to": "x"}],
    )
    new["claims"] = {**BASE["claims"], "x": {"text": "Purring signals a relaxed animal."}}
    del new["claims"]["a"]
    assert changes(BASE, new) == [
        ("claim", "added", "x", None),
        ("claim", "removed", "a", None),
        ("inference", "changed", "i", None),
        ("attack", "retargeted", "d -> x", "d -> a"),
    ]


def test_claim_fields_each_reported() -> None:
    new = edited()
    new["claims"]["b"] = {
        "text": {"en": "Cats like some people.", "pt": "Os gatos gostam de algumas pessoas."},
        "tags": ["pets"],
        "status": "accepted",
        "note": "A hedge.",
        "implicit": True,
    }
    new["languages"] = ["en", "pt"]
    (claim,) = [c for c in compare(build(BASE), build(new)).changes if c.kind == "claim"]
    fields = {(f.field, f.lang): f for f in claim.fields}
    assert list(fields) == [
        ("text", "en"),
        ("text", "pt"),
        ("tags", None),
        ("status", None),
        ("implicit", None),
        ("note", None),
    ]
    assert fields[("text", "en")].words == (
        ("=", "Cats like "),
        ("+", "some "),
        ("=", "people."),
    )
    assert fields[("text", "pt")].old is None and fields[("tags", None)].added == ("pets",)
    assert (fields[("implicit", None)].old, fields[("implicit", None)].new) == (None, True)


def test_inference_changes_premises_conclusion_scheme_weight_label() -> None:
    new = edited()
    new["inferences"]["i"] = {
        "premises": ["c"],
        "conclusion": "d",
        "scheme": "sign",
        "weight": 0.4,
        "label": "a sign",
    }
    (change,) = compare(build(BASE), build(new)).changes
    fields = {f.field: f for f in change.fields}
    assert (fields["premises"].removed, fields["premises"].added) == (("a",), ("c",))
    assert (fields["conclusion"].old, fields["conclusion"].new) == ("b", "d")
    assert [fields[k].new for k in ("scheme", "weight", "label")] == ["sign", 0.4, "a sign"]


def test_a_renamed_inference_is_found_by_its_premises_and_conclusion() -> None:
    new = edited(inferences={"purr-to-like": {"premises": ["a"], "conclusion": "b"}})
    assert changes(BASE, new) == [("inference", "renamed", "purr-to-like", "i")]


def test_a_support_turned_into_an_attack_and_back() -> None:
    new = edited(inferences={}, attacks=[{"from": "d", "to": "a"}, {"from": "a", "to": "b"}])
    assert changes(BASE, new) == [("inference", "became attack", "a -> b", "i")]
    assert changes(new, BASE) == [("attack", "became support", "i", "a -> b")]


def test_attacks_added_removed_retargeted_and_reordered() -> None:
    assert changes(BASE, edited(attacks=[{"from": "d", "to": "b"}])) == [
        ("attack", "retargeted", "d -> b", "d -> a")
    ]
    assert changes(BASE, edited(attacks=[])) == [("attack", "removed", "d -> a", None)]
    more = [{"from": "c", "to": "b"}, {"from": "d", "to": "a"}]
    assert changes(BASE, edited(attacks=more)) == [("attack", "added", "c -> b", None)]
    assert changes(edited(attacks=more), edited(attacks=more[::-1])) == []


def test_an_attacks_note_changed() -> None:
    new = edited(attacks=[{"from": "d", "to": "a", "note": "pain, not content"}])
    (change,) = compare(build(BASE), build(new)).changes
    assert (change.action, change.fields) == (
        "changed",
        (FieldChange("note", None, "pain, not content"),),
    )


def test_issues_added_renamed_and_retargeted() -> None:
    with_issue = edited(issues={"who": {"positions": ["a", "c"]}})
    assert changes(BASE, with_issue) == [("issue", "added", "who", None)]
    renamed = edited(issues={"which": {"positions": ["c", "a"]}})
    assert changes(with_issue, renamed) == [("issue", "renamed", "which", "who")]
    moved = edited(issues={"who": {"positions": ["a", "d"]}})
    (change,) = compare(build(with_issue), build(moved)).changes
    assert (change.fields[0].removed, change.fields[0].added) == (("c",), ("d",))


def test_the_maps_own_fields_sources_and_voices() -> None:
    new = edited(
        title="Cats",
        main=["b"],
        voices={"vet": {"name": "A vet"}},
        sources={"book": {"title": "On cats"}},
    )
    assert changes(BASE, new) == [
        ("map", "changed", "", None),
        ("source", "added", "book", None),
        ("voice", "added", "vet", None),
    ]


def test_diagnostics_appeared_and_fixed_by_code_and_element_not_line() -> None:
    unused = edited(claims={**BASE["claims"], "e": {"text": "Unused."}})
    diff = compare(build(BASE), build(unused))
    assert [(d.action, d.code, d.element) for d in diff.diagnostics] == [
        ("appeared", "AM301", "claim `e`")
    ]
    fixed = compare(build(unused), build(BASE)).diagnostics
    assert [(d.action, d.code) for d in fixed] == [("fixed", "AM301")]
    # Renaming the unused claim moves its diagnostic, which neither appears nor is fixed.
    renamed = edited(claims={**BASE["claims"], "f": {"text": "Unused."}})
    assert compare(build(unused), build(renamed)).diagnostics == ()


def test_one_added_objection_flips_the_main_conclusion_with_the_reason() -> None:
    old, new = (argmap.load(GOLDEN / f"objection-{side}.yaml") for side in ("old", "new"))
    diff = compare(old, new)
    (flip,) = diff.flips
    assert (flip.id, flip.main, flip.old, flip.new) == ("build-lane", True, "in", "out")
    assert flip.old_reason == (
        "in: inference `safety` concludes it, which is in because all its premises are in"
    )
    assert flip.new_reason == (
        "out: attacked by `lose-parking`, which is in because it is assumed and unattacked"
    )


def test_a_claim_whose_only_inference_weighs_nothing_flips_with_a_reason() -> None:
    weighed = edited(attacks=[])
    weightless = edited(attacks=[])
    weightless["inferences"]["i"]["weight"] = 0.0
    (flip,) = compare(build(weighed), build(weightless)).flips
    assert (flip.id, flip.old, flip.new) == ("b", "in", "out")
    assert flip.new_reason is not None and "0" in flip.new_reason


def test_main_conclusions_flip_first_and_a_cascade_is_explained_only_so_far() -> None:
    chain = {f"c{i}": {"text": f"Step {i}."} for i in range(6)}
    inferences = {f"i{i}": {"premises": [f"c{i + 1}"], "conclusion": f"c{i}"} for i in range(5)}
    old = build({"claims": chain, "inferences": inferences})
    new = build(
        {
            "claims": {**chain, "x": {"text": "No."}},
            "inferences": inferences,
            "attacks": [{"from": "x", "to": "c5"}],
        }
    )
    diff = compare(old, new, explained=2)
    assert [f.id for f in diff.flips] == ["c0", "c1", "c2", "c3", "c4", "c5"]
    assert diff.flips[0].main and not any(f.main for f in diff.flips[1:])
    assert [f.new_reason is not None for f in diff.flips] == [True, True, True, False, False, False]
    assert diff.unexplained == 3


def test_word_diff_pieces_rebuild_both_texts() -> None:
    old, new = "The lane costs little, they say.", "The new lane costs a lot, they say!"
    pieces = word_diff(old, new)
    assert "".join(t for op, t in pieces if op != "+") == old
    assert "".join(t for op, t in pieces if op != "-") == new


def test_word_diff_of_huge_texts_replaces_the_middle_whole() -> None:
    old, new = "x " * 50_000 + "end", "y " * 50_000 + "end"
    assert word_diff(old, new) == (("-", old[:-4]), ("+", new[:-4]), ("=", " end"))


def test_markdown_golden_files(monkeypatch: pytest.MonkeyPatch) -> None:
    # After an intended change of the output, regenerate them (from tests/golden/diff/):
    #   argmap diff --format markdown objection-old.yaml objection-new.yaml > objection.md
    #   argmap diff --format markdown edits-old.yaml edits-new.yaml > edits.md
    monkeypatch.chdir(GOLDEN)
    for name in ("objection", "edits"):
        old, new = f"{name}-old.yaml", f"{name}-new.yaml"
        diff = compare(argmap.load(old), argmap.load(new))
        expected = (GOLDEN / f"{name}.md").read_text(encoding="utf-8")
        assert render(diff, "markdown", old, new) + "\n" == expected


HOSTILE = "\x1b]0;pwned\x07 <script>alert(1)</script> @everyone [x](http://e.vil) **b** $x$ #1"


def test_texts_from_the_map_cannot_format_a_comment_or_drive_a_terminal() -> None:
    new = edited()
    new["claims"]["b"] = {"text": HOSTILE}
    diff = compare(build(BASE), build(new))
    markdown = render(diff, "markdown", "a", "b")
    for raw in ("<script>", "@everyone", "[x](", "**b**", "$x$", "#1", "\x1b"):
        assert raw not in markdown
    assert "\\<script\\>" in markdown and "@\u2060everyone" in markdown
    text = render(diff, "text", "a", "b", colour=False)
    assert "\x1b" not in text and "\x07" not in text and "\\x1b]0;pwned\\x07" in text


def test_text_colours_only_when_asked() -> None:
    diff = compare(build(BASE), build(edited(attacks=[])))
    assert "\x1b[31m" in render(diff, "text", "a", "b", colour=True)
    assert "\x1b" not in render(diff, "text", "a", "b", colour=False)


def test_json_holds_every_record() -> None:
    old, new = (argmap.load(GOLDEN / f"edits-{side}.yaml") for side in ("old", "new"))
    diff = compare(old, new)
    data = json.loads(render(diff, "json", "old.yaml", "new.yaml"))
    assert len(data["changes"]) == len(diff.changes) and len(data["flips"]) == len(diff.flips)
    kinds = {(c["kind"], c["action"]) for c in data["changes"]}
    assert {("claim", "renamed"), ("inference", "became attack"), ("attack", "retargeted")} <= kinds
    assert data["summary"]["claim renamed"] == 2


def test_a_map_built_in_code_with_broken_references_raises() -> None:
    broken = build({"claims": {"a": {"text": "A"}}, "main": ["zz"]})
    with pytest.raises(argmap.UnresolvedReferences):
        compare(broken, build(BASE))


def test_changes_are_plain_records() -> None:
    change = Change("claim", "renamed", "b", "a", (FieldChange("tags", added=("x",)),))
    assert change.to_dict() == {
        "kind": "claim",
        "action": "renamed",
        "id": "b",
        "old_id": "a",
        "fields": [{"field": "tags", "removed": [], "added": ["x"]}],
    }
