"""The data of an interactive page: a checked map, its evaluations and their reasons.

Everything the page shows besides the drawing is here, as plain data that becomes one JSON
block of the page (see :mod:`argmap.draw.html`): every text of every claim in each of its
languages, quotes with their sources, voices, tags and notes, inferences, attacks and
issues, and the evaluation *scenarios*: the map's own assumptions, then accepting and
rejecting the claims of each voice in turn. Each scenario carries every claim's and
inference's label and its reason (:func:`argmap.evaluate.reasons`: a phrase, and the node
it rests on), so the page switches between them without Python and without laying the map
out again, and joins the reasons into the words of :func:`argmap.evaluate.explain`. One
step per node keeps the page linear in the map: every node's whole explanation would not
be (a chain of n claims has n explanations of up to n steps).

Every user string goes through :func:`~argmap.draw.text.xml_safe` (a lone surrogate could
not even be encoded); the page shows them as text only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from argmap.draw.text import safe_url, xml_safe
from argmap.evaluate import evaluate_graph, reasons
from argmap.evaluate.ids import BY
from argmap.graph import ATTACK
from argmap.model import ArgumentMap, Text, texts

if TYPE_CHECKING:
    import networkx as nx

#: Claims to accept and claims to reject: one evaluation scenario.
Assumed = tuple[Sequence[str], Sequence[str]]


def languages(argmap: ArgumentMap) -> list[str]:
    """The languages the map's claims are written in: the map's own first, then those it
    declares, then the others alphabetically.

    >>> m = ArgumentMap.model_validate({"lang": "pt", "claims": {
    ...     "a": {"text": {"pt": "Sim", "en": "Yes", "de": "Ja"}}}})
    >>> languages(m)
    ['pt', 'de', 'en']
    """
    found = {code for claim in argmap.claims.values() for code in texts(claim.text, argmap.lang)}
    order = [argmap.lang, *argmap.languages, *sorted(found)]
    return list(dict.fromkeys(code for code in order if code in found)) or [argmap.lang]


def page_data(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    lang: str,
    assumed: Assumed | None = None,
) -> dict[str, Any]:
    """The plain data of a page showing `argmap` in `lang` (one of :func:`languages`).

    `assumed` (claims to accept, claims to reject) is the first scenario's, and the page
    opens coloured by it; without it the page opens coloured by voice, and the first
    scenario is the map's own assumptions.

    >>> from argmap.graph import build
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}]})
    >>> data = page_data(m, build(m), "en")
    >>> data["claims"]["b"]["role"], data["attacks"]
    ('unused', [{'from': 'a', 'to': 'b', 'type': 'rebut'}])
    >>> first = data["scenarios"][0]
    >>> phrase, cause = first["reasons"]["b"]
    >>> first["labels"]["b"], data["phrases"][phrase], cause
    ('out', 'attacked by `a`', 'a')
    """
    phrases: dict[str, int] = {}
    asked = questions_data(argmap)
    scenarios = [
        scenario(argmap, graph, accept, reject, voice, stance, phrases)
        for accept, reject, voice, stance in assumptions(argmap, assumed)
    ]
    data: dict[str, Any] = {
        "lang": argmap.lang,
        "languages": languages(argmap),
        "view": {"lang": lang, "scenario": 0 if assumed is not None else None},
        "title": _text(argmap.title, argmap.lang),
        "description": _text(argmap.description, argmap.lang),
        "sources": {ident: source_data(source) for ident, source in argmap.sources.items()},
        "voices": {
            ident: _compact({"name": _text(voice.name, argmap.lang), "role": voice.role})
            for ident, voice in argmap.voices.items()
        },
        "claims": {ident: claim_data(argmap, graph, ident) for ident in argmap.claims},
        "inferences": {
            ident: _compact(
                inference.model_dump(exclude_defaults=True)
                | asked[ident]
                | {"label": _text(inference.label, argmap.lang)}
            )
            for ident, inference in argmap.inferences.items()
        },
        "attacks": [attack_data(argmap, graph, index) for index in range(len(argmap.attacks))],
        "issues": {
            ident: _compact({"positions": issue.positions, "text": _text(issue.text, argmap.lang)})
            for ident, issue in argmap.issues.items()
        },
        "scenarios": scenarios,
        "phrases": list(phrases),
    }
    cleaned: dict[str, Any] = clean(_compact(data))
    return cleaned


def assumptions(
    argmap: ArgumentMap, assumed: Assumed | None
) -> list[tuple[Sequence[str], Sequence[str], str | None, str | None]]:
    """Each scenario's claims to accept and to reject, its voice and its stance.

    The first is `assumed` (the map's own assumptions when None); then, for each voice
    that asserts a claim, accepting its claims and rejecting them (``by:VOICE``, which keeps
    the claims whose status in the map says otherwise).

    >>> m = ArgumentMap.model_validate({"voices": {"v": {"name": "V"}, "w": {"name": "W"}},
    ...     "claims": {"a": {"text": "A", "by": "v"}, "b": {"text": "B"}}})
    >>> assumptions(m, None)
    [((), (), None, None), (['by:v'], [], 'v', 'accept'), ([], ['by:v'], 'v', 'reject')]
    """
    first = assumed if assumed is not None else ((), ())
    found: list[tuple[Sequence[str], Sequence[str], str | None, str | None]] = [
        (first[0], first[1], None, None)
    ]
    spoken = {claim.by for claim in argmap.claims.values()}
    for voice in argmap.voices:
        if voice in spoken:
            found += [([BY + voice], [], voice, "accept"), ([], [BY + voice], voice, "reject")]
    return found


def scenario(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    accept: Sequence[str],
    reject: Sequence[str],
    voice: str | None,
    stance: str | None,
    phrases: dict[str, int],
) -> dict[str, Any]:
    """One scenario: every node's label, and its reason: the index of its phrase in
    `phrases` (the distinct phrases, in the order first met, extended here) and the node
    the reason rests on, or None."""
    evaluation = evaluate_graph(argmap, graph, accept, reject)
    steps = {
        node: [phrases.setdefault(phrase, len(phrases)), cause]
        for node, (phrase, cause) in reasons(argmap, graph, evaluation).items()
    }
    return _compact(
        {
            "voice": voice,
            "stance": stance,
            "accept": list(accept),
            "reject": list(reject),
            "labels": {node: str(label) for node, label in evaluation.labels.items()},
            "reasons": steps,
        }
    )


def questions_data(argmap: ArgumentMap) -> dict[str, dict[str, Any]]:
    """For each inference, its scheme's name by language and its critical questions, each
    with its texts and what the map does with it: ``open``, ``answered`` (by the claims of
    ``answeredBy``), ``defended`` (by those of ``defendedBy``) or ``dismissed`` (and why).
    Empty for a scheme outside the catalogue.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b", "scheme": "sign"}}})
    >>> data = questions_data(m)["i"]
    >>> data["schemeName"]["pt"], [(q["id"], q["state"]) for q in data["questions"]]
    ('Argumento por sinal', [('reliability', 'open'), ('other-events', 'open')])
    """
    from argmap.schemes.shown import map_questions

    found = map_questions(argmap)
    out: dict[str, dict[str, Any]] = {ident: {} for ident in argmap.inferences}
    for ident in found.scheme_of:
        scheme = found.scheme_of[ident]
        questions = []
        for entry in found.all(ident):
            state = (
                "answered"
                if entry.answered_by
                else "defended"
                if entry.defended_by
                else "dismissed"
                if entry.dismissed is not None
                else "open"
            )
            questions.append(
                _compact(
                    {
                        "id": entry.question.id,
                        "type": entry.question.type,
                        "text": texts(entry.question.text, "en"),
                        "state": state,
                        "answeredBy": entry.answered_by,
                        "defendedBy": entry.defended_by,
                        "reason": entry.dismissed,
                    }
                )
            )
        name = _text(scheme.name, "en")
        out[ident] = _compact({"schemeName": name, "questions": questions})
    return out


def claim_data(argmap: ArgumentMap, graph: nx.DiGraph, ident: str) -> dict[str, Any]:
    """A claim's texts by language, its role in the map, and what the map says of it."""
    claim = argmap.claims[ident]
    data = claim.model_dump(exclude_defaults=True, exclude={"text"})
    data["text"] = texts(claim.text, argmap.lang)
    data["role"] = graph.nodes[ident]["role"].value.replace(" ", "-")
    return _compact(data)


def source_data(source: Any) -> dict[str, Any]:
    """A source's title, author, date and link (only an http(s) link, made safe)."""
    return _compact(
        {
            "title": source.title,
            "author": source.author,
            "date": source.date,
            "url": safe_url(source.url),
        }
    )


def attack_data(argmap: ArgumentMap, graph: nx.DiGraph, index: int) -> dict[str, Any]:
    """An attack: who attacks what, how (rebut, undermine, undercut), and its note."""
    attack = argmap.attacks[index]
    edge = graph.edges[attack.from_, attack.to]
    kind = edge["type"] if edge["kind"] == ATTACK else "undercut"
    return _compact({"from": attack.from_, "to": attack.to, "type": kind, "note": attack.note})


def _text(text: Text | None, lang: str) -> dict[str, str] | None:
    return None if text is None else texts(text, lang)


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Without the fields that say nothing (None, false, empty); a weight of 0 stays.

    >>> _compact({"a": None, "b": [], "c": False, "d": 0.0, "e": ""})
    {'d': 0.0}
    """
    return {
        key: value
        for key, value in data.items()
        if value is not None and value is not False and value != "" and value != [] and value != {}
    }


def clean(value: Any) -> Any:
    r"""Plain data with every string :func:`xml_safe` (keys too): nothing the page cannot show.

    >>> clean({"a\x00": ["b\ud800", 1.5]}) == {"a\ufffd": ["b\ufffd", 1.5]}
    True
    """
    if isinstance(value, str):  # most texts are plain ASCII: those need no look
        return value if value.isascii() and value.isprintable() else xml_safe(value)
    if isinstance(value, dict):
        return {xml_safe(str(key)): clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [clean(item) for item in value]
    return value
