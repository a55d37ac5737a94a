"""Abstract frameworks: the readers, and grounded labels against the ASPARTIX references."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.evaluate import Label, evaluate
from argmap.model import ArgumentMap
from argmap.read import read_path
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
