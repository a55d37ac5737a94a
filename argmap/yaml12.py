"""YAML 1.2: the one resolver of plain scalars, shared by every YAML reader and writer.

A map is YAML 1.2 read with the core schema: ``no``, ``on`` and ``1_000`` are strings, ``010``
is ten, ``0o17`` fifteen. Three places must agree on it, and all three ask this module:

- the located parser (:mod:`argmap.located_yaml`) resolves every plain scalar with :func:`resolve`;
- the fast reader (``yaml-rs``) resolves more plain scalars as numbers than the core schema
  does (``1_000``, ``_0``, ``0b11``, ``0X1F``): :func:`fast_reader_may_differ` finds the texts
  where that can happen, and those are read by the located parser instead;
- the writer quotes every string that a reader could take for something else
  (:func:`needs_quotes`), so a map written by argmap reads back the same in any YAML parser.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any


# Compiled when first used: the located parser and the writer resolve scalars, while a clean
# map read by the fast reader only asks :func:`fast_reader_may_differ`.
@functools.cache
def core_schema() -> list[tuple[re.Pattern[str], Callable[[str], Any]]]:
    """The core schema's plain scalars that are not strings, in the order YAML 1.2.2 lists
    them: each pattern, and what makes the value of a scalar it matches whole."""
    return [
        (re.compile(r"(?:~|null|Null|NULL|)"), lambda v: None),
        (re.compile(r"(?:true|True|TRUE)"), lambda v: True),
        (re.compile(r"(?:false|False|FALSE)"), lambda v: False),
        (re.compile(r"[-+]?[0-9]+"), int),
        (re.compile(r"0o[0-7]+"), lambda v: int(v[2:], 8)),
        (re.compile(r"0x[0-9a-fA-F]+"), lambda v: int(v[2:], 16)),
        (re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"), float),
        (re.compile(r"[-+]?\.(?:inf|Inf|INF)"), lambda v: float(v.replace(".", "", 1))),
        (re.compile(r"\.(?:nan|NaN|NAN)"), lambda v: float("nan")),
    ]


#: The first characters of every plain scalar that is not a string.
_NOT_STRING_START = frozenset("~nNtTfF-+0123456789.")


def resolve(plain: str) -> Any:
    """The value of a plain (unquoted, untagged) scalar under YAML 1.2's core schema.

    >>> [resolve(s) for s in ("010", "0o17", "1_000", "_0", "no", "~", "1e3", "0b11")]
    [10, 15, '1_000', '_0', 'no', None, 1000.0, '0b11']
    """
    if plain and plain[0] not in _NOT_STRING_START:
        return plain
    for pattern, convert in core_schema():
        if pattern.fullmatch(plain):
            return convert(plain)
    return plain


@functools.cache
def _other_readers() -> re.Pattern[str]:
    """Plain scalars other YAML readers take for numbers, booleans, nulls or dates although
    the core schema reads them as strings: YAML 1.1's booleans, underscores in numbers,
    binary, sexagesimal, upper-case prefixes and dates."""
    return re.compile(
        r"(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF"
        r"|[-+]?[0-9._]*_[0-9a-fA-F._]*"
        r"|[-+]?0[bBoOxX][0-9a-fA-F_]*"
        r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
        r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?"
        r"|=|<<)"
    )


def needs_quotes(text: str) -> bool:
    """Whether a string must be quoted to be read back as the same string.

    True when the core schema, or another common YAML reader, would read the plain scalar
    as something else.

    >>> [needs_quotes(s) for s in ("0e0", "_0", "yes", "1:20", "2024-01-01", "claim")]
    [True, True, True, True, True, False]
    """
    return not isinstance(resolve(text), str) or bool(_other_readers().fullmatch(text))


#: A plain token where the fast reader may resolve a number that the core schema reads as a
#: string: underscores among digits (``1_000``, ``_0``, ``1e5_``) and the prefixes ``0b``, ``0X``,
#: ``0O`` or a sign before one. Over-approximate: a match only costs a slower, exact parse.
_FAST_READER_DIFFERS = re.compile(r"[-+]?(?:[0-9.]*(?:[eE][-+]?[0-9]*)?_|0[bBoOxX])")

#: What a token of :data:`_FAST_READER_DIFFERS` can hold before its ``_`` or ``0``.
_TOKEN_HEAD = frozenset("-+0123456789.eE")

#: Where a token starts: after one of these, or at the start of the text.
_DELIMITERS = frozenset("[]{},")

#: The places such a token can be: an underscore, or a prefix such as ``0x``.
_CANDIDATE = re.compile(r"_|0[bBoOxX]")


def fast_reader_may_differ(text: str) -> bool:
    """Whether the fast reader could resolve a plain scalar of `text` unlike the core schema.

    Only the underscores and ``0x``-like prefixes of the text are looked at: matching the
    token pattern at every position took longer than parsing the file.

    >>> fast_reader_may_differ("claims:\\n  a: {text: _0}"), fast_reader_may_differ("a: 10")
    (True, False)
    >>> fast_reader_may_differ("a: snake_case x0x"), fast_reader_may_differ("[-0x1]")
    (False, True)
    """
    if "_" not in text and "0" not in text:
        return False
    for found in _CANDIDATE.finditer(text):
        start = found.start()
        while start > 0 and text[start - 1] in _TOKEN_HEAD:
            start -= 1
        if start > 0 and not (text[start - 1].isspace() or text[start - 1] in _DELIMITERS):
            continue  # inside a longer word: no token of its own starts here
        if _FAST_READER_DIFFERS.match(text, start):
            return True
    return False
