"""Shared fixtures: maps written to a temporary folder, and the shared corpora."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MAPS = Path(__file__).resolve().parents[1] / "maps"


@pytest.fixture
def write_map(tmp_path: Path) -> Callable[..., Path]:
    """Write a map's text (dedented) to a file and return its path."""

    def write(text: str, name: str = "map.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


def shared(*parts: str) -> Path:
    """A path under ../shared, skipping the test when the folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared is absent here: {path} (the corpora are beside the repo in CI)")
    return path
