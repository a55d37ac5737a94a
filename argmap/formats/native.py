"""argmap's own format, YAML or JSON: read and written here.

Reading is two-speed. A clean map is parsed by ``yaml-rs`` (or ``json``), which is fast but
keeps no positions. When the fast parser may be wrong (aliases, which it cannot bound; plain
scalars it resolves unlike YAML 1.2's core schema, see :mod:`argmap.yaml12`) or
fails, the text is parsed by :mod:`argmap.located_yaml` from PyYAML's event stream, which gives
every node its line and column. Both give the same data for every document.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.formats.base import Parsed
from argmap.limits import Limits
from argmap.model import ArgumentMap, Origin, dump
from argmap.yaml12 import fast_reader_may_differ, needs_quotes

if TYPE_CHECKING:
    import yaml

#: An anchor (``&name``): an ``&`` at the start of the text or after a space or one of ``[{,:-``,
#: then a character of a name. The pattern starts with the ``&`` itself (the character before it
#: is looked at behind), so that a search skips from one ``&`` to the next: starting with the
#: alternative of what may precede it tried a match at every position (1 ms for 36 kB).
_ANCHOR = re.compile(r"&(?<![^\s\[{,:-]&)[^\s\[\]{},]")


def has_anchor(text: str) -> bool:
    """Whether a YAML text may define an anchor (an over-approximation: ``&x`` in a quoted
    string counts too).

    >>> [has_anchor(t) for t in ("&a", "x: &a 1", "- &a", "[&a]", "{k: &a}", "a:&a")]
    [True, True, True, True, True, True]
    >>> [has_anchor(t) for t in ("R&D", "a & b", "x: a&", "&", "&]")]
    [False, False, False, False, False]
    """
    return "&" in text and _ANCHOR.search(text) is not None


#: A comment that begins with no space after its ``#`` (``b #1``): the located parser tells
#: whether it cuts a text short (AM009); yaml-rs drops comments unseen. The pattern starts
#: with the ``#`` itself (what precedes it is looked at behind), so that a search skips from
#: one ``#`` to the next: starting with what precedes it tried a match at every character
#: (1.9 ms for the flagship's 36 kB, against 0.03 ms).
_HASHTAG = re.compile(r"#(?<=[ \t]#)[^\s#]")


def may_cut_text(text: str) -> bool:
    """Whether a YAML text may hold a plain text cut short by a comment (an over-approximation:
    ``"quoted #1"`` and a comment line ``  #1`` count too).

    >>> [may_cut_text(t) for t in ("a: b #1", "a: b # note", "a: b\\n# c", "a: '#1'")]
    [True, False, False, False]
    """
    return "#" in text and _HASHTAG.search(text) is not None


#: What :func:`parse_fast` returns when it cannot be sure of the data: parse with positions.
UNSURE = object()


class _Duplicate(Exception):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Duplicate
    return out


def read_yaml(text: str, path: str, limits: Limits) -> Parsed:
    """Read a map written in YAML 1.2.

    >>> read_yaml("claims: {a: {text: _0}}", "m.yaml", Limits()).data
    {'claims': {'a': {'text': '_0'}}}
    """
    return _read(Origin(path, text, "yaml"), limits)


def read_json(text: str, path: str, limits: Limits) -> Parsed:
    """Read a map written in JSON.

    >>> read_json('{"claims": {"a": {"text": "A"}}}', "m.json", Limits()).data
    {'claims': {'a': {'text': 'A'}}}
    """
    return _read(Origin(path, text, "json"), limits)


def parse(origin: Origin, limits: Limits) -> tuple[Any, list[Diagnostic]]:
    """The plain data of a YAML or JSON text (None on a syntax error), and its problems.

    >>> parse(Origin("m.json", '{"a": 1, "a": 2}', "json"), Limits())[1][0].code
    'AM005'
    """
    data, diags = parse_fast(origin)
    if data is UNSURE:
        from argmap.located_yaml import parse_located  # PyYAML: only for the texts that need it

        data, diags, _ = parse_located(origin, limits.max_nodes)
    return data, diags


def _read(origin: Origin, limits: Limits) -> Parsed:
    """The document's data; what is no map (a list, a mapping without `claims`) is for
    :func:`argmap.validate.validate` to say, like for every format."""
    data, diags = parse(origin, limits)
    if data is None and not diags:
        message = "the file holds nothing but comments, not an argument map"
        hint = "a map is a mapping with at least `claims:`; see docs/format.md"
        diags = [diagnostic("AM006", message, hint=hint, file=origin.path, line=1, column=1)]
    return Parsed(data, diags)


def parse_fast(origin: Origin) -> tuple[Any, list[Diagnostic]]:
    """Parse without positions, or return :data:`UNSURE` for the located parser to explain."""
    if origin.format == "json":
        import json  # here: a YAML map is read without it

        try:
            return json.loads(origin.text, object_pairs_hook=_unique_keys), []
        except _Duplicate:
            return UNSURE, []
        except json.JSONDecodeError as err:
            hint = "check brackets, commas and quotes near here"
            return None, [
                diagnostic(
                    "AM004",
                    f"JSON syntax error: {err.msg}",
                    hint=hint,
                    file=origin.path,
                    line=err.lineno,
                    column=err.colno,
                )
            ]
        except RecursionError:
            hint = "a map is a few levels deep"
            message = "the JSON is nested too deeply"
            return None, [
                diagnostic("AM006", message, hint=hint, file=origin.path, line=1, column=1)
            ]
    if may_cut_text(origin.text):
        return UNSURE, []
    if has_anchor(origin.text):
        # Aliases can multiply a document; only the located parser counts their expansion
        # against the limit (yaml-rs has fixed limits of its own).
        return UNSURE, []
    if fast_reader_may_differ(origin.text):
        return UNSURE, []
    try:
        return _yaml_rs().loads(origin.text, parse_datetime=False), []
    except Exception:
        return UNSURE, []


_PURGE_DELAY = "MIMALLOC_PURGE_DELAY"


def _yaml_rs() -> ModuleType:
    """yaml-rs, its allocator told to hand back the memory it frees at once.

    yaml-rs builds its own tree of a document, in the mimalloc linked into it, before making
    Python objects of it. mimalloc keeps freed pages until a later allocation of its own
    purges them, and none comes: a 100,000-claim map left 47 MiB held for the rest of the
    process, under everything argmap built next. mimalloc reads its options when the library
    loads; one the user set is left as it is.
    """
    if "yaml_rs" not in sys.modules and _PURGE_DELAY not in os.environ:
        os.environ[_PURGE_DELAY] = "0"
        try:
            import yaml_rs
        finally:
            del os.environ[_PURGE_DELAY]
    import yaml_rs

    return yaml_rs


#: Line breaks beyond LF and CR: PyYAML folds them in plain and single-quoted scalars (and
#: indents the next line), so a text holding one is written double-quoted, as an escape.
_OTHER_BREAKS = frozenset("\x85\u2028\u2029")


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "'" if needs_quotes(value) else None
    if not _OTHER_BREAKS.isdisjoint(value):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


@functools.cache
def _dumper() -> type[yaml.SafeDumper]:
    """PyYAML's safe dumper, quoting every string that a YAML reader could take for something
    else; made on first use, so that reading a map does without PyYAML."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    Dumper.add_representer(str, _string)
    return Dumper


def write_yaml(argmap: ArgumentMap) -> str:
    """The map as YAML, in the order of the format's fields, defaults left out.

    >>> m = ArgumentMap.model_validate({"title": "0e0", "claims": {"a": {"text": "_0"}}})
    >>> print(write_yaml(m), end="")
    title: '0e0'
    claims:
      a:
        text: '_0'
    """
    import yaml

    return yaml.dump(dump(argmap), Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=100)


def write_json(argmap: ArgumentMap) -> str:
    """The map as JSON, defaults left out."""
    import json

    return json.dumps(dump(argmap), ensure_ascii=False, indent=2) + "\n"
