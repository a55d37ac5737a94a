"""Read: text -> ArgumentMap plus located diagnostics.

Reading is two-speed. A clean map is parsed by ``yaml-rs`` (or ``json``), which is fast but
keeps no positions. Only when there is something to report is the text parsed again by
:mod:`argmap.locate`, from PyYAML's event stream, which gives every node its line and column
and turns each diagnostic's pointer into a position. Both parsers read YAML 1.2 (``no`` and
``on`` are strings, ``010`` is ten), so both see the same data. Foreign formats are read by
their modules in :mod:`argmap.formats`, chosen here.
"""

from __future__ import annotations

import difflib
import gc
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from argmap.diagnostics import Diagnostic, Pointer, describe, diagnostic, sort_key
from argmap.limits import Limits
from argmap.locate import locate, parse_located
from argmap.model import ArgumentMap, Origin

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
        allowed = sorted(_fields_at(pointer[:-1]))
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
            f"invalid id `{error['input']}` in {where}",
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


def _fields_at(pointer: Pointer) -> set[str]:
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
