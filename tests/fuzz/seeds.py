"""Seed inputs for fuzzing each reader: the repo's maps and the shared corpora of its format."""

from __future__ import annotations

from pathlib import Path

from argmap.formats import FORMATS, Format
from argmap.read import read_path
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


def seeds(form: Format) -> list[bytes]:
    """The seed files' bytes (cut at 100 kB), and the example map as the format writes it."""
    found = [path.read_bytes()[:100_000] for path in seed_files(form)]
    writer = form.write
    if writer is not None:
        example, _ = read_path(MAPS / "example.yaml")
        assert example is not None
        found.append(writer(example).encode("utf-8"))
    return found


def format_names() -> list[str]:
    return [form.name for form in FORMATS]
