"""Passages: how a quote is found in its source's text, and shown when it is not there.

AM206 compares a quote with its source after :func:`normalise` (one kind of quote and dash,
single spaces, lower case); a near miss names the closest passage (:func:`closest_span`),
as the source writes it (:func:`as_written`).
"""

from __future__ import annotations

import functools
import heapq
import re
from collections import Counter, defaultdict

#: Each typographic quote and dash, and the plain one it stands for.
_PLAIN = {c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛‹›′`"} | {c: "-" for c in "‐‑‒–—―"}
#: Any of them. Replacing each one found costs less than translating every character by a
#: table (a dictionary look-up each: 4 of the 5 ms the flagship's quotes took).
_TYPOGRAPHIC = re.compile("[" + re.escape("".join(_PLAIN)) + "]")


def _plain(found: re.Match[str]) -> str:
    return _PLAIN[found.group()]


def normalise(text: str) -> str:
    """Text as quotes are compared: one kind of quote and dash, single spaces, lower case.

    >>> normalise("“A  IA”\\n– Ok")
    '"a ia" - ok'
    """
    if not text.isascii():  # ASCII has no typographic quotes or dashes: skip the search
        text = _TYPOGRAPHIC.sub(_plain, text)
    return " ".join(text.split()).casefold()


#: Bounds on the work of :func:`closest_passage`, whatever the sizes of quote and source:
#: how many votes the quote's words cast, how many passages are compared with it, and the
#: size of the blocks in which difflib compares them.
VOTES, CANDIDATES, BLOCK = 50_000, 3, 128


def closest_passage(quote: str, source: str) -> tuple[float, str]:
    """The passage of `source` most alike to `quote` (both normalised), and how alike (0..1).

    >>> source = "a dog sat on a mat; the cat sat on a mat"
    >>> ratio, passage = closest_passage("the cat sat on the mat", source)
    >>> round(ratio, 2), passage
    (0.9, 'the cat sat on a mat')
    """
    ratio, start, stop = closest_span(quote, source)
    return ratio, source[start:stop]


def closest_span(quote: str, source: str) -> tuple[float, int, int]:
    """How alike the passage of `source` most alike to `quote` is (0..1), and where it lies.

    Comparing the quote with the passage at every word of the source is quadratic, and
    difflib is quadratic again on repetitive text (a 2 KB quote took minutes against 19 KB).
    So the quote's words, rarest in the source first, vote for where the quote would start
    (:data:`VOTES` votes at most), and the :data:`CANDIDATES` starts with the most votes are
    compared with it by :func:`align`. Best effort: a passage with no word of the quote is
    not found.

    >>> ratio, start, stop = closest_span("the cat sat", "a dog sat; the cat sits")
    >>> round(ratio, 2), "a dog sat; the cat sits"[start:stop]
    (0.91, 'the cat sit')
    """
    starts, where = _words(source)
    positions: dict[str, list[int]] = defaultdict(list)
    for k, word in enumerate(quote.split(" ")):
        positions[word].append(k)
    rarest_first = sorted(positions, key=lambda w: (len(where.get(w, ())), w))
    votes: Counter[int] = Counter()
    cast = 0
    for k, found in ((k, where.get(w, [])) for w in rarest_first for k in positions[w]):
        if cast >= VOTES:
            break
        votes.update(j - k for j in found)  # the quote's word k is the source's word j
        cast += len(found)
    best = (0.0, 0, 0)
    for offset, _ in heapq.nsmallest(CANDIDATES, votes.items(), key=lambda v: (-v[1], v[0])):
        start = starts[min(max(offset, 0), len(starts) - 1)]
        matched, end = align(quote, source[start : start + len(quote) + len(quote) // 4 + BLOCK])
        ratio = 2 * matched / (len(quote) + end)
        if ratio > best[0]:
            best = (ratio, start, start + end)
    return best


def as_written(raw: str, start: int, stop: int, quote: str) -> str:
    r"""The passage ``normalise(raw)[start:stop]`` as `raw` writes it, in whole words on one
    line, the words that differ from the normalised `quote` between ``**``.

    >>> as_written("The Cat  sits\non a mat.", 4, 13, "cat sat on")
    'Cat **sits** on'
    """
    index = _original_index(raw)
    begin, end = index[start], index[max(stop - 1, start)] + 1
    while begin > 0 and not raw[begin - 1].isspace():
        begin -= 1
    while end < len(raw) and not raw[end].isspace():
        end += 1
    words = raw[begin:end].split()
    bare = [_bare(w) for w in words]  # punctuation around a word is not a difference
    wanted = [_bare(w) for w in quote.split(" ")]
    import difflib  # here: only a quote not found as written is compared

    matcher = difflib.SequenceMatcher(None, bare, wanted, autojunk=False)
    out: list[str] = []
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        part = " ".join(words[i1:i2])
        if part:
            out.append(part if tag == "equal" else f"**{part}**")
    return " ".join(out)


def _bare(word: str) -> str:
    return re.sub(r"\W", "", normalise(word))


@functools.lru_cache(maxsize=4)
def _original_index(raw: str) -> list[int]:
    """For each character of ``normalise(raw)``, its index in `raw`.

    >>> _original_index("A  b")
    [0, 2, 3]
    """
    index: list[int] = []
    for word in re.finditer(r"\S+", raw):
        if index:
            index.append(word.start() - 1)  # the one space that stands for the gap
        for at in range(word.start(), word.end()):
            index.extend([at] * len(normalise(raw[at])))
    return index


def align(quote: str, text: str) -> tuple[int, int]:
    """How many characters of `quote` match `text` from its start, and where in `text` the
    last match ends: difflib's matches, counted block by block.

    Each :data:`BLOCK` characters of the quote are matched against the text around the place
    where the block before them ended, so that the work is linear in the length (difflib
    alone is quadratic on repetitive text) and words inserted or dropped do not lose the
    thread.

    >>> align("the cat sat", "the cat sat on a mat")
    (11, 11)
    >>> align("the cat sat", "a cat sits")
    (7, 9)
    """
    import difflib

    matcher = difflib.SequenceMatcher(autojunk=False)
    slack = BLOCK // 4
    matched = end = here = 0  # `here`: where in the text the next block should begin
    for at in range(0, len(quote), BLOCK):
        block = quote[at : at + BLOCK]
        low = max(0, here - slack)
        matcher.set_seqs(block, text[low : here + len(block) + slack])
        found = [m for m in matcher.get_matching_blocks() if m.size]
        matched += sum(m.size for m in found)
        here += len(block)
        if found:
            last = found[-1]
            end = low + last.b + last.size
            here = end + len(block) - last.a - last.size
    return matched, end


@functools.lru_cache(maxsize=4)
def _words(text: str) -> tuple[list[int], dict[str, list[int]]]:
    """Where each word of a normalised text starts, and the word numbers of each word.

    Cached: every near-miss quote of a source reads the same index.
    """
    starts, where = [], defaultdict(list)
    at = 0
    for number, word in enumerate(text.split(" ")):
        starts.append(at)
        where[word].append(number)
        at += len(word) + 1
    return starts, dict(where)
