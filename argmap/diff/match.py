"""Match: which element of the old map is which element of the new one.

An element keeps its id unless it was renamed. A renamed claim is found by its text (the
same text in every language) or, failing that, by its neighbours (the same inferences and
attacks around it); a renamed inference by its premises and conclusion, or by its
conclusion and a premise in common; a renamed issue by its positions. Each step hashes a
key per element and pairs the elements that share one, so matching takes time linear in
the size of the maps, never a comparison of every removed element with every added one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TypeVar

from argmap.model import ArgumentMap, texts

T = TypeVar("T")

#: Old ids -> new ids, for every element matched (renamed or not).
Matching = dict[str, str]


def match(old: ArgumentMap, new: ArgumentMap) -> Matching:
    """Pair the claims, inferences and issues of two maps: old id -> new id.

    >>> from argmap.model import ArgumentMap
    >>> old = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}}})
    >>> new = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "c": {"text": "B"}}})
    >>> match(old, new)
    {'a': 'a', 'b': 'c'}
    """
    ids: Matching = {}
    for old_part, new_part in (
        (old.claims, new.claims),
        (old.inferences, new.inferences),
        (old.issues, new.issues),
    ):
        ids.update((ident, ident) for ident in old_part if ident in new_part)
    _pair(
        ids,
        old.claims,
        new.claims,
        lambda c, claim: _text_key(claim.text, old.lang),
        lambda c, claim: _text_key(claim.text, new.lang),
    )
    _match_inferences(ids, old, new)
    _pair(
        ids,
        old.claims,
        new.claims,
        _neighbour_key(old, ids),
        _neighbour_key(new, None),
        unique=True,
    )
    _match_inferences(ids, old, new)
    _pair(
        ids,
        old.issues,
        new.issues,
        lambda i, issue: frozenset(translate(ids, p) for p in issue.positions),
        lambda i, issue: frozenset(issue.positions),
    )
    return ids


def translate(ids: Matching, ident: str) -> str:
    """An old id under its new name; an old id matched to nothing becomes a name no new id
    can have (a colon is not allowed in ids), so that it never equals one by chance.

    >>> translate({"a": "b"}, "a"), translate({}, "a")
    ('b', ':a')
    """
    return ids.get(ident) or f":{ident}"


def _text_key(text: str | dict[str, str], lang: str) -> Hashable:
    return tuple(sorted(texts(text, lang).items()))


def _match_inferences(ids: Matching, old: ArgumentMap, new: ArgumentMap) -> None:
    """Renamed inferences: the same premises and conclusion; else the same conclusion and a
    premise in common, when only one unmatched inference on each side concludes it."""
    _pair(
        ids,
        old.inferences,
        new.inferences,
        lambda i, inf: (
            frozenset(translate(ids, p) for p in inf.premises),
            translate(ids, inf.conclusion),
        ),
        lambda i, inf: (frozenset(inf.premises), inf.conclusion),
    )
    old_left = _unmatched(old.inferences, ids.keys())
    new_left = _unmatched(new.inferences, set(ids.values()))
    by_conclusion: dict[str, list[str]] = defaultdict(list)
    for i in old_left:
        by_conclusion[translate(ids, old.inferences[i].conclusion)].append(i)
    new_by_conclusion: dict[str, list[str]] = defaultdict(list)
    for i in new_left:
        new_by_conclusion[new.inferences[i].conclusion].append(i)
    for conclusion, olds in by_conclusion.items():
        news = new_by_conclusion.get(conclusion, [])
        if len(olds) == 1 and len(news) == 1:
            premises = {translate(ids, p) for p in old.inferences[olds[0]].premises}
            if premises & set(new.inferences[news[0]].premises):
                ids[olds[0]] = news[0]


def _neighbour_key(argmap: ArgumentMap, ids: Matching | None) -> Callable[[str, object], Hashable]:
    """A claim's neighbours as a key: the inferences it supports or concludes, the claims
    and inferences it attacks and the claims that attack it, under the new map's ids
    (`ids` translates an old map's). No neighbours: no key, for they prove nothing."""
    name = (lambda x: translate(ids, x)) if ids is not None else (lambda x: x)
    around: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for ident, inference in argmap.inferences.items():
        for p in inference.premises:
            around[p].add(("supports", name(ident)))
        around[inference.conclusion].add(("concluded by", name(ident)))
    for attack in argmap.attacks:
        around[attack.from_].add(("attacks", name(attack.to)))
        around[attack.to].add(("attacked by", name(attack.from_)))
    return lambda c, _claim: frozenset(around[c]) if around.get(c) else None


def _unmatched(elements: Iterable[str], matched: Iterable[str] | set[str]) -> list[str]:
    taken = matched if isinstance(matched, set) else set(matched)
    return [e for e in elements if e not in taken]


def _pair(
    ids: Matching,
    old: Mapping[str, T],
    new: Mapping[str, T],
    old_key: Callable[[str, T], Hashable],
    new_key: Callable[[str, T], Hashable] | None = None,
    unique: bool = False,
) -> None:
    """Pair the unmatched elements of `old` and `new` that share a key (None: no key), in
    the maps' order; with `unique`, only a key that one element on each side has."""
    new_key = new_key or old_key
    taken = set(ids.values())
    olds: dict[Hashable, list[str]] = defaultdict(list)
    for ident in old:
        if ident not in ids and (key := old_key(ident, old[ident])) is not None:
            olds[key].append(ident)
    news: dict[Hashable, list[str]] = defaultdict(list)
    for ident in new:
        if ident not in taken and (key := new_key(ident, new[ident])) is not None:
            news[key].append(ident)
    for key, old_ids in olds.items():
        new_ids = news.get(key, [])
        if unique and (len(old_ids) != 1 or len(new_ids) != 1):
            continue
        ids.update(zip(old_ids, new_ids, strict=False))
