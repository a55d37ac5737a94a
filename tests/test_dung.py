"""Abstract frameworks: the readers, and grounded labels against the ASPARTIX references."""

from __future__ import annotations

import re
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.evaluate import Label, evaluate
from argmap.formats import dung
from argmap.limits import Limits
from argmap.model import ArgumentMap
from argmap.read import read_path, read_text
from tests.complexity import BOUND, growth
from tests.conftest import shared


def grounded_in(path: Path) -> set[str]:
    argmap, diags = read_path(path)
    assert argmap is not None, diags
    return {c for c, label in evaluate(argmap).labels.items() if label is Label.IN}


def apx_files() -> list[Path]:
    return sorted(shared("corpora", "dung", "grounded").glob("*.apx"))


def test_grounded_extension_equals_every_aspartix_reference() -> None:
    files = apx_files()
    assert files
    for path in files:
        solution = Path(f"{path}.sols").read_text(encoding="utf-8")
        assert grounded_in(path) == set(re.findall(r"[^\[\],\s]+", solution)), path.name


def test_tgf_reinstatement() -> None:
    assert grounded_in(shared("corpora", "dung", "reinstatement1.tgf")) == {"1", "3"}


def test_iccma_large_files_read() -> None:
    for path in sorted(shared("corpora", "dung", "large").glob("*.af")):
        argmap, diags = read_path(path)
        assert argmap is not None and diags == []
        header = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert len(argmap.claims) == int(header.split()[2])


def naive_grounded(arguments: list[str], attacks: list[tuple[str, str]]) -> set[str]:
    """Dung's definition, iterated: the least fixed point of the characteristic function."""
    extension: set[str] = set()
    while True:
        defended = {
            a
            for a in arguments
            if all(any((d, b) in attacks for d in extension) for b, t in attacks if t == a)
        }
        if defended == extension:
            return extension
        extension = defended


@given(
    st.integers(1, 7).flatmap(
        lambda n: st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=14
        ).map(lambda e: (n, e))
    )
)
def test_grounded_agrees_with_the_definition(framework: tuple[int, list[tuple[int, int]]]) -> None:
    n, edges = framework
    arguments = [f"a{i}" for i in range(n)]
    attacks = sorted({(f"a{u}", f"a{v}") for u, v in edges})
    m = ArgumentMap.model_validate(
        {
            "claims": {a: {"text": a} for a in arguments},
            "attacks": [{"from": u, "to": v} for u, v in attacks],
        }
    )
    got = {c for c, label in evaluate(m).labels.items() if label is Label.IN}
    assert got == naive_grounded(arguments, attacks)


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("af.apx", "arg(a).\nattack(a,b).\n", 2),
        ("af.apx", "arg(a b).\n", 1),
        ("af.tgf", "a\n#\na\n", 3),
        ("af.af", "p af x\n", 1),
        ("af.af", "p af 2\n1 2 3\n", 2),
    ],
)
def test_am520_unreadable_line(
    write_map: Callable[..., Path], name: str, text: str, line: int
) -> None:
    argmap, diags = read_path(write_map(text, name))
    assert argmap is None
    assert [(d.code, d.line, d.column) for d in diags] == [("AM520", line, 1)]


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [("af.apx", "arg(a).\natt(a,b).\n", 2), ("af.af", "p af 2\n# c\n1 3\n", 3)],
)
def test_am521_attack_on_undeclared_argument(
    write_map: Callable[..., Path], name: str, text: str, line: int
) -> None:
    argmap, diags = read_path(write_map(text, name))
    assert argmap is None
    assert [(d.code, d.line, d.column) for d in diags] == [("AM521", line, 1)]


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("big.af", "# a comment\np af 3000000\n", 2),
        ("big.af", "p af " + "9" * 5000 + "\n", 1),  # int() refuses 4,300 digits and more
        ("af.apx", "arg(a).\n% c\n\narg(b).\natt(a,b).\natt(b,a).\n", 6),
        ("af.tgf", "a\nb\n\n#\na b\n#\nb a\n", 7),
        ("af.af", "p af 2\n1 2\n# c\n\n2 1\n", 5),
    ],
)
def test_am008_at_the_line_past_the_limit(name: str, text: str, line: int) -> None:
    argmap, diags = read_text(text, name, limits=Limits(max_elements=3))
    assert argmap is None
    assert [(d.code, d.line, d.column) for d in diags] == [("AM008", line, 1)]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("af.apx", "arg(a).\n% c\n\narg(b).\natt(a,b).\n"),
        ("af.tgf", "a\nb\n#\na b\n"),
        ("af.af", "p af 2\n# c\n1 2\n"),
    ],
)
def test_a_framework_at_the_limit_is_read(name: str, text: str) -> None:
    argmap, diags = read_text(text, name, limits=Limits(max_elements=3))
    assert argmap is not None and diags == [d for d in diags if d.severity == "warning"]
    assert len(argmap.claims) + len(argmap.attacks) == 3


@pytest.mark.parametrize(
    "text",
    ["p af 3000000\n", "arg(a).\n" + "att(a,a).\n" * 100_000, "#\n" + "a a\n" * 100_000],
)
def test_refused_before_anything_is_built(text: str) -> None:
    """Past the limit, the reader keeps nothing per line: `p af 3000000` took 3 GB."""
    tracemalloc.start()
    try:
        parsed = dung.read(text, "f", Limits(max_elements=1000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [d.code for d in parsed.diagnostics] == ["AM008"]
    assert peak < 100_000, peak


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("af.apx", "arg(a).\narg(" + "x" * 60_000 + ").\n", 2),
        ("af.apx", "arg(a).\natt(a," + "x" * 201 + ").\n", 2),
        ("af.tgf", "a\n" + "x" * 201 + " label\n", 2),
        ("af.tgf", "a\n#\na " + "x" * 201 + "\n", 3),
        ("af.af", "p af 2\n1 " + "2" * 201 + "\n", 2),
    ],
)
def test_a_name_past_the_id_limit_is_am520_at_its_line(name: str, text: str, line: int) -> None:
    argmap, diags = read_text(text, name)
    assert argmap is None
    assert [(d.code, d.line) for d in diags] == [("AM520", line)]
    assert "at most 200" in diags[0].message and len(diags[0].message) < 200


@pytest.mark.parametrize(
    ("name", "text"),
    [("af.apx", "arg(abcdef).\natt(abcdef,abcdef).\n"), ("af.tgf", "abcdef\n#\nabcdef abcdef\n")],
)
def test_a_name_past_the_text_limit_is_am108(name: str, text: str) -> None:
    argmap, diags = read_text(text, name, limits=Limits(max_text=5))
    assert argmap is None
    assert [(d.code, d.line) for d in diags] == [("AM108", 1)]


def test_lines_end_at_newline_and_carriage_returns_are_white_space() -> None:
    argmap, _ = read_text("arg(a).\r\narg( b ) . % c\r\natt(a ,b).\r\n", "af.apx")
    assert argmap is not None and [a.to for a in argmap.attacks] == ["b"]
    assert argmap.origin is not None and argmap.origin.positions is not None
    assert argmap.origin.positions["attacks", 0] == ((3, 1), (3, 1))


LINE_PARTS = ["arg(", "att(", "a", "b1", "x.y", "é", ",", ")", ").", " ", "\t", "\r", "%", "#", "1"]


@st.composite
def framework_texts(draw: st.DrawFn) -> str:
    """Lines close to the three formats' own, and some that are not."""
    lines = draw(st.lists(st.lists(st.sampled_from(LINE_PARTS), max_size=8).map("".join)))
    head = draw(st.sampled_from(["", "p af 3\n", "arg(a).\n", "a\n#\n"]))
    return head + "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(framework_texts())
@example("arg(a).\natt(a,a).\natt(a, é).\narg(b)")
@example("p af 3\n1 2\n 3 1 \n# c\n  # x\n1 2 3\n4 1\n")
@example("a l\nb\n#\na b x\nb\n#\nb é\n")
def test_the_fast_branch_reads_as_the_slow_functions(text: str) -> None:
    """The fast branch of each format's line pattern only saves time."""
    fast = dung.read(text, "f", Limits(max_text=3))
    with pytest.MonkeyPatch.context() as patch:
        for flavour, pattern in dung._LINES.items():
            patch.setitem(dung._LINES, flavour, re.compile("(?!)" + pattern.pattern, re.M))
        slow = dung.read(text, "f", Limits(max_text=3))
    assert fast.data == slow.data and fast.positions == slow.positions
    assert fast.diagnostics == slow.diagnostics


#: Adversarial frameworks growing with n: name -> (file name, text for n).
ADVERSARIAL: dict[str, tuple[str, Callable[[int], str]]] = {
    "apx long name": ("f.apx", lambda n: "arg(" + "x" * (100 * n) + ").\n"),
    "apx long bad line": ("f.apx", lambda n: "arg(a).\n" + "att(a, b c " * (10 * n) + "\n"),
    "apx deep parentheses": ("f.apx", lambda n: "arg(" + "(" * (50 * n) + "a" + ")" * (50 * n)),
    "apx many comments": ("f.apx", lambda n: "% c\n" * (20 * n) + "arg(a).\n"),
    "apx attacks on one": ("f.apx", lambda n: "arg(a).\narg(t).\n" + "att(a,t).\n" * (4 * n)),
    "tgf long name": ("f.tgf", lambda n: "x" * (100 * n) + "\n"),
    "tgf long line": ("f.tgf", lambda n: "a " + "label " * (20 * n) + "\n#\na a\n"),
    "tgf many blank lines": ("f.tgf", lambda n: "a\n" + "\n" * (50 * n) + "#\n"),
    "tgf attacks on one": ("f.tgf", lambda n: "a\nt\n#\n" + "a t\n" * (4 * n)),
    "iccma long line": ("f.af", lambda n: "p af 1\n" + "1 " * (50 * n) + "\n"),
    "iccma long header": ("f.af", lambda n: "p af " + "0" * (100 * n) + "1\n"),
    "iccma many comments": ("f.af", lambda n: "p af 1\n" + "# c\n" * (20 * n)),
    "iccma attacks on one": ("f.af", lambda n: "p af 2\n" + "1 2\n" * (4 * n)),
}


@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_reading_time_grows_linearly(case: str) -> None:
    """n and 4n in one process: four times the input, at most BOUND times the time."""
    name, make = ADVERSARIAL[case]
    ratio = growth(lambda text: dung.read(text, name, Limits()), make(1000), make(4000))
    assert ratio <= BOUND, f"{case}: {ratio:.1f} times the time for 4 times the input"


def test_framework_bombs_are_refused() -> None:
    """The bomb script runs (tiny, with the limit lowered so that it still stops them)."""
    from tests.benchmarks import bombs_frameworks

    rows = bombs_frameworks.main(["--scale", "0.001"], env={"ARGMAP_MAX_ELEMENTS": "500"})
    answers = {name: code for name, code, _, _ in rows}
    assert answers.pop("16 MB apx of comments") in ("ok", "AM305")
    assert answers.pop("60 MB argument name") == "AM520"
    assert set(answers.values()) == {"AM008"}, answers
