"""The author's loop (#12): diagnostics that point at the fix, and a CLI that says what it did."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap
from tests.test_gate import CLEAN, run_cli


def first(path: Path) -> tuple[str, int, int, str, str]:
    d = argmap.check_path(path)[0]
    return d.code, d.line, d.column, d.message, d.hint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "claims:\n  a: {text: A}\n  b: {text: B}\ninferences:\n"
            "  i: {premises: [a], conlusion: b}\n",
            (
                "AM101",
                5,
                22,
                "unknown field `conlusion` in inference `i`",
                "did you mean `conclusion`? (inference `i` needs `conclusion`)",
            ),
        ),
        (
            "claims:\n  a: {text: 42}\n",
            (
                "AM102",
                2,
                13,
                "claim `a`'s `text` should be a text (a string, or {en: ..., pt: ...}), "
                "not a number",
                "write the text as a string, or one per language: {en: ..., pt: ...}",
            ),
        ),
        (
            "claims:\n  a:\n    text: A\n      by: anna\n",
            (
                "AM004",
                4,
                9,
                "YAML syntax error: mapping values are not allowed in this context",
                "`by:` is indented deeper than the line above, which already has a value: "
                "align `by:` with the key above it",
            ),
        ),
        (
            'claims:\n  a:\n    text: "A\n  b: {text: B}\n',
            (
                "AM004",
                3,
                11,
                "YAML syntax error: this quoted text is never closed "
                "(found unexpected end of stream)",
                "close the quote at the end of the text (a quote inside a quoted text is doubled "
                'in \'...\' and escaped as \\" in "...")',
            ),
        ),
        (
            "claims:\n  a: {text: A}\n  b: {text: B}\ninferences:\n"
            "  i: {premises: [a], conclusion: b}\n  j: {premises: [i], conclusion: b}\n",
            (
                "AM106",
                6,
                18,
                "no claim `i` (in inference `j`'s `premises` #1)",
                "`i` is an inference, not a claim: to chain reasons, use that inference's "
                "conclusion as the premise",
            ),
        ),
        (
            "claims:\n  a: {text: A}\n  b: {text: B}\nattacks:\n  - {from: a, to: q}\n"
            "issues:\n  q: {positions: [a, b]}\n",
            (
                "AM106",
                5,
                19,
                "no claim or inference `q` (in attack #1's `to`)",
                "`q` is an issue, not a claim or inference: attack one of the issue's positions, "
                "or add the attacker as a position of the issue",
            ),
        ),
        (
            "claims:\n  a: {text: A}\n  b: {text: B}\n"
            "attacks:\n  - {from: a, to: b, type: rebut}\n",
            (
                "AM101",
                5,
                22,
                "unknown field `type` in attack #1",
                "an attack's kind follows from its target: a claim is rebutted or undermined, an "
                "inference undercut; an attack has only `from`, `to`, `note` and `answers`",
            ),
        ),
        (
            "claims:\n  a: {text: A}\n  b: {text: B}\n  c: {text: C}\ninferences:\n"
            "  i: {premises: [a], conclusion: [b, c]}\n",
            (
                "AM102",
                6,
                34,
                "inference `i`'s `conclusion` should be one claim id, not a list",
                "an inference has one conclusion: for two, write two inferences",
            ),
        ),
    ],
)
def test_one_mistake_one_diagnostic_that_points_at_the_fix(
    write_map: Callable[..., Path], text: str, expected: tuple[str, int, int, str, str]
) -> None:
    path = write_map(text)
    assert first(path) == expected
    assert len([d for d in argmap.check_path(path) if d.code == expected[0]]) == 1


def test_a_year_is_a_date(write_map: Callable[..., Path]) -> None:
    m = argmap.load(write_map("sources:\n  s: {title: T, date: 1972}\nclaims:\n  a: {text: A}\n"))
    assert m.sources["s"].date == "1972"


def test_render_says_what_it_wrote_and_q_silences_it(
    write_map: Callable[..., Path], tmp_path: Path
) -> None:
    out = tmp_path / "m.svg"
    done = run_cli("render", str(write_map(CLEAN)), "-o", str(out))
    assert done.returncode == 0 and done.stderr.startswith(f"wrote {out} (")
    assert "kB, 2 claims)" in done.stderr
    done = run_cli("render", str(write_map(CLEAN)), "-o", str(out), "-q")
    assert done.returncode == 0 and done.stderr == ""


def test_folders_are_searched_recursively_and_non_maps_skipped(tmp_path: Path) -> None:
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "m.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "docker-compose.yml").write_text("services: {}\n", encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    (tmp_path / "argmap.schema.json").write_text(
        '{"properties": {"claims": {"type": "object"}}}', encoding="utf-8"
    )
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "m.yaml").write_text("claims: [", encoding="utf-8")
    done = run_cli("check", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 file checked" in done.stdout and "3 files in the folders skipped" in done.stderr
    names = [
        str(tmp_path / n) for n in ("argmap.schema.json", "docker-compose.yml", "package.json")
    ]
    assert f"not maps: {', '.join(names)} (name a file to check it anyway)" in done.stderr


def test_git_ignored_maps_are_skipped(tmp_path: Path) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build/\n", encoding="utf-8")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "broken.yaml").write_text("claims: [", encoding="utf-8")
    (tmp_path / "m.yaml").write_text(CLEAN, encoding="utf-8")
    done = run_cli("check", str(tmp_path))
    assert done.returncode == 0 and "1 file checked" in done.stdout, done.stdout
    skipped = f"1 file in the folders skipped, ignored by git: {tmp_path / 'build' / 'broken.yaml'}"
    assert skipped in done.stderr and "not maps" not in done.stderr


def test_init_writes_a_starter_map_that_checks_clean(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    done = run_cli("init", str(target))
    assert done.returncode == 0 and target.exists()
    assert argmap.check_path(target) == []
    before = target.read_bytes()
    done = run_cli("init", str(target))
    assert done.returncode == 2 and target.read_bytes() == before


EVALUATED = "claims:\n  a: {text: A}\n  bb: {text: Bees make honey from the nectar of flowers}\n"


def test_evaluate_aligns_its_header_whatever_the_ids(write_map: Callable[..., Path]) -> None:
    """Regression (#12): with one-letter ids the header was off by one column."""
    path = write_map("claims:\n  a: {text: A}\n  b: {text: B}\n")
    lines = run_cli("evaluate", str(path), env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    header, row = lines.splitlines()[:2]
    assert header.index("id") == row.index("a") and header.index("text") == row.index("A")


def test_evaluate_into_a_pipe_keeps_whole_texts(write_map: Callable[..., Path]) -> None:
    """Off a terminal (a pipe, a file) there is no width to fit: texts are whole, one line
    each, as for ``argmap evaluate map.yaml | grep ...``; COLUMNS still sets a width."""
    path = write_map(EVALUATED.replace("flowers", "flowers " + "and more " * 20))
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    piped = subprocess.run(
        [sys.executable, "-m", "argmap", "evaluate", str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    ).stdout.splitlines()
    assert len(piped) == 3 and piped[2].endswith("and more") and "…" not in piped[2]


def test_evaluate_uses_the_width_and_full_wraps(write_map: Callable[..., Path]) -> None:
    path = write_map(EVALUATED)
    narrow = run_cli("evaluate", str(path), env={"COLUMNS": "40"}).stdout.splitlines()
    assert max(map(len, narrow)) == 40 and narrow[2].endswith("…")
    wide = run_cli("evaluate", str(path), env={"COLUMNS": "200"}).stdout
    assert "Bees make honey from the nectar of flowers" in wide
    full = run_cli("evaluate", str(path), "--full", env={"COLUMNS": "40"}).stdout.splitlines()
    assert max(map(len, full)) <= 40
    column = full[0].index("text")
    assert " ".join(line[column:] for line in full[2:]) == (
        "Bees make honey from the nectar of flowers"
    )


def test_evaluate_colours_labels_on_request_and_never_with_no_color(
    write_map: Callable[..., Path],
) -> None:
    path = write_map(EVALUATED)
    coloured = run_cli("evaluate", str(path), env={"FORCE_COLOR": "1", "NO_COLOR": ""}).stdout
    assert "\x1b[32min\x1b[0m" in coloured
    plain = run_cli("evaluate", str(path), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert "\x1b" not in plain
    piped = run_cli("evaluate", str(path), env={"FORCE_COLOR": "", "NO_COLOR": ""}).stdout
    assert "\x1b" not in piped  # a pipe, not a terminal


def test_am307_once_a_language_with_the_count_and_first_ids(
    write_map: Callable[..., Path],
) -> None:
    claims = "".join(f"  c{i}: {{text: C{i}}}\n" for i in range(8))
    path = write_map("languages: [en, pt]\nclaims:\n  a: {text: {en: A, pt: Á}}\n" + claims)
    found = [d for d in argmap.check_path(path) if d.code == "AM307"]
    assert [(d.line, d.column, d.message, d.hint) for d in found] == [
        (
            4,
            14,
            "8 of 9 claims have no text in pt: `c0`, `c1`, `c2`, `c3`, `c4` and 3 more",
            "add `pt: ...` under each text, as in {en: ..., pt: ...}",
        )
    ]


def test_a_premise_twice_and_an_attack_repeated_are_warned_at_the_repeat(
    write_map: Callable[..., Path],
) -> None:
    path = write_map(
        "claims:\n  a: {text: A}\n  b: {text: B}\n  c: {text: C}\n"
        "inferences:\n  i: {premises: [a, a], conclusion: b}\n"
        "attacks:\n  - {from: c, to: i}\n  - {from: c, to: i}\n"
    )
    found = [(d.code, d.line, d.column, d.message, d.hint) for d in argmap.check_path(path)]
    assert found == [
        (
            "AM308",
            6,
            21,
            "inference `i` lists premise `a` twice",
            "remove the second `a`; if another premise was meant, name it",
        ),
        (
            "AM309",
            9,
            5,
            "attack #2 repeats attack #1 (`c` against `i`)",
            "remove the repeat; a note on the first one can say more",
        ),
    ]


def test_tag_colours_are_graphviz_colours_and_their_tags_exist(
    write_map: Callable[..., Path],
) -> None:
    path = write_map(
        "claims:\n  a: {text: A, tags: [objection]}\n  b: {text: B}\n"
        "attacks:\n  - {from: a, to: b}\n"
    )
    out = str(path.parent / "m.svg")
    bad = run_cli("render", str(path), "-o", out, "--tag-colour", "objection=lightblu")
    assert bad.returncode == 2 and not Path(out).exists()
    assert (
        "the colour `lightblu` of tag `objection` is not a Graphviz colour: "
        "did you mean `lightblue`?" in bad.stderr
    )
    unknown = run_cli("render", str(path), "-o", out, "--tag-colour", "objetion=#ff8800")
    assert unknown.returncode == 0
    assert (
        f"{path}: warning AM408 no claim has the tag `objetion` that --tag-colour colours\n"
        "  hint: did you mean `objection`?"
    ) in unknown.stderr


def test_a_language_only_some_claims_are_written_in_is_said(
    write_map: Callable[..., Path],
) -> None:
    path = write_map(
        "claims:\n  a: {text: {en: A, pt: Á}}\n  b: {text: B}\n  c: {text: C}\n"
        "inferences:\n  i: {premises: [b, c], conclusion: a}\n"
    )
    done = run_cli("render", str(path), "-o", str(path.parent / "m.svg"), "--lang", "pt")
    assert done.returncode == 0
    assert (
        f"{path}:3:13: warning AM409 only 1 of 3 claims has a text in `pt`: the others are "
        "drawn in `en` (`b`, `c`)\n"
        "  hint: add `pt: ...` to their texts; `languages: [en, pt]` makes argmap check list "
        "them all"
    ) in done.stderr


def test_reject_without_evaluate_draws_the_evaluation(write_map: Callable[..., Path]) -> None:
    """Regression (#12): `--reject` alone was ignored; it implies `--evaluate`."""
    path = write_map(CLEAN)
    plain = run_cli("render", str(path), "--format", "dot", "-o", "-", "-q").stdout
    rejected = run_cli("render", str(path), "--format", "dot", "-o", "-", "-q", "--reject", "a")
    evaluated = run_cli(
        "render", str(path), "--format", "dot", "-o", "-", "-q", "--evaluate", "--reject", "a"
    )
    assert rejected.returncode == 0 and rejected.stdout == evaluated.stdout != plain
