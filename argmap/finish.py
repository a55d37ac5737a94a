"""Finish: the one gate between a format's reader and every later stage.

Every reader, whatever its format, hands over plain data (:class:`~argmap.formats.base.Parsed`);
:func:`finish` turns it into an :class:`ArgumentMap` the same way for all of them:

1. the limits on elements and on the length of one text (:func:`oversized`);
2. Pydantic validation, every error a located diagnostic with its code (:func:`validate`);
3. references: every id a map names exists, and ids are unique (:func:`references`).

A map that leaves this gate is *resolved*: later stages rely on it instead of re-checking.
A map built in code (``ArgumentMap.model_validate``) has not been through it; the stages that
need a resolved map run :func:`references` on it or raise
:class:`~argmap.errors.UnresolvedReferences`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from argmap.diagnostics import Diagnostic, Pointer, describe, diagnostic, has_errors, sort_key
from argmap.formats.base import Parsed
from argmap.limits import Limits
from argmap.memory import gc_paused
from argmap.model import ArgumentMap, Origin, texts
from argmap.suggest import Vocabulary
from argmap.validate import validate


def finish(
    parsed: Parsed, origin: Origin, limits: Limits
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """The resolved map of a reader's data (None when it has errors) and every diagnostic.

    Diagnostics are located in `origin` and sorted.

    >>> from argmap.formats.base import Parsed
    >>> data = {"claims": {"a": {"text": "A"}}, "main": ["b"]}
    >>> m, diags = finish(Parsed(data, []), Origin("m.yaml", "claims: ..."), Limits())
    >>> m is None, [d.code for d in diags]
    (True, ['AM106'])
    """
    diags = list(parsed.diagnostics)
    argmap = None
    if parsed.data is not None:
        with gc_paused():
            problems = oversized(parsed.data, limits, len(origin.text) > limits.max_text)
            problems += surrogates(parsed.data) if _may_hold_surrogates(origin.text) else []
            if not problems:
                argmap, problems = validate(parsed.data)
            if argmap is not None:
                problems = references(argmap)
        diags += problems
    if diags:  # a clean map has nothing to place, and leaves locate unimported
        from argmap.locate import locate

        diags = sorted(locate(diags, origin), key=sort_key)
    if argmap is None or has_errors(diags):
        return None, diags
    argmap._origin = origin
    return argmap, diags


def oversized(data: Any, limits: Limits, long_texts: bool = True) -> list[Diagnostic]:
    """AM008, AM108: a map past the limits on elements, or on the length of one text.

    Texts are measured only when `long_texts` (no text is longer than the file it is in).

    >>> [d.code for d in oversized({"claims": {"a": {"text": "A" * 9}}}, Limits(max_text=5))]
    ['AM108']
    """
    if isinstance(data, dict):
        count = sum(
            len(data[k])
            for k in ("claims", "inferences", "attacks")
            if isinstance(data.get(k), dict | list)
        )
        if count > limits.max_elements:
            # Placed at the top of the file: locating it would mean parsing all of it again.
            return [
                diagnostic(
                    "AM008",
                    f"the map has {count:,} claims, inferences and attacks, more than the "
                    f"limit of {limits.max_elements:,}",
                    hint="split the map, or raise the limit with ARGMAP_MAX_ELEMENTS",
                    line=1,
                    column=1,
                )
            ]
    if not long_texts or _longest_string(data) <= limits.max_text:
        return []
    diags = []
    stack: list[tuple[Pointer, Any]] = [((), data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, str):
            if len(node) > limits.max_text:
                diags.append(
                    diagnostic(
                        "AM108",
                        f"a text of {len(node):,} characters, more than the limit of "
                        f"{limits.max_text:,}",
                        pointer,
                        "shorten it (quote the passage, not the document), or raise the limit "
                        "with ARGMAP_MAX_TEXT",
                    )
                )
        elif isinstance(node, dict):
            stack.extend(((*pointer, k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend(((*pointer, i), v) for i, v in enumerate(node))
    return diags


_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U000)[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _may_hold_surrogates(text: str) -> bool:
    """Whether a text has an escape that can make a lone surrogate (JSON's ``\\ud800``)."""
    return "\\" in text and _SURROGATE_ESCAPE.search(text) is not None


def surrogates(data: Any) -> list[Diagnostic]:
    """AM102 for every string holding a lone surrogate, which no UTF-8 file can store.

    >>> [d.message for d in surrogates({"claims": {"a": {"text": "x" + chr(0xD800)}}})]
    ["claim `a`'s `text` holds a lone surrogate (U+D800), which is not a character"]
    """
    diags = []
    stack: list[tuple[Pointer, Any]] = [((), data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                stack.append(((*pointer, key), value))
                if isinstance(key, str):
                    stack.append(((*pointer, key), key))
        elif isinstance(node, list):
            stack.extend(((*pointer, i), v) for i, v in enumerate(node))
        elif isinstance(node, str) and (found := _SURROGATE.search(node)):
            diags.append(
                diagnostic(
                    "AM102",
                    f"{describe(pointer)} holds a lone surrogate (U+{ord(found[0]):04X}), "
                    "which is not a character",
                    pointer,
                    "remove the escape (\\ud8xx); a character outside the BMP is written "
                    "as a pair of escapes, or as itself",
                )
            )
    return diags


def _longest_string(data: Any) -> int:
    """The length of the longest string value in plain data (a quick pass, without pointers).

    >>> _longest_string({"a": ["xy", {"b": "xyz"}], "c": 5}), _longest_string("four")
    (3, 4)
    """
    if type(data) is str:
        return len(data)
    longest = 0
    stack = [data] if type(data) in (dict, list) else []
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        # Strings are measured where they are found, never pushed: most values are strings,
        # and a push and a pop for each made this pass 2.4 times slower.
        for value in node.values() if type(node) is dict else node:
            kind = type(value)
            if kind is str:
                if len(value) > longest:
                    longest = len(value)
            elif kind is dict or kind is list:
                push(value)
    return longest


#: What to do when an id names the wrong kind of element, by (what it names, where it is).
_WRONG_KIND = {
    ("an inference", "inferences"): "to chain reasons, use that inference's conclusion as "
    "the premise",
    ("an issue", "attacks"): "attack one of the issue's positions, or add the attacker as a "
    "position of the issue",
    ("an inference", "main"): "list the claim the inference concludes",
    ("an issue", "inferences"): "use one of the issue's positions",
}


def _article(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def references(argmap: ArgumentMap) -> list[Diagnostic]:
    """AM104, AM106, AM107: every reference resolves, ids are unique, no text is empty.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}}, "main": ["b"]})
    >>> [(d.code, d.message) for d in references(m)]
    [('AM106', 'no claim `b` (in `main` #1)')]
    """
    return _shared_ids(argmap) + _empty_texts(argmap) + _dangling(argmap)


def _shared_ids(argmap: ArgumentMap) -> list[Diagnostic]:
    """AM107: claims, inferences and issues share one namespace."""
    diags = []
    for section, ids in (("inferences", argmap.inferences), ("issues", argmap.issues)):
        for ident in ids:
            if ident in argmap.claims:
                diags.append(
                    diagnostic(
                        "AM107",
                        f"`{ident}` names a claim and an {section[:-1]}",
                        (section, ident),
                        "claims, inferences and issues share one namespace: rename one of them",
                    )
                )
    for ident in sorted(argmap.issues.keys() & argmap.inferences.keys()):
        message = f"`{ident}` names an inference and an issue"
        diags.append(diagnostic("AM107", message, ("issues", ident), "rename one of them"))
    return diags


def _empty_texts(argmap: ArgumentMap) -> list[Diagnostic]:
    """AM104: a claim whose text (in some language) is blank."""
    diags = []
    for ident, claim in argmap.claims.items():
        for lang, text in texts(claim.text, argmap.lang).items():
            if not text.strip():
                where = (lang,) if isinstance(claim.text, dict) else ()
                pointer: Pointer = ("claims", ident, "text", *where)
                hint = "write the claim, or remove it"
                message = f"claim `{ident}` has an empty text"
                diags.append(diagnostic("AM104", message, pointer, hint))
    return diags


def _unknown(
    argmap: ArgumentMap, pools: dict[str, Collection[str]]
) -> Iterator[tuple[str, str, Pointer]]:
    """Every reference of a map to an id not among those it may name (`pools`, by what it
    must name): the id, what it must name, and where it is. The test is made here, where
    each reference is: a clean map of 100,000 claims has 190,000 references and no place
    to point at."""
    sources, voices, claims = pools["source"], pools["voice"], pools["claim"]
    for ident, claim in argmap.claims.items():
        if claim.quote is not None and claim.quote.source not in sources:
            yield claim.quote.source, "source", ("claims", ident, "quote", "source")
        if claim.by is not None and claim.by not in voices:
            yield claim.by, "voice", ("claims", ident, "by")
        for i, other in enumerate(claim.equivalent):
            if other not in claims:
                yield other, "claim", ("claims", ident, "equivalent", i)
    for ident, inference in argmap.inferences.items():
        for i, premise in enumerate(inference.premises):
            if premise not in claims:
                yield premise, "claim", ("inferences", ident, "premises", i)
        if inference.conclusion not in claims:
            yield inference.conclusion, "claim", ("inferences", ident, "conclusion")
    either = pools["claim or inference"]
    for i, attack in enumerate(argmap.attacks):
        if attack.from_ not in claims:
            yield attack.from_, "claim", ("attacks", i, "from")
        if attack.to not in either:
            yield attack.to, "claim or inference", ("attacks", i, "to")
    for ident, issue in argmap.issues.items():
        for i, position in enumerate(issue.positions):
            if position not in claims:
                yield position, "claim", ("issues", ident, "positions", i)
    for i, main in enumerate(argmap.main or []):
        if main not in claims:
            yield main, "claim", ("main", i)


def _dangling(argmap: ArgumentMap) -> list[Diagnostic]:
    """AM106: a reference to an id the map does not declare, with a hint that fixes it."""
    pools: dict[str, Collection[str]] = {
        "source": argmap.sources,
        "voice": argmap.voices,
        "claim": argmap.claims,
        "claim or inference": argmap.claims.keys() | argmap.inferences.keys(),
    }
    kind_of: dict[str, str] = {}  # made at the first reference to an id the map lacks
    vocabularies: dict[str, Vocabulary] = {}  # made only when a suggestion is needed
    diags = []
    for target, what, pointer in _unknown(argmap, pools):
        if not kind_of:
            kind_of = {
                **dict.fromkeys(argmap.issues, "an issue"),
                **dict.fromkeys(argmap.inferences, "an inference"),
                **dict.fromkeys(argmap.voices, "a voice"),
                **dict.fromkeys(argmap.sources, "a source"),
                **dict.fromkeys(argmap.claims, "a claim"),
            }
        if target in kind_of:  # the id exists, but names the wrong kind of element
            todo = _WRONG_KIND.get(
                (kind_of[target], str(pointer[0])), f"name {_article(what)} here"
            )
            hint = f"`{target}` is {kind_of[target]}, not {_article(what)}: {todo}"
        else:
            if what not in vocabularies:
                vocabularies[what] = Vocabulary(pools[what])
            close = vocabularies[what].closest(target)
            hint = (
                f"did you mean `{close}`?"
                if close
                else (f"declare `{target}` under the map's {what.split()[0]}s")
            )
        message = f"no {what} `{target}` (in {describe(pointer)})"
        diags.append(diagnostic("AM106", message, pointer, hint))
    return diags
