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
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

import yaml
from pydantic import ValidationError

from argmap.diagnostics import Diagnostic, Pointer, describe, diagnostic, sort_key
from argmap.model import ArgumentMap, Origin

#: Diagnostics about a key (an id, a field name) point at the key; the rest at the value.
KEY_CODES = {"AM005", "AM101", "AM105", "AM107"}

#: At most this many nodes once aliases are expanded: a guard against "billion laughs".
MAX_NODES = 5_000_000

Position = tuple[int, int]


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


def read_path(path: str | Path) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map file: the map (None when it cannot be built) and located diagnostics."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        reason = err.strerror or str(err)
        return None, [
            _at(
                diagnostic(
                    "AM001",
                    f"cannot read the file: {reason}",
                    hint="check the path and its permissions",
                ),
                name,
                0,
                0,
            )
        ]
    return read_bytes(raw, name)


def read_bytes(raw: bytes, name: str) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Decode and read a map given as bytes; `name` is used in diagnostics."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [
            _at(
                diagnostic(
                    "AM002",
                    f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
                    hint="save the file as UTF-8 (most editors: 'Save with encoding')",
                ),
                name,
                line,
                column,
            )
        ]
    return read_text(text, name)


def read_text(text: str, name: str = "<map>") -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map from its text (YAML, or JSON when `name` ends in ``.json``)."""
    if not text.strip():
        return None, [
            _at(
                diagnostic("AM003", "the file is empty", hint="a map needs at least `claims:`"),
                name,
                1,
                1,
            )
        ]
    origin = Origin(path=name, text=text, format="json" if name.endswith(".json") else "yaml")
    with _gc_paused():
        data, diags = _parse_fast(origin)
        if data is None:
            data, diags = _parse_located(origin)
        if data is None:
            return None, locate(diags, origin)
        argmap, more = build_model(data)
    diags += more
    if argmap is not None:
        argmap._origin = origin
    return argmap, sorted(locate(diags, origin), key=sort_key)


# ---------------------------------------------------------------------------------------
# Parsing


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Building millions of small objects triggers the cyclic collector over and over;
    # none of them are garbage yet, so it only costs time (3.5 s instead of 8.5 s at 100k).
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse_fast(origin: Origin) -> tuple[Any, list[Diagnostic]]:
    """Parse without positions; None when the text has a problem to locate."""
    if origin.format == "json":
        try:
            return json.loads(origin.text), []
        except json.JSONDecodeError as err:
            return None, [
                _at(
                    diagnostic(
                        "AM004",
                        f"JSON syntax error: {err.msg}",
                        hint="check brackets, commas and quotes near here",
                    ),
                    origin.path,
                    err.lineno,
                    err.colno,
                )
            ]
        except RecursionError:
            return None, [
                _at(
                    diagnostic(
                        "AM006", "the JSON is nested too deeply", hint="a map is a few levels deep"
                    ),
                    origin.path,
                    1,
                    1,
                )
            ]
    import yaml_rs

    try:
        return yaml_rs.loads(origin.text, parse_datetime=False), []
    except Exception:
        return None, []


class _Loader12(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """PyYAML's loader with the YAML 1.2 core schema, as yaml-rs reads it."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}


for _tag, _pattern, _first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _Loader12.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))


def _scalar(node: yaml.ScalarNode) -> Any:
    value, tag = node.value, node.tag
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return value.lower() == "true"
    if tag.endswith(":int"):
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if tag.endswith(":float"):
        low = value.lower()
        return float(low.replace(".inf", "inf").replace(".nan", "nan"))
    return value


def _compose(origin: Origin) -> tuple[yaml.Node | None, list[Diagnostic]]:
    try:
        return yaml.compose(origin.text, Loader=_Loader12), []
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "invalid YAML"
        if err.context and err.context_mark and err.problem:
            start = err.context_mark
            problem += f" ({err.context}, which starts at {start.line + 1}:{start.column + 1})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [
            _at(
                diagnostic("AM004", f"YAML syntax error: {problem}", hint=_syntax_hint(problem)),
                origin.path,
                line,
                column,
            )
        ]
    except yaml.YAMLError as err:
        return None, [
            _at(
                diagnostic(
                    "AM004", f"YAML syntax error: {err}", hint="check the indentation and quoting"
                ),
                origin.path,
                1,
                1,
            )
        ]
    except RecursionError:
        return None, [
            _at(
                diagnostic(
                    "AM006", "the YAML is nested too deeply", hint="a map is a few levels deep"
                ),
                origin.path,
                1,
                1,
            )
        ]


def _syntax_hint(problem: str) -> str:
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "mapping values" in problem:
        return "a text containing ': ' must be quoted"
    return "check the indentation and quoting on this line and the one before"


def _walk(
    root: yaml.Node,
) -> tuple[Any, dict[Pointer, tuple[Position, Position]], list[Diagnostic]]:
    """Plain data from a node tree, the position of every node, and duplicate keys."""
    positions: dict[Pointer, tuple[Position, Position]] = {}
    diags: list[Diagnostic] = []
    budget = [MAX_NODES]

    def pos(node: yaml.Node) -> Position:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def walk(node: yaml.Node, pointer: Pointer, key_pos: Position) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise OverflowError
        positions[pointer] = (key_pos, pos(node))
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = (
                    _scalar(key_node)
                    if isinstance(key_node, yaml.ScalarNode)
                    else str(key_node.value)
                )
                if key in out:
                    diags.append(
                        replace(
                            diagnostic(
                                "AM005",
                                f"duplicate key `{key}`",
                                hint="each key may appear once in a mapping; otherwise the "
                                "later value would silently win: merge or rename them",
                            ),
                            pointer=(*pointer, key),
                            line=pos(key_node)[0],
                            column=pos(key_node)[1],
                        )
                    )
                    continue
                out[key] = walk(value_node, (*pointer, key), pos(key_node))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [walk(item, (*pointer, i), pos(item)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return _scalar(node)

    data = walk(root, (), (1, 1))
    return data, positions, diags


def _parse_located(origin: Origin) -> tuple[Any, list[Diagnostic]]:
    root, diags = _compose(origin)
    if root is None:
        return None, diags
    try:
        data, _, diags = _walk(root)
    except (OverflowError, RecursionError):
        return None, [
            _at(
                diagnostic(
                    "AM006",
                    f"the document expands to more than {MAX_NODES:,} nodes",
                    hint="aliases (*name) that repeat large parts are not allowed",
                ),
                origin.path,
                1,
                1,
            )
        ]
    return data, diags


def positions_of(origin: Origin) -> dict[Pointer, tuple[Position, Position]]:
    """The (key, value) position of every node of a document, by pointer."""
    root, _ = _compose(origin)
    if root is None:
        return {}
    try:
        return _walk(root)[1]
    except (OverflowError, RecursionError):
        return {}


def locate(diags: list[Diagnostic], origin: Origin) -> list[Diagnostic]:
    """Fill in file, line and column of diagnostics from their pointers.

    The text is parsed with positions only when some diagnostic still needs one.
    """
    if not diags:
        return diags
    pending = [d for d in diags if not d.line]
    positions = positions_of(origin) if pending else {}
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


def _at(d: Diagnostic, file: str, line: int, column: int) -> Diagnostic:
    return replace(d, file=file, line=line, column=column)


# ---------------------------------------------------------------------------------------
# Model


def build_model(data: Any) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Validate plain data into an ArgumentMap; each validation error becomes a diagnostic."""
    if not isinstance(data, dict) or "claims" not in data:
        what = "a mapping without `claims`" if isinstance(data, dict) else f"a {_kind(data)}"
        return None, [
            diagnostic(
                "AM006",
                f"this is {what}, not an argument map",
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
