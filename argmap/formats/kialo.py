"""Kialo debates, as Kialo exports them as text: read.

Two export formats exist. Version 1 starts ``Discussion Title: ...`` and has one claim a
line (``1.1. Pro: text``); version 2 starts ``Discussion Name: ...``, puts each claim's
text on the lines after its header (``  1.1. Con:``), uses CRLF line ends and ``[1]``
footnotes, and ends with a ``Sources:`` block. A claim whose text is ``-> See 1.2.2.`` is a
link: it reuses claim 1.2.2 (links may make cycles, which ``argmap check`` reports).

Each claim's id is its number (``1.1.2``). A Pro claim supports its parent (an inference
``1.1.2-pro``); a Con claim attacks it.

The text is read in one pass, line by line, without copies of it: a file over the limit on
elements is refused (AM008) after a count of its numbered lines, before any claim is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.formats.base import Parsed
from argmap.limits import Limits
from argmap.model import Position, Positions

_TITLE = re.compile(r"\s*Discussion (?:Title|Name):(?P<title>.*)")
# [0-9], not \d: \d matches every script's digits, which are not in ids.
_HEADER = re.compile(
    r"(?P<indent>\s*)(?P<number>(?:[0-9]+\.)+)(?:\s+(?P<kind>Thesis|Pro|Con):)?(?:\s+|$)(?P<text>.*)"
)
_OTHER_DIGITS = re.compile(r"\s*(?P<number>(?:\d+\.)+)\s+(?:Thesis|Pro|Con):")
_LINK = re.compile(r"->\s*See\s+(?P<number>(?:[0-9]+\.)*[0-9]+)\.?\s*")
_SOURCES = re.compile(r"\s*Sources:\s*")
_NEWLINE = re.compile(r"\r\n?|\n")
#: A header line with a kind (after the line end before it: the first line is the title).
_COUNTED = re.compile(r"[\r\n][^\S\r\n]*(?:[0-9]+\.)+[^\S\r\n]+(Thesis|Pro|Con):")
#: The longest claim number: its inference's id (``number-pro``) is an id of 200 characters.
MAX_NUMBER = 196


@dataclass
class _Claim:
    number: str
    kind: str | None
    line: int
    column: int
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())

    @property
    def parent(self) -> str:
        return self.number.rsplit(".", 1)[0] if "." in self.number else ""


def sniff(text: str) -> bool:
    """Whether a text is a Kialo export.

    >>> sniff("Discussion Title: Tea?\\n\\n1. Tea is good."), sniff("claims: {}")
    (True, False)
    """
    first = next((line for line in _lines(text) if line.strip()), "")
    return bool(_TITLE.match(first))


def _lines(text: str, chunk: int = 1 << 20) -> Iterator[str]:
    r"""Each line of a text, without its end (``\n``, ``\r\n`` or ``\r``), as
    ``str.split`` would give them; split a chunk at a time, so that a long text is not
    copied whole, nor held as a list of lines.

    >>> list(_lines("a\r\nb\rc\n")), list(_lines("a\n\nb", chunk=1))
    (['a', 'b', 'c', ''], ['a', '', 'b'])
    """
    start = 0
    while start < len(text):
        boundary = _NEWLINE.search(text, min(start + chunk, len(text)))
        end = boundary.end() if boundary else len(text)
        lines = text[start:end].replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if end < len(text):
            lines.pop()  # the empty text after the chunk's last line end
        yield from lines
        start = end


def read(text: str, path: str, limits: Limits) -> Parsed:
    """Read a Kialo text export (version 1 or 2) as a map's data.

    >>> text = "Discussion Title: Tea?\\n\\n1. Tea is good.\\n1.1. Con: It stains.\\n"
    >>> m = read(text, "t", Limits()).data
    >>> m["title"], m["attacks"]
    ('Tea?', [{'from': '1.1', 'to': '1'}])
    """
    diags: list[Diagnostic] = []

    def problem(code: str, message: str, hint: str, at: Position) -> None:
        diags.append(diagnostic(code, message, hint=hint, file=path, line=at[0], column=at[1]))

    lines = enumerate(_lines(text), start=1)
    first, line = next(((n, line) for n, line in lines if line.strip()), (1, ""))
    title = _TITLE.match(line)
    if title is None:
        problem(
            "AM631",
            "this is not a Kialo export: it does not start with `Discussion Title:` "
            "or `Discussion Name:`",
            "export the discussion from Kialo as text, or name the format with --from",
            (first, 1),
        )
        return Parsed(None, diags)
    elements = _count(text, limits)
    if elements > limits.max_elements:
        message = (
            f"the debate has {elements:,} claims, inferences and attacks (counted from its "
            f"numbered lines), more than the limit of {limits.max_elements:,}"
        )
        problem("AM008", message, "raise the limit with ARGMAP_MAX_ELEMENTS", (1, 1))
        return Parsed(None, diags)
    claims = _claims(lines, problem)
    too_long = [c for c in claims.values() if len(c.text) > limits.max_text]
    for claim in too_long:
        message = (
            f"claim {claim.number}'s text has {len(claim.text):,} characters, more than the "
            f"limit of {limits.max_text:,}"
        )
        hint = "shorten it, or raise the limit with ARGMAP_MAX_TEXT"
        problem("AM108", message, hint, (claim.line, claim.column))
    if too_long:
        return Parsed(None, diags)
    data, positions = _to_map(title["title"].strip(), claims, problem)
    positions[("title",)] = ((first, title.start("title") + 1),) * 2
    return Parsed(data, diags, positions)


def _count(text: str, limits: Limits) -> int:
    """How many claims, inferences and attacks the numbered lines of an export make: each
    Pro or Con a claim (unless a link) and an inference or attack, each thesis a claim.
    Counted only where a quick upper bound is over the limit.

    >>> _count("Discussion Title: T\\n1. A\\n1.1. Pro: B\\n1.2. Con: -> See 1.1.\\n",
    ...     Limits(max_elements=3))
    4
    """
    kinds = text.count("Pro:") + text.count("Con:") + text.count("Thesis:")
    if 2 * kinds + 1 <= limits.max_elements:
        return 2 * kinds + 1  # at most this many: not worth counting exactly
    pro_con = theses = 0
    for match in _COUNTED.finditer(text):
        if match[1] == "Thesis":
            theses += 1
        else:
            pro_con += 1
    return 2 * pro_con + max(theses, 1) - text.count("-> See")


def _claims(lines: Iterator[tuple[int, str]], problem: Any) -> dict[str, _Claim]:
    """The claims by number, each with the lines of its text."""
    claims: dict[str, _Claim] = {}
    current: _Claim | None = None
    for index, line in lines:
        if not line or line.isspace():
            continue
        if _SOURCES.fullmatch(line):
            count = sum(1 for _, rest in lines if rest.strip())
            problem(
                "AM633",
                f"the Sources block ({count} lines) is not kept; footnote marks like [1] "
                "stay in the claims' texts",
                "add the sources the map needs under `sources:`",
                (index, 1),
            )
            break
        header = _HEADER.fullmatch(line)
        if header and not header["kind"] and (claims or header["number"].count(".") > 1):
            header = None  # a line of text that starts with a number, not a header
        if header:
            current = _header(header, index, claims, problem)
        elif _OTHER_DIGITS.match(line):
            number = _OTHER_DIGITS.match(line)["number"]  # type: ignore[index]
            problem(
                "AM634",
                f"claim {number} is numbered with digits other than 0 to 9; it is left out",
                "number it as Kialo does, with the digits 0 to 9 (1.2.3.)",
                (index, line.index(number[0]) + 1),
            )
            current = None
        elif current is not None:
            current.lines.append(line.strip())
    return claims


def _header(
    header: re.Match[str], index: int, claims: dict[str, _Claim], problem: Any
) -> _Claim | None:
    """The claim a header line starts, added to `claims`; None, reported, if it cannot be."""
    number = header["number"].rstrip(".")
    at = (index, header.start("number") + 1)
    if len(number) > MAX_NUMBER:
        problem(
            "AM634",
            f"claim {number[:20]}... has a number of {len(number):,} characters, more than "
            f"the {MAX_NUMBER} of an id; it is left out",
            "move the claim up the debate: a claim that deep cannot be an id",
            at,
        )
        return None
    if number in claims:
        problem(
            "AM634",
            f"claim {number} is numbered twice; the second is left out",
            "renumber one of them",
            at,
        )
        return None
    claim = _Claim(number, header["kind"], index, header.start("text") + 1)
    if header["text"].strip():
        claim.lines.append(header["text"].strip())
    claims[number] = claim
    return claim


def _to_map(
    title: str, claims: dict[str, _Claim], problem: Any
) -> tuple[dict[str, Any], Positions]:
    out: dict[str, dict[str, Any]] = {}
    inferences: dict[str, dict[str, Any]] = {}
    attacks: list[dict[str, str]] = []
    positions: Positions = {(): ((1, 1), (1, 1))}
    links: dict[str, str] = {}
    for number, claim in claims.items():
        text = claim.text
        link = _LINK.fullmatch(text)
        if link:
            links[number] = link["number"]
        else:
            out[number] = {"text": text or f"(claim {number} has no text)"}
            positions[("claims", number)] = ((claim.line, claim.column),) * 2
    for number, claim in claims.items():
        at = (claim.line, claim.column)
        if not claim.parent:
            continue
        source = links.get(number, number)
        if source not in out:
            problem(
                "AM632",
                f"claim {number} links to {source}, which does not exist; it is left out",
                "check the number after `-> See`",
                at,
            )
            continue
        if claim.parent not in out:
            problem(
                "AM634",
                f"claim {number} has no parent claim {claim.parent}; it is left out",
                "a claim numbered 1.2.3 answers claim 1.2",
                at,
            )
            continue
        if claim.kind == "Pro":
            ident = f"{number}-pro"
            inferences[ident] = {"premises": [source], "conclusion": claim.parent}
            positions[("inferences", ident)] = (at, at)
        elif claim.kind == "Con":
            positions[("attacks", len(attacks))] = (at, at)
            attacks.append({"from": source, "to": claim.parent})
        else:
            problem(
                "AM634",
                f"claim {number} is neither Pro nor Con; it stands alone",
                "write `Pro:` or `Con:` after the number",
                at,
            )
    data = {
        "title": title or None,
        "claims": out,
        "inferences": inferences,
        "attacks": attacks,
        "main": ["1"] if "1" in out else None,  # the thesis
    }
    return data, positions
