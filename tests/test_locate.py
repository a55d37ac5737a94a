"""Locating diagnostics: parsing only the elements concerned gives the positions a full parse
gives."""

from __future__ import annotations

import pytest

from argmap.locate import _element_keys
from argmap.located_yaml import element_positions, parse_located, parse_spans
from argmap.model import Origin
from argmap.read import read_text
from tests.conftest import MAPS
from tests.test_diagnostics import CASES

#: A field at the depth of the elements (`text:` of `b` not indented under it): the key
#: `text` of the section is on line 5, not the `text` of `a` deeper in on line 3.
FIELD_AT_ELEMENTS_DEPTH = (
    "claims:\n  a:\n    text: A\n  b:\n  text: B\n  c:\n    text: C\n"
    "attacks:\n  - from: a\n    to: c\n  - from: c\n    to: a\n"
)

TEXTS = (
    [text for text, _, _ in CASES.values()]
    + [p.read_text(encoding="utf-8") for p in sorted(MAPS.glob("*.yaml"))]
    + [FIELD_AT_ELEMENTS_DEPTH]
)


@pytest.mark.parametrize("text", TEXTS)
def test_targeted_positions_equal_full_parse(text: str) -> None:
    _, _, full, full_ends = parse_spans(Origin(path="m.yaml", text=text), 10_000)
    for pointer in [p for p in full if len(p) >= 2]:
        element = element_positions(text, pointer)
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
    assert all(element_positions(text, p) is not None for p in elements)


def test_an_element_is_found_at_its_section_depth() -> None:
    positions, _ = element_positions(FIELD_AT_ELEMENTS_DEPTH, ("claims", "text")) or ({}, {})
    assert positions[("claims", "text")] == ((5, 3), (5, 9))


def test_a_mistake_is_reported_once_at_its_place() -> None:
    diags = read_text(FIELD_AT_ELEMENTS_DEPTH, "m.yaml")[1]
    placed = [(d.pointer, d.line) for d in diags]
    assert len(placed) == len(set(p for p, _ in placed)), placed
    assert (("claims", "text"), 5) in placed, placed


#: Texts whose key lines a scan could misread: CRLF line ends, a quoted text running on at a
#: key's indentation (a line of it looks like a key, and the id is also a real key), comments
#: and blank lines between the elements, a flow-style section.
TRICKY = [
    "claims:\r\n  a:\r\n    text: A\r\n\r\n  b: {text: B}\r\ninferences:\r\n"
    "  i: {premises: [a], conclusion: b}\r\n",
    'claims:\n  a:\n    text: "one line\n  b: and the next"\n  b:\n    text: B\n',
    "claims:\n  # the first\n  a:  # A\n    text: A\n\n\n  b.2-x_y:\n    text: B\nmain: [a]\n",
    "claims: {a: {text: A}, b: {text: B}}\n",
    "title: t\nclaims:\n  a: {text: A}\n  'b': {text: B}\n",
]


@pytest.mark.parametrize("text", TEXTS + TRICKY)
def test_scanned_element_keys_equal_full_parse(text: str) -> None:
    origin = Origin(path="m.yaml", text=text)
    _, _, full, full_ends = parse_spans(origin, 10_000)
    elements = [p for p in full if len(p) == 2 and isinstance(p[1], str)]
    for pointer, (start, end) in _element_keys(origin, elements).items():
        assert start == full[pointer][0], pointer
        assert end == full_ends[pointer][0], pointer


def test_keys_of_a_block_style_map_are_found_by_the_scan() -> None:
    text = (MAPS / "runway-letter.yaml").read_text(encoding="utf-8")
    origin = Origin(path="m.yaml", text=text)
    full = parse_located(origin, 10_000)[2]
    elements = [p for p in full if len(p) == 2 and p[0] in ("claims", "inferences")]
    assert len(elements) > 50
    assert set(_element_keys(origin, elements)) == set(elements)
    crlf = Origin(path="m.yaml", text=text.replace("\n", "\r\n"))
    assert set(_element_keys(crlf, elements)) == set(elements)
    # a line of a quoted text that looks like a key: the section is left to the parser
    assert _element_keys(Origin(path="m.yaml", text=TRICKY[1]), [("claims", "b")]) == {}
