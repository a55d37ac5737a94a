"""Properties of argmap diff: a map against itself has no diff; one random edit (rename an
id, add an attack, reword a claim, drop a premise) is reported as exactly that edit; the
diff of B against A is the mirror image of the diff of A against B."""

from __future__ import annotations

import copy
import string
from collections import Counter
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.diff import Change, FieldChange, Flip, MapDiff, compare
from argmap.diff.records import DiagnosticChange
from argmap.diff.render import FORMATS, render
from argmap.model import ArgumentMap

ids = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=6).filter(
    lambda s: s[0].isalpha()
)
WORDS = ["cats", "dogs", "purr", "bark", "often", "never", "people", "like", "the", "a"]
words = st.sampled_from(WORDS)
texts = st.lists(words, min_size=1, max_size=6).map(" ".join)


@st.composite
def maps(draw: st.DrawFn) -> dict[str, Any]:
    """A map as plain data: a tree of linked inferences (some weighed), random attacks on
    claims and inferences, some statuses, sometimes an issue; texts from a few words, so
    that some repeat."""
    names = draw(st.lists(ids, min_size=2, max_size=10, unique=True))
    claims = {}
    for n in names:
        text = draw(texts)
        bilingual = draw(st.booleans())
        claims[n] = {"text": {"en": text, "pt": text.upper()} if bilingual else text}
        status = draw(st.sampled_from([None, None, "accepted", "rejected", "open"]))
        if status:
            claims[n]["status"] = status
    inferences: dict[str, dict[str, Any]] = {}
    for i, name in enumerate(names[1:], start=1):
        target = names[draw(st.integers(0, i - 1))]
        entry = inferences.setdefault(f"inf-{target}", {"premises": [], "conclusion": target})
        entry["premises"].append(name)
        if draw(st.integers(0, 4)) == 0:
            entry["weight"] = draw(st.sampled_from([0.0, 0.5, 1.0]))
    pairs = st.tuples(st.sampled_from(names), st.sampled_from(names + list(inferences)))
    chosen = draw(st.lists(pairs.filter(lambda p: p[0] != p[1]), max_size=4))
    attacks = [{"from": a, "to": b} for a, b in chosen]
    data: dict[str, Any] = {"claims": claims, "inferences": inferences, "attacks": attacks}
    if len(names) >= 3 and draw(st.booleans()):
        data["issues"] = {"choice": {"positions": draw(st.permutations(names))[:2]}}
    return data


def build(data: dict[str, Any]) -> ArgumentMap:
    return ArgumentMap.model_validate(data)


def rename(data: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """The map with claim `old` called `new` everywhere, in the same place."""
    out = copy.deepcopy(data)
    out["claims"] = {(new if k == old else k): v for k, v in data["claims"].items()}

    def name(x: str) -> str:
        return new if x == old else x

    for inference in out["inferences"].values():
        inference["premises"] = [name(p) for p in inference["premises"]]
        inference["conclusion"] = name(inference["conclusion"])
    out["attacks"] = [{"from": name(a["from"]), "to": name(a["to"])} for a in out["attacks"]]
    for issue in out.get("issues", {}).values():
        issue["positions"] = [name(p) for p in issue["positions"]]
    return out


@settings(max_examples=150, deadline=None)
@given(maps())
def test_a_map_against_itself_has_no_diff(data: dict[str, Any]) -> None:
    assert compare(build(data), build(copy.deepcopy(data))) == MapDiff()


@settings(max_examples=150, deadline=None)
@given(maps(), st.data())
def test_a_renamed_claim_is_reported_as_exactly_that(data: dict[str, Any], pick: Any) -> None:
    old = pick.draw(st.sampled_from(sorted(data["claims"])))
    diff = compare(build(data), build(rename(data, old, f"{old}.r")))
    assert diff.changes == (Change("claim", "renamed", f"{old}.r", old),)
    assert diff.flips == () and diff.diagnostics == ()


@settings(max_examples=150, deadline=None)
@given(maps(), st.data())
def test_an_added_attack_is_reported_as_exactly_that(data: dict[str, Any], pick: Any) -> None:
    names = sorted(data["claims"])
    source = pick.draw(st.sampled_from(names))
    target = pick.draw(st.sampled_from([n for n in names if n != source]))
    new = copy.deepcopy(data)
    new["attacks"].append({"from": source, "to": target})
    fields = (FieldChange("from", None, source), FieldChange("to", None, target))
    expected = Change("attack", "added", f"{source} -> {target}", None, fields)
    assert compare(build(data), build(new)).changes == (expected,)


@settings(max_examples=150, deadline=None)
@given(maps(), st.data())
def test_a_reworded_claim_is_reported_as_exactly_that(data: dict[str, Any], pick: Any) -> None:
    claim = pick.draw(st.sampled_from(sorted(data["claims"])))
    new = copy.deepcopy(data)
    before = data["claims"][claim]["text"]
    lang, old_text = ("en", before) if isinstance(before, str) else ("pt", before["pt"])
    new_text = pick.draw(texts.filter(lambda t: t != old_text))
    if isinstance(before, str):
        new["claims"][claim]["text"] = new_text
    else:
        new["claims"][claim]["text"]["pt"] = new_text
    (change,) = compare(build(data), build(new)).changes
    assert (change.kind, change.action, change.id, change.old_id) == (
        "claim",
        "changed",
        claim,
        None,
    )
    (field,) = change.fields
    assert (field.field, field.lang, field.old, field.new) == ("text", lang, old_text, new_text)
    assert "".join(t for op, t in field.words if op != "+") == old_text
    assert "".join(t for op, t in field.words if op != "-") == new_text


@settings(max_examples=150, deadline=None)
@given(maps(), st.data())
def test_a_dropped_premise_is_reported_as_exactly_that(data: dict[str, Any], pick: Any) -> None:
    inference = pick.draw(st.sampled_from(sorted(data["inferences"])))
    premises = data["inferences"][inference]["premises"]
    dropped = pick.draw(st.sampled_from(premises))
    new = copy.deepcopy(data)
    new["inferences"][inference]["premises"] = [p for p in premises if p != dropped]
    expected = Change(
        "inference", "changed", inference, None, (FieldChange("premises", removed=(dropped,)),)
    )
    assert compare(build(data), build(new)).changes == (expected,)


def mirrored(diff: MapDiff) -> tuple[Counter[Change], Counter[Flip], Counter[DiagnosticChange]]:
    """The diff read the other way (word diffs left out: they need not be symmetric)."""
    turned = {"added": "removed", "removed": "added"}
    turned |= {"became attack": "became support", "became support": "became attack"}
    kinds = {"became attack": "attack", "became support": "inference"}
    changes = Counter(
        Change(
            kinds.get(c.action, c.kind),  # type: ignore[arg-type]
            turned.get(c.action, c.action),  # type: ignore[arg-type]
            c.old_id or c.id,
            c.id if c.old_id else None,
            tuple(
                FieldChange(f.field, f.new, f.old, f.lang, (), f.added, f.removed) for f in c.fields
            ),
        )
        for c in diff.changes
    )
    flips = Counter(
        Flip(f.old_id, f.id, f.new, f.old, f.main, f.new_reason, f.old_reason) for f in diff.flips
    )
    diagnostics = Counter(
        DiagnosticChange(
            "fixed" if d.action == "appeared" else "appeared",
            d.code,
            d.severity,
            d.message,
            d.element,
            d.file,
            d.line,
            d.column,
        )
        for d in diff.diagnostics
    )
    return changes, flips, diagnostics


def as_counters(
    diff: MapDiff,
) -> tuple[Counter[Change], Counter[Flip], Counter[DiagnosticChange]]:
    changes = Counter(
        Change(
            c.kind,
            c.action,
            c.id,
            c.old_id,
            tuple(
                FieldChange(f.field, f.old, f.new, f.lang, (), f.removed, f.added) for f in c.fields
            ),
        )
        for c in diff.changes
    )
    return changes, Counter(diff.flips), Counter(diff.diagnostics)


@st.composite
def edited_pairs(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A map and the map after a few random edits, or two unrelated maps."""
    first = draw(maps())
    if draw(st.booleans()):
        return first, draw(maps())
    second = copy.deepcopy(first)
    for _ in range(draw(st.integers(1, 4))):
        names = sorted(second["claims"])
        what = draw(st.sampled_from(["rename", "attack", "reword", "drop", "unattack"]))
        claim = draw(st.sampled_from(names))
        if what == "rename" and f"{claim}.r" not in second["claims"]:
            second = rename(second, claim, f"{claim}.r")
        elif what == "attack":
            target = draw(st.sampled_from(names))
            if target != claim:
                second["attacks"].append({"from": claim, "to": target})
        elif what == "reword":
            second["claims"][claim]["text"] = draw(texts)
        elif what == "drop" and second["inferences"]:
            inference = draw(st.sampled_from(sorted(second["inferences"])))
            second["inferences"][inference]["premises"] = second["inferences"][inference][
                "premises"
            ][1:]
        elif what == "unattack" and second["attacks"]:
            second["attacks"].pop(draw(st.integers(0, len(second["attacks"]) - 1)))
    return first, second


@settings(max_examples=300, deadline=None)
@given(edited_pairs())
@example(  # of two like diagnostics (a duplicated attack), the second is the one added
    (
        {
            "claims": {"b": {"text": "cats"}, "a": {"text": "cats"}},
            "inferences": {"inf-b": {"premises": ["a"], "conclusion": "b"}},
            "attacks": [{"from": "a", "to": "b"}],
        },
        {
            "claims": {"b": {"text": "cats"}, "a": {"text": "cats"}},
            "inferences": {"inf-b": {"premises": ["a"], "conclusion": "b"}},
            "attacks": [{"from": "a", "to": "b"}, {"from": "a", "to": "b"}],
        },
    )
)
def test_the_diff_backwards_is_the_mirror_image(
    pair: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    a, b = build(pair[0]), build(pair[1])
    forward, backward = compare(a, b), compare(b, a)
    assert mirrored(forward) == as_counters(backward)
    assert bool(forward) == bool(backward)
    for fmt in FORMATS:  # every diff prints
        assert render(forward, fmt, "a", "b").startswith(("argmap", "###", "{"))
