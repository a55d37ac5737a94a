"""Argdown, pass 1: lines -> document.

:func:`parse` walks the lines once and returns the occurrences of statements and arguments,
the premise-conclusion structures and the relations, each with its line and column, the
front matter and the data blocks. Comments and data blocks are blanked out first
(:func:`~argmap.formats.argdown.inline.prescan`), so that a line's structure is read without
them. The limits on elements and on the length of one text are applied as the walk goes,
before anything is built for the elements past them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.formats.argdown.inline import Block, prescan
from argmap.limits import Limits
from argmap.located_yaml import parse_located
from argmap.model import Origin, Position, Positions

# Line patterns, matched where the line's indentation ends (so a deep indentation is
# scanned once, not once a pattern).
_RELATION = re.compile(r"(?P<symbol><\+|<-|<_|\+>|->|_>|><|\+|-|_)(?=\s|$)")
_PCS = re.compile(r"\((?P<number>\d+)\)(?=\s|$)")
_ITEM = re.compile(r"(?:\*|\d+\.)\s+")
_HEADING = re.compile(r"(?P<hashes>#+) ")
_DASHES = re.compile(r"(-{2,})[ \t]*$")
_DEFINITION = re.compile(r"^(?:\[(?P<statement>[^\]]+)\]|<(?P<argument>[^>]+)>)(?P<colon>:)?")
_NEW_ELEMENT = re.compile(r"^(?:\[[^\]]+\]|<[^>]+>)(?::|\s*$)")
_FRONT_OPEN = re.compile(r"^[ \t]*={3,}[ \t]*$")
#: Lines before a front matter: empty, or holding comments only (each on its line).
_BEFORE_FRONT = re.compile(
    r"(?:(?:[ \t]|//[^\n]*|<!--(?:(?!-->)[^\n])*-->|/\*(?:(?!\*/)[^\n])*\*/)*\n)*"
)

#: Relation symbols: (kind, True when the line's element is the relation's source).
SYMBOLS: dict[str, tuple[str, bool]] = {
    "+": ("support", True),
    "<+": ("support", True),
    "-": ("attack", True),
    "<-": ("attack", True),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "+>": ("support", False),
    "->": ("attack", False),
    "_>": ("undercut", False),
    "><": ("contradictory", False),
}


@dataclass
class Inference:
    """An inference line of a reconstruction: its rules and data, as written."""

    line: int
    column: int
    parts: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Node:
    """One occurrence of a statement, an argument, a heading or an inference line."""

    kind: str  # "statement", "argument", "heading" or "inference"
    title: str
    line: int
    column: int
    parts: list[tuple[int, int, str]] = field(default_factory=list)
    defines: bool = True  # False for a bare reference: [Title] or <Title>
    titled: bool = True  # False when argmap numbered it ("Untitled 3"), as Argdown does
    section: Node | None = None
    inference: Inference | None = None  # the line, for kind "inference"

    @property
    def raw(self) -> str:
        return " ".join(part for _, _, part in self.parts)


@dataclass
class Reconstruction:
    """A premise-conclusion structure: numbered statements and inference lines, in order."""

    argument: Node
    items: list[Node | Inference] = field(default_factory=list)


@dataclass
class Relation:
    kind: str  # support, attack, undercut or contradictory
    source: Node
    target: Node
    line: int
    column: int


@dataclass
class Document:
    """What :func:`parse` finds: nodes in document order, reconstructions and relations."""

    nodes: list[Node] = field(default_factory=list)
    reconstructions: list[Reconstruction] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    front: Any = None
    front_positions: Positions = field(default_factory=dict)
    blocks: dict[Position, Block] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    complete: bool = True  # False when a limit stopped the walk


class _Limit(Exception):
    """A limit is passed: the walk stops with this diagnostic."""

    def __init__(self, found: Diagnostic) -> None:
        super().__init__(found.message)
        self.diagnostic = found


@dataclass
class _State:
    """Where the line-by-line walk of :func:`parse` stands."""

    doc: Document
    path: str
    limits: Limits
    untitled: int = 0
    stack: list[tuple[int, Node]] = field(default_factory=list)  # the relation tree
    current: Node | None = None  # the node whose text the next line may continue
    pending: Node | None = None  # a top-level argument that a reconstruction may follow
    pcs: Reconstruction | None = None
    rules: Inference | None = None  # an open multi-line inference block
    section: Node | None = None
    titles: set[tuple[str, str]] = field(default_factory=set)
    elements: int = 0
    sizes: dict[int, int] = field(default_factory=dict)  # id(node) -> characters so far

    def error(self, message: str, line: int, column: int, hint: str) -> None:
        self.doc.diagnostics.append(
            diagnostic("AM611", message, hint=hint, file=self.path, line=line, column=column)
        )

    def count(self, line: int, column: int) -> None:
        """One more element (claim, inference or attack); stop past the limit."""
        self.elements += 1
        if self.elements > self.limits.max_elements:
            raise _Limit(
                diagnostic(
                    "AM008",
                    f"the document has more than {self.limits.max_elements:,} statements, "
                    "arguments and relations, the limit",
                    hint="split the document, or raise the limit with ARGMAP_MAX_ELEMENTS",
                    file=self.path,
                    line=line,
                    column=column,
                )
            )

    def add(self, node: Node, line: int, column: int, text: str) -> None:
        """Add a line's text to a node; stop when the node's text passes the limit."""
        size = self.sizes.get(id(node), 0) + len(text) + 1
        self.sizes[id(node)] = size
        if size > self.limits.max_text:
            raise _Limit(_too_long(size, self.limits, self.path, (node.line, node.column)))
        node.parts.append((line, column, text))

    def node(self, content: str, line: int, column: int, kind: str | None = None) -> Node:
        """A new statement or argument (`kind` forces one) from the start of its text."""
        match = _DEFINITION.match(content)
        found_kind = "argument" if match and match["argument"] is not None else "statement"
        if kind is not None and kind != found_kind:
            match = None
        if match:
            title, defines = (match["statement"] or match["argument"]).strip(), bool(match["colon"])
            rest, titled = content[match.end() :], True
            if len(title) > self.limits.max_text:
                raise _Limit(_too_long(len(title), self.limits, self.path, (line, column)))
        else:
            self.untitled += 1
            title, defines, rest, titled = f"Untitled {self.untitled}", True, content, False
        kind = kind or found_kind
        if (kind, title) not in self.titles:
            self.count(line, column)
            self.titles.add((kind, title))
        new = Node(kind, title, line, column, [], defines, titled, self.section)
        if rest.strip():
            offset = len(content) - len(rest.lstrip())
            self.add(new, line, column + offset, rest.strip())
        self.doc.nodes.append(new)
        return new

    def close_pcs(self) -> None:
        pcs, self.pcs = self.pcs, None
        if pcs is None:
            return
        last = pcs.items[-1]
        if isinstance(last, Inference):
            self.error(
                "an inference line with no conclusion after it",
                last.line,
                last.column,
                "write the conclusion as the next numbered statement: (n) ...",
            )
        elif not any(isinstance(i, Inference) for i in pcs.items):
            self.error(
                "numbered statements without an inference line",
                last.line,
                last.column,
                "separate premises from the conclusion with a line of dashes: ----",
            )
        else:
            self.doc.reconstructions.append(pcs)

    def end_block(self) -> None:
        self.stack, self.current = [], None
        self.close_pcs()


def _too_long(size: int, limits: Limits, path: str, at: Position) -> Diagnostic:
    return diagnostic(
        "AM108",
        f"a text of more than {limits.max_text:,} characters ({size:,}), the limit",
        hint="shorten it (quote the passage, not the document), or raise the limit with "
        "ARGMAP_MAX_TEXT",
        file=path,
        line=at[0],
        column=at[1],
    )


def parse(text: str, path: str = "<argdown>", limits: Limits | None = None) -> Document:
    """The statements, arguments and relations of an Argdown text, with positions.

    >>> doc = parse("[A]: a\\n  - <B>: b\\n")
    >>> [(r.kind, r.source.title, r.target.title) for r in doc.relations]
    [('attack', 'B', 'A')]
    """
    limits = limits or Limits()
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    state = _State(Document(), path, limits)
    start, offset = _front_matter(text, state)
    blanked, blocks = prescan(text, offset)
    for block in blocks:
        if len(block.text) > limits.max_text:
            at = (block.line, block.column)
            state.doc.diagnostics.append(_too_long(len(block.text), limits, path, at))
            state.doc.complete = False
            return state.doc
        state.doc.blocks[(block.line, block.column)] = block
    try:
        for number, (line, was) in enumerate(
            zip(blanked.split("\n"), text.split("\n"), strict=True), start=1
        ):
            if number > start:
                _line(state, number, line, was)
        state.end_block()
    except _Limit as stop:
        state.doc.diagnostics.append(stop.diagnostic)
        state.doc.complete = False
        return state.doc
    if state.rules is not None:
        state.error(
            "an inference block opened with `--` is never closed",
            state.rules.line,
            state.rules.column,
            "close the block with a line `--`",
        )
    if not state.doc.nodes:
        state.error(
            "the document holds no statement or argument",
            max(start, 1),
            1,
            "write the map's statements, after an empty line if there is a front matter",
        )
    return state.doc


def _line(state: _State, number: int, line: str, was: str) -> None:
    """Take one line (comments and data blanked; `was` is the line as written)."""
    stripped = line.strip()
    indent = len(line) - len(line.lstrip())
    if state.rules is not None:
        if _DASHES.match(line, indent):
            state.rules = None
        elif stripped:
            state.rules.parts.append((number, indent + 1, stripped))
        return
    if not stripped:
        if not was.strip():  # a line holding only a comment neither ends nor starts a block
            state.end_block()
        return
    heading = _HEADING.match(line, indent)
    pcs_line = _PCS.match(line, indent)
    relation = _RELATION.match(line, indent)
    current = state.current
    if current is not None and current.kind == "heading":
        if not (pcs_line or relation):
            state.add(current, number, indent + 1, stripped)
            return
        state.current = current = None
    if heading and current is None and not state.stack:
        state.close_pcs()
        state.pending = None
        state.section = state.current = Node("heading", "", number, indent + 1, section=None)
        state.add(state.current, number, heading.end() + 1, line[heading.end() :].strip())
        state.doc.nodes.append(state.current)
    elif heading:
        state.error(
            "a heading inside a statement, an argument or its relations",
            number,
            indent + 1,
            "leave an empty line before the heading",
        )
    elif pcs_line:
        _pcs_statement(state, number, line, pcs_line.end(), indent)
    elif state.pcs is not None and stripped.startswith("--"):
        _inference(state, number, line, indent)
    elif relation:
        _relation(state, number, line, relation, indent)
    elif item := _ITEM.match(line, indent):
        _item(state, number, line, item.end(), indent)
    elif current is not None:
        if not current.defines or _NEW_ELEMENT.match(stripped):
            state.error(
                "a new statement or argument must start after an empty line",
                number,
                indent + 1,
                "leave an empty line before it, or make it a relation: + [Title]: text",
            )
        else:
            state.add(current, number, indent + 1, stripped)
    else:
        state.close_pcs()
        state.current = state.node(stripped, number, indent + 1)
        state.stack = [(indent, state.current)]
        state.pending = state.current if state.current.kind == "argument" else None


def _item(state: _State, number: int, line: str, end: int, indent: int) -> None:
    """A list item: a statement of its own; Argdown's lists are flat."""
    if state.stack and indent > state.stack[0][0]:
        state.error(
            "a list item inside another element: Argdown's lists are not nested",
            number,
            1,
            "start the item at the list's indentation, or make it a relation: + [Title]: text",
        )
        return
    state.close_pcs()
    state.current = state.node(line[end:], number, end + 1, "statement")
    state.stack, state.pending = [(indent, state.current)], None


def _pcs_statement(state: _State, number: int, line: str, end: int, indent: int) -> None:
    if state.pcs is None:
        owner = state.pending or state.node("", number, indent + 1, "argument")
        state.pcs = Reconstruction(owner)
    content = line[end:].lstrip()
    state.current = state.node(content, number, len(line) - len(content) + 1, "statement")
    state.pcs.items.append(state.current)
    state.stack, state.pending = [(indent, state.current)], None


def _inference(state: _State, number: int, line: str, indent: int) -> None:
    """An inference line; relations under it (an undercut ``<_``) are aimed at it."""
    assert state.pcs is not None
    inference = Inference(number, indent + 1)
    state.pcs.items.append(inference)
    dashes = _DASHES.match(line, indent)
    if dashes and len(dashes.group(1)) == 2:
        state.rules = inference
    elif not dashes:
        start, rules = _inline_rules(line)
        if rules:
            inference.parts.append((number, start + 1, rules))
    state.count(number, indent + 1)
    target = Node("inference", state.pcs.argument.title, number, indent + 1, inference=inference)
    state.stack, state.current = [(indent, target)], None


def _inline_rules(line: str) -> tuple[int, str]:
    """Where the rules of a one-line inference ``-- rules --`` start, and the rules.

    >>> _inline_rules("  -- Modus ponens ---")
    (5, 'Modus ponens')
    """
    body = line.rstrip()
    trimmed = body.rstrip("-")
    if len(body) - len(trimmed) >= 2:
        body = trimmed
    start = len(line) - len(line.lstrip())
    start += len(line[start:]) - len(line[start:].lstrip("-"))
    rules = body[start:].strip()
    return (start + len(body[start:]) - len(body[start:].lstrip()), rules) if rules else (0, "")


def _relation(state: _State, number: int, line: str, match: re.Match[str], indent: int) -> None:
    symbol = match["symbol"]
    content = line[match.end() :].strip()
    if not content:
        state.error(
            f"the relation `{symbol}` has nothing after it",
            number,
            indent + 1,
            "write a statement or an argument after the symbol: + [Title]: text",
        )
        return
    stack = state.stack
    if not stack or indent <= stack[-1][0]:
        # Like Argdown's lexer: a line less indented than the last one closes the deeper
        # levels and is a sibling of the level it lands on (or falls between).
        while stack and stack[-1][0] > indent:
            stack.pop()
        if stack:
            stack.pop()
    if not stack:
        state.error(
            f"the relation `{symbol}` has no statement or argument above it",
            number,
            indent + 1,
            "indent relations under the statement or argument they belong to",
        )
        return
    parent = stack[-1][1]
    column = len(line) - len(line[match.end() :].lstrip()) + 1
    state.count(number, indent + 1)
    child = state.node(content, number, column)
    kind, child_is_source = SYMBOLS[symbol]
    source, target = (child, parent) if child_is_source else (parent, child)
    state.doc.relations.append(Relation(kind, source, target, number, indent + 1))
    stack.append((indent, child))
    state.current = child


def load_yaml(
    text: str, path: str, at: Position, max_nodes: int
) -> tuple[Any, list[Diagnostic], Positions]:
    """YAML (a front matter, a data block) read without recursion, its nodes counted
    against `max_nodes`; diagnostics and positions shifted to where the text starts (`at`).
    """
    data, diags, positions = parse_located(Origin(path, text, "argdown"), max_nodes)

    def shift(where: Position) -> Position:
        line, column = where
        return (at[0] + line - 1, column + at[1] - 1 if line == 1 else column)

    moved = {k: (shift(key), shift(value)) for k, (key, value) in positions.items()}
    return data, [_shifted(d, shift) for d in diags], moved


def _shifted(found: Diagnostic, shift: Callable[[Position], Position]) -> Diagnostic:
    line, column = shift((found.line or 1, found.column or 1))
    return replace(found, line=line, column=column)


def _front_matter(text: str, state: _State) -> tuple[int, int]:
    """Read a front matter between `===` lines: the line it ends on (0 if none), and the
    offset of the text after it. Like Argdown's, it ends at the first ``===`` after it opens,
    and an empty line must follow.
    """
    opening = _BEFORE_FRONT.match(text)
    first = opening.end() if opening else 0
    line_end = text.find("\n", first)
    line_end = len(text) if line_end < 0 else line_end
    if not _FRONT_OPEN.match(text[first:line_end]):
        return 0, 0
    opened_on = text.count("\n", 0, first) + 1
    close = text.find("===", line_end)
    if close < 0:
        state.error(
            "the front matter opened with `===` is never closed",
            opened_on,
            1,
            "close it with a line `===`",
        )
        return len(text.split("\n")), len(text)
    body = text[line_end + 1 : close] if close > line_end else ""
    data, diags, positions = load_yaml(body, state.path, (opened_on + 1, 1), state.limits.max_nodes)
    state.doc.diagnostics += diags
    if data is not None and not isinstance(data, dict):
        state.error(
            "the front matter is not a YAML mapping",
            opened_on + 1,
            1,
            "the front matter is YAML: key: value, one a line",
        )
    elif isinstance(data, dict):
        state.doc.front, state.doc.front_positions = data, positions
    end = close + len(re.match(r"=+", text[close:])[0])  # type: ignore[index]
    ends_on = text.count("\n", 0, end) + 1
    after = re.match(r"[ \t]*(?:\n|$)", text[end:])
    following = re.match(r"[ \t]*\n[ \t]*(?:\n|$)", text[end:])
    if after is None or (following is None and text[end:].strip()):
        state.error(
            "the front matter must be followed by an empty line",
            ends_on + (after is not None),
            1,
            "leave an empty line after the closing `===`",
        )
    return ends_on, end
