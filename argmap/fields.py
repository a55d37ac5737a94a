"""What the models say a part of a map holds: the element and the fields a pointer leads to,
found from the Pydantic models' annotations, so that messages name what is allowed there.

>>> from argmap.model import ArgumentMap
>>> model_at(("claims", "a", "quote"), ArgumentMap).__name__
'Quote'
"""

from __future__ import annotations

from collections.abc import Iterator
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from argmap.diagnostics import Pointer
from argmap.model import SLUG, Element


def fields_at(pointer: Pointer, model: type[Element]) -> set[str]:
    """The fields of the element a pointer leads to, found from the models' annotations.

    >>> from argmap.model import ArgumentMap
    >>> sorted(fields_at(("claims", "a", "quote"), ArgumentMap))
    ['source', 'text']
    """
    return set(field_names(pointer, model))


def field_names(pointer: Pointer, model: type[Element]) -> list[str]:
    """The fields of the element a pointer leads to, in the model's order, as written.

    >>> from argmap.model import ArgumentMap
    >>> field_names(("attacks", 0), ArgumentMap)
    ['from', 'to', 'note', 'answers']
    """
    return [f.alias or name for name, f in model_at(pointer, model).model_fields.items()]


def model_at(pointer: Pointer, model: type[Element]) -> type[Element]:
    """The model of the element a pointer leads to: fields, then mapping keys and list items."""
    found: type[Element] = model
    for following in types_along(pointer, model):
        models = [
            k for k in map(_bare, following) if isinstance(k, type) and issubclass(k, Element)
        ]
        if models:
            found = models[0]
    return found


def holds_ids(pointer: Pointer, model: type[Element]) -> bool:
    """Whether what a pointer leads to is an id, by the models' annotations.

    >>> from argmap.model import ArgumentMap
    >>> holds_ids(("inferences", "i", "premises", 0), ArgumentMap)
    True
    """
    last = list(types_along(pointer, model))[-1] if pointer else []
    return any(
        get_origin(t) is Annotated and any(getattr(m, "pattern", None) == SLUG for m in get_args(t))
        for t in last
    )


def types_along(pointer: Pointer, model: type[Element]) -> Iterator[list[Any]]:
    """The types each part of a pointer in turn may lead to: fields, then mapping keys and
    list items."""
    pending: list[Any] = [model]  # the types the next part of the pointer may go into
    for part in pointer:
        following: list[Any] = []
        for kind in map(_bare, pending):
            if isinstance(kind, type) and issubclass(kind, Element) and isinstance(part, str):
                field = next(
                    (f for n, f in kind.model_fields.items() if part in (n, f.alias)), None
                )
                following += _members(field.rebuild_annotation()) if field else []
            elif get_origin(kind) in (dict, list):
                following += _members(get_args(kind)[-1])
        yield following
        pending = following


def _members(annotation: Any) -> list[Any]:
    """The types an annotation admits: the members of a union (of an Annotated one too)."""
    bare = _bare(annotation)
    if isinstance(bare, UnionType) or get_origin(bare) is Union:
        return list(get_args(bare))
    return [annotation]


def _bare(annotation: Any) -> Any:
    """A type without its Annotated."""
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation
