"""Word-level diffs of texts: which words were kept, removed and added."""

from __future__ import annotations

import difflib
import re

from argmap.diff.records import Piece

#: Words, runs of spaces, and single marks of punctuation: the units a reader compares.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")

#: Above this many token comparisons, the middle of two texts (what differs once the common
#: start and end are set aside) is shown as replaced whole: SequenceMatcher is quadratic at
#: worst, and a 100,000-character text must not stall a diff.
_MOST_COMPARISONS = 4_000_000


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """The word-level diff from `old` to `new`: kept (``=``), removed (``-``), added (``+``).

    Joining the kept and removed pieces gives `old`; the kept and added ones give `new`.

    >>> word_diff("The cat sat.", "The black cat sat!")
    (('=', 'The '), ('+', 'black '), ('=', 'cat sat'), ('-', '.'), ('+', '!'))
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    pieces: list[Piece] = [("=", "".join(a[:start]))]
    if len(middle_a) * len(middle_b) > _MOST_COMPARISONS:
        pieces += [("-", "".join(middle_a)), ("+", "".join(middle_b))]
    else:
        matcher = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                pieces.append(("=", "".join(middle_a[i1:i2])))
                continue
            pieces += [("-", "".join(middle_a[i1:i2])), ("+", "".join(middle_b[j1:j2]))]
    pieces.append(("=", "".join(a[len(a) - end :])))
    return _merged(pieces)


def _merged(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Pieces without empty ones, a kept run of spaces alone between two changes folded into
    them (``-a b`` reads better than ``-a``, `` ``, ``-b``), and each run of changes as one
    removal then one addition."""
    solid = [(op, text) for op, text in pieces if text]
    runs: list[Piece] = []
    removed, added = "", ""
    for i, (op, text) in enumerate(solid):
        between = 0 < i < len(solid) - 1 and solid[i - 1][0] != "=" and solid[i + 1][0] != "="
        if op == "=" and not (between and text.isspace()):
            runs += [p for p in (("-", removed), ("+", added)) if p[1]]
            runs.append((op, text))
            removed, added = "", ""
            continue
        removed += text if op != "+" else ""
        added += text if op != "-" else ""
    runs += [p for p in (("-", removed), ("+", added)) if p[1]]
    return tuple(runs)
