"""Locate: parse YAML with positions, and turn diagnostics' pointers into lines and columns.

A clean map never comes here (see :mod:`argmap.read`). When there is something to report, the
text is parsed again from PyYAML's event stream (its C parser), which gives every node its line
and column; for a few diagnostics in a block-style map only the elements concerned are parsed.
Scalars are read under YAML 1.2's core schema, as yaml-rs reads them, so both see one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import yaml

from argmap.diagnostics import Diagnostic, Pointer, diagnostic
from argmap.limits import Limits
from argmap.model import Origin, Position, Positions
from argmap.yaml12 import resolve

#: Diagnostics about a key (an id, a field name) point at the key; the rest at the value.
KEY_CODES = {"AM005", "AM101", "AM105", "AM107"}
#: Mappings whose keys are what is said (`dismissed: {question: reason}`): point at the key.
KEYED_FIELDS = {"dismissed"}


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


def _events(text: str, max_nodes: int) -> tuple[Any, Positions, list[Diagnostic]]:
    """Plain data, the (key, value) position of every node, and duplicate keys.

    Built from PyYAML's event stream (its C parser): no recursion, so deep nesting is fine,
    and aliases share their anchor's value, their expanded size counted against
    `max_nodes` so that a "billion laughs" stops early.
    """
    positions: Positions = {}
    diags: list[Diagnostic] = []
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    documents: list[Any] = []
    expanded = 0

    def start(event: yaml.Event) -> tuple[Pointer, Position]:
        here = _position(event.start_mark)
        if not stack:
            pointer: Pointer = ()
            positions[pointer] = (here, here)
        else:
            parent = stack[-1]
            if isinstance(parent.value, dict):
                pointer = (*parent.pointer, parent.key)
                positions[pointer] = (parent.key_pos, here)
            else:
                pointer = (*parent.pointer, len(parent.value))
                positions[pointer] = (here, here)
        return pointer, here

    def place(value: Any, size: int, anchor: str | None) -> None:
        nonlocal expanded
        expanded += size
        if expanded > max_nodes:
            raise _TooLarge
        if anchor is not None:
            anchors[anchor] = (value, size)
        if not stack:
            documents.append(value)
            return
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            parent.value.append(value)
            return
        key, parent.has_key = parent.key, False
        if key in parent.value:
            diags.append(
                diagnostic(
                    "AM005",
                    f"duplicate key `{key}`",
                    (*parent.pointer, key),
                    "each key may appear once in a mapping; otherwise the later value would "
                    "silently win: merge or rename them",
                    line=parent.key_pos[0],
                    column=parent.key_pos[1],
                )
            )
        else:
            parent.value[key] = value

    def key_of(event: yaml.Event) -> bool:
        """Take the event as the pending key of a mapping, if it is one."""
        if not stack or not isinstance(stack[-1].value, dict) or stack[-1].has_key:
            return False
        frame = stack[-1]
        if isinstance(event, yaml.ScalarEvent):
            frame.key = _scalar(event)
        elif isinstance(event, yaml.AliasEvent) and event.anchor in anchors:
            frame.key = anchors[event.anchor][0]
        else:
            raise _Malformed("a key must be a plain value, not a list or mapping", event.start_mark)
        try:
            hash(frame.key)
        except TypeError:
            frame.key = str(frame.key)
        frame.has_key = True
        frame.key_pos = _position(event.start_mark)
        return True

    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent) and key_of(event):
            continue
        if isinstance(event, yaml.ScalarEvent):
            start(event)
            place(_scalar(event), 1, event.anchor)
        elif isinstance(event, yaml.AliasEvent):
            start(event)
            if event.anchor not in anchors:
                raise _Malformed(
                    f"alias *{event.anchor} names no anchor before it", event.start_mark
                )
            value, size = anchors[event.anchor]
            place(value, size, None)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if key_of(event):
                continue
            pointer, _ = start(event)
            container: dict[Any, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            stack.append(_Frame(container, pointer, event.anchor))
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = stack.pop()
            place(frame.value, frame.size, frame.anchor)
        elif isinstance(event, yaml.DocumentStartEvent) and documents:
            raise _Malformed("a second document: a map file holds one", event.start_mark)
    return (documents[0] if documents else None), positions, diags


_LOADER = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader


def parse_located(
    origin: Origin, max_nodes: int | None = None
) -> tuple[Any, list[Diagnostic], Positions]:
    """Parse with positions: the data (None on a syntax error), diagnostics and positions.

    `max_nodes` bounds the nodes once aliases are expanded (default: the limit in force).
    """
    if max_nodes is None:
        max_nodes = Limits.from_env().max_nodes
    try:
        data, positions, diags = _events(origin.text, max_nodes)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "invalid YAML"
        if err.context and err.context_mark and err.problem:
            start = err.context_mark
            if "quoted scalar" in err.context:  # point where the quote opened, not at the end
                mark, problem = start, f"this quoted text is never closed ({problem})"
            else:
                problem += f" ({err.context}, which starts at {start.line + 1}:{start.column + 1})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return (
            None,
            [
                diagnostic(
                    "AM004",
                    f"YAML syntax error: {problem}",
                    hint=_syntax_hint(problem, origin.text, line),
                    line=line,
                    column=column,
                    file=origin.path,
                )
            ],
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
        )
    return data, diags, positions


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
        lines = text.split("\n")
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


def positions_of(origin: Origin, pointers: list[Pointer] | None = None) -> Positions:
    """The (key, value) positions of the nodes of a document, by pointer.

    Given a few `pointers` into a block-style YAML map, only the elements they lead to are
    parsed (found by a scan of the text); anything the scan is not sure of parses it all.
    """
    if origin.positions is not None:
        return origin.positions
    if pointers and len(pointers) <= MAX_TARGETED and origin.format == "yaml":
        found: Positions = {}
        for pointer in pointers:
            element = _element_positions(origin.text, pointer)
            if element is None:
                break
            found.update(element)
        else:
            return found
    return parse_located(origin, Limits.from_env().max_nodes)[2]


#: Up to this many diagnostics are located by parsing only their elements.
MAX_TARGETED = 200


def _element_positions(text: str, pointer: Pointer) -> Positions | None:
    """Positions within the one element `pointer` leads to (``("claims", "a", ...)``).

    The element's lines are found by indentation, parsed alone, and shifted to their place;
    None when the text is not laid out as expected (flow style, quoted keys, aliases).
    """
    if len(pointer) < 2 or not isinstance(pointer[0], str):
        return None
    header = re.search(rf"^{re.escape(pointer[0])}:[ \t]*(?:#.*)?$", text, re.M)
    if header is None:
        return None
    body_end = _block_end(text, header.end(), "")
    ident = pointer[1]
    start: re.Match[str] | None
    if isinstance(ident, int):
        items = list(re.compile(r"^([ \t]*)- ", re.M).finditer(text, header.end(), body_end))
        items = [m for m in items if items and m.group(1) == items[0].group(1)]
        if ident >= len(items):
            return None
        start = items[ident]
    else:
        key = re.compile(rf"^([ \t]+){re.escape(ident)}:(?=[ \t]|$)", re.M)
        start = key.search(text, header.end(), body_end)
    if start is None:
        return None
    indent = start.group(1) + (" " if isinstance(ident, int) else "")
    end = _block_end(text, start.end(), indent)
    offset = text.count("\n", 0, start.start())
    try:
        data, positions, _ = _events(text[start.start() : end], Limits().max_nodes)
    except (yaml.YAMLError, _Malformed, _TooLarge):
        return None
    if isinstance(ident, int) and not (isinstance(data, list) and len(data) == 1):
        return None
    if isinstance(ident, str) and not (isinstance(data, dict) and list(data) == [ident]):
        return None
    shifted: Positions = {}
    for inner, (key_pos, value_pos) in positions.items():
        if not inner:
            continue
        outer = (pointer[0], ident, *inner[1:])
        shifted[outer] = ((key_pos[0] + offset, key_pos[1]), (value_pos[0] + offset, value_pos[1]))
    return shifted


def _block_end(text: str, start: int, indent: str) -> int:
    """Where the block that goes on past `start` at deeper indentation than `indent` ends."""
    line_end = text.find("\n", start)
    if line_end < 0:
        return len(text)
    following = re.compile(rf"^(?![ \t]*(?:#|$))(?!{re.escape(indent)}[ \t])", re.M)
    match = following.search(text, line_end + 1)
    return match.start() if match else len(text)


def locate(diags: list[Diagnostic], origin: Origin | None) -> list[Diagnostic]:
    """Fill in file, line and column of diagnostics from their pointers.

    The text is parsed with positions only when some diagnostic still needs one. A map built
    in code has no `origin`: its diagnostics keep their pointers and nothing else.
    """
    if not diags or origin is None:
        return diags
    pending = [d.pointer for d in diags if not d.line]
    positions = positions_of(origin, pending) if pending else {}
    out = []
    for d in diags:
        if not d.line:
            pointer = d.pointer
            while pointer and pointer not in positions:
                pointer = pointer[:-1]
            key_pos, value_pos = positions.get(pointer, ((1, 1), (1, 1)))
            at_key = d.code in KEY_CODES or len(pointer) <= 2 or str(pointer[-2]) in KEYED_FIELDS
            line, column = key_pos if at_key and pointer == d.pointer else value_pos
            d = replace(d, line=line, column=column)
        out.append(d if d.file else replace(d, file=origin.path))
    return out
