"""Validate: plain data -> an ArgumentMap, each Pydantic error a diagnostic that points at the fix.

Pydantic finds every error of shape at once; this module says each in a person's words, at
its place: one mistake, one diagnostic. A misspelt field is one "unknown field, did you mean"
rather than an unknown field and a missing one; a number where a text belongs is one "wrong
type", not one per form a text can take.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import replace
from itertools import chain
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

from argmap.diagnostics import Diagnostic, Pointer, describe, diagnostic
from argmap.fields import field_names, fields_at, holds_ids
from argmap.model import ArgumentMap, Element, SharedNames, share_fields_set

if TYPE_CHECKING:
    from pydantic import TypeAdapter

E = TypeVar("E", bound=Element)

_TEXT = "a text (a string, or {en: ..., pt: ...})"
_TEXT_HINT = "write the text as a string, or one per language: {en: ..., pt: ...}"

#: What each field holds, as the messages say it ("should be a list of claim ids").
EXPECTED = {
    "text": _TEXT,
    "label": _TEXT,
    "premises": "a list of claim ids, as in [a, b]",
    "conclusion": "one claim id",
    "from": "one claim id",
    "to": "one claim or inference id",
    "by": "one voice id",
    "source": "one source id",
    "positions": "a list of claim ids",
    "main": "a list of claim ids",
    "weight": "a number from 0 to 1",
    "tags": "a list of tags, as in [economy, media]",
    "argmap": "the format version, 1",
    "status": "accepted, rejected or open",
    "date": "a date (2024-05-01) or a year (1972)",
    "attacks": "a list of attacks, each `- from: a` with `to: b` under it",
    "claims": "a mapping of claims by id, as in `a: {text: ...}`",
    "inferences": "a mapping of inferences by id, as in `i: {premises: [a], conclusion: b}`",
    "issues": "a mapping of issues by id, as in `q: {positions: [a, b]}`",
    "sources": "a mapping of sources by id, as in `s: {title: ...}`",
    "voices": "a mapping of voices by id, as in `v: {name: ...}`",
    "type": "assumption or exception",
    "attack": "undermine, undercut or rebut",
    "answers": "one question id, as in `expertise`",
    "catalogue": "a catalogue file's path, or schemes by id",
}

#: What an item of each list field holds ("`premises` #2 should be a claim id").
ITEM = {
    "premises": "a claim id",
    "positions": "a claim id",
    "main": "a claim id",
    "tags": "a tag, as in economy",
}

#: Hints for what a field holds, where docs/format.md is not enough.
HINTS = {
    "text": _TEXT_HINT,
    "label": _TEXT_HINT,
    "premises": "list the claims that together support the conclusion: premises: [a, b]",
    "conclusion": "an inference has one conclusion: for two, write two inferences",
    "weight": "a weight is a number from 0 (no support) to 1 (full support)",
    "tags": "tags is a list of slugs: [economy, media]",
    "argmap": "the format version is 1",
    "status": "status is accepted, rejected or open",
    "attacks": "write each attack as a list item: `- from: a`, and `to: b` under it",
    "type": "a question is an assumption (holds until questioned) or an exception (holds "
    "only when shown)",
    "attack": "an answer undermines a premise, undercuts the inference or rebuts the conclusion",
}

#: Each kind of element's first field: what an element written without its fields lacks.
FIRST_FIELD = {
    "claims": "text",
    "inferences": "premises",
    "issues": "positions",
    "sources": "title",
    "voices": "name",
    "attacks": "from",
}

#: Fields that tell which kind of element a mapping is, when it is out of place.
TELLING = {
    "text": "claims",
    "quote": "claims",
    "premises": "inferences",
    "conclusion": "inferences",
    "positions": "issues",
    "from": "attacks",
}

#: Fields people write by mistake, and what to do instead ({fields}: the element's fields,
#: from the model).
MISCONCEPTIONS = {
    ("attacks", "type"): "an attack's kind follows from its target: a claim is rebutted or "
    "undermined, an inference undercut; an attack has only {fields}",
    ("attacks", "kind"): "an attack's kind follows from its target; an attack has only {fields}",
    ("inferences", "conclusions"): "an inference has one `conclusion`: for two, write two "
    "inferences",
}


#: The sections of a map that are validated a part at a time when they are long, each with
#: the type it must have (one of another type is left to the whole map's validation).
PARTED: dict[str, type] = {"claims": dict, "inferences": dict, "attacks": list}

#: How many elements a part of a long section holds: a part's data and elements fit in the
#: processor's cache, and a part is a small peak of memory beside the whole map's.
PART = 2048


def validate(data: Any, part: int = PART) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Validate plain data into an ArgumentMap; every validation error becomes a diagnostic.

    A section longer than `part` elements is validated a part at a time (see
    :func:`_validate_in_parts`), which empties it in `data`; the map and the diagnostics are
    the same either way.

    >>> m, diags = validate({"claims": {"a": {"text": 42, "conlusion": "b"}}})
    >>> for d in diags:
    ...     print(d.code, d.message)
    AM102 claim `a`'s `text` should be a text (a string, or {en: ..., pt: ...}), not a number
    AM101 unknown field `conlusion` in claim `a`
    """
    if not isinstance(data, dict) or "claims" not in data:
        return None, [not_a_map(data)]
    long = [
        name
        for name, kind in PARTED.items()
        if type(data.get(name)) is kind and len(data[name]) > part
    ]
    if long:
        return _validate_in_parts(data, long, part)
    return validate_as(data, ArgumentMap)


def validate_as(data: Any, model: type[E]) -> tuple[E | None, list[Diagnostic]]:
    """Validate plain data into `model` (a map, a scheme catalogue): each error a diagnostic.

    >>> from argmap.model import Catalogue
    >>> c, diags = validate_as({"schemes": {"s": {"nmae": "S"}}}, Catalogue)
    >>> [(d.code, d.hint) for d in diags]
    [('AM101', 'did you mean `name`?')]
    """
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        diags = [_from_pydantic(e, data, model) for e in err.errors(include_url=False)]
    return None, _one_a_mistake(diags, model)


def _one_a_mistake(diags: list[Diagnostic], model: type[Element] = ArgumentMap) -> list[Diagnostic]:
    """One diagnostic a place: a union reports each of its forms (`text: 42` is neither a
    string nor a mapping), and the message says what the field should be, once."""
    unique = _sections_too_deep(list({(d.code, d.pointer): d for d in diags}.values()), model)
    # an element without fields is told of with the field misplaced after it
    told = {r.pointer for d in unique if d.at_key for r in d.related}
    unique = [d for d in unique if not (d.code == "AM102" and d.pointer in told)]
    return _merge_misspellings(unique)


def _validate_in_parts(
    data: dict[str, Any], names: list[str], part: int
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """:func:`validate` with the sections `names` validated `part` elements at a time.

    Validated at once, a map's data and its elements are all alive together until the end:
    at 100,000 claims the peak was 213 MiB for 157 kept. Here each part's data is dropped
    once its elements are made, and its elements share their sets of field names while they
    are still in the processor's cache (see :func:`argmap.model.share_fields_set`). The rest
    of the map is validated with those sections empty, and then given them. Diagnostics come
    in the order validating the whole map gives them.
    """
    sections = {name: data[name] for name in names}
    for name in names:
        data[name] = PARTED[name]()  # valid, and holding nothing: the section is apart
    made: dict[str, Any] = {}
    found: list[tuple[int, Diagnostic]] = []  # (place of the field in the map, diagnostic)
    fields = {name: i for i, name in enumerate(ArgumentMap.model_fields)}
    shared: dict[frozenset[str], SharedNames] = {}
    while sections:
        name, section = sections.popitem()
        made[name], problems = _validate_section(name, section, part, shared)
        found += ((fields[name], d) for d in problems)
    try:
        argmap = ArgumentMap.model_validate(data)
    except ValidationError as err:
        argmap = None
        for error in err.errors(include_url=False):
            place = fields.get(str(error["loc"][0]), len(fields)) if error["loc"] else -1
            found.append((place, _from_pydantic(error, data, ArgumentMap)))
    if found:
        # Pydantic's order: the fields in turn (a section's diagnostics in its order), then
        # the unknown ones; the sort is stable.
        return None, _one_a_mistake([d for _, d in sorted(found, key=lambda pair: pair[0])])
    assert argmap is not None
    argmap.__dict__.update(made)  # the sections, validated as the map's fields would be
    return argmap, []


@functools.cache
def _section_adapter(name: str) -> TypeAdapter[Any]:
    """A validator of one section of a map, as the map validates that field."""
    from pydantic import TypeAdapter  # here: only a long map is validated in parts

    annotation = ArgumentMap.model_fields[name].annotation
    assert annotation is not None
    return TypeAdapter(annotation, config=ArgumentMap.model_config)


def _validate_section(
    name: str,
    section: dict[Any, Any] | list[Any],
    part: int,
    shared: dict[frozenset[str], SharedNames],
) -> tuple[Any, list[Diagnostic]]:
    """A section's elements (a mapping by id, or a list), validated `part` at a time from its
    end (cutting a list's end moves nothing), and the diagnostics; `section` is emptied."""
    adapter = _section_adapter(name)
    items: list[Any] = list(section.items()) if isinstance(section, dict) else section
    if isinstance(section, dict):
        section.clear()
    pieces: list[Any] = []  # the parts validated, last first
    problems: list[list[Diagnostic]] = []  # of each part, last first
    while items:
        start = max(len(items) - part, 0)
        piece: Any = dict(items[start:]) if isinstance(section, dict) else items[start:]
        del items[start:]
        try:
            elements = adapter.validate_python(piece)
        except ValidationError as err:
            errors = err.errors(include_url=False)
            before = items[start - 1] if start and isinstance(section, dict) else None
            problems.append([_section_error(name, e, piece, start, before) for e in errors])
            continue
        share_fields_set(list(elements.values()) if isinstance(piece, dict) else elements, shared)
        pieces.append(elements)
        del piece, elements  # the part's data goes: its elements hold what they keep of it
    diags = list(chain.from_iterable(reversed(problems)))
    if isinstance(section, dict):
        whole: dict[str, Any] = {}
        for elements in reversed(pieces):
            whole.update(elements)
        return whole, diags
    return list(chain.from_iterable(reversed(pieces))), diags


def _section_error(
    name: str, error: Any, piece: Any, start: int, before: tuple[Any, Any] | None = None
) -> Diagnostic:
    """The diagnostic of an error in a part of section `name` starting at `start`: its
    location as the whole map's (an index counted from the start of the section), found in
    the data of the one element it is in (and of the one above it, `before` the part's first,
    when the element's id is a field's name: see :func:`_not_an_element`)."""
    first, *rest = error["loc"]
    where = first if isinstance(piece, dict) else first + start
    error = {**error, "loc": (name, where, *rest)}
    element = {where: piece[first]}
    if isinstance(piece, dict) and first in fields_at((name, first), ArgumentMap):
        above = next(((a, piece[a]) for a, b in itertools.pairwise(piece) if b == first), before)
        element = dict([above, *element.items()]) if above else element
    return _from_pydantic(error, {name: element}, ArgumentMap)


def not_a_map(data: Any) -> Diagnostic:
    """AM006 for data that is no map; AM101 for a map whose `claims:` is misspelt.

    >>> not_a_map({"claim": {}}).hint
    'did you mean `claims`? (a map needs `claims:`)'
    """
    if isinstance(data, dict):
        import difflib  # here, as in the other messages: a valid map needs no suggestion

        keys = [k for k in data if isinstance(k, str)]
        close = difflib.get_close_matches("claims", keys, n=1, cutoff=0.7)
        if close:
            hint = "did you mean `claims`? (a map needs `claims:`)"
            message = f"unknown field `{close[0]}` in the map"
            return diagnostic("AM101", message, (close[0],), hint)
    what = "a mapping without `claims`" if isinstance(data, dict) else f"a {kind_of(data)}"
    hint = "a map is a mapping with at least `claims:`; see docs/format.md"
    return diagnostic("AM006", f"this is {what}, not an argument map", hint=hint)


def kind_of(value: Any) -> str:
    """A person's name for the type of a value.

    >>> kind_of(4), kind_of([1]), kind_of(None)
    ('number', 'list', 'null value')
    """
    return {
        list: "list",
        dict: "mapping",
        str: "text",
        int: "number",
        float: "number",
        bool: "boolean",
        type(None): "null value",
    }.get(type(value), type(value).__name__)


def _article(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _from_pydantic(error: Any, data: Any, model: type[Element]) -> Diagnostic:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    pointer = _data_prefix(loc, data)
    kind = error["type"]
    where = describe(pointer)
    if kind == "extra_forbidden":
        return _unknown_field(pointer, model, error["input"])
    if kind == "missing":
        field = str(loc[-1])
        element = describe(pointer[:-1])
        hint = f"add `{field}:` (see docs/format.md)"
        return diagnostic("AM103", f"{element} has no `{field}`", pointer, hint)
    if "[key]" in loc and any(str(part).startswith("dict[") for part in loc):
        # A key of a text's mapping: a language code, not an id.
        hint = "language codes are two or three lowercase letters, then any subtags: pt, pt-BR"
        return diagnostic("AM105", f"invalid language code `{loc[-2]}` in {where}", pointer, hint)
    number = kind == "string_type" and type(error["input"]) in (int, float)  # not a boolean
    if number and ("[key]" in loc or holds_ids(pointer, model)):
        return _number_as_id(pointer, error["input"], "[key]" in loc)
    if "[key]" in loc and kind == "string_pattern_mismatch":
        hint = "ids are slugs: letters, digits, '-', '_' and '.', starting with a letter or digit"
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", str(pointer[-1])).strip("-._")
        hint += f": `{slug}`" if slug else ""
        return diagnostic("AM105", f"invalid id `{pointer[-1]}`", pointer, hint)
    if kind == "string_too_short":
        return diagnostic("AM104", f"{where} is empty", pointer, "write the text, or remove it")
    if kind == "string_pattern_mismatch":
        hint = "ids are slugs: letters, digits, '-', '_' and '.', starting with a letter or digit"
        return diagnostic("AM105", f"invalid id `{error['input']}` in {where}", pointer, hint)
    if len(pointer) == 2 and pointer[0] in FIRST_FIELD and kind in ("model_type", "dict_type"):
        return _not_an_element(pointer, error["input"], model, data.get(pointer[0]))
    return _wrong_value(pointer, error)


def _wrong_value(pointer: Pointer, error: Any) -> Diagnostic:
    """AM102 for a value of the wrong type, or out of range: what the field should be."""
    kind, value, where = error["type"], error["input"], describe(pointer)
    field = next((str(p) for p in reversed(pointer) if isinstance(p, str)), "")
    if field == "argmap" and kind == "literal_error" and type(value) in (int, float):
        known = error["ctx"]["expected"]
        message = f"version {value} is not known: this argmap reads version {known}"
        hint = f"write `argmap: {known}`, or leave it out: a map without it is version {known}"
        return diagnostic("AM102", message, pointer, hint)
    item = bool(pointer) and isinstance(pointer[-1], int) and pointer[-2:-1] == (field,)
    expected = ITEM.get(field) if item else EXPECTED.get(field)
    if expected is not None and not kind.startswith(("greater", "less")):
        message = f"{where} should be {expected}, not {_article(kind_of(value))}"
    else:
        message = f"{where}: {error['msg'].lower()}"
    hint = HINTS.get(field, "see docs/format.md for this field")
    return diagnostic("AM102", message, pointer, hint)


def _number_as_id(pointer: Pointer, value: float, key: bool) -> Diagnostic:
    """AM105 for an id that YAML reads as a number (``1:`` in the claims), AM102 for such an
    id where the map names an element (``premises: [1, 2]``)."""
    hint = f"quote it: '{value}' (an id may start with a digit, but a bare {value} is a number)"
    if key:
        return diagnostic("AM105", f"id `{value}` reads as a number", pointer, hint)
    message = f"id `{value}` in {describe(pointer)} reads as a number"
    return diagnostic("AM102", message, pointer, hint)


def _not_an_element(
    pointer: Pointer, value: Any, model: type[Element], section: Any = None
) -> Diagnostic:
    """AM102 for an element that is not a mapping of fields (``a: The text``); for a field
    of the element above (in `section`) written at the depth of the elements, at its key."""
    first = FIRST_FIELD[str(pointer[0])]
    ident = pointer[1]
    if isinstance(ident, str) and ident in fields_at(pointer, model) and isinstance(section, dict):
        above = next((a for a, b in itertools.pairwise(section) if b == ident), None)
        if above is not None:
            return _misplaced_field(pointer, above, section[above])
    word, _, rest = str(value).partition(" ")
    if isinstance(value, str) and word in fields_at(pointer, model):
        hint = f"a `:` is missing after `{word}`: write `{word}: {rest}`"
    else:
        hint = f"write its fields under it, indented, starting with `{first}: ...`"
    message = (
        f"{describe(pointer)} should be a mapping of its fields, not {_article(kind_of(value))}"
    )
    return diagnostic("AM102", message, pointer, hint)


def _misplaced_field(pointer: Pointer, above: Any, fields: Any) -> Diagnostic:
    """AM102 at the key of a field (`text:`) written at the depth of the elements, after the
    element it belongs to; about that element too when it is left without fields."""
    section, field = pointer
    kind = describe(pointer).split(" ")[0]
    message = f"`{field}:` is indented as a {kind} of its own, not as a field of `{above}`"
    if fields is None:
        hint = f"`{above}:` has no fields: indent `{field}:` under it, deeper than `{above}:`"
        related: tuple[Pointer, ...] = ((section, above),)
    else:
        hint = f"indent `{field}:` under `{above}`, as deep as its other fields"
        related = ()
    return diagnostic("AM102", message, pointer, hint, related=related, at_key=True)


def _unknown_field(pointer: Pointer, model: type[Element], value: Any = None) -> Diagnostic:
    field = str(pointer[-1])
    element = describe(pointer[:-1])
    fields = field_names(pointer[:-1], model)
    allowed = sorted(fields)
    hint = MISCONCEPTIONS.get((str(pointer[0]), field)) if len(pointer) == 3 else None
    if hint is not None:
        names = [f"`{name}`" for name in fields]
        hint = hint.format(fields=f"{', '.join(names[:-1])} and {names[-1]}")
    section = (
        next((TELLING[k] for k in value if k in TELLING), None) if isinstance(value, dict) else None
    )
    if len(pointer) == 1 and section is not None:
        kind = describe((section, field)).split(" ")[0]
        hint = f"`{field}` looks like a {kind}: indent it under `{section}:` as the others are"
    elif len(pointer) == 3 and section == pointer[0]:
        kind = describe((section, field)).split(" ")[0]
        hint = (
            f"indented too far? `{field}` looks like a {kind}: align `{field}:` with "
            f"`{pointer[1]}:`"
        )
    if hint is None:
        import difflib

        close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.7)
        hint = f"did you mean `{close[0]}`?" if close else f"allowed fields: {', '.join(allowed)}"
    return diagnostic("AM101", f"unknown field `{field}` in {element}", pointer, hint)


def _sections_too_deep(diags: list[Diagnostic], model: type[Element]) -> list[Diagnostic]:
    """A section's header indented into the section above (``  inferences:`` in the claims)
    reads as an element named after it, and the section's elements as its fields: one
    mistake, told once, at the header, with what to do."""
    sections = fields_at((), model)
    named = [d for d in diags if len(d.pointer) >= 2 and d.pointer[1] in sections]
    # an element without its first field, or not a mapping: not one named so on purpose (a
    # claim `main`) that only has a field misspelt
    lacking = {d.pointer[:2] for d in named if d.code in ("AM102", "AM103")}
    lacking -= {d.pointer[:2] for d in named if d.code == "AM101" and _misspelt(d.pointer, model)}
    told: set[Pointer] = set()
    kept = []
    for d in diags:
        section, ident = (*d.pointer, "", "")[:2]
        if section in FIRST_FIELD and (section, ident) in lacking:
            if (section, ident) in told:
                continue
            told.add((section, ident))
            hint = (
                f"indented too far? `{ident}` is a section of the map: write `{ident}:` at the "
                f"start of its line, as `{section}:` is"
            )
            d = replace(d, pointer=(section, ident), hint=hint, at_key=True)
        kept.append(d)
    return kept


def _misspelt(pointer: Pointer, model: type[Element]) -> bool:
    """Whether an unknown field is close to one of its element's fields."""
    import difflib

    fields = fields_at(pointer[:-1], model)
    return bool(difflib.get_close_matches(str(pointer[-1]), fields, n=1, cutoff=0.7))


def _merge_misspellings(diags: list[Diagnostic]) -> list[Diagnostic]:
    """A misspelt field is one mistake: the unknown field names the missing one it stands
    for, and the missing field is not reported again."""
    import difflib

    unknown: dict[Pointer, list[Diagnostic]] = {}  # by element
    for d in diags:
        if d.code == "AM101":
            unknown.setdefault(d.pointer[:-1], []).append(d)
    merged: dict[Pointer, Diagnostic] = {}  # AM101s that now name the field they stand for
    dropped: set[int] = set()
    for i, d in enumerate(diags):
        if d.code != "AM103":
            continue
        field, element = str(d.pointer[-1]), d.pointer[:-1]
        for typo in unknown.get(element, []):
            if typo.pointer in merged:
                continue
            if difflib.SequenceMatcher(None, str(typo.pointer[-1]), field).ratio() >= 0.7:
                hint = f"did you mean `{field}`? ({describe(element)} needs `{field}`)"
                merged[typo.pointer] = replace(typo, hint=hint)
                dropped.add(i)
                break
    return [
        merged.get(d.pointer, d) if d.code == "AM101" else d
        for i, d in enumerate(diags)
        if i not in dropped
    ]


def _data_prefix(loc: tuple[Any, ...], data: Any) -> Pointer:
    """The longest prefix of a pydantic location that exists in the data (plus a missing key)."""
    pointer: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
        elif (
            isinstance(node, dict)
            and isinstance(part, str)
            and part != "[key]"
            and not part.startswith(("dict[", "str", "list[", "int", "function"))
        ):
            pointer.append(part)  # a missing or unknown field: point at it
            break
        else:
            break
        pointer.append(part)
    return tuple(pointer)
