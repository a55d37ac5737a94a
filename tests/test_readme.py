"""The README documents what the code does: every diagnostic code, every map field."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from argmap.diagnostics import CODES
from argmap.model import ArgumentMap, Attack, Claim, Inference, Issue, Quote, Source, Voice

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_code_is_documented() -> None:
    missing = [
        code for code in CODES if f"| `{code}` | {CODES[code].severity.value} |" not in README
    ]
    assert not missing, f"codes missing from the README's table: {missing}"


def test_every_field_is_documented() -> None:
    models: list[type[BaseModel]] = [
        ArgumentMap,
        Attack,
        Claim,
        Inference,
        Issue,
        Quote,
        Source,
        Voice,
    ]
    names = {f.alias or name for model in models for name, f in model.model_fields.items()}
    missing = sorted(n for n in names if f"`{n}`" not in README)
    assert not missing, f"fields missing from the README: {missing}"
