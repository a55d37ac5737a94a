"""Seed inputs for fuzzing each reader: the repo's maps and the shared corpora of its format."""

from __future__ import annotations

from pathlib import Path

from argmap.formats import FORMATS, Format
from tests.conftest import MAPS, SHARED


def seed_files(form: Format) -> list[Path]:
    """Files with one of the format's extensions, from maps/, tests/fixtures and ../shared."""
    roots = [MAPS, Path(__file__).resolve().parents[1] / "fixtures", SHARED / "corpora"]
    found = [
        path
        for root in roots
        if root.is_dir()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.suffix.lower() in form.suffixes
    ]
    return found[:40]


def format_names() -> list[str]:
    return [form.name for form in FORMATS]
