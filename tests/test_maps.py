"""The maps shipped in maps/ check clean: no errors and no warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from tests.conftest import MAPS

MAP_FILES = sorted(p for p in MAPS.glob("*.yaml"))


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: p.name)
def test_map_checks_without_diagnostics(path: Path) -> None:
    m = argmap.load(path)
    assert argmap.check(m) == []


def test_flagship_quotes_are_all_checked() -> None:
    m = argmap.load(MAPS / "runway-letter.yaml")
    quoted = [c for c in m.claims.values() if c.quote is not None]
    assert len(quoted) >= 20
    assert {"en", "pt"} <= set(m.languages)
    assert all(
        isinstance(c.text, dict) and {"en", "pt"} <= c.text.keys() for c in m.claims.values()
    )
