"""Did you mean: the closest id to a word that is not one, found in bounded time.

:func:`difflib.get_close_matches` compares a word with every id of the pool: 20,000 unknown
ids against 20,000 known ones make 400 million comparisons. A :class:`Vocabulary` keeps the
ids sorted twice, by their beginnings and by their endings. A query takes the few ids beside
the word in each order (those that share the longest beginning or the longest ending with
it: a typo leaves one of the two intact) and ranks them by how many characters they share
with the word at both ends. Those characters are matches difflib would find too, so they
often settle the answer alone; otherwise difflib compares the word with the first
:data:`TRIES` candidates only. A query costs two binary searches and a handful of
comparisons, whatever the size of the pool.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

#: How many ids on each side of a word, in each order, are candidates.
NEIGHBOURS = 2
#: How many candidates, the best ranked first, difflib compares with the word.
TRIES = 2


class Vocabulary:
    """Ids indexed for :meth:`closest`: sorted by their beginnings and by their endings."""

    def __init__(self, ids: Iterable[str]) -> None:
        self._forwards = sorted(set(ids))
        self._backwards = sorted(ident[::-1] for ident in self._forwards)

    def __len__(self) -> int:
        return len(self._forwards)

    def closest(self, word: str, cutoff: float = 0.6) -> str | None:
        """The candidate id most like `word` whose difflib ratio reaches `cutoff`, or None.

        Candidates are ranked by the characters they share with `word` at its beginning and
        at its end, ties in sorted order, so the answer is deterministic.

        >>> ids = Vocabulary(["claim", "premise", "conclusion", "inference-7"])
        >>> ids.closest("clam"), ids.closest("premsie"), ids.closest("inferense-7")
        ('claim', 'premise', 'inference-7')
        >>> ids.closest("zebra") is None
        True
        """
        candidates = set(_beside(self._forwards, word))
        candidates.update(ident[::-1] for ident in _beside(self._backwards, word[::-1]))
        ranked = sorted((-_shared_ends(word, ident), ident) for ident in candidates)
        import difflib  # here: a map without a misspelt name needs no suggestion

        # difflib learns about its second sequence once, and compares each candidate with it
        matcher = difflib.SequenceMatcher(None, "", word, autojunk=False)
        for minus_shared, ident in ranked[:TRIES]:
            # The shared ends are matches difflib finds too: enough of them settle it.
            if -2 * minus_shared / (len(word) + len(ident)) >= cutoff:
                return ident
            matcher.set_seq1(ident)
            if (
                matcher.real_quick_ratio() >= cutoff
                and matcher.quick_ratio() >= cutoff
                and matcher.ratio() >= cutoff
            ):
                return ident
        return None


def _beside(ordered: list[str], word: str) -> list[str]:
    """The ids on each side of where `word` would go in the sorted list."""
    at = bisect_left(ordered, word)
    return ordered[max(0, at - NEIGHBOURS) : at + NEIGHBOURS]


def _shared_ends(a: str, b: str) -> int:
    """How many characters `a` and `b` share at their beginning and at their end.

    >>> _shared_ends("claim-17", "clam-17")
    7
    """
    most = min(len(a), len(b))
    start = 0
    while start < most and a[start] == b[start]:
        start += 1
    end = 0
    while end < most - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return start + end
