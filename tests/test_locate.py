"""Locating diagnostics: parsing only the elements concerned gives the positions a full parse
gives."""

from __future__ import annotations

import pytest

from argmap.locate import _element_positions, _parse_spans, parse_located
from argmap.model import Origin
from tests.conftest import MAPS
from tests.test_diagnostics import CASES

TEXTS = [text for text, _, _ in CASES.values()] + [
    p.read_text(encoding="utf-8") for p in sorted(MAPS.glob("*.yaml"))
]


@pytest.mark.parametrize("text", TEXTS)
def test_targeted_positions_equal_full_parse(text: str) -> None:
    _, _, full, full_ends = _parse_spans(Origin(path="m.yaml", text=text), 10_000)
    for pointer in [p for p in full if len(p) >= 2]:
        element = _element_positions(text, pointer)
        if element is None:
            continue
        positions, ends = element
        for inner, position in positions.items():
            assert full.get(inner) == position, (pointer, inner)
            assert full_ends.get(inner) == ends[inner], (pointer, inner)


def test_block_style_maps_are_located_without_a_full_parse() -> None:
    text = (MAPS / "runway-letter.yaml").read_text(encoding="utf-8")
    full = parse_located(Origin(path="m.yaml", text=text), 10_000)[2]
    elements = [p for p in full if len(p) == 2 and p[0] in ("claims", "inferences", "attacks")]
    assert elements
    assert all(_element_positions(text, p) is not None for p in elements)
