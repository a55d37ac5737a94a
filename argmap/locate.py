"""Locate: turn diagnostics' pointers into lines and columns.

A clean map never comes here (see :mod:`argmap.read`). When there is something to report,
what points at an element's key is found by a scan of the text's key lines; anything else
is parsed again with positions (:mod:`argmap.located_yaml`, PyYAML's event stream): for a
few diagnostics in a block-style map only the elements concerned, else the whole text.
PyYAML is imported only then.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from argmap.diagnostics import Diagnostic, Pointer, Related
from argmap.limits import Limits
from argmap.model import Ends, Origin, Position, Positions

#: Diagnostics about a key (an id, a field name) point at the key; the rest at the value.
KEY_CODES = {"AM005", "AM101", "AM105", "AM107"}
#: Mappings whose keys are what is said (`dismissed: {question: reason}`): point at the key.
KEYED_FIELDS = {"dismissed"}

_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def yaml_lines(text: str) -> list[str]:
    r"""The lines of a text as YAML counts them (CR, CRLF, NEL and the Unicode separators
    break lines too), so that a parser's line numbers index them.

    >>> yaml_lines("a\r\nb\rc")
    ['a', 'b', 'c']
    """
    return _BREAK.split(text)


def spans_of(origin: Origin, pointers: list[Pointer] | None = None) -> tuple[Positions, Ends]:
    """The (key, value) positions of the nodes of a document and where they end, by pointer.

    Given a few `pointers` into a block-style YAML map, only the elements they lead to are
    parsed (found by a scan of the text); anything the scan is not sure of parses it all.
    A foreign format's reader gives positions without ends.
    """
    if origin.positions is not None:
        return origin.positions, {}
    from argmap.located_yaml import element_positions, parse_spans

    if pointers and len(pointers) <= MAX_TARGETED and origin.format == "yaml":
        found: Positions = {}
        found_ends: Ends = {}
        for pointer in pointers:
            element = element_positions(origin.text, pointer)
            if element is None:
                break
            found.update(element[0])
            found_ends.update(element[1])
        else:
            return found, found_ends
    _, _, positions, ends = parse_spans(origin, Limits.from_env().max_nodes)
    return positions, ends


#: Up to this many diagnostics are located by parsing only their elements.
MAX_TARGETED = 200


_TOP_LEVEL_LINE = re.compile(r"\n[^ \t\r\n#]")


def block_end(text: str, start: int, indent: str) -> int:
    """Where the block that goes on past `start` at deeper indentation than `indent` ends."""
    line_end = text.find("\n", start)
    if line_end < 0:
        return len(text)
    # from a line break, not from `^`: a search for a literal first character is fast; at
    # the top level, a line ends the block when it starts with neither a blank nor a `#`
    following = (
        re.compile(rf"\n(?![ \t]*(?:#|\r?$))(?!{re.escape(indent)}[ \t])", re.M)
        if indent
        else _TOP_LEVEL_LINE
    )
    match = following.search(text, line_end)
    return match.start() + 1 if match else len(text)


def locate(diags: list[Diagnostic], origin: Origin | None) -> list[Diagnostic]:
    """Fill in file, line and column of diagnostics from their pointers.

    The text is parsed with positions only when some diagnostic still needs one. Those that
    point at an element's key (AM314 at an inference, say) are placed by one scan of the
    keys of its section instead, when the map is laid out in block style. A map built in
    code has no `origin`: its diagnostics keep their pointers and nothing else.
    """
    if not diags or origin is None:
        return diags
    pending = [(d.pointer, d.code != "AM102" or d.at_key) for d in diags if not d.line]
    pending += [(r.pointer, d.code != "AM102") for d in diags for r in d.related if not r.line]
    # what is shown at an element's key (see _span): a pointer to an element, but for a
    # wrong value (AM102)
    keys = _element_keys(origin, [p for p, key in pending if len(p) == 2 and key])
    parsed = [p for p, key in pending if not (p in keys and key)]
    positions, ends = spans_of(origin, parsed) if parsed else ({}, {})
    for pointer, (start, end) in keys.items():
        if pointer not in positions:
            positions[pointer], ends[pointer] = (start, start), (end, (0, 0))
    return [_placed(d, origin.path, positions, ends) for d in diags]


def _placed(d: Diagnostic, path: str, positions: Positions, ends: Ends) -> Diagnostic:
    """The diagnostic with its file, its span and its related elements' spans filled in.

    Made whole rather than through :func:`dataclasses.replace`, which takes several times
    as long: a check with ``--questions`` places thousands of notes.
    """
    line, column, end_line, end_column = d.line, d.column, d.end_line, d.end_column
    if not line:
        line, column, end_line, end_column = _span(d.pointer, d.code, positions, ends, d.at_key)
    related = d.related
    if related:
        related = tuple(
            r if r.line else Related(r.pointer, *_span(r.pointer, d.code, positions, ends))
            for r in related
        )
    return Diagnostic(
        d.code,
        d.severity,
        d.message,
        d.hint,
        d.file or path,
        line,
        column,
        d.pointer,
        end_line,
        end_column,
        related,
        d.at_key,
    )


def _element_keys(
    origin: Origin, pointers: Sequence[Pointer]
) -> dict[Pointer, tuple[Position, Position]]:
    """Where the keys of these elements (``("inferences", "i")``) start and end, found by
    one scan of the key lines of each section they are in, without parsing.

    Only plain keys on lines of their own, in a block-style section of a YAML file whose
    lines end in LF or CRLF, are found; a section where a key is found twice (a line of a
    multi-line text that looks like a key) gives nothing, and what is not found is left to
    the parser.
    """
    if not pointers or origin.format != "yaml" or _odd_breaks(origin.text):
        return {}
    found: dict[Pointer, tuple[Position, Position]] = {}
    scanned: dict[str, dict[str, Position]] = {}
    for pointer in pointers:
        section, ident = pointer
        if pointer in found or not isinstance(section, str) or not isinstance(ident, str):
            continue
        if section not in scanned:
            scanned[section] = _section_keys(origin.text, section)
        place = scanned[section].get(ident)
        if place is not None:
            found[pointer] = (place, (place[0], place[1] + len(ident)))
    return found


def _odd_breaks(text: str) -> bool:
    """Whether the text breaks lines other than by LF and CRLF (CR alone, NEL, LS, PS),
    which YAML counts and a scan by lines would not. (Substring tests: a regular expression
    takes ten times as long on a large map.)"""
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return True
    return "\r" in text and text.count("\r") != text.count("\r\n")


def section_body(text: str, section: str) -> tuple[int, int] | None:
    """Where the body of a top-level section in block style starts (the end of its header
    line) and where it ends; None when there is no such section."""
    # found by substring, then matched: a search by pattern with re.M tries every position
    start = 0 if text.startswith(f"{section}:") else text.find(f"\n{section}:") + 1
    if start == 0 and not text.startswith(f"{section}:"):
        return None
    header = re.compile(rf"{re.escape(section)}:[ \t]*(?:#.*)?\r?$", re.M).match(text, start)
    if header is None:
        return None
    return header.end(), block_end(text, header.end(), "")


def _section_keys(text: str, section: str) -> dict[str, Position]:
    """The line and column of each plain key one level inside a block-style top-level
    section (none when the section is not laid out so, or a key comes twice)."""
    body = section_body(text, section)
    if body is None:
        return {}
    body_start, body_end = body
    first = re.compile(r"^( +)[^\s#-]", re.M).search(text, body_start, body_end)
    if first is None:
        return {}
    # an id as the model allows it (SLUG), plain, and followed by what ends a key; found
    # from the line break before it (a literal first character is searched for fast)
    key = re.compile(rf"\n{first.group(1)}([A-Za-z0-9][\w.-]*):(?=[ \t\r\n]|$)", re.A)
    keys: dict[str, Position] = {}
    line = text.count("\n", 0, body_start) + 2  # the line after the header's
    last = body_start
    for match in key.finditer(text, body_start, body_end):
        line += text.count("\n", last, match.start())
        last = match.start()
        ident = match.group(1)
        if ident in keys:
            return {}
        keys[ident] = (line, len(first.group(1)) + 1)
    return keys


def _span(
    pointer: Pointer, code: str, positions: Positions, ends: Ends, at_key: bool = False
) -> tuple[int, int, int, int]:
    """Line, column, end line and end column of what `pointer` leads to (end 0: unknown):
    its key or its value, as the `code` says, or its key when `at_key`.

    A pointer to something absent (a missing field) falls back to the nearest element that
    is there: its value, whole.
    """
    found = pointer
    while found and found not in positions:
        found = found[:-1]
    key_pos, value_pos = positions.get(found, ((1, 1), (1, 1)))
    # a wrong value (AM102) is shown where it is, even for a whole element
    at_key = found == pointer and (
        at_key
        or code in KEY_CODES
        or (len(found) <= 2 and code != "AM102")
        or (len(found) > 2 and str(found[-2]) in KEYED_FIELDS)
    )
    key_end, value_end = ends.get(found, ((0, 0), (0, 0)))
    start, end = (key_pos, key_end) if at_key else (value_pos, value_end)
    return (*start, *end)
