"""Kialo debates, as Kialo exports them as text: read.

Two export formats exist. Version 1 starts ``Discussion Title: ...`` and has one claim a
line (``1.1. Pro: text``); version 2 starts ``Discussion Name: ...``, puts each claim's
text on the lines after its header (``  1.1. Con:``), uses CRLF line ends and ``[1]``
footnotes, and ends with a ``Sources:`` block. A claim whose text is ``-> See 1.2.2.`` is a
link: it reuses claim 1.2.2 (links may make cycles, which ``argmap check`` reports).

Each claim's id is its number (``1.1.2``). A Pro claim supports its parent (an inference
``1.1.2-pro``); a Con claim attacks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.formats.base import Parsed
from argmap.limits import Limits
from argmap.model import Position, Positions

_TITLE = re.compile(r"^\s*Discussion (?:Title|Name):\s*(?P<title>.*?)\s*$")
_HEADER = re.compile(
    r"^(?P<indent>\s*)(?P<number>(?:\d+\.)+)(?:\s+(?P<kind>Thesis|Pro|Con):)?(?:\s+|$)(?P<text>.*)$"
)
_LINK = re.compile(r"^->\s*See\s+(?P<number>(?:\d+\.)*\d+)\.?\s*$")
_SOURCES = re.compile(r"^\s*Sources:\s*$")


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
    first = next((line for line in text.splitlines() if line.strip()), "")
    return bool(_TITLE.match(first))


def read(text: str, path: str, limits: Limits) -> Parsed:
    """Read a Kialo text export (version 1 or 2) as a map's data.

    >>> text = "Discussion Title: Tea?\\n\\n1. Tea is good.\\n1.1. Con: It stains.\\n"
    >>> m = read(text, "t", Limits()).data
    >>> m["title"], m["attacks"]
    ('Tea?', [{'from': '1.1', 'to': '1'}])
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    diags: list[Diagnostic] = []

    def problem(code: str, message: str, hint: str, at: Position) -> None:
        diags.append(diagnostic(code, message, hint=hint, file=path, line=at[0], column=at[1]))

    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    title = _TITLE.match(lines[first]) if lines else None
    if title is None:
        problem(
            "AM631",
            "this is not a Kialo export: it does not start with `Discussion Title:` "
            "or `Discussion Name:`",
            "export the discussion from Kialo as text, or name the format with --from",
            (first + 1, 1),
        )
        return Parsed(None, diags)
    claims = _claims(lines, first + 1, problem)
    data, positions = _to_map(title["title"], claims, problem)
    return Parsed(data, diags, positions)


def _claims(lines: list[str], start: int, problem: Any) -> dict[str, _Claim]:
    """The claims by number, each with the lines of its text."""
    claims: dict[str, _Claim] = {}
    current: _Claim | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        if _SOURCES.match(line):
            count = sum(1 for rest in lines[index + 1 :] if rest.strip())
            problem(
                "AM633",
                f"the Sources block ({count} lines) is not kept; footnote marks like [1] "
                "stay in the claims' texts",
                "add the sources the map needs under `sources:`",
                (index + 1, 1),
            )
            break
        header = _HEADER.match(line)
        if header and not header["kind"] and (claims or header["number"].count(".") > 1):
            header = None  # a line of text that starts with a number, not a header
        if header:
            number = header["number"].rstrip(".")
            column = header.start("text") + 1
            current = _Claim(number, header["kind"], index + 1, column)
            if header["text"].strip():
                current.lines.append(header["text"].strip())
            if number in claims:
                problem(
                    "AM634",
                    f"claim {number} is numbered twice; the second is left out",
                    "renumber one of them",
                    (index + 1, header.start("number") + 1),
                )
                current = None
            else:
                claims[number] = current
        elif line.strip() and current is not None:
            current.lines.append(line.strip())
    return claims


def _to_map(
    title: str, claims: dict[str, _Claim], problem: Any
) -> tuple[dict[str, Any], Positions]:
    out: dict[str, dict[str, Any]] = {}
    inferences: dict[str, dict[str, Any]] = {}
    attacks: list[dict[str, str]] = []
    positions: Positions = {(): ((1, 1), (1, 1))}
    links: dict[str, str] = {}
    for number, claim in claims.items():
        link = _LINK.match(claim.text)
        if link:
            links[number] = link["number"]
        else:
            out[number] = {"text": claim.text or f"(claim {number} has no text)"}
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
