"""A long section validated a part at a time gives the map, and the diagnostics, of the whole
map validated at once; elements that share their set of field names behave as Pydantic's own.
"""

from __future__ import annotations

import copy
import pickle
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap, Attack, Claim, Element, SharedNames, dump, share_fields_set
from argmap.validate import validate
from tests.strategies import every_kind

#: Larger than any map drawn here: the whole map validated at once.
WHOLE = 10**9

#: What a mistake can put in place of a value.
WRONG = st.sampled_from([42, None, "x y", [], {}, {"bad key": 1}, ["a", 5], True, 1.5])


@st.composite
def broken_data(draw: st.DrawFn) -> dict[str, Any]:
    """A map's data with a few mistakes anywhere: values of the wrong type, unknown fields,
    invalid ids, elements that are not mappings, fields missing, sections of the wrong type."""
    data = dump(draw(every_kind()))
    data.setdefault("attacks", [])
    for _ in range(draw(st.integers(0, 4))):
        section = draw(st.sampled_from(["claims", "inferences", "attacks", "top"]))
        if section == "top":
            key = draw(st.sampled_from(["title", "lang", "main", "issues", "zz", "claims"]))
            data[key] = draw(WRONG) if key != "claims" else draw(st.sampled_from([[], {}]))
            continue
        elements = data.get(section)
        if not elements or not isinstance(elements, dict | list):
            continue
        keys = list(elements) if isinstance(elements, dict) else list(range(len(elements)))
        where = draw(st.sampled_from(keys))
        mistake = draw(st.sampled_from(["value", "unknown", "id", "element", "missing"]))
        element = elements[where]
        if mistake == "id" and isinstance(elements, dict):
            elements[f"{where} bad"] = elements.pop(where)
        elif mistake == "element":
            elements[where] = draw(WRONG)
        elif isinstance(element, dict) and element:
            field = draw(st.sampled_from(sorted(element)))
            if mistake == "value":
                element[field] = draw(WRONG)
            elif mistake == "unknown":
                element[field + "x"] = element.get(field)
            else:
                del element[field]
    return data


def _said(diags: list[Diagnostic]) -> list[tuple[Any, ...]]:
    return [(d.code, d.message, d.hint, d.pointer) for d in diags]


def _fields_sets(argmap: ArgumentMap) -> list[set[str]]:
    elements: list[Element] = [argmap, *argmap.claims.values(), *argmap.inferences.values()]
    return [set(e.model_fields_set) for e in [*elements, *argmap.attacks]]


@settings(max_examples=300, deadline=None)
@given(broken_data(), st.integers(1, 3))
def test_validating_in_parts_gives_what_validating_at_once_gives(
    data: dict[str, Any], part: int
) -> None:
    in_parts, parted_diags = validate(copy.deepcopy(data), part)
    at_once, diags = validate(copy.deepcopy(data), WHOLE)
    assert _said(parted_diags) == _said(diags)
    assert (in_parts is None) == (at_once is None)
    if in_parts is not None and at_once is not None:
        assert in_parts == at_once
        assert dump(in_parts) == dump(at_once)
        assert _fields_sets(in_parts) == _fields_sets(at_once)


def test_a_long_section_is_validated_in_parts_and_emptied_in_the_data() -> None:
    data = {
        "claims": {f"c{i}": {"text": f"C{i}"} for i in range(5)},
        "attacks": [{"from": "c0", "to": f"c{i}"} for i in range(1, 5)],
    }
    argmap, diags = validate(data, 2)
    assert argmap is not None and not diags
    assert data == {"claims": {}, "attacks": []}
    assert list(argmap.claims) == [f"c{i}" for i in range(5)]
    assert [a.to for a in argmap.attacks] == ["c1", "c2", "c3", "c4"]
    claims = list(argmap.claims.values())
    assert all(c.__pydantic_fields_set__ is claims[0].__pydantic_fields_set__ for c in claims)


def test_an_error_in_a_later_part_is_placed_in_the_whole_section() -> None:
    data = {
        "claims": {"a": {"text": "A"}, "b": {"text": "B"}},
        "attacks": [{"from": "a", "to": "b"}] * 4 + [{"from": "a", "too": "b"}],
    }
    _, diags = validate(data, 2)
    assert [(d.code, d.pointer, d.message, d.hint) for d in diags] == [
        (
            "AM101",
            ("attacks", 4, "too"),
            "unknown field `too` in attack #5",
            "did you mean `to`? (attack #5 needs `to`)",
        )
    ]


def _shared(claims: list[Claim]) -> list[Claim]:
    share_fields_set(claims, {})
    assert type(claims[0].__pydantic_fields_set__) is SharedNames
    assert claims[0].__pydantic_fields_set__ is claims[1].__pydantic_fields_set__
    return claims


def test_an_element_assigned_to_takes_its_own_fields_set() -> None:
    a, b = _shared([Claim(text="A"), Claim(text="B")])
    a.note = "set later"
    assert a.model_fields_set == {"text", "note"}
    assert b.model_fields_set == {"text"}
    assert a.model_dump(exclude_unset=True) == {"text": "A", "note": "set later"}
    assert b.model_dump(exclude_unset=True) == {"text": "B"}


def test_model_fields_set_is_the_elements_own() -> None:
    a, b = _shared([Claim(text="A"), Claim(text="B")])
    a.model_fields_set.add("tags")  # Pydantic hands out the set itself: a change is a's alone
    assert b.model_fields_set == {"text"}
    assert a.model_dump(exclude_unset=True) == {"text": "A", "tags": []}


def test_copies_of_elements_sharing_a_set_are_their_own() -> None:
    a, b = _shared([Claim(text="A"), Claim(text="B")])
    updated = a.model_copy(update={"note": "n"})
    assert updated.model_fields_set == {"text", "note"}
    assert b.model_fields_set == {"text"}
    for other in (copy.copy(a), copy.deepcopy(a), a.model_copy(deep=True)):
        assert type(other.__pydantic_fields_set__) is set
        other.status = "open"
        assert a.model_fields_set == b.model_fields_set == {"text"}
    assert a == Claim(text="A") and a.model_dump() == Claim(text="A").model_dump()


def test_elements_unpickled_together_share_their_set_safely() -> None:
    a, b = pickle.loads(pickle.dumps(_shared([Claim(text="A"), Claim(text="B")])))
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    b.implicit = True
    assert a.model_dump(exclude_unset=True) == {"text": "A"}
    assert b.model_dump(exclude_unset=True) == {"text": "B", "implicit": True}


def test_elements_with_different_fields_set_share_by_kind() -> None:
    attacks = [Attack(**{"from": "a", "to": "b"}), Attack(**{"from": "a", "to": "b", "note": "n"})]
    attacks.append(Attack(**{"from": "c", "to": "d"}))
    shared: dict[frozenset[str], SharedNames] = {}
    share_fields_set(attacks, shared)
    assert attacks[0].__pydantic_fields_set__ is attacks[2].__pydantic_fields_set__
    assert attacks[1].__pydantic_fields_set__ == {"from_", "to", "note"}
    assert len(shared) == 2
