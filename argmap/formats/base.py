"""What every format shares: the reader's result, and the kinds of data a writer carries.

A format's reader turns text into :class:`Parsed`: plain data in the map's shape (the YAML
format's own shape, ``{"claims": {...}, "inferences": {...}}``), where each part came from,
and what the reader found. It never builds an :class:`~argmap.model.ArgumentMap` itself:
:func:`argmap.finish.finish` validates and resolves every format's data the same way.

A format's writer turns a resolved map into text. What the format cannot hold is declared
once, in its row of :data:`argmap.formats.FORMATS` (``carries``), and reported by
:func:`lost`, so a conversion never drops data without a word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from argmap.diagnostics import Diagnostic

if TYPE_CHECKING:
    from argmap.limits import Limits
    from argmap.model import ArgumentMap, Positions


class Parsed(NamedTuple):
    """What a reader gives back.

    `data` is plain data in the map's shape, or None when nothing could be built;
    `diagnostics` are located already, or carry pointers into the map's data that
    `positions` locates; `positions` is None for YAML and JSON, whose text is parsed again
    with positions only when a diagnostic needs one.
    """

    data: Any
    diagnostics: list[Diagnostic]
    positions: Positions | None = None


#: ``read(text, path, limits)``: `path` names the file in diagnostics.
Reader = Callable[[str, str, "Limits"], Parsed]
#: ``write(argmap)``: the map as the format's text.
Writer = Callable[["ArgumentMap"], str]

#: The kinds of data a map can hold, as :func:`inventory` counts them and writers declare
#: them. Each is named as a person would in "cannot carry 3 notes".
KINDS = (
    "title",
    "description",
    "sources",
    "voices",
    "claims",
    "claim voices",
    "quotes",
    "tags",
    "claim notes",
    "aliases",
    "equivalents",
    "statuses",
    "implicit premises",
    "translations",
    "inferences",
    "schemes",
    "weights",
    "inference labels",
    "inference notes",
    "attacks",
    "undercuts",
    "attack notes",
    "issues",
    "issue texts",
    "main conclusions",
    "languages",
    "claim answers",
    "attack answers",
    "dismissed questions",
    "scheme catalogues",
)


def inventory(argmap: ArgumentMap) -> Counter[str]:
    """How many of each kind of data (:data:`KINDS`) a map holds.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": {"en": "A", "pt": "Á"},
    ...     "note": "n"}, "b": {"text": "B"}}, "attacks": [{"from": "a", "to": "b"}]})
    >>> sorted(inventory(m).items())
    [('attacks', 1), ('claim notes', 1), ('claims', 2), ('translations', 1)]
    """
    count: Counter[str] = Counter()
    count["title"] = int(argmap.title is not None)
    count["description"] = int(argmap.description is not None)
    count["sources"] = len(argmap.sources)
    count["voices"] = len(argmap.voices)
    count["claims"] = len(argmap.claims)
    count["languages"] = len(argmap.languages)
    count["main conclusions"] = len(argmap.main or ())
    count["scheme catalogues"] = int(argmap.catalogue is not None)
    for claim in argmap.claims.values():
        count["claim voices"] += claim.by is not None
        count["quotes"] += claim.quote is not None
        count["tags"] += len(claim.tags)
        count["claim notes"] += claim.note is not None
        count["aliases"] += len(claim.aliases)
        count["equivalents"] += len(claim.equivalent)
        count["statuses"] += claim.status is not None
        count["implicit premises"] += claim.implicit
        count["translations"] += isinstance(claim.text, dict) and len(claim.text) > 1
        count["claim answers"] += claim.answers is not None
    for inference in argmap.inferences.values():
        count["inferences"] += 1
        count["schemes"] += inference.scheme is not None
        count["weights"] += inference.weight is not None
        count["inference labels"] += inference.label is not None
        count["inference notes"] += inference.note is not None
        count["dismissed questions"] += len(inference.dismissed)
    for attack in argmap.attacks:
        undercut = attack.to in argmap.inferences
        count["undercuts" if undercut else "attacks"] += 1
        count["attack notes"] += attack.note is not None
        count["attack answers"] += attack.answers is not None
    for issue in argmap.issues.values():
        count["issues"] += 1
        count["issue texts"] += issue.text is not None
    return +count


def lost(argmap: ArgumentMap, carries: frozenset[str]) -> list[tuple[str, int]]:
    """The kinds of data in `argmap` that a format carrying `carries` cannot hold, with counts.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A", "note": "n"}}})
    >>> lost(m, frozenset({"claims"}))
    [('claim notes', 1)]
    """
    held = inventory(argmap)
    return [(kind, held[kind]) for kind in KINDS if held[kind] and kind not in carries]


#: Everything: argmap's own formats carry every kind of data.
EVERYTHING = frozenset(KINDS)
