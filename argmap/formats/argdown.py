"""Argdown (``.argdown``, ``.ad``): read and write.

Reading is two passes. :func:`parse` walks the lines once and returns the occurrences of
statements and arguments, the premise-conclusion structures and the relations, each with its
line and column; :func:`to_map` then merges statements into equivalence classes by title and
turns the document into an :class:`~argmap.model.ArgumentMap`:

- an equivalence class is a claim (its other wordings are the claim's ``aliases``);
- a reconstructed argument is one inference per step (the last one has the argument's id);
- an argument without a reconstruction is a claim of its own (its description), so that
  what supports it or what it supports can be drawn;
- ``+``/``<+``/``+>`` is an inference, ``-``/``->`` an attack, ``_`` an attack on an
  inference (undercut) and ``><`` an issue of two positions. An argument's outgoing relations
  are its main conclusion's, as in Argdown.

What argmap cannot hold (support of a reconstructed argument as a whole, Argdown settings in
the front matter, unknown data) is reported with its line and column.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.formats.base import EVERYTHING, Parsed
from argmap.limits import Limits
from argmap.model import SLUG_RE, ArgumentMap, Position, Positions, dump

#: What the Argdown writer keeps: what Argdown has no syntax for travels as data.
CARRIES = EVERYTHING

_RELATION = re.compile(r"^(?P<indent>[ \t]*)(?P<symbol><\+|<-|<_|\+>|->|_>|><|\+|-|_)(?=\s|$)")
_PCS = re.compile(r"^(?P<indent>[ \t]*)\((?P<number>\d+)\)(?=\s|$)")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:\*|\d+\.)\s+")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+")
_DASHES = re.compile(r"^[ \t]*(-{2,})[ \t]*$")
_INLINE_INFERENCE = re.compile(r"^[ \t]*--(?P<body>.*?)-{2,}[ \t]*$")
_COMMENT = re.compile(r"\\.|(<!--.*?-->|/\*.*?\*/|(?:(?<=\s)|^)//[^\n]*)", re.DOTALL | re.MULTILINE)
_DEFINITION = re.compile(r"^(?:\[(?P<statement>[^\]]+)\]|<(?P<argument>[^>]+)>)(?P<colon>:)?")
_TAG = re.compile(r"(?:(?<=\s)|^)#(?:\((?P<long>[^)]*)\)|(?P<short>[\w-]+))")
_LINK = re.compile(r"(?<![@\\])\[([^\]]*?)(?<!\\)\]\([^)]*\)")
_BOLD = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_ITALIC = re.compile(r"(?<![\w*\\])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_ESCAPE = re.compile(r"\\(.)")
_SPECIAL = re.compile(r"([\\\[\]<>#@{}*_/])")
_NEW_ELEMENT = re.compile(r"^(?:\[[^\]]+\]|<[^>]+>)(?::|\s*$)")

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

#: Front-matter keys that are fields of the map; Argdown's own settings are reported.
#: (Attacks go there only when some carry a note, which an Argdown relation cannot.)
MAP_KEYS = (
    "title",
    "description",
    "lang",
    "languages",
    "sources",
    "voices",
    "issues",
    "main",
    "attacks",
)
CLAIM_DATA = ("text", "quote", "by", "note", "status", "equivalent")
INFERENCE_DATA = ("scheme", "weight", "label", "note")


@dataclass
class Node:
    """One occurrence of a statement, an argument or a heading, with its text as written."""

    kind: str  # "statement", "argument" or "heading"
    title: str
    line: int
    column: int
    parts: list[tuple[int, int, str]] = field(default_factory=list)
    defines: bool = True  # False for a bare reference: [Title] or <Title>
    titled: bool = True  # False when argmap numbered it ("Untitled 3"), as Argdown does
    section: Node | None = None

    @property
    def raw(self) -> str:
        return " ".join(part for _, _, part in self.parts)


@dataclass
class Inference:
    """An inference line of a reconstruction: its rules and data, as written."""

    line: int
    column: int
    rules: str = ""


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
    front: dict[str, Any] = field(default_factory=dict)
    front_lines: dict[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read(text: str, path: str, limits: Limits) -> Parsed:
    """Read an Argdown document as a map's data.

    >>> m = read("[A]: Apples are fruit.\\n  + [B]: Fruit is healthy.\\n", "x.argdown", Limits())
    >>> m.data["claims"]["A"], list(m.data["inferences"].values())[0]["premises"]
    ({'text': 'Apples are fruit.'}, ['B'])
    """
    document = parse(text, path)
    data, diags, positions = to_map(document, path)
    return Parsed(data, document.diagnostics + diags, positions)


# ---------------------------------------------------------------------------------------
# Pass 1: lines -> document


def blank_comments(text: str) -> str:
    """The text with comments replaced by spaces, so that lines and columns stay put.

    >>> blank_comments("a <!-- b --> c // d")
    'a            c     '
    """
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m[1]) if m[1] else m[0], text)


@dataclass
class _State:
    """Where the line-by-line walk of :func:`parse` stands."""

    doc: Document
    path: str
    untitled: int = 0
    stack: list[tuple[int, Node]] = field(default_factory=list)  # the relation tree
    current: Node | None = None  # the node whose text the next line may continue
    pending: Node | None = None  # a top-level argument that a reconstruction may follow
    pcs: Reconstruction | None = None
    rules: Inference | None = None  # an open multi-line inference block
    section: Node | None = None

    def error(self, message: str, line: int, column: int, hint: str) -> None:
        self.doc.diagnostics.append(
            diagnostic("AM611", message, hint=hint, file=self.path, line=line, column=column)
        )

    def node(self, content: str, line: int, column: int, kind: str | None = None) -> Node:
        """A new statement or argument (`kind` forces one) from the start of its text."""
        match = _DEFINITION.match(content)
        found_kind = "argument" if match and match["argument"] is not None else "statement"
        if kind is not None and kind != found_kind:
            match = None
        if match:
            title, defines = (match["statement"] or match["argument"]).strip(), bool(match["colon"])
            rest, titled = content[match.end() :], True
        else:
            self.untitled += 1
            title, defines, rest, titled = f"Untitled {self.untitled}", True, content, False
        new = Node(kind or found_kind, title, line, column, [], defines, titled, self.section)
        if rest.strip():
            offset = len(content) - len(rest.lstrip())
            new.parts.append((line, column + offset, rest.strip()))
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


def parse(text: str, path: str = "<argdown>") -> Document:
    """The statements, arguments and relations of an Argdown text, with positions.

    >>> doc = parse("[A]: a\\n  - <B>: b\\n")
    >>> [(r.kind, r.source.title, r.target.title) for r in doc.relations]
    [('attack', 'B', 'A')]
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    original = text.split("\n")
    state = _State(Document(), path)
    start = _front_matter(original, state.doc, path)
    for number, (line, was) in enumerate(
        zip(blank_comments(text).split("\n"), original, strict=True), start=1
    ):
        if number > start:
            _line(state, number, line, was)
    state.end_block()
    if state.rules is not None:
        state.error(
            "an inference block opened with `--` is never closed",
            state.rules.line,
            state.rules.column,
            "close the block with a line `--`",
        )
    return state.doc


def _line(state: _State, number: int, line: str, was: str) -> None:
    """Take one line (comments blanked; `was` is the line as written)."""
    if state.rules is not None:
        if _DASHES.match(line):
            state.rules = None
        else:
            state.rules.rules = f"{state.rules.rules} {line.strip()}".strip()
        return
    if not line.strip():
        if not was.strip():  # a line holding only a comment neither ends nor starts a block
            state.end_block()
        return
    indent = len(line) - len(line.lstrip())
    stripped = line.strip()
    heading = _HEADING.match(line)
    pcs_line = _PCS.match(line)
    relation = _RELATION.match(line)
    current = state.current
    if current is not None and current.kind == "heading":
        if not (pcs_line or relation):
            current.parts.append((number, indent + 1, stripped))
            return
        state.current = current = None
    if heading and current is None and not state.stack:
        state.close_pcs()
        state.pending = None
        state.section = state.current = Node("heading", "", number, 1, section=None)
        state.current.parts.append((number, heading.end() + 1, line[heading.end() :].strip()))
        state.doc.nodes.append(state.current)
    elif pcs_line:
        _pcs_statement(state, number, line, pcs_line.end(), indent)
    elif state.pcs is not None and stripped.startswith("--"):
        _inference(state, number, line, indent)
    elif relation:
        _relation(state, number, line, relation, indent)
    elif item := _ITEM.match(line):
        state.close_pcs()
        state.current = state.node(line[item.end() :], number, item.end() + 1, "statement")
        state.stack, state.pending = [(indent, state.current)], None
    elif current is not None:
        if not current.defines or _NEW_ELEMENT.match(stripped):
            state.error(
                "a new statement or argument must start after an empty line",
                number,
                indent + 1,
                "leave an empty line before it, or make it a relation: + [Title]: text",
            )
        else:
            current.parts.append((number, indent + 1, stripped))
    else:
        state.close_pcs()
        state.current = state.node(stripped, number, indent + 1)
        state.stack = [(indent, state.current)]
        state.pending = state.current if state.current.kind == "argument" else None


def _pcs_statement(state: _State, number: int, line: str, end: int, indent: int) -> None:
    if state.pcs is None:
        owner = state.pending or state.node("", number, indent + 1, "argument")
        state.pcs = Reconstruction(owner)
    content = line[end:].lstrip()
    state.current = state.node(content, number, len(line) - len(content) + 1, "statement")
    state.pcs.items.append(state.current)
    state.stack, state.pending = [(indent, state.current)], None


def _inference(state: _State, number: int, line: str, indent: int) -> None:
    assert state.pcs is not None
    inference = Inference(number, indent + 1)
    state.pcs.items.append(inference)
    dashes = _DASHES.match(line)
    if dashes and len(dashes.group(1)) == 2:
        state.rules = inference
    elif not dashes:
        inline = _INLINE_INFERENCE.match(line)
        inference.rules = (inline["body"] if inline else line.strip().lstrip("-")).strip()
    state.stack, state.current = [], None


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
    child = state.node(content, number, column)
    kind, child_is_source = SYMBOLS[symbol]
    source, target = (child, parent) if child_is_source else (parent, child)
    state.doc.relations.append(Relation(kind, source, target, number, indent + 1))
    stack.append((indent, child))
    state.current = child


def _front_matter(lines: list[str], doc: Document, path: str) -> int:
    """Read a front matter between `===` lines; the number of lines it takes (0 if none)."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "===":
        return 0
    end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "==="), None)
    if end is None:
        doc.diagnostics.append(
            diagnostic(
                "AM611",
                "the front matter opened with `===` is never closed",
                hint="close it with a line `===`",
                file=path,
                line=first + 1,
                column=1,
            )
        )
        return len(lines)
    try:
        data = yaml.safe_load("\n".join(lines[first + 1 : end]))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        doc.diagnostics.append(
            diagnostic(
                "AM611",
                f"the front matter is not valid YAML: {getattr(err, 'problem', err)}",
                hint="the front matter is YAML: key: value, one a line",
                file=path,
                line=first + 2 + (mark.line if mark else 0),
                column=(mark.column + 1) if mark else 1,
            )
        )
        return end + 1
    if isinstance(data, dict):
        doc.front = data
        for index in range(first + 1, end):
            key = re.match(r"^([^\s:#][^:]*):", lines[index])
            if key and key[1] in data:
                doc.front_lines.setdefault(key[1], index + 1)
    return end + 1


# ---------------------------------------------------------------------------------------
# Texts


@dataclass
class Cleaned:
    """A node's text split into what argmap keeps apart: text, tags and data."""

    text: str
    tags: list[str]
    data: dict[str, Any]
    data_at: Position | None


def _clean(raw: str) -> tuple[str, list[str]]:
    """Plain text and tags of an Argdown text: markup, links and escapes resolved.

    >>> _clean("A __bold__ [link](http://x) claim #pro #(big tag)")
    ('A bold link claim', ['pro', 'big tag'])
    """
    tags = [m["long"] if m["long"] is not None else m["short"] for m in _TAG.finditer(raw)]
    text = _TAG.sub(" ", raw)
    text = _LINK.sub(r"\1", text)
    text = _BOLD.sub(r"\2", text)
    text = _ITALIC.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split()), tags


def clean(node: Node, path: str, diags: list[Diagnostic]) -> Cleaned:
    """Split a node's text, reading a trailing ``{...}`` block as YAML data."""
    raw = node.raw
    data: dict[str, Any] = {}
    data_at: Position | None = None
    brace = _trailing_data(raw)
    if brace is not None:
        data_at = _position_in(node, brace)
        try:
            loaded = yaml.safe_load(raw[brace:])
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, dict):
            data, raw = loaded, raw[:brace]
        else:
            diags.append(
                diagnostic(
                    "AM611",
                    "the data block `{...}` is not a YAML mapping",
                    hint="data is a YAML mapping: {key: value, other: [1, 2]}",
                    file=path,
                    line=data_at[0],
                    column=data_at[1],
                )
            )
            raw = raw[:brace]
    text, tags = _clean(raw)
    return Cleaned(text, tags, data, data_at)


def _trailing_data(raw: str) -> int | None:
    """Where a ``{...}`` block that ends the text starts, if one does: the first unescaped
    ``{`` from which the rest of the text is a YAML mapping.

    >>> _trailing_data('a {b} {"note": "{"}')
    6
    """
    text = raw.rstrip()
    if not text.endswith("}") or text.endswith("\\}"):
        return None
    for match in re.finditer(r"(?<!\\)\{", text):
        try:
            if isinstance(yaml.safe_load(text[match.start() :]), dict):
                return match.start()
        except yaml.YAMLError:
            continue
    return text.rfind("{")


def _position_in(node: Node, offset: int) -> Position:
    """The line and column of an offset into a node's joined text."""
    for line, column, part in node.parts:
        if offset <= len(part):
            return line, column + offset
        offset -= len(part) + 1
    return node.line, node.column


# ---------------------------------------------------------------------------------------
# Pass 2: document -> map


def slug(title: str) -> str:
    """An argmap id for an Argdown title: the title itself when it is one already.

    >>> slug("Statement 1"), slug("c1"), slug("Übermaß!")
    ('statement-1', 'c1', 'ubermass')
    """
    if SLUG_RE.match(title) and len(title) <= 200:
        return title
    ascii_text = unicodedata.normalize("NFKD", title.replace("ß", "ss"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80] or "x"


def new_id(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`...: the first not in `used`, which it joins.

    >>> used = {"a"}
    >>> new_id("a", used), new_id("a", used)
    ('a-2', 'a-3')
    """
    ident, n = base, 1
    while ident in used:
        n += 1
        ident = f"{base}-{n}"
    used.add(ident)
    return ident


def _warn(code: str, message: str, hint: str, path: str, at: Position) -> Diagnostic:
    return diagnostic(code, message, hint=hint, file=path, line=at[0], column=at[1])


@dataclass
class _Build:
    """The map under construction, with where each element came from."""

    path: str
    cleaned: dict[int, Cleaned]
    reconstructed: dict[str, Reconstruction]
    used: set[str] = field(default_factory=set)
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    claim_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, title) -> id
    inferences: dict[str, dict[str, Any]] = field(default_factory=dict)
    attacks: list[dict[str, Any]] = field(default_factory=list)
    issues: dict[str, Any] = field(default_factory=dict)
    main_of: dict[str, str] = field(default_factory=dict)  # argument title -> last inference
    positions: Positions = field(default_factory=dict)
    diags: list[Diagnostic] = field(default_factory=list)

    def at(self, section: str, ident: str | int, where: Position) -> None:
        self.positions.setdefault((section, ident), (where, where))

    def endpoint(self, node: Node) -> str:
        """The claim a relation starts from: an argument's is its main conclusion."""
        if node.kind == "argument" and node.title in self.main_of:
            return str(self.inferences[self.main_of[node.title]]["conclusion"])
        return self.claim_of[(node.kind, node.title)]


def to_map(
    doc: Document, path: str = "<argdown>"
) -> tuple[dict[str, Any], list[Diagnostic], Positions]:
    """The map of a parsed document, what it could not hold, and where each element is."""
    cleaned = {id(n): clean(n, path, doc.diagnostics) for n in doc.nodes}
    build = _Build(path, cleaned, _reconstructions(doc, path))
    data = _front(doc, build)
    for node in doc.nodes:
        if node.kind == "heading":
            _unknown(cleaned[id(node)], (), "a heading", path, build.diags)
    _claims(doc, build)
    _arguments(doc, build)
    # An undercut of an argument that is not reconstructed attacks the inferences it
    # supports, which relations further down may add: those undercuts come last.
    later = [
        r
        for r in doc.relations
        if r.kind == "undercut"
        and r.target.kind == "argument"
        and r.target.title not in build.main_of
    ]
    for rel in doc.relations:
        if rel not in later:
            _relation_to_map(rel, build)
    for rel in later:
        _relation_to_map(rel, build)
    data.update(
        claims=build.claims,
        inferences=build.inferences,
        attacks=build.attacks,
        issues=build.issues,
    )
    build.positions[()] = ((1, 1), (1, 1))
    return data, build.diags, build.positions


def _reconstructions(doc: Document, path: str) -> dict[str, Reconstruction]:
    """The reconstructed arguments by title; a second reconstruction of a title stands alone."""
    out: dict[str, Reconstruction] = {}
    for rec in doc.reconstructions:
        if rec.argument.title in out:
            doc.diagnostics.append(
                _warn(
                    "AM613",
                    f"argument <{rec.argument.title}> is reconstructed twice; the second "
                    "reconstruction is read as an argument of its own",
                    "give each reconstruction its own title",
                    path,
                    (rec.argument.line, rec.argument.column),
                )
            )
            rec.argument.title = new_id(f"{rec.argument.title} (2)", set(out))
        out[rec.argument.title] = rec
    return out


def _front(doc: Document, build: _Build) -> dict[str, Any]:
    """The map's own fields from the front matter; Argdown's settings are reported."""
    for key, line in doc.front_lines.items():
        if key not in MAP_KEYS:
            build.diags.append(
                _warn(
                    "AM612",
                    f"front matter `{key}` is an Argdown setting that argmap does not keep",
                    f"argmap keeps {', '.join(MAP_KEYS)}",
                    build.path,
                    (line, 1),
                )
            )
    data = {key: doc.front[key] for key in MAP_KEYS if key in doc.front}
    build.issues.update(data.pop("issues", None) or {})
    build.attacks.extend(data.pop("attacks", None) or [])
    build.used.update(str(k) for k in build.issues)
    return data


def _claims(doc: Document, build: _Build) -> None:
    """One claim per equivalence class of statements, and per argument not reconstructed."""
    for node in doc.nodes:
        if node.kind == "heading" or (
            node.kind == "argument" and node.title in build.reconstructed
        ):
            continue
        found = build.cleaned[id(node)]
        key = (node.kind, node.title)
        if key not in build.claim_of:
            build.claim_of[key] = new_id(slug(node.title), build.used)
            build.claims[build.claim_of[key]] = {"text": "", "aliases": [], "tags": []}
        ident = build.claim_of[key]
        claim = build.claims[ident]
        if found.text and not claim["text"]:
            claim["text"] = found.text
            build.positions[("claims", ident)] = ((node.line, node.column),) * 2
            if node.section is not None:
                _add(claim["tags"], [slug(build.cleaned[id(node.section)].text)])
        elif found.text and found.text != claim["text"] and found.text not in claim["aliases"]:
            claim["aliases"].append(found.text)
        build.at("claims", ident, (node.line, node.column))
        _add(claim["tags"], [slug(t) for t in found.tags])
        claim.update({k: v for k, v in found.data.items() if k in CLAIM_DATA})
        _unknown(found, CLAIM_DATA, f"[{node.title}]", build.path, build.diags)
    for (kind, title), ident in build.claim_of.items():
        claim = build.claims[ident]
        if not claim["text"]:
            claim["text"] = title
            if kind == "statement":
                build.diags.append(
                    _warn(
                        "AM613",
                        f"statement [{title}] is never given a text; its title stands in",
                        "define it somewhere: [Title]: text",
                        build.path,
                        build.positions[("claims", ident)][0],
                    )
                )
        for field_name in ("aliases", "tags"):
            if not claim[field_name]:
                del claim[field_name]


def _arguments(doc: Document, build: _Build) -> None:
    """One inference per step of each reconstruction; the last has the argument's id."""
    descriptions: dict[str, Cleaned] = {}
    for node in doc.nodes:
        found = build.cleaned[id(node)]
        if node.kind == "argument" and (node.title not in descriptions or found.text):
            descriptions[node.title] = found
    for title, rec in build.reconstructed.items():
        steps = _steps(rec)
        base = new_id(slug(title), build.used)
        for number, (premises, conclusion, inference) in enumerate(steps, start=1):
            ident = base if number == len(steps) else new_id(f"{base}.{number}", build.used)
            entry: dict[str, Any] = {
                "premises": _unique([build.claim_of[("statement", p.title)] for p in premises]),
                "conclusion": build.claim_of[("statement", conclusion.title)],
            }
            rules = _rules(inference, build.path, build.diags)
            if rules.text:
                entry["scheme"] = rules.text
            entry.update({k: v for k, v in rules.data.items() if k in INFERENCE_DATA})
            build.inferences[ident] = entry
            build.at("inferences", ident, (conclusion.line, conclusion.column))
        last = build.inferences[base]
        if rec.argument.titled and slug(title) != title:
            last["label"] = title
        description = descriptions.get(title)
        if description is not None:
            if description.text:
                last["note"] = description.text
            last.update({k: v for k, v in description.data.items() if k in INFERENCE_DATA})
            _unknown(description, INFERENCE_DATA, f"<{title}>", build.path, build.diags)
        build.main_of[title] = base


def _relation_to_map(rel: Relation, build: _Build) -> None:
    """An explicit relation as an inference, an attack or an issue, or a report why not."""
    at = (rel.line, rel.column)
    source = build.endpoint(rel.source)
    target_title = rel.target.title
    into_argument = rel.target.kind == "argument"
    if rel.kind == "undercut":
        if not into_argument:
            why = f"statement [{target_title}] cannot be undercut, only an argument"
            return _left_out(why, "attack it with - instead", at, build)
        if target_title in build.main_of:
            targets = [build.main_of[target_title]]
        else:
            gist = build.claim_of[("argument", target_title)]
            targets = sorted(i for i, f in build.inferences.items() if f["premises"] == [gist])
        if not targets:
            why = (
                f"argument <{target_title}> supports nothing, so it has no inference to "
                "undercut (argmap can undercut an inference, not an attack)"
            )
            return _left_out(why, "say what the argument supports", at, build)
        for target in targets:
            build.at("attacks", len(build.attacks), at)
            build.attacks.append({"from": source, "to": target})
        return None
    if into_argument and target_title in build.main_of:
        why = (
            f"{_article(rel.kind)} {rel.kind} of argument <{target_title}> as a whole: "
            "argmap needs the premise it is aimed at"
        )
        return _left_out(why, "aim the relation at that premise: [Premise title]", at, build)
    target = build.endpoint(rel.target)
    if rel.kind == "support":
        if not any(
            f["premises"] == [source] and f["conclusion"] == target
            for f in build.inferences.values()
        ):
            ident = new_id(f"{source}.{target}"[:190], build.used)
            build.inferences[ident] = {"premises": [source], "conclusion": target}
            build.at("inferences", ident, at)
    elif rel.kind == "attack":
        build.at("attacks", len(build.attacks), at)
        build.attacks.append({"from": source, "to": target})
    else:
        ident = new_id(f"{source}.{target}.contradictory"[:190], build.used)
        build.issues[ident] = {"positions": [source, target]}
        build.at("issues", ident, at)
    return None


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _left_out(why: str, hint: str, at: Position, build: _Build) -> None:
    build.diags.append(_warn("AM614", f"{why}; the relation is left out", hint, build.path, at))


def _unknown(
    found: Cleaned, known: Iterable[str], what: str, path: str, diags: list[Diagnostic]
) -> None:
    extra = sorted(str(k) for k in found.data if k not in known)
    if extra and found.data_at is not None:
        keeps = ", ".join(known) or "nothing here"
        diags.append(
            _warn(
                "AM612",
                f"data `{', '.join(extra)}` of {what} is not kept by argmap",
                f"argmap keeps {keeps}",
                path,
                found.data_at,
            )
        )


def _rules(inference: Inference, path: str, diags: list[Diagnostic]) -> Cleaned:
    """The inference rules (as text) and data of an inference line."""
    node = Node("inference", "", inference.line, inference.column)
    node.parts.append((inference.line, inference.column, inference.rules))
    found = clean(node, path, diags)
    _unknown(found, INFERENCE_DATA, "an inference", path, diags)
    return found


def _steps(rec: Reconstruction) -> list[tuple[list[Node], Node, Inference]]:
    """The inferences of a reconstruction: each step's premises, conclusion and line.

    A step's premises are the previous step's conclusion and the statements since. (Argdown
    leaves a ``{uses: [1, 2]}`` in the inference's data uninterpreted, and so does argmap.)
    """
    steps: list[tuple[list[Node], Node, Inference]] = []
    since: list[Node] = []
    inference: Inference | None = None
    for item in rec.items:
        if isinstance(item, Inference):
            inference = item
        elif inference is None:
            since.append(item)
        else:
            steps.append((since, item, inference))
            since, inference = [item], None
    return steps


def _add(target: list[str], items: Iterable[str]) -> None:
    for item in items:
        if item and item not in target:
            target.append(item)


def _unique(items: list[str]) -> list[str]:
    out: list[str] = []
    _add(out, items)
    return out


# ---------------------------------------------------------------------------------------
# Writing


def escape(text: str) -> str:
    """A plain text as Argdown text: special characters escaped, one line.

    >>> escape("a [b] <c> #d")
    'a \\\\[b\\\\] \\\\<c\\\\> \\\\#d'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _data(fields: dict[str, Any]) -> str:
    return f" {json.dumps(fields, ensure_ascii=False)}" if fields else ""


def write(argmap: ArgumentMap) -> str:
    """The map as Argdown: claims, then one reconstructed argument per inference, then attacks.

    Fields Argdown has no syntax for travel as YAML data ``{...}`` or in the front matter.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> print(write(m))
    [a]: A
    <BLANKLINE>
    [b]: B
    <BLANKLINE>
    <i>
    <BLANKLINE>
    (1) [a]
    ----
    (2) [b]
    <BLANKLINE>
    """
    data = dump(argmap)
    blocks: list[str] = []
    if not any("note" in a for a in data.get("attacks", [])):
        data["relations"] = data.pop("attacks", [])
    front = {k: data[k] for k in MAP_KEYS if k in data}
    if front:
        body = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100)
        blocks.append(f"===\n{body}===")
    for ident, claim in data["claims"].items():
        text = claim.pop("text")
        plain = text if isinstance(text, str) else argmap.text_of(ident)
        if not isinstance(text, str):
            claim["text"] = text
        tags = "".join(f" #({tag})" for tag in claim.pop("tags", []))
        aliases = claim.pop("aliases", [])
        blocks.append(f"[{ident}]: {escape(plain)}{tags}{_data(claim)}")
        blocks += [f"[{ident}]: {escape(alias)}" for alias in aliases]
    for ident, inference in data.get("inferences", {}).items():
        extra = {k: inference[k] for k in ("label", "weight") if k in inference}
        head = f"<{ident}>"
        if "note" in inference:
            head += f": {escape(inference['note'])}"
        lines = [head + _data(extra), ""]
        lines += [f"({n}) [{p}]" for n, p in enumerate(inference["premises"], start=1)]
        scheme = inference.get("scheme")
        lines.append(f"-- {escape(scheme)} --" if scheme else "----")
        lines.append(f"({len(inference['premises']) + 1}) [{inference['conclusion']}]")
        blocks.append("\n".join(lines))
    for attack in data.get("relations", []):
        target = attack["to"]
        symbol, ref = (
            ("_>", f"<{target}>") if target in argmap.inferences else ("->", f"[{target}]")
        )
        blocks.append(f"[{attack['from']}]\n  {symbol} {ref}")
    return "\n\n".join(blocks) + "\n"
