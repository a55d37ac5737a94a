"""A YAML syntax error no longer hides every other problem (#12): the rest is checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import argmap

Found = list[tuple[str, int, int, str]]


def found(path: Path) -> Found:
    return [(d.code, d.line, d.column, d.message) for d in argmap.check_path(path)]


BROKEN: list[tuple[str, str, Found]] = [
    (
        "an unclosed flow mapping, then a dangling reference and a self-attack",
        """
        claims:
          a: {text: A}
          b: {text: B
          c: {text: C}
        inferences:
          i: {premises: [a], conclusion: zz}
        attacks:
          - {from: c, to: c}
        """,
        [
            ("AM004", 3, 14, "YAML syntax error: the `{` opened at 3:6 is never closed"),
            ("AM106", 6, 34, "no claim `zz` (in inference `i`'s `conclusion`)"),
        ],
    ),
    (
        "an over-indented key, then a misspelt field",
        """
        claims:
          a:
            text: A
              by: anna
          b: {text: B}
        inferences:
          i: {premises: [b], conlusion: b}
        """,
        [
            (
                "AM004",
                4,
                9,
                "YAML syntax error: mapping values are not allowed in this context",
            ),
            ("AM101", 7, 22, "unknown field `conlusion` in inference `i`"),
        ],
    ),
    (
        "two syntax errors, then a reasoning error the checks find",
        """
        claims:
          a: {text: "A}
          b: {text: B}
          c: {text: C}
        inferences:
          i: {premises: [b], conclusion: c}
          j: {premises: [c], conclusion: b}
        attacks:
          - {from: b, to: c
          - {from: c, to: b}
        """,
        [
            (
                "AM004",
                2,
                13,
                "YAML syntax error: this quoted text is never closed "
                "(found unexpected end of stream)",
            ),
            ("AM201", 3, 3, "circular reasoning: b -> i -> c -> j -> b"),
            ("AM004", 9, 20, "YAML syntax error: the `{` opened at 9:5 is never closed"),
            ("AM303", 10, 5, "claim `c` supports `b` (through `j`) and attacks `b`"),
        ],
    ),
    (
        "a tab, then an attack whose number counts the one left out",
        """
        claims:
          a: {text: A}
          b:
        \ttext: B
          c: {text: C}
        attacks:
          - {from: a, to: c}
          - {from: c, to: nowhere}
        """,
        [
            ("AM004", 4, 1, "YAML syntax error: a tab, where YAML allows only spaces"),
            ("AM106", 8, 19, "no claim or inference `nowhere` (in attack #2's `to`)"),
        ],
    ),
]


@pytest.mark.parametrize(("what", "text", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_a_syntax_error_and_the_other_mistakes_in_one_run(
    write_map: Callable[..., Path], what: str, text: str, expected: Found
) -> None:
    assert found(write_map(text)) == expected


def test_an_attack_left_out_renumbers_the_ones_after_it(write_map: Callable[..., Path]) -> None:
    path = write_map(
        """
        claims:
          a: {text: A}
          b: {text: B}
        attacks:
          - {from: a, to: b
          - {from: b, to: a}
          - {from: a, to: nowhere}
        """
    )
    assert found(path)[-1] == (
        "AM106",
        7,
        19,
        "no claim or inference `nowhere` (in attack #3's `to`)",
    )


def test_nothing_is_reported_that_the_part_left_out_may_cause(
    write_map: Callable[..., Path],
) -> None:
    """The broken claim `b` is premise and conclusion elsewhere: no dangling reference to it,
    and no "used nowhere", "falls apart" or "no main conclusion" for what it linked."""
    path = write_map(
        """
        claims:
          a: {text: A}
          b: {text: "B}
          c: {text: C}
          d: {text: D}
        inferences:
          i: {premises: [a], conclusion: b}
          j: {premises: [b], conclusion: c}
        """
    )
    assert [d.code for d in argmap.check_path(path)] == ["AM004"]


def test_a_broken_claims_section_says_no_more(write_map: Callable[..., Path]) -> None:
    """With `claims:` itself broken, what is left is no map: nothing false is added."""
    path = write_map("claims: [a: {text: A}\ninferences:\n  i: {premises: [a], conclusion: b}\n")
    assert [d.code for d in argmap.check_path(path)] == ["AM004"]


def test_the_cli_shows_every_problem_of_a_broken_map(write_map: Callable[..., Path]) -> None:
    from tests.test_gate import run_cli

    path = write_map(BROKEN[0][1])
    done = run_cli("check", str(path))
    assert done.returncode == 1
    assert "AM004" in done.stdout and "AM106" in done.stdout
    assert "2 error(s)" in done.stdout


def test_the_samples_of_the_diagnostics_page_are_what_argmap_prints() -> None:
    """Each ```text block of docs/diagnostics.md right after a ```sh block is the output of
    that block's first command, run from the repository's folder."""
    import re
    import shlex
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    page = (root / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    pairs = re.findall(r"```sh\n(.*?)\n.*?```\n\n```text\n(.*?)```", page, re.S)
    assert len(pairs) >= 2
    for command, shown in pairs:
        args = shlex.split(command, comments=True)
        assert args[0] == "argmap"
        done = subprocess.run(
            [sys.executable, "-m", "argmap", *args[1:]],
            cwd=root,
            capture_output=True,
            text=True,
            env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
            check=False,
        )
        assert done.stdout == shown, command
