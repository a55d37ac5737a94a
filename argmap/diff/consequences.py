"""What follows from the changes: claims whose evaluation flipped, and diagnostics that
appeared or were fixed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from argmap.diagnostics import Diagnostic, describe
from argmap.diff.match import Matching, translate
from argmap.diff.records import DiagnosticChange, Flip
from argmap.evaluate import Evaluation, explain
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    import networkx as nx

#: How many flips, beyond the main conclusions, are explained: an explanation follows a
#: chain of reasons that can be as long as the map, so explaining every flip of a cascade
#: would take time quadratic in the map's size.
EXPLAINED = 50


@dataclass(frozen=True)
class Side:
    """One map with what was computed from it: its graph, evaluation and diagnostics."""

    argmap: ArgumentMap
    graph: nx.DiGraph
    evaluation: Evaluation
    diagnostics: Sequence[Diagnostic]

    @classmethod
    def of(cls, argmap: ArgumentMap) -> Side:
        """Check and evaluate a map.

        >>> side = Side.of(ArgumentMap.model_validate({"claims": {"a": {"text": "A"}}}))
        >>> [d.code for d in side.diagnostics], str(side.evaluation.labels["a"])
        (['AM301', 'AM305'], 'in')

        Raises
        ------
        UnresolvedReferences
            When a map built in code names ids it does not declare.
        """
        from argmap import checked
        from argmap.errors import UnresolvedReferences
        from argmap.evaluate import evaluate_graph

        diags, graph = checked(argmap)
        if graph is None:
            raise UnresolvedReferences(diags)
        return cls(argmap, graph, evaluate_graph(argmap, graph), diags)


def flips(
    old: Side, new: Side, ids: Matching, explained: int = EXPLAINED
) -> tuple[list[Flip], int]:
    """The claims of both maps whose label changed, main conclusions (of either map) first,
    then in the new map's order; and how many of them are left unexplained (beyond the main
    conclusions and `explained` others).

    >>> old = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "x": {"text": "X"}}})
    >>> new = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "x": {"text": "X"}},
    ...     "attacks": [{"from": "x", "to": "a"}]})
    >>> (flip,), unexplained = flips(Side.of(old), Side.of(new), {"a": "a", "x": "x"})
    >>> flip.id, flip.old, flip.new, flip.new_reason, unexplained
    ('a', 'in', 'out', 'out: attacked by `x`, which is in because it is assumed and unattacked', 0)
    """
    old_of = {n: o for o, n in ids.items() if o in old.argmap.claims}
    old_main = set(old.evaluation.main)
    new_main = set(new.evaluation.main)
    changed = [
        (n, o)
        for n in new.argmap.claims
        if (o := old_of.get(n)) is not None and old.evaluation.labels[o] != new.evaluation.labels[n]
    ]
    changed.sort(key=lambda pair: pair[0] not in new_main and pair[1] not in old_main)
    out: list[Flip] = []
    others = 0
    for n, o in changed:
        main = n in new_main or o in old_main
        reasons: tuple[str | None, str | None] = (None, None)
        if main or others < explained:
            reasons = (_why(old, o), _why(new, n))
            others += not main
        old_label, new_label = old.evaluation.labels[o], new.evaluation.labels[n]
        out.append(Flip(n, o, str(old_label), str(new_label), main, *reasons))
    return out, sum(f.old_reason is None for f in out)


def _why(side: Side, ident: str) -> str:
    return explain(side.argmap, side.graph, side.evaluation, ident)


def diagnostic_changes(old: Side, new: Side, ids: Matching) -> list[DiagnosticChange]:
    """Diagnostics of the new map that the old one lacks (appeared), then those of the old
    map that the new one lacks (fixed). Two diagnostics are the same when they have one
    code and concern one element (under the new map's names), wherever their lines are;
    of several such, the first of one map goes with the first of the other, and so on.

    >>> old = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}}})
    >>> new = ArgumentMap.model_validate({"claims": {"b": {"text": "A"}, "c": {"text": "C"}}})
    >>> [(d.action, d.code, d.element) for d in
    ...  diagnostic_changes(Side.of(old), Side.of(new), {"a": "b"})]
    [('appeared', 'AM301', 'claim `c`')]
    """
    olds: dict[Hashable, list[Diagnostic]] = defaultdict(list)
    for d in old.diagnostics:
        olds[_key(d, old.argmap, ids)].append(d)
    news: dict[Hashable, list[Diagnostic]] = defaultdict(list)
    for d in new.diagnostics:
        news[_key(d, new.argmap, None)].append(d)
    extra = {id(d) for key, ds in news.items() for d in ds[len(olds.get(key, ())) :]}
    gone = {id(d) for key, ds in olds.items() for d in ds[len(news.get(key, ())) :]}
    appeared = [_record("appeared", d) for d in new.diagnostics if id(d) in extra]
    return appeared + [_record("fixed", d) for d in old.diagnostics if id(d) in gone]


def _key(d: Diagnostic, argmap: ArgumentMap, ids: Matching | None) -> Hashable:
    """A diagnostic's code and element: a claim, inference or issue by its id (an old map's
    under its new name), an attack by its ends, a source or voice by its id."""
    name = (lambda x: translate(ids, x)) if ids is not None else (lambda x: x)
    pointer = d.pointer
    section = pointer[0] if pointer else None
    if section in ("claims", "inferences", "issues") and len(pointer) > 1:
        return d.code, "element", name(str(pointer[1]))
    index = pointer[1] if section == "attacks" and len(pointer) > 1 else None
    if isinstance(index, int) and 0 <= index < len(argmap.attacks):
        attack = argmap.attacks[index]
        return d.code, "attack", name(attack.from_), name(attack.to)
    if section in ("sources", "voices") and len(pointer) > 1:
        return d.code, section, pointer[1]
    return d.code, section


def _record(action: Literal["appeared", "fixed"], d: Diagnostic) -> DiagnosticChange:
    element = describe(d.pointer[:2]) if d.pointer else "the map"
    severity = str(d.severity)
    return DiagnosticChange(action, d.code, severity, d.message, element, d.file, d.line, d.column)
