"""The 25-mistake trial of #12, kept: each mistake a new user makes, alone in a clean map, is
the first thing `argmap check` reports, at its place, with a hint that fixes it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import argmap
from tests.trial_table import FIXTURES, MISTAKES


def test_the_trial_maps_check_clean() -> None:
    for name in ("phones.yaml", "trees.yaml"):
        assert argmap.check_path(FIXTURES / name) == []


@pytest.mark.parametrize(
    ("name", "file", "old", "new", "code", "line", "column", "hint"),
    MISTAKES,
    ids=[m[0] for m in MISTAKES],
)
def test_a_mistake_is_reported_first_at_its_place_with_a_hint_that_fixes_it(
    tmp_path: Path,
    name: str,
    file: str,
    old: str,
    new: str,
    code: str,
    line: int,
    column: int,
    hint: str,
) -> None:
    text = (FIXTURES / file).read_text(encoding="utf-8")
    assert text.count(old) == 1, "the mistake must be made in one place"
    shutil.copy(FIXTURES / "survey.txt", tmp_path)
    (tmp_path / file).write_text(text.replace(old, new), encoding="utf-8")
    first = argmap.check_path(tmp_path / file)[0]
    assert (first.code, first.line, first.column) == (code, line, column), first
    assert first.hint.startswith(hint), first.hint
