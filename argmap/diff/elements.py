"""Changes of elements: what differs in each claim, inference, attack, issue, source, voice,
and in the map's own fields, once :func:`argmap.diff.match.match` has paired the elements.

Each kind of element has a table of its fields and how to compare each one: a text (per
language, with a word-level diff), a string, a single value, a reference to another element
(compared under the new map's ids), or a list whose order does not matter.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any

from pydantic import BaseModel

from argmap.diff.match import Matching, translate
from argmap.diff.records import KINDS, Action, Change, FieldChange, Kind
from argmap.diff.words import word_diff
from argmap.model import ArgumentMap, Attack, Inference, texts


class How(Enum):
    TEXT = "a text, in one or more languages"
    PROSE = "a string"
    VALUE = "a single value"
    REF = "an id"
    ITEMS = "a list of strings, order aside"
    REFS = "a list of ids, order aside"


T, P, V, R, S, RS = How.TEXT, How.PROSE, How.VALUE, How.REF, How.ITEMS, How.REFS

#: The fields of each kind of element, in the order they are reported.
FIELDS: dict[Kind, tuple[tuple[str, How], ...]] = {
    "map": (("title", T), ("description", T), ("lang", V), ("languages", S), ("main", RS)),
    "source": (("title", P), ("author", V), ("date", V), ("url", V), ("path", V)),
    "voice": (("name", T), ("role", P)),
    "claim": (
        ("text", T),
        ("quote.source", V),
        ("quote.text", P),
        ("by", V),
        ("tags", S),
        ("status", V),
        ("implicit", V),
        ("note", P),
        ("aliases", S),
        ("equivalent", RS),
    ),
    "inference": (
        ("premises", RS),
        ("conclusion", R),
        ("scheme", V),
        ("weight", V),
        ("label", V),
        ("note", P),
    ),
    "attack": (("from", R), ("to", R), ("note", P)),
    "issue": (("positions", RS), ("text", T)),
}


def field_changes(
    kind: Kind,
    old: BaseModel | None,
    new: BaseModel | None,
    ids: Matching,
    langs: tuple[str, str],
) -> tuple[FieldChange, ...]:
    """Every field of `kind` that differs between `old` and `new` (None: absent), ids
    compared under the new map's names; `langs` are the two maps' languages of plain texts.

    >>> from argmap.model import Claim
    >>> [f.to_dict() for f in field_changes(
    ...     "claim", Claim(text="Cats purr"), Claim(text="Cats often purr", tags=["x"]),
    ...     {}, ("en", "en"))]  # doctest: +NORMALIZE_WHITESPACE
    [{'field': 'text', 'lang': 'en', 'old': 'Cats purr', 'new': 'Cats often purr',
      'words': [['=', 'Cats '], ['+', 'often '], ['=', 'purr']]},
     {'field': 'tags', 'removed': [], 'added': ['x']}]
    """
    out: list[FieldChange] = []
    for name, how in FIELDS[kind]:
        a, b = _get(old, name), _get(new, name)
        if how is How.TEXT:
            out += _text_changes(name, a, b, langs)
        elif how in (How.ITEMS, How.REFS):
            out += _item_changes(name, a or [], b or [], ids if how is How.REFS else None)
        elif how is How.REF and a is not None and b is not None and translate(ids, a) == b:
            continue
        elif a != b:
            words = word_diff(a, b) if how is How.PROSE and a is not None and b is not None else ()
            out.append(FieldChange(name, a, b, words=words))
    return tuple(out)


def _get(element: BaseModel | None, name: str) -> Any:
    """A field's value; None for an absent element or a value that means "not given"
    (None, an empty list, false)."""
    value: Any = element
    for part in name.split("."):
        if value is None:
            return None
        value = getattr(value, "from_" if part == "from" else part)
    return value if value not in (None, [], False) else None


def _text_changes(name: str, old: Any, new: Any, langs: tuple[str, str]) -> list[FieldChange]:
    a = texts(old, langs[0]) if old is not None else {}
    b = texts(new, langs[1]) if new is not None else {}
    out = []
    for lang in [*a, *(k for k in b if k not in a)]:
        x, y = a.get(lang), b.get(lang)
        if x != y:
            words = word_diff(x, y) if x is not None and y is not None else ()
            out.append(FieldChange(name, x, y, lang, words))
    return out


def _item_changes(
    name: str, old: Sequence[str], new: Sequence[str], ids: Matching | None
) -> list[FieldChange]:
    """Items removed and added (old ones under their new names when `ids` is given)."""
    under_new = {translate(ids, x) if ids is not None else x: x for x in old}
    kept = set(new)
    removed = tuple(x for key, x in under_new.items() if key not in kept)
    added = tuple(dict.fromkeys(y for y in new if y not in under_new))
    return [FieldChange(name, removed=removed, added=added)] if removed or added else []


def map_changes(old: ArgumentMap, new: ArgumentMap, ids: Matching) -> list[Change]:
    """What differs between two maps whose elements `ids` pairs (old id -> new id): the
    map's own fields (title, languages, main conclusions), then its sources and voices,
    claims, inferences, attacks and issues, in this order.

    >>> old = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> new = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}]})
    >>> [(c.kind, c.action, c.id, c.old_id) for c in map_changes(old, new, {"a": "a", "b": "b"})]
    [('inference', 'became attack', 'a -> b', 'i')]
    """
    langs = (old.lang, new.lang)
    fields = field_changes("map", old, new, ids, langs)
    out = [Change("map", "changed", "", None, fields)] if fields else []
    same = {"source": {s: s for s in old.sources}, "voice": {v: v for v in old.voices}}
    out += _element_changes("source", old.sources, new.sources, same["source"], langs)
    out += _element_changes("voice", old.voices, new.voices, same["voice"], langs)
    out += _element_changes("claim", old.claims, new.claims, ids, langs)
    attacks, turned = _attack_changes(old, new, ids, langs)
    out += _element_changes("inference", old.inferences, new.inferences, ids, langs, turned)
    out += attacks  # some are inferences turned into attacks: sorted into place below
    out += _element_changes("issue", old.issues, new.issues, ids, langs)
    return sorted(out, key=lambda change: KINDS.index(change.kind))


def _element_changes(
    kind: Kind,
    old: Mapping[str, BaseModel],
    new: Mapping[str, BaseModel],
    ids: Matching,
    langs: tuple[str, str],
    skip: set[str] | None = None,
) -> list[Change]:
    """Elements with ids added, removed, renamed or changed: new ones in the new map's
    order, then removed ones in the old map's; ids in `skip` are reported elsewhere."""
    skip = skip or set()
    old_of = {n: o for o, n in ids.items() if o in old and n in new}
    out: list[Change] = []
    for n, element in new.items():
        o = old_of.get(n)
        if n in skip:
            continue
        if o is None:
            out.append(
                Change(kind, "added", n, None, field_changes(kind, None, element, ids, langs))
            )
            continue
        if o == n and _same(kind, old[o], element, ids):
            continue
        fields = field_changes(kind, old[o], element, ids, langs)
        if o != n:
            out.append(Change(kind, "renamed", n, o, fields))
        elif fields:
            out.append(Change(kind, "changed", n, None, fields))
    for o, element in old.items():
        if o not in skip and ids.get(o) not in new:
            out.append(
                Change(kind, "removed", o, None, field_changes(kind, element, None, ids, langs))
            )
    return out


def _same(kind: Kind, old: BaseModel, new: BaseModel, ids: Matching) -> bool:
    """Whether two elements are equal, ids and all: most elements of two versions of a map
    are, and this is quicker to tell than what differs in each field."""
    if old.__dict__ != new.__dict__:
        return False
    for name in _REFERENCES[kind]:
        value = _get(old, name)
        for ident in [value] if isinstance(value, str) else value or ():
            if ids.get(ident) != ident:
                return False
    return True


#: The fields of each kind of element that hold ids.
_REFERENCES = {
    kind: [name for name, how in fields if how in (How.REF, How.REFS)]
    for kind, fields in FIELDS.items()
}


def attack_name(attack: Attack) -> str:
    """How an attack is named in a diff.

    >>> attack_name(Attack.model_validate({"from": "a", "to": "b"}))
    'a -> b'
    """
    return f"{attack.from_} -> {attack.to}"


AttackPair = tuple[Attack | None, Attack | None]
Ends = tuple[str, str]


def _attack_changes(
    old: ArgumentMap, new: ArgumentMap, ids: Matching, langs: tuple[str, str]
) -> tuple[list[Change], set[str]]:
    """Attacks added, removed, retargeted (the same attacker, another target) or changed,
    and supports turned into attacks and back; with the ids of the inferences so turned
    (reported here, not as inferences removed or added).

    Attacks are matched by their two ends under the new map's names, whatever their order
    in the list of attacks.
    """
    ends = {id(a): (translate(ids, a.from_), translate(ids, a.to)) for a in old.attacks}
    waiting: dict[Ends, list[Attack]] = defaultdict(list)
    for attack in reversed(new.attacks):
        waiting[(attack.from_, attack.to)].append(attack)
    pairs: list[AttackPair] = []
    for attack in old.attacks:
        twins = waiting.get(ends[id(attack)])
        pairs.append((attack, twins.pop() if twins else None))
    matched = {id(b) for _, b in pairs if b is not None}
    pairs += [(None, b) for b in new.attacks if id(b) not in matched]
    pairs, out, turned = _turned(pairs, old, new, ids, ends, langs)
    # New attacks in the new map's order, then removed ones in the old map's.
    order = {id(b): j for j, b in enumerate(new.attacks)}
    order.update({id(a): len(new.attacks) + i for i, a in enumerate(old.attacks)})
    for a, b in sorted(_retargeted(pairs, ends), key=lambda p: order[id(p[1] or p[0])]):
        if a is not None and b is not None and ends[id(a)] == (b.from_, b.to) and a.note == b.note:
            continue  # the same attack: matched by its ends, and its note unchanged
        fields = field_changes("attack", a, b, ids, langs)
        if a is None and b is not None:
            out.append(Change("attack", "added", attack_name(b), None, fields))
        elif b is None and a is not None:
            out.append(Change("attack", "removed", attack_name(a), None, fields))
        elif a is not None and b is not None and fields:
            action: Action = "retargeted" if ends[id(a)][1] != b.to else "changed"
            name, old_name = attack_name(b), attack_name(a)
            out.append(
                Change("attack", action, name, old_name if old_name != name else None, fields)
            )
    return out, turned


def _retargeted(pairs: list[AttackPair], ends: dict[int, Ends]) -> list[AttackPair]:
    """Pair the attacks only one map has that share an attacker: retargeted attacks."""
    gone: dict[str, list[Attack]] = defaultdict(list)
    for a, b in reversed(pairs):
        if a is not None and b is None:
            gone[ends[id(a)][0]].append(a)
    out: list[AttackPair] = []
    for a, b in pairs:
        if a is None and b is not None and gone.get(b.from_):
            out.append((gone[b.from_].pop(), b))
        elif b is not None:
            out.append((a, b))
    left = {id(a) for attacks in gone.values() for a in attacks}
    return out + [(a, b) for a, b in pairs if a is not None and id(a) in left]


def _turned(
    pairs: list[AttackPair],
    old: ArgumentMap,
    new: ArgumentMap,
    ids: Matching,
    ends: dict[int, Ends],
    langs: tuple[str, str],
) -> tuple[list[AttackPair], list[Change], set[str]]:
    """Supports turned into attacks: an inference removed and an attack added from one of its
    premises to its conclusion (and the reverse); the pairs left, the changes, and the ids
    of the inferences turned."""
    gone = _supports(old.inferences, set(ids), lambda x: translate(ids, x))
    made = _supports(new.inferences, set(ids.values()), lambda x: x)
    turned: set[str | None] = {None}  # None: no inference to turn
    left: list[AttackPair] = []
    out: list[Change] = []
    for a, b in pairs:
        if a is None and b is not None and (o := gone.get((b.from_, b.to))) not in turned:
            assert o is not None  # None is in turned: see below
            turned.add(o)
            fields = field_changes("inference", old.inferences[o], None, ids, langs)
            out.append(Change("inference", "became attack", attack_name(b), o, fields))
        elif b is None and a is not None and (n := made.get(ends[id(a)])) not in turned:
            assert n is not None
            turned.add(n)
            fields = field_changes("inference", None, new.inferences[n], ids, langs)
            out.append(Change("attack", "became support", n, attack_name(a), fields))
        else:
            left.append((a, b))
    return left, out, {t for t in turned if t is not None}


def _supports(
    inferences: Mapping[str, Inference], matched: set[str], name: Callable[[str], str]
) -> dict[Ends, str]:
    """The unmatched inferences by each (premise, conclusion) they hold, names as `name` gives."""
    out: dict[Ends, str] = {}
    for ident, inference in inferences.items():
        if ident not in matched:
            for p in inference.premises:
                out.setdefault((name(p), name(inference.conclusion)), ident)
    return out
