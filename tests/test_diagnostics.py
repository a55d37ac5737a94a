"""One test per diagnostic code: the smallest map that triggers it, with its line and column."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from argmap import check_path as read_and_check
from argmap.diagnostics import CODES, Severity

# A clean two-claim map that the cases below change in one place.
BASE = """\
claims:
  a: {text: A}
  b: {text: B}
inferences:
  i: {premises: [a], conclusion: b}
"""

CASES: dict[str, tuple[str, int, int]] = {
    "AM003": ("  \n", 1, 1),
    "AM004": ("claims:\n  a: {text: [A}\n", 2, 15),
    "AM005": (BASE + "claims:\n  c: {text: C}\n", 6, 1),
    "AM006": ("- just\n- a list\n", 1, 1),
    "AM009": (BASE.replace("  b: {text: B}", "  b:\n    text: B #1"), 4, 13),
    "AM101": (BASE.replace("a: {text: A}", "a: {text: A, tgas: [x]}"), 2, 16),
    "AM102": (BASE.replace("conclusion: b}", "conclusion: b, weight: 2}"), 5, 45),
    "AM103": (BASE.replace("a: {text: A}", "a: {note: A}"), 2, 6),
    "AM104": (BASE.replace("a: {text: A}", "a: {text: ' '}"), 2, 13),
    "AM105": (BASE.replace("  a: {text: A}", "  a: {text: A}\n  b c: {text: C}"), 3, 3),
    "AM106": (BASE.replace("conclusion: b}", "conclusion: bb}"), 5, 34),
    "AM107": (BASE + "  a: {premises: [b], conclusion: b}\n", 6, 3),
    "AM201": (BASE + "  j: {premises: [b], conclusion: a}\n", 2, 3),
    "AM202": (BASE.replace("premises: [a]", "premises: [a, b]"), 5, 21),
    "AM203": (BASE + "  j: {premises: [], conclusion: b}\n", 6, 17),
    "AM204": (BASE + "attacks:\n  - {from: a, to: a}\n", 7, 5),
    "AM205": (
        BASE.replace("  b: {text: B}", "  b: {text: B}\n  c: {text: C}").replace(
            "premises: [a]", "premises: [a, c]"
        )
        + "issues:\n  q: {positions: [a, c]}\n",
        6,
        21,
    ),
    "AM206": (
        "sources:\n  s: {title: S, path: s.txt}\n"
        + BASE.replace("a: {text: A}", "a: {text: A, quote: {source: s, text: nope}}"),
        4,
        41,
    ),
    "AM207": (
        "sources:\n  s: {title: S, path: missing.txt}\n"
        + BASE.replace("a: {text: A}", "a: {text: A, quote: {source: s, text: x}}"),
        2,
        23,
    ),
    "AM209": (
        "sources:\n  s: {title: S, path: ../../etc/passwd}\n"
        + BASE.replace("a: {text: A}", "a: {text: A, quote: {source: s, text: x}}"),
        2,
        23,
    ),
    "AM208": (BASE + "attacks:\n  - {from: a, to: i}\n", 7, 5),
    "AM301": (BASE.replace("  b: {text: B}", "  b: {text: B}\n  c: {text: C}"), 4, 3),
    "AM302": (
        BASE.replace("  b: {text: B}", "  b: {text: B}\n  c: {text: C}\n  d: {text: D}")
        + "  j: {premises: [c], conclusion: d}\n",
        4,
        3,
    ),
    "AM303": (
        BASE.replace("  b: {text: B}", "  b: {text: B}\n  c: {text: C}")
        + "  j: {premises: [c], conclusion: b}\nattacks:\n  - {from: a, to: b}\n",
        9,
        5,
    ),
    "AM304": (BASE.replace("b: {text: B}", "b: {text: '  a'}"), 3, 13),
    "AM305": ("claims:\n  a: {text: A}\n  b: {text: B}\nattacks:\n  - {from: a, to: b}\n", 1, 1),
    "AM306": ("sources:\n  s: {title: S}\n" + BASE, 2, 3),
    "AM307": ("languages: [en, pt]\n" + BASE.replace("a: {text: A}", "a: {text: {pt: A}}"), 3, 13),
    "AM308": (BASE.replace("premises: [a]", "premises: [a, a]"), 5, 21),
    "AM309": (BASE + "attacks:\n  - {from: a, to: i}\n  - {from: a, to: i}\n", 8, 5),
    "AM210": ("catalogue: nowhere.yaml\n" + BASE, 1, 1),
    "AM310": (BASE.replace("conclusion: b}", "conclusion: b, scheme: analogie}"), 5, 45),
    "AM311": (BASE.replace("conclusion: b}", "conclusion: b, scheme: analogy}"), 5, 17),
    "AM312": (
        BASE.replace("conclusion: b}", "conclusion: b, scheme: sign, dismissed: {x: y}}"),
        5,
        63,
    ),
    "AM313": (
        BASE.replace("  b: {text: B}", "  b: {text: B}\n  c: {text: C}").replace(
            "conclusion: b}", "conclusion: b, scheme: sign}"
        )
        + "attacks: [{from: c, to: b, answers: other-events}]\n",
        7,
        25,
    ),
    "AM314": (BASE.replace("conclusion: b}", "conclusion: b, scheme: sign}"), 5, 3),
}


def test_every_code_has_a_case() -> None:
    # The codes of `argmap check` (AM0xx to AM3xx); the other stages test theirs. AM001,
    # AM002 and the limits (AM007, AM008, AM108) have tests of their own below.
    check_codes = {code for code in CODES if code < "AM400"}
    untested = check_codes - set(CASES) - {"AM001", "AM002", "AM007", "AM008", "AM108"}
    assert not untested, f"codes without a test case: {sorted(untested)}"


@pytest.mark.parametrize("code", sorted(CASES))
def test_code_is_reported_at_its_place(code: str, write_map: Callable[..., Path]) -> None:
    text, line, column = CASES[code]
    path = write_map(text)
    (path.parent / "s.txt").write_text("Some source text.", encoding="utf-8")
    # With questions: the notes (AM314) and AM311 are what `check --questions` adds.
    found = [d for d in read_and_check(path, questions=True) if d.code == code]
    assert found, f"{code} not reported; got {[d.code for d in read_and_check(path)]}"
    d = found[0]
    assert (d.line, d.column) == (line, column), d
    assert d.file == str(path)
    assert d.severity is CODES[code].severity
    assert d.message and d.hint


def test_unreadable_file(tmp_path: Path) -> None:
    (d,) = read_and_check(tmp_path / "absent.yaml")
    assert d.code == "AM001" and d.severity is Severity.ERROR


def test_invalid_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("claims:\n  a: {text: caf\xe9}\n".encode("latin-1"))
    (d,) = read_and_check(path)
    assert (d.code, d.line, d.column) == ("AM002", 2, 16)


def test_duplicate_key_does_not_hide_other_errors(write_map: Callable[..., Path]) -> None:
    path = write_map("claims:\n  a: {text: A}\n  a: {text: B}\n  b: {txt: C}\n")
    codes = [(d.code, d.line) for d in read_and_check(path)]
    assert ("AM005", 3) in codes and ("AM101", 4) in codes and "AM103" not in dict(codes)


def test_did_you_mean_for_fields_and_ids(write_map: Callable[..., Path]) -> None:
    path = write_map(
        BASE.replace("a: {text: A}", "a: {txet: A}").replace("conclusion: b}", "conclusion: bb}")
    )
    hints = {d.code: d.hint for d in read_and_check(path)}
    assert "`text`" in hints["AM101"]
    path = write_map(BASE.replace("conclusion: b}", "conclusion: bb}"))
    (d,) = [d for d in read_and_check(path) if d.code == "AM106"]
    assert d.hint == "did you mean `b`?"


def test_yaml_12_scalars_are_strings(write_map: Callable[..., Path]) -> None:
    # In YAML 1.1 (PyYAML's default) `no` and `on` are booleans; argmap reads YAML 1.2.
    path = write_map(
        "claims:\n  no: {text: 'on'}\n  on: {text: yes}\n"
        "inferences:\n  i: {premises: [no], conclusion: on}\n"
    )
    assert read_and_check(path) == []


def test_alias_bomb_is_refused(write_map: Callable[..., Path]) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = write_map("\n".join(lines) + "\nclaims: {a: {text: *a8}}\n")
    codes = {d.code for d in read_and_check(path)}
    assert codes & {"AM004", "AM006"}, codes


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ('{"claims": {"a": {"text": "A"},}}', "AM004", 1, 32),
        ('{"claims": {"a": {"text": "A"}, "a": {"text": "B"}}}', "AM005", 1, 33),
        ('{\n  "claims": {\n    "a": {"text": "A", "tgas": []}\n  }\n}', "AM101", 3, 24),
        ("[" * 5000 + "]" * 5000, "AM006", 1, 1),
    ],
)
def test_json_maps_are_located(
    text: str, code: str, line: int, column: int, write_map: Callable[..., Path]
) -> None:
    path = write_map(text, name="map.json")
    # With questions: the notes (AM314) and AM311 are what `check --questions` adds.
    found = [d for d in read_and_check(path, questions=True) if d.code == code]
    assert found and (found[0].line, found[0].column) == (line, column), read_and_check(path)


def test_limits_refuse_large_input(
    write_map: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_MAX_TEXT", "20")
    path = write_map(BASE.replace("b: {text: B}", "b: {text: " + "x" * 30 + "}"))
    (d,) = read_and_check(path)
    assert (d.code, d.line, d.column) == ("AM108", 3, 13)
    monkeypatch.setenv("ARGMAP_MAX_ELEMENTS", "2")
    assert "AM008" in {d.code for d in read_and_check(path)}
    monkeypatch.setenv("ARGMAP_MAX_BYTES", "10")
    (d,) = read_and_check(path)
    assert d.code == "AM007" and "ARGMAP_MAX_BYTES" in d.hint


def test_malformed_limit_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from argmap.cli import main

    monkeypatch.setenv("ARGMAP_MAX_TEXT", "lots")
    result = CliRunner().invoke(main, ["check", "x.yaml"])
    assert result.exit_code == 2 and "ARGMAP_MAX_TEXT must be a whole number" in result.output


def test_equivalent_claims_must_exist(write_map: Callable[..., Path]) -> None:
    path = write_map(BASE.replace("a: {text: A}", "a: {text: A, equivalent: [bb]}"))
    (d,) = [d for d in read_and_check(path) if d.code == "AM106"]
    assert (d.line, d.column) == (2, 29) and d.hint == "did you mean `b`?"
