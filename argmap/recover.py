"""Recover: what can still be checked in a YAML map with a syntax error.

A syntax error stops the parser, and with it every other check: an author fixing a map
learnt of one mistake a run. Here the broken part is left out instead: the element (a claim,
an inference, an attack, ...) where the error lies is blanked, line for line so that every
other line keeps its number, and the rest is parsed again, validated and checked like any
map. A second syntax error elsewhere is reported and its element left out too.

What is reported from the rest must not be caused by the part left out: a reference to an
id that element may have declared, and the warnings that a missing element can bring about
(a claim used nowhere, a map in pieces, no main conclusion, a source never cited) are not
reported. The map itself stays unread: the caller returns no map, only diagnostics.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from argmap.diagnostics import Diagnostic, Pointer, Severity, describe
from argmap.limits import Limits
from argmap.locate import yaml_lines
from argmap.model import Origin

#: Warnings about what a map lacks, which the left-out part may have supplied.
ABSENCE = frozenset({"AM301", "AM302", "AM305", "AM306"})

#: Errors of shape: the element is left out, and the rest checked.
SHAPE = frozenset({"AM101", "AM102", "AM103", "AM104", "AM105", "AM108"})

#: Rounds of leaving out a broken element before giving up.
MAX_ROUNDS = 20

_LOADER = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
_KEY = re.compile(r"""\s*([^\s#'"{}\[\],&*!|>%@`-][^:#]*?)\s*:(?:\s|$)""")


@dataclass
class LeftOut:
    """What has been blanked: the lines, the sections whose ids are unknown, the ids, and
    the list items (section, index in the original list)."""

    lines: set[int] = field(default_factory=set)
    touched: set[str] = field(default_factory=set)
    sections: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    items: list[tuple[str, int]] = field(default_factory=list)


def rest(origin: Origin, limits: Limits, diags: Sequence[Diagnostic] = ()) -> list[Diagnostic]:
    r"""What else is wrong with a YAML map whose `diags` (from reading it) stop the checks.

    The elements holding a syntax error, or an error of shape (:data:`SHAPE`), are left out
    and the rest read again, until it reads clean; then it is checked. The diagnostics found
    on the way are returned, less those of `diags` and those the part left out may cause.

    >>> text = "claims:\n  a: {text: A\n  b: {text: B, by: x}\n"
    >>> [(d.code, d.line) for d in rest(Origin("m.yaml", text), Limits())]  # no `diags`
    [('AM004', 2), ('AM106', 3)]
    """
    from argmap.finish import finish
    from argmap.formats.base import Parsed
    from argmap.formats.native import parse

    original = yaml_lines(origin.text)  # joined again with LF: lines keep their numbers
    lines = list(original)
    left = LeftOut()
    found: list[Diagnostic] = []
    for _ in range(MAX_ROUNDS):
        blanked = origin._replace(text="\n".join(lines), positions=None)
        data, parsed = parse(blanked, limits)
        if data is None:
            if not any(d.code == "AM004" for d in parsed):
                break
            found += parsed
            broken = _broken_line(lines)
            if broken is None or not _leave_out(lines, original, [broken], left):
                break
            continue
        data = _drop_emptied(data, left)
        if not (isinstance(data, dict) and isinstance(data.get("claims"), dict)):
            break
        argmap, more = finish(Parsed(data, parsed), blanked, limits)
        if argmap is not None:
            from argmap import checked  # the checks of a whole map, run on what is left

            more += checked(argmap)[0]
        found += _renumber([d for d in more if _trustworthy(d, data, left)], left)
        if argmap is not None:
            break
        # Leave out the elements with errors of shape, or else those whose only fault is to
        # name what was left out, and read the rest again.
        errors = [d for d in more if d.severity is Severity.ERROR and d.line > 0]
        # with the other elements an error is about (an element left without its fields)
        shape = {at for d in errors if d.code in SHAPE for at in _lines_of(d, lines)}
        if not shape and not any(_trustworthy(d, data, left) for d in errors):
            shape = {d.line - 1 for d in errors}
        shape = {i for i in shape if lines[i : i + 1] != [""]}
        if not shape or not _leave_out(lines, original, shape, left):
            break
    reported = set(diags)
    return list(dict.fromkeys(d for d in found if d not in reported))


def _lines_of(d: Diagnostic, lines: list[str]) -> list[int]:
    """The lines (from 0) to leave out for a diagnostic: its own and those of the other
    elements it is about; for one about a whole section (`attacks` not a list), the section's
    header, so that the section is left out at once rather than an element a round."""
    if len(d.pointer) == 1:
        name = str(d.pointer[0])
        headers = (i for i, line in enumerate(lines) if _is_header(line))
        header = next((i for i in headers if lines[i].split(":", 1)[0].strip() == name), None)
        if header is not None:
            return [header]
    return [d.line - 1, *(r.line - 1 for r in d.related if r.line)]


def _broken_line(lines: list[str]) -> int | None:
    """The line (from 0) where the first syntax error's construct lies, None if it parses.

    An unclosed quote or bracket is found where the parser gives up, far from its cause:
    the construct's start is taken instead.
    """
    try:
        for _ in yaml.parse("\n".join(lines), Loader=_LOADER):
            pass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        context = err.context or ""
        if err.context_mark is not None and ("quoted" in context or "flow" in context):
            mark = err.context_mark
        return mark.line if mark is not None else None
    except yaml.YAMLError:
        return None
    return None


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _leave_out(lines: list[str], original: list[str], broken: Iterable[int], left: LeftOut) -> bool:
    """Blank the elements of top-level sections that hold the `broken` lines; False when
    one is not in a section (flow style, an error above the first section).

    The sections are read once for all the lines, so that leaving out many elements takes
    time in proportion to the map, not to the map times the elements.
    """
    headers = [i for i, line in enumerate(lines) if _is_header(line)]
    wanted: dict[int, list[int]] = {}  # by section header, the broken lines in it
    for line in broken:
        at = bisect.bisect_right(headers, min(line, len(lines) - 1)) - 1
        if at < 0:
            return False
        wanted.setdefault(headers[at], []).append(line)
    for header, inside in wanted.items():
        at = headers.index(header)
        end = headers[at + 1] if at + 1 < len(headers) else len(lines)
        _leave_out_of_section(lines, original, header, end, sorted(inside), left)
    return True


def _leave_out_of_section(
    lines: list[str], original: list[str], header: int, end: int, broken: list[int], left: LeftOut
) -> None:
    """Blank the elements of the section `header`..`end` that hold the `broken` lines (the
    whole section when one is its header or it has no elements)."""
    name = lines[header].split(":", 1)[0].strip()
    left.touched.add(name)
    children = [i for i in range(header + 1, end) if _content(lines[i])]
    if not children or broken[0] == header or broken[-1] >= end:
        _blank(lines, range(header, end), left, section=name)
        return
    depth = _indent(lines[children[0]])
    # an element starts at the section's indentation, in spaces: a line indented with a
    # tab (itself a syntax error) belongs to the element above it
    tops = [i for i in children if _indent(lines[i]) <= depth and lines[i][:1] != "\t"]
    if not tops:
        _blank(lines, range(header, end), left, section=name)
        return
    items = [i for i in range(header + 1, end) if _item_at(original[i], depth)]
    starts = dict.fromkeys(tops[max(bisect.bisect_right(tops, b) - 1, 0)] for b in broken)
    for start in starts:
        at = bisect.bisect_right(tops, start)
        stop = tops[at] if at < len(tops) else end
        first = lines[start].strip()
        if first.startswith("-"):
            # numbered as in the file: items left out before are counted too
            left.items.append((name, bisect.bisect_left(items, start)))
        elif (key := _KEY.match(first)) is not None:
            left.ids.add(key.group(1))
            # and any element indented too far into it: a key with its fields under it
            left.ids.update(_headed_keys(lines[start + 1 : stop]))
        else:
            left.sections.add(name)
        _blank(lines, range(start, stop), left)


def _headed_keys(lines: list[str]) -> Iterator[str]:
    """The keys of lines that hold only a key (what is under them is their value)."""
    for line in lines:
        key = _KEY.match(line)
        if key is not None and not line[key.end() :].strip():
            yield key.group(1)


def _item_at(line: str, depth: int) -> bool:
    return _indent(line) == depth and line.lstrip(" ").startswith("-")


def _is_header(line: str) -> bool:
    return bool(line) and not line[0].isspace() and line[0] not in "#-" and ":" in line


def _blank(lines: list[str], span: range, left: LeftOut, section: str | None = None) -> bool:
    if section is not None:
        left.sections.add(section)
    for i in span:
        lines[i] = ""
        left.lines.add(i + 1)
    return True


def _drop_emptied(data: Any, left: LeftOut) -> Any:
    """A section whose every element was left out reads as null: it is left out too."""
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if v is not None or k not in left.touched}
    return data


def _at(data: Any, pointer: Pointer) -> Any:
    for part in pointer:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _trustworthy(d: Diagnostic, data: Any, left: LeftOut) -> bool:
    """Whether a diagnostic of the rest cannot have been caused by the part left out."""
    if d.code in ABSENCE:
        return False
    if d.code == "AM106":
        target = _at(data, d.pointer)
        return not left.sections and target not in left.ids
    return True


def _renumber(diags: list[Diagnostic], left: LeftOut) -> list[Diagnostic]:
    """Items of a list after one left out are numbered as in the file, not as in the rest."""
    gone: dict[str, list[int]] = {}
    for section, index in left.items:
        gone.setdefault(section, []).append(index)
    for indices in gone.values():
        indices.sort()
    out = []
    for d in diags:
        pointer = d.pointer
        if len(pointer) >= 2 and isinstance(pointer[1], int):
            section = str(pointer[0])
            index = _in_file(pointer[1], gone.get(section, []))
            if index != pointer[1]:
                new = (section, index, *pointer[2:])
                message = d.message.replace(describe(pointer[:2]), describe(new[:2]))
                d = replace(d, pointer=new, message=message)
        out.append(d)
    return out


def _in_file(index: int, gone: list[int]) -> int:
    """The number in the file of the item `index` of the rest, when the items `gone` (sorted
    numbers in the file) were left out: the `index`-th number not among them.

    >>> _in_file(0, [0, 1]), _in_file(2, [1, 3]), _in_file(1, [])
    (2, 4, 1)
    """
    low, high = index, index + len(gone)
    while low < high:  # the least number with index + 1 numbers kept up to it
        mid = (low + high) // 2
        if mid + 1 - bisect.bisect_right(gone, mid) >= index + 1:
            high = mid
        else:
            low = mid + 1
    return low
