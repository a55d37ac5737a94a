"""Checks of a map against how it is to be drawn: its sources' links, the language asked
for, the tags given colours.

They run when a map is drawn (:func:`argmap.rendered`), with the drawing's options, not in
:data:`argmap.checks.CHECKS`, which looks at the map alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.checks import MISSING_SHOWN
from argmap.diagnostics import Diagnostic, diagnostic
from argmap.model import ArgumentMap, texts


def unsafe_links(argmap: ArgumentMap) -> list[Diagnostic]:
    """AM406: sources whose url is not an http(s) address; they are drawn without a link.

    Run when a map is drawn (see :func:`argmap.rendered`).

    >>> m = ArgumentMap.model_validate({"claims": {},
    ...     "sources": {"s": {"title": "S", "url": "javascript:alert(1)"}}})
    >>> [d.code for d in unsafe_links(m)]
    ['AM406']
    """
    from argmap.draw import safe_url  # loads Graphviz: only when a map is drawn

    return [
        diagnostic(
            "AM406",
            f"source `{ident}`'s url is not an http(s) address; it is drawn without a link",
            ("sources", ident, "url"),
            "give an address that starts with https:// or http://",
        )
        for ident, source in argmap.sources.items()
        if source.url is not None and safe_url(source.url) is None
    ]


def missing_language(argmap: ArgumentMap, lang: str) -> list[Diagnostic]:
    """AM401: a language asked for that no text of the map is written in.

    Run when a map is drawn in `lang` (see :func:`argmap.rendered`).

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": {"en": "A"}}}})
    >>> [d.message for d in missing_language(m, "pt")]
    ['the map has no text in `pt`']
    """
    have = {code for claim in argmap.claims.values() for code in texts(claim.text, argmap.lang)}
    if lang in have:
        return []
    return [
        diagnostic(
            "AM401",
            f"the map has no text in `{lang}`",
            ("lang",),
            f"its languages: {', '.join(sorted(have))}",
        )
    ]


def partly_translated(argmap: ArgumentMap, lang: str) -> list[Diagnostic]:
    """AM409: a language asked for that only some claims have a text in.

    Those claims are drawn in `lang`, the others in the map's language: said, not silent.
    Run when a map is drawn in `lang` (see :func:`argmap.rendered`).

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": {"en": "A", "pt": "Á"}},
    ...     "b": {"text": "B"}, "c": {"text": "C"}}})
    >>> [d.message for d in partly_translated(m, "pt")]
    ['only 1 of 3 claims has a text in `pt`: the others are drawn in `en` (`b`, `c`)']
    """
    lacking = [i for i, c in argmap.claims.items() if lang not in texts(c.text, argmap.lang)]
    if not lacking or len(lacking) == len(argmap.claims):  # none: AM401's case
        return []
    having = len(argmap.claims) - len(lacking)
    shown = ", ".join(f"`{i}`" for i in lacking[:MISSING_SHOWN])
    more = f" and {len(lacking) - MISSING_SHOWN} more" if len(lacking) > MISSING_SHOWN else ""
    verb = "has" if having == 1 else "have"
    hint = f"add `{lang}: ...` to their texts"
    if lang not in argmap.languages:
        hint += f"; `languages: [{argmap.lang}, {lang}]` makes argmap check list them all"
    return [
        diagnostic(
            "AM409",
            f"only {having} of {len(argmap.claims)} claims {verb} a text in `{lang}`: the "
            f"others are drawn in `{argmap.lang}` ({shown}{more})",
            ("claims", lacking[0], "text"),
            hint,
        )
    ]


def unknown_tags(argmap: ArgumentMap, tags: Iterable[str]) -> list[Diagnostic]:
    """AM408: a tag given a colour to draw that no claim of the map has.

    Run when a map is drawn (see :func:`argmap.rendered`).

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A", "tags": ["objection"]}}})
    >>> [(d.message, d.hint) for d in unknown_tags(m, ["objetion"])]
    [('no claim has the tag `objetion` that --tag-colour colours', 'did you mean `objection`?')]
    """
    from argmap.suggest import Vocabulary

    have = sorted({tag for claim in argmap.claims.values() for tag in claim.tags})
    diags = []
    for tag in tags:
        if tag in have:
            continue
        close = Vocabulary(have).closest(tag) if have else None
        if close:
            hint = f"did you mean `{close}`?"
        elif have:
            hint = f"the map's tags: {', '.join(have)}"
        else:
            hint = "the map has no tags: give claims some, as in `tags: [objection]`"
        message = f"no claim has the tag `{tag}` that --tag-colour colours"
        diags.append(diagnostic("AM408", message, hint=hint))
    return diags
