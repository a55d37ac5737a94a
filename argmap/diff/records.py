"""The records of a diff: plain, frozen data that the text, JSON and Markdown outputs read.

A :class:`MapDiff` holds three lists: :class:`Change` (an element added, removed, changed,
renamed, retargeted, or a support turned into an attack), :class:`Flip` (a claim whose
evaluation label changed) and :class:`DiagnosticChange` (a problem that appeared or was
fixed). Old values are given in the old map's ids and new values in the new map's, so that
the diff of B against A is the mirror image of the diff of A against B.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: A field's value as JSON holds it.
Value = str | float | bool | dict[str, str] | None

Kind = Literal["map", "source", "voice", "claim", "inference", "attack", "issue"]
Action = Literal[
    "added", "removed", "changed", "renamed", "retargeted", "became attack", "became support"
]
#: One piece of a word-level diff: kept (``=``), removed (``-``) or added (``+``).
Piece = tuple[Literal["=", "-", "+"], str]

#: The order in which kinds of element are reported.
KINDS: tuple[Kind, ...] = ("map", "source", "voice", "claim", "inference", "attack", "issue")


@dataclass(frozen=True)
class FieldChange:
    """One field of an element that differs between the two maps.

    A single value has `old` and `new` (None: absent). A text has them per language (`lang`)
    and, when both exist, `words`: the word-level diff from one to the other. A list whose
    order does not matter (premises, tags, positions) has the items `removed` and `added`.
    """

    field: str
    old: Value = None
    new: Value = None
    lang: str | None = None
    words: tuple[Piece, ...] = ()
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"field": self.field}
        if self.lang is not None:
            data["lang"] = self.lang
        if self.removed or self.added:
            data.update(removed=list(self.removed), added=list(self.added))
        else:
            data.update(old=self.old, new=self.new)
        if self.words:
            data["words"] = [list(piece) for piece in self.words]
        return data


@dataclass(frozen=True)
class Change:
    """An element that differs: `id` names it in the new map (in the old one when removed).

    `old_id` is its id in the old map when that differs: a renamed claim, inference or
    issue; an attack (``from -> to``) retargeted or between renamed claims. For an inference
    that ``became attack``, `id` is the attack and `old_id` the inference; for an attack
    that ``became support``, `id` is the inference and `old_id` the attack. `fields` are
    what differs; for an element added or removed, every field it has.
    """

    kind: Kind
    action: Action
    id: str
    old_id: str | None = None
    fields: tuple[FieldChange, ...] = ()

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"kind": self.kind, "action": self.action, "id": self.id}
        if self.old_id is not None:
            data["old_id"] = self.old_id
        data["fields"] = [f.to_dict() for f in self.fields]
        return data


@dataclass(frozen=True)
class Flip:
    """A claim whose label changed, with the reason each evaluation gives (None: not asked,
    when there are more flips than are explained)."""

    id: str
    old_id: str
    old: str
    new: str
    main: bool
    old_reason: str | None = None
    new_reason: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "old_id": self.old_id,
            "old": self.old,
            "new": self.new,
            "main": self.main,
            "old_reason": self.old_reason,
            "new_reason": self.new_reason,
        }


@dataclass(frozen=True)
class DiagnosticChange:
    """A diagnostic of the new map that the old one lacks (``appeared``), or the reverse
    (``fixed``); located in the map that has it."""

    action: Literal["appeared", "fixed"]
    code: str
    severity: str
    message: str
    element: str
    file: str = ""
    line: int = 0
    column: int = 0

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class MapDiff:
    """Everything that differs between two maps; empty when they say the same thing."""

    changes: tuple[Change, ...] = ()
    flips: tuple[Flip, ...] = ()
    diagnostics: tuple[DiagnosticChange, ...] = ()
    unexplained: int = field(default=0)
    """How many flips have no reasons (beyond the number explained)."""

    def __bool__(self) -> bool:
        return bool(self.changes or self.flips or self.diagnostics)

    def counts(self) -> dict[str, int]:
        """How many changes of each kind and action, flips and diagnostics, in report order.

        >>> MapDiff((Change("claim", "added", "a"),)).counts()
        {'claim added': 1}
        """
        counts: dict[str, int] = {}
        for c in self.changes:
            key = f"{c.kind} {c.action}"
            counts[key] = counts.get(key, 0) + 1
        if self.flips:
            counts["flips"] = len(self.flips)
        for d in self.diagnostics:
            key = f"diagnostics {d.action}"
            counts[key] = counts.get(key, 0) + 1
        return counts

    def to_dict(self) -> dict[str, object]:
        return {
            "changes": [c.to_dict() for c in self.changes],
            "flips": [f.to_dict() for f in self.flips],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "unexplained": self.unexplained,
        }
