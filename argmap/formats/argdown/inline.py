"""Argdown's inline syntax: comments, data blocks, markup, tags, links and escapes.

Each function is one left-to-right pass: every search for a closing mark (``-->``, ``]``,
``)``) is remembered for the positions after it, so that text made of unclosed openers
(``<!--<!--<!--...``) costs linear time, not quadratic.

The rules are Argdown 1.7.5's lexer's: a comment (``<!-- -->``, ``/* */``, ``//`` to the end
of the line) starts wherever a token may, so also inside ``http://``, but not inside a title
``[...]``, ``<...>``, a tag ``#(...)``, a link or a data block ``{...}``. A data block is
Argdown's token ``{((?!}\\s[^,}])(.|\\n))*}(?!\\s*(,|}))``: from ``{`` to the last ``}`` before
the first ``}`` followed by a space and something other than ``,`` or ``}``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

#: Put where a data block starts once :func:`prescan` blanks it out.
MARKER = "\x00"

_OPENER = re.compile(r"[\\</{\[#]")
_STOP = re.compile(r"\}\s[^,}]")
_CLOSER = re.compile(r"\}(?!\s*[,}])")
_INLINE = re.compile(r"\\|\*\*|__|[*_#\[]")
#: Argdown's tag characters (its ``A-z`` takes in ``[\]^_`` and the backtick too).
_TAG_CHARS = re.compile("[a-zA-z0-9\\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+")
#: What may follow a closing ``*``, ``_``, ``**`` or ``__``.
_AFTER_END = frozenset(" \t\n\r)}_.,!?;:-*")


@dataclass(frozen=True)
class Block:
    """A data block ``{...}`` as written, and where its ``{`` is (line, column from 1)."""

    text: str
    line: int
    column: int


class _Finder:
    """``text.find(what, start)`` for starts that only grow, each search done once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, tuple[int, int]] = {}  # what -> (searched from, found at)

    def __call__(self, what: str, start: int) -> int:
        since, at = self.found.get(what, (start + 1, -1))
        if since > start or 0 <= at < start:
            at = self.text.find(what, start)
            self.found[what] = (start, at)
        return at


def prescan(text: str, start: int = 0) -> tuple[str, list[Block]]:
    """`text` with comments and data blocks from `start` on blanked out, and the blocks.

    Blanking keeps every line and column in place: a comment becomes spaces, a data block
    spaces after a :data:`MARKER` where its ``{`` was.

    >>> blanked, blocks = prescan("[a]: A // note\\n[b]: B {x: 1}")
    >>> blanked.replace(MARKER, "@")
    '[a]: A        \\n[b]: B @     '
    >>> blocks
    [Block(text='{x: 1}', line=2, column=8)]
    """
    stops = [m.start() for m in _STOP.finditer(text, start)]
    closers = [m.start() for m in _CLOSER.finditer(text, start)]
    newlines = [m.start() for m in re.finditer("\n", text)]
    find = _Finder(text)
    pieces: list[str] = []
    blocks: list[Block] = []
    kept = 0  # text[:kept] is in pieces

    def blank(begin: int, end: int, first: str) -> None:
        nonlocal kept
        pieces.append(text[kept:begin])
        pieces.append(first + re.sub(r"[^\n]", " ", text[begin + len(first) : end]))
        kept = end

    i = start
    while (found := _OPENER.search(text, i)) is not None:
        i = found.start()
        char = text[i]
        if char == "\\":
            i += 2
        elif text.startswith(("<!--", "/*"), i):
            closer, skip = ("-->", 4) if char == "<" else ("*/", 2)
            end = find(closer, i + skip)
            if end >= 0:
                blank(i, end + len(closer), "")
                i = end + len(closer)
            else:
                i = _skip_title(text, i, find) if char == "<" else i + 1
        elif text.startswith("//", i):
            end = find("\n", i)
            end = len(text) if end < 0 else end
            blank(i, end, "")
            i = end
        elif char == "{":
            close = _data_end(i, stops, closers, len(text))
            if close is None:
                i += 1
            else:
                line = bisect_left(newlines, i)
                column = i - (newlines[line - 1] + 1 if line else 0) + 1
                blocks.append(Block(text[i : close + 1], line + 1, column))
                blank(i, close + 1, MARKER)
                i = close + 1
        elif char in "[<":
            i = _skip_title(text, i, find)
        elif text.startswith("#(", i) and (end := find(")", i + 2)) > i + 2:
            i = end + 1
        else:
            i += 1
    pieces.append(text[kept:])
    return "".join(pieces), blocks


def _skip_title(text: str, i: int, find: _Finder) -> int:
    """Past a title ``[...]`` or ``<...>`` on one line (and a link's ``(...)``) at `i`."""
    opener = text[i]
    if opener == "<" and text[i + 1 : i + 2] in ("-", "+", "_", ""):
        return i + 1  # a relation symbol, not a title
    end = find("]" if opener == "[" else ">", i + 1)
    line_end = find("\n", i)
    if end <= i + 1 or (0 <= line_end < end):
        return i + 1
    if opener == "[" and text.startswith("(", end + 1):
        close = find(")", end + 2)
        if close > end + 2:
            return close + 1
    return end + 1


def _data_end(start: int, stops: list[int], closers: list[int], size: int) -> int | None:
    """Where the data block opened at `start` closes, by Argdown's rule; None if it does not."""
    k = bisect_right(stops, start)
    limit = stops[k] if k < len(stops) else size
    j = bisect_right(closers, limit) - 1
    return closers[j] if j >= 0 and closers[j] > start else None


def block_body(block: str) -> tuple[str, int]:
    """The YAML of a data block, and how many lines it starts below the ``{``.

    Argdown reads ``{`` followed by a line break as block YAML up to the closing ``}``.

    >>> block_body("{x: 1}"), block_body("{\\n  x: 1\\n}")
    (('{x: 1}', 0), ('  x: 1\\n', 1))
    """
    opening = re.match(r"\{[ \t]*\n", block)
    if opening is None:
        return block, 0
    return re.sub(r"\}\s*$", "", block[opening.end() :]), 1


def markup(raw: str) -> tuple[str, list[str]]:
    """The plain text and tags of an Argdown text: markup, links and escapes resolved.

    Bold and italic marks are dropped when they pair up as Argdown's lexer pairs them; an
    unpaired mark stays (Argdown rejects it). Whitespace runs become one space.

    >>> markup("A __bold__ [link](http://x) *claim* #pro #(big tag) snake_case \\\\*")
    ('A bold link claim snake_case *', ['pro', 'big tag'])
    """
    find = _Finder(raw)
    out: list[str] = []
    tags: list[str] = []
    opened: list[tuple[str, int]] = []  # open bold/italic marks: (mark, index in out)
    i = 0
    while (found := _INLINE.search(raw, i)) is not None:
        j = found.start()
        out.append(raw[i:j])
        token = found[0]
        i = j + len(token)
        if token == "\\":
            out.append(raw[i : i + 1])
            i += 1
        elif token == "#":
            if raw.startswith("(", i) and (end := find(")", i + 1)) > i + 1:
                tags.append(raw[i + 1 : end])
                i = end + 1
            elif tag := _TAG_CHARS.match(raw, i):
                tags.append(tag[0])
                i = tag.end()
            else:
                out.append(token)
                continue
            out.append(" ")
        elif token == "[":
            end = find("]", i)
            close = find(")", end + 2) if end > i and raw.startswith("(", end + 1) else -1
            if close > end + 2:
                out.append(raw[i:end])
                i = close + 1
            else:
                out.append(token)
        else:
            i = _emphasis(raw, j, token, out, opened)
    out.append(raw[i:])
    return " ".join("".join(out).split()), tags


def _emphasis(raw: str, j: int, token: str, out: list[str], opened: list[tuple[str, int]]) -> int:
    """Take the mark `token` at `j` as the end or start of a range, or as text; where next."""
    marks = (token, token[0]) if len(token) == 2 else (token,)
    for mark in marks:
        after = raw[j + len(mark) : j + len(mark) + 1]
        if (
            opened
            and opened[-1][0] == mark
            and j > 0
            and not raw[j - 1].isspace()
            and (not after or after in _AFTER_END)
        ):
            out[opened.pop()[1]] = ""
            return j + len(mark)
    for mark in marks:
        after = raw[j + len(mark) : j + len(mark) + 1]
        if after and not after.isspace():
            opened.append((mark, len(out)))
            out.append(mark)
            return j + len(mark)
    out.append(token)
    return j + len(token)
