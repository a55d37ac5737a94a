"""Match: which element of the old map is which element of the new one.

An element keeps its id unless it was renamed. A renamed claim is found by its text (the
same text in every language) or, when its text changed too, by its neighbours (the
inferences, attacks and issues around it, mostly the same) and its words (enough in
common); a renamed inference by its premises and conclusion, or by its conclusion and a
premise in common; a renamed issue by its positions. Each step hashes a key per element (a
text, a neighbour) and pairs the elements that share one, so matching takes time linear in
the size of the maps, never a comparison of every removed element with every added one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping
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
    _match_by_neighbours(ids, old, new)
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
    taken = set(ids.values())
    old_left = [i for i in old.inferences if i not in ids]
    new_left = [i for i in new.inferences if i not in taken]
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


#: A neighbour that more unmatched claims than this share is a hub (an inference with many
#: premises): it tells them apart from nothing, and is left out of the comparison.
HUB = 8
#: How alike the neighbours of a renamed claim must be (shared / all, both sides), and
#: its words: a claim put in another's place, in other words, is not that claim renamed.
SAME_NEIGHBOURS, SAME_WORDS = 0.5, 0.3

Neighbours = dict[str, set[tuple[str, str]]]
_WORD = re.compile(r"\w+")


def _match_by_neighbours(ids: Matching, old: ArgumentMap, new: ArgumentMap) -> None:
    """Renamed claims whose text changed too: an unmatched old claim and an unmatched new
    one, each the other's best match by neighbours (the inferences it supports or
    concludes, the attacks it makes or suffers, the issues it takes a position in), with
    enough neighbours and words in common."""
    taken = set(ids.values())
    old_left = {c for c in old.claims if c not in ids}
    new_left = {c for c in new.claims if c not in taken}
    if not old_left or not new_left:
        return
    olds = _neighbours(old, lambda x: translate(ids, x), old_left)
    news = _neighbours(new, lambda x: x, new_left)
    words = {("old", c): _words(old.claims[c].text, old.lang) for c in olds}
    words.update({("new", c): _words(new.claims[c].text, new.lang) for c in news})
    forward = _best(olds, news, lambda o, n: _alike(words[("old", o)], words[("new", n)]))
    backward = _best(news, olds, lambda n, o: _alike(words[("old", o)], words[("new", n)]))
    ids.update((o, n) for o, n in forward.items() if backward.get(n) == o)


def _neighbours(argmap: ArgumentMap, name: Callable[[str], str], claims: set[str]) -> Neighbours:
    """The relations of each of `claims` to other elements, these named by `name`."""
    around: Neighbours = defaultdict(set)
    for ident, inference in argmap.inferences.items():
        for p in inference.premises:
            if p in claims:
                around[p].add(("supports", name(ident)))
        if inference.conclusion in claims:
            around[inference.conclusion].add(("concluded by", name(ident)))
    for attack in argmap.attacks:
        if attack.from_ in claims:
            around[attack.from_].add(("attacks", name(attack.to)))
        if attack.to in claims:
            around[attack.to].add(("attacked by", name(attack.from_)))
    for ident, issue in argmap.issues.items():
        for p in issue.positions:
            if p in claims:
                around[p].add(("position in", name(ident)))
    return around


def _best(
    side: Neighbours, other: Neighbours, alike: Callable[[str, str], float]
) -> dict[str, str]:
    """Each claim of `side`'s best match in `other`, where one stands out: neighbours shared
    at least SAME_NEIGHBOURS of all, words alike at least SAME_WORDS, and no tie."""
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c, keys in other.items():
        for key in keys:
            index[key].append(c)
    out: dict[str, str] = {}
    for c, keys in side.items():
        shared: dict[str, int] = defaultdict(int)
        for key in keys:
            if len(index.get(key, ())) <= HUB:
                for d in index.get(key, ()):
                    shared[d] += 1
        scores = sorted(
            ((n / (len(keys) + len(other[d]) - n), alike(c, d), d) for d, n in shared.items()),
            reverse=True,
        )
        scores = [s for s in scores if s[0] >= SAME_NEIGHBOURS and s[1] >= SAME_WORDS]
        if scores and (len(scores) == 1 or scores[0][:2] != scores[1][:2]):
            out[c] = scores[0][2]
    return out


def _words(text: str | dict[str, str], lang: str) -> frozenset[str]:
    return frozenset(w for t in texts(text, lang).values() for w in _WORD.findall(t.lower()))


def _alike(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two sets of words are: shared / all (1.0 for two empty sets)."""
    return len(a & b) / len(a | b) if a or b else 1.0


def _pair(
    ids: Matching,
    old: Mapping[str, T],
    new: Mapping[str, T],
    old_key: Callable[[str, T], Hashable],
    new_key: Callable[[str, T], Hashable] | None = None,
) -> None:
    """Pair the unmatched elements of `old` and `new` that share a key, in the maps' order."""
    new_key = new_key or old_key
    taken = set(ids.values())
    olds: dict[Hashable, list[str]] = defaultdict(list)
    for ident in old:
        if ident not in ids:
            olds[old_key(ident, old[ident])].append(ident)
    news: dict[Hashable, list[str]] = defaultdict(list)
    for ident in new:
        if ident not in taken:
            news[new_key(ident, new[ident])].append(ident)
    for key, old_ids in olds.items():
        ids.update(zip(old_ids, news.get(key, []), strict=False))
