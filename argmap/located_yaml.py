"""YAML parsed with positions: PyYAML's event stream (its C parser) turned into plain data,
the line and column of every node and where it ends, its duplicate keys, and its syntax
errors located where they can be fixed.

Scalars are read under YAML 1.2's core schema, as yaml-rs reads them, so both see one
document. :mod:`argmap.locate` uses it for the diagnostics a scan of the text cannot place;
the readers, for the texts yaml-rs cannot be trusted with.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from argmap.diagnostics import Diagnostic, Pointer, describe, diagnostic
from argmap.formats.native import may_cut_text
from argmap.limits import Limits
from argmap.locate import block_end, section_body, yaml_lines
from argmap.model import Ends, Origin, Position, Positions
from argmap.yaml12 import resolve


def _scalar(event: yaml.ScalarEvent) -> Any:
    """A scalar's value: plain scalars resolved by YAML 1.2's core schema, others strings."""
    return resolve(event.value) if event.implicit[0] else event.value


class _TooLarge(Exception):
    pass


class _Malformed(Exception):
    """YAML that parses but is no tree of plain data (a complex key, an unknown alias)."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem)
        self.problem, self.position = problem, _position(mark)


def _position(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


@dataclass
class _Frame:
    value: dict[Any, Any] | list[Any]
    pointer: Pointer
    anchor: str | None
    size: int = 1
    key: Any = None
    has_key: bool = False
    key_pos: Position = (1, 1)
    key_end: Position = (1, 1)
    last_end: Position = (1, 1)


def _events(text: str, max_nodes: int) -> tuple[Any, Positions, list[Diagnostic], Ends]:
    """Plain data, the (key, value) position of every node, duplicate keys, and the ends.

    Built from PyYAML's event stream (its C parser): no recursion, so deep nesting is fine,
    and aliases share their anchor's value, their expanded size counted against
    `max_nodes` so that a "billion laughs" stops early.
    """
    # The lines are kept only for a text that may cut a plain text short (AM009).
    tree = _Tree(max_nodes, _LINE_BREAK.split(text) if may_cut_text(text) else None)
    for event in yaml.parse(text, Loader=_LOADER):
        tree.take(event)
    document = tree.documents[0] if tree.documents else None
    return document, tree.positions, tree.diags, tree.ends


class _Tree:
    """Plain data as PyYAML's events build it, with where each node starts and ends.

    The mappings and sequences still open are a stack of :class:`_Frame`; a node is placed in
    the innermost one when it is complete (a scalar or an alias at once, a collection at its
    end event).
    """

    def __init__(self, max_nodes: int, lines: list[str] | None = None) -> None:
        self.max_nodes = max_nodes
        self.lines = lines  # the text's lines, to look for texts cut by a comment
        self.expanded = 0  # nodes placed so far, aliases counted at their anchor's size
        self.positions: Positions = {}
        self.ends: Ends = {}
        self.diags: list[Diagnostic] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.documents: list[Any] = []

    def take(self, event: yaml.Event) -> None:
        """Take the next event of the stream."""
        if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent) and self.key_of(event):
            return
        if isinstance(event, yaml.ScalarEvent):
            pointer = self.start(event)
            value = _scalar(event)
            if (
                self.lines is not None and not event.style and isinstance(value, str)
            ):  # plain: None, or "" from libyaml
                self.cut_by_comment(event, pointer, self.lines)
            self.place(value, 1, event.anchor, pointer, _position(event.end_mark))
        elif isinstance(event, yaml.AliasEvent):
            pointer = self.start(event)
            if event.anchor not in self.anchors:
                raise _Malformed(
                    f"alias *{event.anchor} names no anchor before it", event.start_mark
                )
            value, size = self.anchors[event.anchor]
            self.place(value, size, None, pointer, _position(event.end_mark))
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if self.key_of(event):
                return
            pointer = self.start(event)
            container: dict[Any, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            self.stack.append(_Frame(container, pointer, event.anchor))
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = self.stack.pop()
            # A flow collection ends at its bracket; a block one where its last value ends
            # (its end event is only the start of whatever follows).
            flow = _position(event.start_mark) != _position(event.end_mark)
            end = _position(event.end_mark) if flow or not frame.value else frame.last_end
            self.place(frame.value, frame.size, frame.anchor, frame.pointer, end)
        elif isinstance(event, yaml.DocumentStartEvent) and self.documents:
            raise _Malformed("a second document: a map file holds one", event.start_mark)

    def start(self, event: yaml.Event) -> Pointer:
        """The pointer of the node the event starts, its position noted."""
        here = _position(event.start_mark)
        if not self.stack:
            pointer: Pointer = ()
            self.positions[pointer] = (here, here)
            return pointer
        parent = self.stack[-1]
        if isinstance(parent.value, dict):
            pointer = (*parent.pointer, parent.key)
            self.positions[pointer] = (parent.key_pos, here)
        else:
            pointer = (*parent.pointer, len(parent.value))
            self.positions[pointer] = (here, here)
        return pointer

    def place(
        self, value: Any, size: int, anchor: str | None, pointer: Pointer, end: Position
    ) -> None:
        """Put a complete node in its parent (or make it the document), its end noted.

        Raises _TooLarge once the nodes, aliases expanded, are more than `max_nodes`.
        """
        self.expanded += size
        if self.expanded > self.max_nodes:
            raise _TooLarge
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.ends[pointer] = (end, end)
            self.documents.append(value)
            return
        parent = self.stack[-1]
        parent.size += size
        parent.last_end = end
        if isinstance(parent.value, list):
            self.ends[pointer] = (end, end)
            parent.value.append(value)
            return
        key, parent.has_key = parent.key, False
        self.ends[pointer] = (parent.key_end, end)
        if key in parent.value:
            self.diags.append(_duplicate_key(parent))
        else:
            parent.value[key] = value

    def cut_by_comment(self, event: yaml.ScalarEvent, pointer: Pointer, lines: list[str]) -> None:
        """AM009 when a plain text is followed on its line by a comment that reads as the
        rest of it (``text: Bikes are cheap #1 option``: the text ends before `` #``)."""
        end, start = event.end_mark, event.start_mark
        if end is None or start is None:
            return
        comment = _COMMENT_AFTER.match(lines[end.line], end.column)
        if comment is None:
            return
        message = (
            f"{describe(pointer)} stops before `{comment.group(1)}`: in YAML, a `#` after a "
            "space starts a comment"
        )
        hint = "quote the whole text, from its first line, to keep it"
        if start.line == end.line:
            written = lines[start.line][start.column :].rstrip()
            hint = f"quote the whole text to keep it: {json.dumps(written, ensure_ascii=False)}"
        column = comment.start(1) + 1
        self.diags.append(
            diagnostic("AM009", message, pointer, hint, line=end.line + 1, column=column)
        )

    def key_of(self, event: yaml.Event) -> bool:
        """Take the event as the pending key of a mapping, if it is one."""
        if not self.stack or not isinstance(self.stack[-1].value, dict) or self.stack[-1].has_key:
            return False
        frame = self.stack[-1]
        if isinstance(event, yaml.ScalarEvent):
            frame.key = _scalar(event)
        elif isinstance(event, yaml.AliasEvent) and event.anchor in self.anchors:
            frame.key = self.anchors[event.anchor][0]
        else:
            raise _Malformed("a key must be a plain value, not a list or mapping", event.start_mark)
        try:
            hash(frame.key)
        except TypeError:
            frame.key = str(frame.key)
        frame.has_key = True
        frame.key_pos = _position(event.start_mark)
        frame.key_end = _position(event.end_mark)
        return True


def _duplicate_key(mapping: _Frame) -> Diagnostic:
    """AM005 at the pending key of `mapping`, which the mapping already has."""
    key = mapping.key
    return diagnostic(
        "AM005",
        f"duplicate key `{key}`",
        (*mapping.pointer, key),
        "each key may appear once in a mapping; otherwise the later value would "
        "silently win: merge or rename them",
        line=mapping.key_pos[0],
        column=mapping.key_pos[1],
        end_line=mapping.key_end[0],
        end_column=mapping.key_end[1],
    )


_LOADER = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader

#: YAML's line breaks (not Python's splitlines, which also breaks at form feeds and more).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: A comment right after a plain scalar that begins with no space, as a hashtag or a number
#: does (``#1``, ``#AI``): most likely meant as part of the text. ``# a note`` is a comment.
_COMMENT_AFTER = re.compile(r"[ \t]+(#[^\s#].*?)\s*$")


def parse_located(
    origin: Origin, max_nodes: int | None = None
) -> tuple[Any, list[Diagnostic], Positions]:
    """Parse with positions: the data (None on a syntax error), diagnostics and positions.

    `max_nodes` bounds the nodes once aliases are expanded (default: the limit in force).
    """
    data, diags, positions, _ = parse_spans(origin, max_nodes)
    return data, diags, positions


def parse_spans(
    origin: Origin, max_nodes: int | None = None
) -> tuple[Any, list[Diagnostic], Positions, Ends]:
    """:func:`parse_located`, with where each node ends."""
    if max_nodes is None:
        max_nodes = Limits.from_env().max_nodes
    try:
        data, positions, diags, ends = _events(origin.text, max_nodes)
    except yaml.MarkedYAMLError as err:
        line, column, problem, hint = _syntax_error(err, origin.text)
        message = f"YAML syntax error: {problem}"
        return (
            None,
            [diagnostic("AM004", message, hint=hint, line=line, column=column, file=origin.path)],
            {},
            {},
        )
    except _Malformed as err:
        line, column = err.position
        return (
            None,
            [
                diagnostic(
                    "AM004",
                    f"YAML structure error: {err.problem}",
                    hint="a map is plain mappings, lists and values",
                    line=line,
                    column=column,
                    file=origin.path,
                )
            ],
            {},
            {},
        )
    except yaml.YAMLError as err:
        return (
            None,
            [
                diagnostic(
                    "AM004",
                    f"YAML syntax error: {err}",
                    hint="check the indentation and quoting",
                    line=1,
                    column=1,
                    file=origin.path,
                )
            ],
            {},
            {},
        )
    except _TooLarge:
        return (
            None,
            [
                diagnostic(
                    "AM006",
                    f"the document expands to more than {max_nodes:,} nodes",
                    hint="aliases (*name) that repeat large parts are not allowed in a map",
                    line=1,
                    column=1,
                    file=origin.path,
                )
            ],
            {},
            {},
        )
    return data, diags, positions, ends


def _syntax_error(err: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str]:
    """Where a YAML syntax error is to be fixed, what it is and a hint: line, column, ..."""
    mark = err.problem_mark or err.context_mark
    problem = err.problem or err.context or "invalid YAML"
    start = err.context_mark
    if err.context and start is not None and err.problem:
        if "quoted scalar" in err.context:  # point where the quote opened, not at the end
            mark, problem = start, f"this quoted text is never closed ({problem})"
        elif "flow" in err.context and mark is not None:
            return _unclosed_bracket(err.context, start, mark, text)
        else:
            problem += f" ({err.context}, which starts at {start.line + 1}:{start.column + 1})"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = yaml_lines(text)
    here = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    if mark is not None and here[mark.column :][:1] == "\t":
        problem = "a tab, where YAML allows only spaces"  # the C parser does not name it
    hint = _text_after_quote(here, column) or _syntax_hint(problem, text, line)
    return line, column, problem, hint


#: A key, then a value that starts with a quoted part: `text: "Safety first," the mayor said.`
_QUOTED_START = re.compile(r"""(\s*[^\s#'"{}\[\],-][^:#]*:\s+)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')""")


def _text_after_quote(line: str, column: int) -> str | None:
    """A hint for a text that starts with a quoted part and goes on after it, which YAML
    reads as a quoted text with more after it: the whole text is to be quoted."""
    value = _QUOTED_START.match(line)
    if value is None or value.end() >= column:
        return None
    after = line[value.end() :]
    comment = after.find(" #")  # a comment after the text stays out of it
    whole = (value.group(2) + (after[:comment] if comment >= 0 else after)).rstrip()
    hint = "a text that starts with a quote must be quoted whole"
    if '"' not in whole and "\\" not in whole:
        return f'{hint}: `{value.group(1).strip()} "{whole}"`'
    doubled = " (a ' inside '...' is doubled)" if "'" in whole else ""
    quoted = whole.replace("'", "''")
    return f"{hint}: `{value.group(1).strip()} '{quoted}'`{doubled}"


def _unclosed_bracket(context: str, start: Any, mark: Any, text: str) -> tuple[int, int, str, str]:
    """A `{...}` or `[...]` the parser could not finish: not closed on its line, closed with
    the other bracket, or two entries without a comma between them."""
    opener, closer = ("{", "}") if "mapping" in context else ("[", "]")
    lines = yaml_lines(text)
    opened = f"the `{opener}` opened at {start.line + 1}:{start.column + 1}"
    first = lines[start.line] if start.line < len(lines) else ""
    if mark.line != start.line and closer not in first[start.column :]:
        # the parser gives up on a later line; the missing bracket belongs to this one
        end = len(first.split(" #")[0].rstrip())
        return (
            start.line + 1,
            end + 1,
            f"{opened} is never closed",
            f"end the line with `{closer}`",
        )
    here = lines[mark.line][mark.column : mark.column + 1] if mark.line < len(lines) else ""
    line, column = mark.line + 1, mark.column + 1
    if here and here in "]}":
        return (
            line,
            column,
            f"{opened} is closed with `{here}`",
            f"close it with `{closer}` where its items end",
        )
    return (
        line,
        column,
        f"a `,` or `{closer}` is missing before this (in {opened})",
        f"separate the entries of `{opener}...{closer}` with commas, as in {{from: a, to: b}}"
        if opener == "{"
        else "separate the items of `[...]` with commas, as in [a, b]",
    )


def _syntax_hint(problem: str, text: str, line: int) -> str:
    """A hint for a YAML syntax error at `line` of `text`, from what the lines look like."""
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "never closed" in problem:
        return (
            "close the quote at the end of the text (a quote inside a quoted text is doubled "
            'in \'...\' and escaped as \\" in "...")'
        )
    if "mapping values" in problem:
        lines = yaml_lines(text)
        here = lines[line - 1] if 0 < line <= len(lines) else ""
        above = next((s for s in reversed(lines[: line - 1]) if s.strip()), "")
        indent = len(here) - len(here.lstrip(" "))
        if (
            above
            and indent > len(above) - len(above.lstrip(" "))
            and re.match(r"\s*[^#\s][^:]*:\s+\S", above)
        ):
            key = here.strip().split(":", 1)[0]
            return (
                f"`{key}:` is indented deeper than the line above, which already has a value: "
                f"align `{key}:` with the key above it"
            )
        return "a text containing ': ' must be quoted"
    return "check the indentation and quoting on this line and the one before"


#: The first line with content of a section's body, and its indentation.
_FIRST_LINE = re.compile(r"^([ \t]*)[^\s#]", re.M)


def element_positions(text: str, pointer: Pointer) -> tuple[Positions, Ends] | None:
    """Positions and ends within the one element `pointer` leads to (``("claims", "a", ...)``).

    The element's lines are found by indentation, parsed alone, and shifted to their place;
    None when the text is not laid out as expected (flow style, quoted keys, aliases).
    """
    if len(pointer) < 2 or not isinstance(pointer[0], str):
        return None
    body = section_body(text, pointer[0])
    if body is None:
        return None
    ident = pointer[1]
    # the section's elements are at the indentation of its first line: a key or an item
    # deeper in (a field of an element, an item of its list) is not one of them
    first = _FIRST_LINE.search(text, *body)
    if first is None:
        return None
    depth = re.escape(first.group(1))
    start: re.Match[str] | None
    # each searched for from the line break before it: a literal first character is fast
    if isinstance(ident, int):
        items = list(re.compile(rf"\n({depth})- ").finditer(text, *body))
        if ident >= len(items):
            return None
        start = items[ident]
    else:
        key = re.compile(rf"\n({depth}){re.escape(ident)}:(?=[ \t]|\r?$)", re.M)
        start = key.search(text, *body)
    if start is None:
        return None
    indent = start.group(1) + (" " if isinstance(ident, int) else "")
    end = block_end(text, start.end(), indent)
    line_start = start.start() + 1
    offset = text.count("\n", 0, line_start)
    try:
        data, positions, _, ends = _events(text[line_start:end], Limits().max_nodes)
    except (yaml.YAMLError, _Malformed, _TooLarge):
        return None
    if isinstance(ident, int) and not (isinstance(data, list) and len(data) == 1):
        return None
    if isinstance(ident, str) and not (isinstance(data, dict) and list(data) == [ident]):
        return None

    def down(where: Position) -> Position:
        return where[0] + offset, where[1]

    shifted: Positions = {}
    shifted_ends: Ends = {}
    for inner, (key_pos, value_pos) in positions.items():
        if not inner:
            continue
        outer = (pointer[0], ident, *inner[1:])
        shifted[outer] = (down(key_pos), down(value_pos))
        key_end, value_end = ends[inner]
        shifted_ends[outer] = (down(key_end), down(value_end))
    return shifted, shifted_ends
