"""Print a :class:`MapDiff`: as text for a terminal, as Markdown for a pull-request comment,
or as JSON.

Text and Markdown are one walk over the diff (:func:`lines`) in two styles: a style says
how to write a heading, an item, a detail under it, an id, and a removed or an added run of
words. Whatever comes from the maps (ids, texts, messages) goes through the style's
`escape`: control characters are shown as escapes on a terminal, and Markdown's marks are
escaped so that a claim's text cannot format, link or mention anything in a comment.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import ClassVar

from argmap.diagnostics import printable
from argmap.diff.records import (
    KINDS,
    Change,
    DiagnosticChange,
    FieldChange,
    Flip,
    Kind,
    MapDiff,
    Piece,
    Value,
)

FORMATS = ("text", "json", "markdown")

_PLURALS: dict[Kind, str] = {
    "map": "Map",
    "source": "Sources",
    "voice": "Voices",
    "claim": "Claims",
    "inference": "Inferences",
    "attack": "Attacks",
    "issue": "Issues",
}


def render(diff: MapDiff, fmt: str, old: str, new: str, colour: bool = False) -> str:
    """The diff of map `old` against map `new` (their names) in `fmt`: text, json, markdown.

    >>> print(render(MapDiff(), "text", "a.yaml", "b.yaml"))
    argmap diff a.yaml b.yaml: no change in the argument
    """
    if fmt == "json":
        data = {"old": old, "new": new, "summary": diff.counts(), **diff.to_dict()}
        return json.dumps(data, ensure_ascii=False, indent=2)
    style = Markdown() if fmt == "markdown" else Text(colour)
    return "\n".join(lines(diff, style, old, new))


class Text:
    """Plain text, coloured on a terminal; word diffs as ``[-old-]{+new+}`` without colour."""

    _TONES: ClassVar[dict[str, str]] = {"+": "32", "-": "31", "~": "33", "!": "1;35"}

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def _paint(self, tone: str, text: str) -> str:
        return f"\x1b[{tone}m{text}\x1b[0m" if self.colour and text else text

    def escape(self, text: str) -> str:
        return printable(text, lines=False)

    def message(self, text: str) -> str:
        return self.escape(text)

    def title(self, text: str) -> str:
        return self._paint("1", text)

    def heading(self, text: str) -> str:
        return "\n" + self._paint("1", text)

    def item(self, symbol: str, text: str) -> str:
        return f"  {self._paint(self._TONES[symbol], symbol)} {text}"

    def detail(self, text: str) -> str:
        return f"      {text}"

    def ident(self, text: str) -> str:
        return self.escape(text)

    def strong(self, text: str) -> str:
        return self._paint("1", text)

    def removed(self, text: str) -> str:
        return self._paint("31", text) if self.colour else f"[-{text}-]"

    def added(self, text: str) -> str:
        return self._paint("32", text) if self.colour else f"{{+{text}+}}"


#: An id quoted in one of argmap's messages: `claim-id`.
_QUOTED_ID = re.compile(r"`([A-Za-z0-9][A-Za-z0-9_.-]*(?: -> [A-Za-z0-9][A-Za-z0-9_.-]*)?)`")


class Markdown:
    """GitHub-flavoured Markdown: ids as code, word diffs as <del> and <ins>."""

    #: Marks that format, link or make math anywhere in a line (marks that act only at the
    #: start of a line need nothing: a text never starts one here).
    _MARKS = re.compile(r"([\\`*_{}\[\]<>|~&!$])")
    #: Marks GitHub acts on in the rendered text (a mention, a link to an issue), where no
    #: escape reaches: an invisible word joiner after them breaks the reference.
    _REFERENCES = re.compile(r"([@#])")

    def escape(self, text: str) -> str:
        """Every mark Markdown or HTML could act on, escaped; lines joined."""
        text = self._MARKS.sub(r"\\\1", " ".join(printable(text).splitlines()))
        return self._REFERENCES.sub("\\1\u2060", text)

    def message(self, text: str) -> str:
        """A message of argmap's (a reason, a diagnostic): its quoted ids as code."""
        parts = _QUOTED_ID.split(text)
        return "".join(
            self.ident(part) if i % 2 else self.escape(part) for i, part in enumerate(parts)
        )

    def title(self, text: str) -> str:
        return f"### {text}"

    def heading(self, text: str) -> str:
        return f"\n#### {text}\n"

    def item(self, symbol: str, text: str) -> str:
        return f"- {text}"

    def detail(self, text: str) -> str:
        return f"  - {text}"

    def ident(self, text: str) -> str:
        return f"`{text}`"  # ids are slugs and messages' ids too: no backquote inside

    def strong(self, text: str) -> str:
        return f"**{text}**"

    def removed(self, text: str) -> str:
        return f"<del>{text}</del>"

    def added(self, text: str) -> str:
        return f"<ins>{text}</ins>"


Style = Text | Markdown


def lines(diff: MapDiff, style: Style, old: str, new: str) -> Iterator[str]:
    """The diff as lines in `style`: a title and summary, the flips, the changes of each
    kind of element, the diagnostics.

    >>> diff = MapDiff((Change("claim", "renamed", "b", "a"),))
    >>> for line in lines(diff, Markdown(), "old.yaml", "new.yaml"):
    ...     print(line)
    ### argmap diff old.yaml new.yaml
    claims: 1 renamed
    <BLANKLINE>
    #### Claims: 1 renamed
    <BLANKLINE>
    - **renamed** `a` -> `b`
    """
    names = f"{style.escape(old)} {style.escape(new)}"
    if not diff:
        yield style.title(f"argmap diff {names}: no change in the argument")
        return
    yield style.title(f"argmap diff {names}")
    yield summary(diff)
    if diff.flips:
        yield style.heading(f"Evaluation flips: {len(diff.flips)} (main conclusions first)")
        for flip in diff.flips:
            yield from _flip(flip, style)
        if diff.unexplained:
            yield style.detail(
                f"({diff.unexplained} flips unexplained: `argmap evaluate --explain ID` "
                "says why a claim has its label)"
            )
    for kind in KINDS:
        changes = [c for c in diff.changes if c.kind == kind]
        if changes:
            yield style.heading(f"{_PLURALS[kind]}: {_tally(changes)}")
            for change in changes:
                yield style.item(_SYMBOLS[change.action], _headline(change, style))
                whole = change.action not in ("changed", "renamed", "retargeted")
                for f in change.fields:
                    if not (whole and change.kind == "attack" and f.field in ("from", "to")):
                        yield style.detail(_field(f, style, whole))  # (ends: in the headline)
    if diff.diagnostics:
        yield style.heading("Diagnostics: " + _tally(diff.diagnostics))
        for d in diff.diagnostics:
            where = f"{d.file}:{d.line}:{d.column}" if d.line else d.file
            text = f"{d.severity} {d.code} {style.message(d.message)} ({style.escape(where)})"
            yield style.item("+" if d.action == "appeared" else "-", f"{d.action}: {text}")


def summary(diff: MapDiff) -> str:
    """One line: how many changes of each kind, flips, and diagnostics.

    >>> summary(MapDiff((Change("claim", "added", "a"), Change("claim", "removed", "b"))))
    'claims: 1 added, 1 removed'
    """
    parts = []
    for kind in KINDS:
        changes = [c for c in diff.changes if c.kind == kind]
        if changes:
            parts.append(f"{_PLURALS[kind].lower()}: {_tally(changes)}")
    if diff.flips:
        parts.append(f"{len(diff.flips)} evaluation flip{'s' if len(diff.flips) > 1 else ''}")
    if diff.diagnostics:
        parts.append(f"diagnostics: {_tally(diff.diagnostics)}")
    return "; ".join(parts)


_SYMBOLS = {
    "added": "+",
    "removed": "-",
    "changed": "~",
    "renamed": "~",
    "retargeted": "~",
    "became attack": "~",
    "became support": "~",
}


#: The order of actions in a tally.
_ACTIONS = (*_SYMBOLS, "appeared", "fixed")


def _tally(records: Iterable[Change | DiagnosticChange]) -> str:
    """How many records of each action: ``2 added, 1 removed``."""
    counts = dict.fromkeys(_ACTIONS, 0)
    for r in records:
        counts[r.action] += 1
    return ", ".join(f"{n} {action}" for action, n in counts.items() if n)


def _headline(change: Change, style: Style) -> str:
    """What happened to an element, in a few words: ``renamed `a` -> `b```."""
    ident, old = style.ident(change.id), style.ident(change.old_id or "")
    if change.kind == "map":
        return style.strong("changed") + " the map's own fields"
    action = style.strong(change.action)
    if change.action == "renamed":
        return f"{action} {old} -> {ident}"
    if change.action == "became attack":
        return f"inference {old} {action} {ident}"
    if change.action == "became support":
        return f"attack {old} {action}: inference {ident}"
    was = f" (was {old})" if change.old_id else ""
    return f"{action} {ident}{was}"


def _flip(flip: Flip, style: Style) -> Iterator[str]:
    ident = style.ident(flip.id)
    renamed = f" (was {style.ident(flip.old_id)})" if flip.old_id != flip.id else ""
    main = style.strong("main conclusion") + " " if flip.main else ""
    yield style.item("!", f"{main}{ident}{renamed}: {flip.old} -> {style.strong(flip.new)}")
    if flip.old_reason is not None and flip.new_reason is not None:
        yield style.detail(f"before: {style.message(flip.old_reason)}")
        yield style.detail(f"after: {style.message(flip.new_reason)}")


def _field(f: FieldChange, style: Style, whole: bool = False) -> str:
    """One field's change: ``text (en): The [-old-]{+new+} words``; with `whole` (an element
    added or removed), its value alone."""
    name = f"{f.field} ({f.lang})" if f.lang else f.field
    show = style.ident if f.field in _ID_FIELDS else style.escape
    if f.removed or f.added:
        removed, added = (", ".join(show(x) for x in xs) for xs in (f.removed, f.added))
        if whole:
            return f"{name}: {removed or added}"
        return f"{name}: " + " ".join(
            ([style.removed(removed)] if removed else []) + ([style.added(added)] if added else [])
        )
    if f.words:
        return f"{name}: " + "".join(_words(f.words, style))
    old, new = (_value(v, show) for v in (f.old, f.new))
    if whole:
        return f"{name}: {new if f.old is None else old}"
    if f.old is None:
        return f"{name}: {style.added(new)}"
    if f.new is None:
        return f"{name}: {style.removed(old)}"
    return f"{name}: {style.removed(old)} -> {style.added(new)}"


#: Kept words shown on each side of a change in a text; the rest is elided.
CONTEXT = 8


def _words(pieces: tuple[Piece, ...], style: Style) -> Iterator[str]:
    """A word diff, long runs of kept words cut to their ends next to the changes."""
    for i, (op, text) in enumerate(pieces):
        if op == "-":
            yield style.removed(style.escape(text))
        elif op == "+":
            yield style.added(style.escape(text))
        else:
            words = text.split(" ")
            keep_start, keep_end = (
                (CONTEXT if i > 0 else 0),
                (CONTEXT if i + 1 < len(pieces) else 0),
            )
            if len(words) > keep_start + keep_end + 2:
                text = " ".join([*words[:keep_start], "…", *words[len(words) - keep_end :]])
            yield style.escape(text)


#: The fields whose values are ids (of claims, inferences, voices, sources) or tags.
_ID_FIELDS = frozenset(
    {"premises", "conclusion", "from", "to", "positions", "equivalent", "main"}
    | {"by", "quote.source", "tags"}
)


def _value(value: Value, show: Callable[[str], str]) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return show(str(value))
