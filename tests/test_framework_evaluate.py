"""Abstract frameworks labelled from integer pairs: the same rows as the general way."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.evaluate import evaluate_graph, report
from argmap.evaluate.framework import OBJECTION, UNUSED, framework_report, read_framework
from argmap.formats import dung
from argmap.graph import Role, build
from argmap.limits import Limits
from argmap.read import read_text
from tests.test_dung import framework_texts


def general_rows(text: str, reject: list[str]) -> list[dict[str, str]] | None:
    argmap, _ = read_text(text, "f.apx", limits=Limits(max_text=3))
    if argmap is None or not set(reject) <= argmap.claims.keys():
        return None
    graph = build(argmap)
    return report(argmap, graph, evaluate_graph(argmap, graph, reject=reject))


@settings(max_examples=300, deadline=None)
@given(framework_texts(), st.lists(st.sampled_from(["a", "b1", "1", "2", "x.y"]), max_size=2))
@example("arg(a).\narg(b1).\natt(a,b1).\natt(a,b1).\natt(b1,b1).\n", ["a"])
@example("p af 3\n1 2\n2 3\n", [])
@example("a l\nb1\n#\na b1 x\nb1 a\n", [])
@example("arg(a).\n% c\n\n arg( b1 ) .\r\natt(a,b1).", [])
def test_the_rows_are_those_of_the_map_and_its_graph(text: str, reject: list[str]) -> None:
    """Whatever the file, the fast way labels it as the general way or leaves it to it."""
    framework = dung.framework(text, Limits(max_text=3))
    expected = general_rows(text, reject)
    if framework is None:
        return  # the general way reads it, with its diagnostics
    argmap, _ = read_text(text, "f.apx", limits=Limits(max_text=3))
    assert argmap is not None, "the fast way took a file with a problem"
    rows = framework_report(framework, reject=reject)
    if set(reject) <= framework.numbers.keys():
        assert rows == expected
    else:
        assert rows is None  # an unknown id: the general way says which one


@st.composite
def clean_frameworks(draw: st.DrawFn) -> str:
    """Well-formed files of the three formats: declared twice, attacks repeated, comments."""
    n = draw(st.integers(1, 6))
    pairs = draw(st.lists(st.tuples(st.integers(1, n), st.integers(1, n)), max_size=12))
    twice = draw(st.lists(st.integers(1, n), max_size=2))
    names = sorted([*range(1, n + 1), *twice])
    space = draw(st.sampled_from(["", " ", "\t", " \r"]))
    form = draw(st.sampled_from(["apx", "tgf", "af"]))
    if form == "apx":
        lines = [f"arg({space}{k}{space}).{space}" for k in names] + ["% a comment", ""]
        lines += [f"att({u},{space}{v}){space}." for u, v in pairs]
    elif form == "tgf":
        lines = [f"{k}{space} label" for k in names] + ["#"] + [f"{u} {v}{space}" for u, v in pairs]
    else:
        lines = [f"p af {n}", "# a comment"] + [f"{space}{u} {v}{space}" for u, v in pairs]
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=200, deadline=None)
@given(clean_frameworks(), st.lists(st.sampled_from(["1", "2", "3"]), max_size=2, unique=True))
def test_clean_frameworks_take_the_fast_way(text: str, reject: list[str]) -> None:
    framework = dung.framework(text, Limits())
    assert framework is not None
    expected = general_rows(text, reject)
    rows = framework_report(framework, reject=reject)
    assert rows == expected or (expected is None and rows is None)


def test_the_roles_are_the_graphs() -> None:
    assert (Role.OBJECTION.value, Role.UNUSED.value) == (OBJECTION, UNUSED)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_labels_a_framework_as_documented(write_map: Callable[..., Path]) -> None:
    path = write_map("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n", "af.apx")
    assert read_framework(path) is not None
    code, out, _ = run("evaluate", str(path), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(r["id"], r["label"]) for r in data["claims"]] == [
        ("a", "in"),
        ("b", "out"),
        ("c", "in"),
    ]
    assert data["inferences"] == {} and data["explanations"] == {}
    code, out, _ = run("evaluate", str(path), "--reject", "a")
    assert code == 0 and out.splitlines()[1].split()[:2] == ["out", "a"]


@pytest.mark.parametrize(
    ("text", "args", "expected"),
    [
        ("arg(a).\natt(a,b).\n", [], "AM521"),  # a problem in the file: located as ever
        ("arg(a).\nattack(a,b).\n", [], "AM520"),
        ("arg(a).\n", ["--accept", "b"], "AM501"),  # an unknown id: the general way's hint
        ("arg(a).\n", ["--accept", "a", "--reject", "a"], "AM502"),
    ],
)
def test_cli_problems_are_said_as_the_general_way_says_them(
    write_map: Callable[..., Path], text: str, args: list[str], expected: str
) -> None:
    path = write_map(text, "af.apx")
    code, out, err = run("evaluate", str(path), *args)
    assert code in (1, 2) and out == ""
    assert f"{path}:" in err and expected in err


def test_cli_explain_takes_the_general_way(write_map: Callable[..., Path]) -> None:
    path = write_map("arg(a).\narg(b).\natt(a,b).\n", "af.apx")
    code, out, _ = run("evaluate", str(path), "--explain", "b")
    assert code == 0 and "b: out: attacked by `a`" in out
