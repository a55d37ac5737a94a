"""Read: text -> ArgumentMap plus located diagnostics.

Reading is two-speed. A clean map is parsed by ``yaml-rs`` (or ``json``), which is fast but
keeps no positions. Only when there is something to report is the text parsed again by
PyYAML's composer, which gives every node its line and column; :func:`locate` uses that to
turn each diagnostic's pointer into a position. Both parsers read YAML 1.2 (``no`` and ``on``
are strings, ``010`` is ten), so both see the same data.
"""

from __future__ import annotations

import difflib
import gc
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from argmap.diagnostics import Diagnostic, Pointer, describe, diagnostic, sort_key
from argmap.limits import Limits
from argmap.model import ArgumentMap, Origin, Position

#: Diagnostics about a key (an id, a field name) point at the key; the rest at the value.
KEY_CODES = {"AM005", "AM101", "AM105", "AM107"}


class MapError(Exception):
    """Raised by :func:`argmap.load` when a map cannot be read; carries the diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        first = diagnostics[0] if diagnostics else None
        super().__init__(
            f"{first.file}:{first.line}:{first.column}: {first.message}" if first else ""
        )


# ---------------------------------------------------------------------------------------
# Entry points


def read_path(
    path: str | Path, fmt: str | None = None
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map file: the map (None when it cannot be built) and located diagnostics.

    The format is `fmt` (a name from :data:`argmap.formats.FORMATS`) or else chosen by the
    file's extension and, where two formats share one, by its content.
    """
    name = str(path)
    limit = Limits.from_env().max_bytes
    try:
        with open(path, "rb") as handle:
            # A regular file's size is known before reading; a pipe's only by reading it.
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(limit + 1) if size <= limit else b""
            size = max(size, len(raw))
    except OSError as err:
        reason = err.strerror or str(err)
        hint = "check the path and its permissions"
        return None, [diagnostic("AM001", f"cannot read the file: {reason}", hint=hint, file=name)]
    if size > limit:
        message = f"the file is larger than the limit of {limit:,} bytes"
        hint = "split the map, or raise the limit with ARGMAP_MAX_BYTES"
        return None, [diagnostic("AM007", message, hint=hint, file=name, line=1, column=1)]
    return read_bytes(raw, name, fmt)


def read_bytes(
    raw: bytes, name: str, fmt: str | None = None
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Decode and read a map given as bytes; `name` is used in diagnostics."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        message = f"byte 0x{raw[err.start]:02x} is not valid UTF-8"
        hint = "save the file as UTF-8 (most editors: 'Save with encoding')"
        return None, [diagnostic("AM002", message, hint=hint, file=name, line=line, column=column)]
    return read_text(text, name, fmt)


def read_text(
    text: str, name: str = "<map>", fmt: str | None = None
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map from its text, in format `fmt` or the one `name` and `text` suggest."""
    from argmap.formats import detect

    if not text.strip():
        hint = "a map needs at least `claims:`"
        return None, [
            diagnostic("AM003", "the file is empty", hint=hint, file=name, line=1, column=1)
        ]
    form = detect(name, text, fmt)
    if form.name not in ("yaml", "json"):
        argmap, diags = form.reader()(text, name)
        return argmap, sorted(diags, key=sort_key)
    origin = Origin(path=name, text=text, format=form.name)
    limits = Limits.from_env()
    with gc_paused():
        data, diags = parse_fast(origin)
        if data is UNSURE:
            data, diags, _ = parse_located(origin, limits.max_nodes)
        if data is None and diags:
            return None, locate(diags, origin)
        too_large = oversized(data, limits) if len(text) > limits.max_text else []
        if too_large:
            return None, sorted(locate(too_large, origin), key=sort_key)
        argmap, more = build_model(data)
    diags += more
    if argmap is not None:
        argmap._origin = origin
    return argmap, sorted(locate(diags, origin), key=sort_key)


# ---------------------------------------------------------------------------------------
# Parsing


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that all stay alive.

    Every few hundred new objects trigger a collection that walks them all; none are garbage
    yet, so it only costs time (reading a 100,000-claim map took 1.5 s instead of 1.0 s).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s\[\]{},]")

#: What :func:`parse_fast` returns when it cannot tell what is wrong: parse with positions.
UNSURE = object()


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


class _Duplicate(Exception):
    pass


def parse_fast(origin: Origin) -> tuple[Any, list[Diagnostic]]:
    """Parse without positions, or return :data:`UNSURE` for the located parser to explain."""
    if origin.format == "json":
        try:
            return json.loads(origin.text, object_pairs_hook=_unique_keys), []
        except _Duplicate:
            return UNSURE, []
        except json.JSONDecodeError as err:
            return None, [
                diagnostic(
                    "AM004",
                    f"JSON syntax error: {err.msg}",
                    hint="check brackets, commas and quotes near here",
                    file=origin.path,
                    line=err.lineno,
                    column=err.colno,
                )
            ]
        except RecursionError:
            return None, [
                diagnostic(
                    "AM006",
                    "the JSON is nested too deeply",
                    hint="a map is a few levels deep",
                    file=origin.path,
                    line=1,
                    column=1,
                )
            ]
    if "&" in origin.text and _ANCHOR.search(origin.text):
        # Aliases can multiply a document; only the located parser counts their expansion
        # against the limit (yaml-rs has fixed limits of its own).
        return UNSURE, []
    import yaml_rs

    try:
        return yaml_rs.loads(origin.text, parse_datetime=False), []
    except Exception:
        return UNSURE, []


PLAIN_SCALARS: list[tuple[re.Pattern[str], Callable[[str], Any]]] = [
    (re.compile(r"^(?:~|null|Null|NULL|)$"), lambda v: None),
    (re.compile(r"^(?:true|True|TRUE)$"), lambda v: True),
    (re.compile(r"^(?:false|False|FALSE)$"), lambda v: False),
    (re.compile(r"^[-+]?[0-9]+$"), int),
    (re.compile(r"^0o[0-7]+$"), lambda v: int(v, 8)),
    (re.compile(r"^0x[0-9a-fA-F]+$"), lambda v: int(v, 16)),
    (re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"), float),
    (re.compile(r"^[-+]?\.(?:inf|Inf|INF)$"), lambda v: float(v.replace(".", "", 1))),
    (re.compile(r"^\.(?:nan|NaN|NAN)$"), lambda v: float("nan")),
]
_PLAIN_START = frozenset("~nNtTfF-+0123456789.")


def _scalar(event: yaml.ScalarEvent) -> Any:
    """A scalar's value under YAML 1.2's core schema: only plain scalars are resolved."""
    value: str = event.value
    if not event.implicit[0] or (value and value[0] not in _PLAIN_START):
        return value
    for pattern, convert in PLAIN_SCALARS:
        if pattern.match(value):
            return convert(value)
    return value


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


Positions = dict[Pointer, tuple[Position, Position]]


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
            problem += f" ({err.context}, which starts at {start.line + 1}:{start.column + 1})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return (
            None,
            [
                diagnostic(
                    "AM004",
                    f"YAML syntax error: {problem}",
                    hint=_syntax_hint(problem),
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


def _syntax_hint(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values" in problem:
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


def locate(diags: list[Diagnostic], origin: Origin) -> list[Diagnostic]:
    """Fill in file, line and column of diagnostics from their pointers.

    The text is parsed with positions only when some diagnostic still needs one.
    """
    if not diags:
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
            at_key = d.code in KEY_CODES or len(pointer) <= 2
            line, column = key_pos if at_key and pointer == d.pointer else value_pos
            d = replace(d, line=line, column=column)
        out.append(replace(d, file=origin.path))
    return out


# ---------------------------------------------------------------------------------------
# Model


def oversized(data: Any, limits: Limits) -> list[Diagnostic]:
    """Diagnostics for a map past the limits on elements and on the length of one text."""
    if isinstance(data, dict):
        count = sum(
            len(data[k])
            for k in ("claims", "inferences", "attacks")
            if isinstance(data.get(k), dict | list)
        )
        if count > limits.max_elements:
            # Placed at the top of the file: locating it would mean parsing all of it again.
            return [
                diagnostic(
                    "AM008",
                    f"the map has {count:,} claims, inferences and attacks, more than the "
                    f"limit of {limits.max_elements:,}",
                    hint="split the map, or raise the limit with ARGMAP_MAX_ELEMENTS",
                    line=1,
                    column=1,
                )
            ]
    if _longest_string(data) <= limits.max_text:
        return []
    diags = []
    stack: list[tuple[Pointer, Any]] = [((), data)]
    while stack:
        pointer, node = stack.pop()
        if isinstance(node, str):
            if len(node) > limits.max_text:
                diags.append(
                    diagnostic(
                        "AM108",
                        f"a text of {len(node):,} characters, more than the limit of "
                        f"{limits.max_text:,}",
                        pointer,
                        "shorten it (quote the passage, not the document), or raise the limit "
                        "with ARGMAP_MAX_TEXT",
                    )
                )
        elif isinstance(node, dict):
            stack.extend(((*pointer, k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend(((*pointer, i), v) for i, v in enumerate(node))
    return diags


def _longest_string(data: Any) -> int:
    """The length of the longest string value in plain data (a quick pass, without pointers).

    >>> _longest_string({"a": ["xy", {"b": "xyz"}], "c": 5})
    3
    """
    longest = 0
    stack = [data]
    pop, push = stack.pop, stack.extend
    while stack:
        node = pop()
        kind = type(node)
        if kind is str:
            longest = max(longest, len(node))
        elif kind is dict:
            push(node.values())
        elif kind is list:
            push(node)
    return longest


def build_model(data: Any) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Validate plain data into an ArgumentMap; each validation error becomes a diagnostic."""
    if not isinstance(data, dict) or "claims" not in data:
        if data is None:
            message = "the file holds nothing but comments, not an argument map"
        else:
            what = "a mapping without `claims`" if isinstance(data, dict) else f"a {_kind(data)}"
            message = f"this is {what}, not an argument map"
        return None, [
            diagnostic(
                "AM006",
                message,
                hint="a map is a mapping with at least `claims:`; "
                "see the README's 'The map format'",
            )
        ]
    try:
        return ArgumentMap.model_validate(data), []
    except ValidationError as err:
        diags = [_from_pydantic(e, data) for e in err.errors(include_url=False)]
        unique = {(d.code, d.pointer, d.message): d for d in diags}
        return None, list(unique.values())


def _kind(value: Any) -> str:
    return {
        list: "list",
        str: "text",
        int: "number",
        float: "number",
        bool: "boolean",
        type(None): "null value",
    }.get(type(value), type(value).__name__)


def _from_pydantic(error: Any, data: Any) -> Diagnostic:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    is_key = "[key]" in loc
    pointer = _data_prefix(loc, data)
    kind = error["type"]
    where = describe(pointer)
    if kind == "extra_forbidden":
        field = str(loc[-1])
        allowed = sorted(_fields_at(pointer[:-1], data))
        close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.5)
        hint = f"did you mean `{close[0]}`?" if close else f"allowed fields: {', '.join(allowed)}"
        return diagnostic(
            "AM101", f"unknown field `{field}` in {describe(pointer[:-1])}", pointer, hint
        )
    if kind == "missing":
        field = str(loc[-1])
        return diagnostic(
            "AM103",
            f"{where} has no `{field}`",
            pointer,
            f"add `{field}:` (see the README's 'The map format')",
        )
    if is_key and kind == "string_pattern_mismatch":
        return diagnostic(
            "AM105",
            f"invalid id `{pointer[-1]}`",
            pointer,
            "ids are slugs: letters, digits, '-', '_' and '.', starting with a letter or digit",
        )
    if kind == "string_too_short":
        return diagnostic(
            "AM104", f"{where} is empty", pointer, "write the text, or remove the field"
        )
    if kind == "string_pattern_mismatch":
        return diagnostic(
            "AM105",
            f"invalid id `{_get(data, pointer)}` in {where}",
            pointer,
            "ids are slugs: letters, digits, '-', '_' and '.'",
        )
    return diagnostic("AM102", f"{where}: {error['msg'].lower()}", pointer, _type_hint(pointer))


def _type_hint(pointer: Pointer) -> str:
    field = pointer[-1] if pointer else ""
    return {
        "text": "a text is a string, or a mapping of language codes to strings: {en: ..., pt: ...}",
        "premises": "premises is a list of claim ids: [a, b]",
        "weight": "a weight is a number from 0 to 1",
        "tags": "tags is a list of slugs: [economy, media]",
        "argmap": "the format version is 1",
        "status": "status is accepted, rejected or open",
    }.get(str(field), "see the README's 'The map format' for this field")


def _data_prefix(loc: tuple[Any, ...], data: Any) -> Pointer:
    """The longest prefix of a pydantic location that exists in the data (plus a missing key)."""
    pointer: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
        elif (
            isinstance(node, dict)
            and isinstance(part, str)
            and part != "[key]"
            and not part.startswith(("dict[", "str", "list["))
        ):
            pointer.append(part)  # a missing or unknown field: point at it
            break
        else:
            break
        pointer.append(part)
    return tuple(pointer)


def _get(data: Any, pointer: Pointer) -> Any:
    for part in pointer:
        data = data[part]
    return data


def _fields_at(pointer: Pointer, data: Any) -> set[str]:
    from argmap import model

    shape: dict[str, type[model.Element]] = {
        "claims": model.Claim,
        "inferences": model.Inference,
        "issues": model.Issue,
        "sources": model.Source,
        "voices": model.Voice,
        "attacks": model.Attack,
    }
    if not pointer:
        cls: type[model.Element] = model.ArgumentMap
    elif len(pointer) >= 3 and pointer[0] == "claims" and pointer[2] == "quote":
        cls = model.Quote
    else:
        cls = shape.get(str(pointer[0]), model.ArgumentMap)
    return {f.alias or name for name, f in cls.model_fields.items()}
