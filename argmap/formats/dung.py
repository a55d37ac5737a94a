"""Abstract argumentation frameworks -> argument maps of claims and attacks.

Three line formats, told apart by their content (so the file's extension does not matter):

- ASPARTIX (``.apx``): ``arg(a).`` declares an argument, ``att(a,b).`` says a attacks b;
  ``%`` starts a comment.
- Trivial Graph Format (``.tgf``): one argument a line (``a`` or ``a label``), a line ``#``,
  then one attack a line (``a b``).
- ICCMA 2023 (``.af``, ``.i23``): ``p af N`` declares the arguments 1 to N, then each line
  ``i j`` says i attacks j; lines starting with ``#`` are comments.

Each argument becomes a claim whose text is its name, each attack an attack. No claim is
concluded by an inference, so every claim is assumed and :func:`argmap.evaluate` gives Dung's
grounded labelling.

A file of 13 bytes (``p af 3000000``) can declare millions of arguments, so the reader first
counts what a file declares, building nothing, and refuses past ``limits.max_elements``
(AM008) at the line that passes it: every line that declares an argument or an attack
counts, an argument declared twice twice. Names are measured before they are copied out of
the text. Lines end at ``\\n``; a ``\\r`` before it is white space.

:func:`framework` reads a clean file straight into integer pairs, for
:func:`argmap.evaluate.framework.evaluate_framework`: no map, no positions, no graph. It
gives up (None) at the first line its one pass does not take as it is, and the file is then
read by :func:`read`, whose diagnostics say what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar, get_args

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.formats.base import Parsed
from argmap.limits import Limits
from argmap.memory import gc_paused
from argmap.model import SLUG_RE, Id, Positions

#: The longest argmap id (the ``max_length`` of :data:`argmap.model.Id`).
MAX_ID: int = get_args(Id)[1].max_length

#: White space within a line, and an argmap id (:data:`argmap.model.SLUG`, at most MAX_ID
#: characters) as the readers' fast branches take them.
_S = r"[^\S\n]*"
_ID = rf"[A-Za-z0-9][A-Za-z0-9_.-]{{0,{MAX_ID - 1}}}"

#: Each format's lines that may declare something, in one pass over the whole text: blank
#: lines and comments (ASPARTIX ``%``, ICCMA ``#`` in the first column, the TGF ``#`` line)
#: are skipped without a Python step. The first branch is a plain, well-formed line, its
#: names captured; any other line is group ``rest``. Every match is one whole line, up to its
#: ``\n``, which the format's ``_statement`` function reads slowly, or explains, when the fast
#: branch did not give its names. The fast branch only saves time: the slow reading gives the
#: same result.
_LINES = {
    "apx": re.compile(
        rf"^{_S}(?:arg\({_S}(?P<arg>{_ID}){_S}\)|att\({_S}(?P<u>{_ID}){_S},{_S}(?P<v>{_ID}){_S}\))"
        rf"{_S}\.{_S}(?:%[^\n]*)?$|^{_S}(?P<rest>[^\s%][^\n]*)",
        re.MULTILINE,
    ),
    "tgf": re.compile(
        rf"^{_S}(?P<u>{_ID})(?:[^\S\n]+(?P<v>{_ID}))?(?:[^\S\n][^\n]*)?$"
        rf"|^{_S}(?!#{_S}$)(?P<rest>\S[^\n]*)",
        re.MULTILINE,
    ),
    "iccma": re.compile(
        rf"^(?!#){_S}(?P<u>[0-9]{{1,20}})[^\S\n]+(?P<v>[0-9]{{1,20}}){_S}$"
        rf"|^(?!#){_S}(?P<rest>\S[^\n]*)",
        re.MULTILINE,
    ),
}
#: The first line that tells the formats apart (ASPARTIX and ICCMA comments skipped).
_FIRST = re.compile(r"^[^\S\n]*([^\s%#])", re.MULTILINE)
_TGF_SEPARATOR = re.compile(rf"^{_S}#{_S}$", re.MULTILINE)
_APX = re.compile(r"\s*(arg|att)\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*(?:%.*)?")
#: Up to three fields of a TGF or ICCMA line (the third only to tell that there is one).
_FIELDS = re.compile(r"[^\S\n]*(\S+)(?:[^\S\n]+(\S+))?(?:[^\S\n]+(\S))?")
_HEADER = re.compile(r"p[^\S\n]+af[^\S\n]+0*([0-9]+)[^\S\n]*")

#: The arguments (name -> line), the attacks (attacker, target, line) and the problems.
Lines = tuple[dict[str, int], list[tuple[str, str, int]], list[Diagnostic]]


def _flavour(text: str) -> str:
    """``apx``, ``tgf`` or ``iccma``, by the first line that is not blank or a comment."""
    first = _FIRST.search(text)
    if first is not None:
        if text.startswith("p af", first.start(1)):
            return "iccma"
        if text.startswith(("arg(", "att("), first.start(1)):
            return "apx"
    return "tgf"


def read(text: str, path: str, limits: Limits) -> Parsed:
    """Read a framework: a map's data of claims and attacks, or None and located diagnostics.

    >>> parsed = read("arg(a).\\narg(b).\\natt(a,b).\\n", "af.apx", Limits())
    >>> parsed.data["claims"], parsed.data["attacks"], parsed.diagnostics
    ({'a': {'text': 'a'}, 'b': {'text': 'b'}}, [{'from': 'a', 'to': 'b'}], [])
    >>> read("p af 2\\n1 2\\n", "af.af", Limits()).data["attacks"]
    [{'from': '1', 'to': '2'}]
    >>> [d.code for d in read("p af 3000000\\n", "big.af", Limits()).diagnostics]
    ['AM008']
    """
    parse = {"apx": _apx, "tgf": _tgf, "iccma": _iccma}[_flavour(text)]
    with gc_paused():  # hundreds of thousands of objects, none of them garbage
        arguments, attacks, diags = parse(text, path, limits)
        if diags:
            return Parsed(None, diags)
        data: dict[str, Any] = {
            "claims": {name: {"text": name} for name in arguments},
            "attacks": [{"from": u, "to": v} for u, v, _ in attacks],
        }
        positions: Positions = {}
        for ident, line in arguments.items():
            where = (line, 1)
            positions["claims", ident] = (where, where)
        for k, (_, _, line) in enumerate(attacks):
            where = (line, 1)
            positions["attacks", k] = (where, where)
    return Parsed(data, [], positions)


def _problem(code: str, message: str, hint: str, path: str, line: int) -> Diagnostic:
    return diagnostic(code, message, hint=hint, file=path, line=line, column=1)


def _shown(text: str, start: int, end: int, width: int = 60) -> str:
    """At most `width` characters of ``text[start:end]``, for a message."""
    cut = text[start : min(end, start + width)].strip()
    return cut + "…" if end - start > width else cut


def _statements(text: str, flavour: str, start: int = 0) -> Iterator[tuple[int, re.Match[str]]]:
    """(line number, match of :data:`_LINES`) of each line from `start` that may declare
    something."""
    number, counted = 1 + text.count("\n", 0, start), start
    for match in _LINES[flavour].finditer(text, start):
        here = match.start()
        number += text.count("\n", counted, here)
        counted = here
        yield number, match


def _too_many(
    text: str, flavour: str, path: str, limits: Limits, start: int = 0, declared: int = 0
) -> Diagnostic | None:
    """AM008 at the line that declares one element more than the limit, counting from
    `start` with `declared` elements declared already; None when the file is within it.

    The lines are only counted: nothing is kept, so a file far past the limit costs no memory.
    """
    budget = limits.max_elements - declared
    if text.count("\n", start) < budget:  # fewer lines than the budget: nothing to count
        return None
    past = next(islice(_LINES[flavour].finditer(text, start), budget, None), None)
    if past is None:
        return None
    return _problem(
        "AM008",
        f"the framework declares more than {limits.max_elements:,} arguments and attacks "
        "(the limit on a map's claims, inferences and attacks); the first past the limit is "
        "on this line",
        "split the framework, or raise the limit with ARGMAP_MAX_ELEMENTS",
        path,
        1 + text.count("\n", 0, past.start()),
    )


def _name(text: str, start: int, end: int, path: str, line: int) -> str | Diagnostic:
    """The name at ``text[start:end]``, or why it cannot be an argmap id; measured before
    it is copied out of the text."""
    if end - start > MAX_ID:
        return _problem(
            "AM520",
            f"an argument name of {end - start:,} characters (`{_shown(text, start, end, 40)}`): "
            f"an argmap id has at most {MAX_ID}",
            "shorten the name",
            path,
            line,
        )
    name = text[start:end]
    if SLUG_RE.match(name):
        return name
    return _problem(
        "AM520",
        f"argument name `{name}` is not an argmap id",
        "names are letters, digits, '-', '_' and '.', starting with a letter or digit",
        path,
        line,
    )


def _names(
    text: str, spans: list[tuple[int, int]], path: str, line: int, diags: list[Diagnostic]
) -> tuple[str, ...]:
    """The names at `spans`, or () with their problems added to `diags`."""
    names = [_name(text, start, end, path, line) for start, end in spans]
    problems = [name for name in names if isinstance(name, Diagnostic)]
    diags += problems
    return () if problems else tuple(str(name) for name in names)


def _declare(
    arguments: dict[str, int],
    name: str,
    line: int,
    path: str,
    limits: Limits,
    diags: list[Diagnostic],
) -> None:
    """Declare an argument at `line` (its first declaration counts); AM108 when its name,
    which becomes its claim's text, is longer than ``limits.max_text`` (declared all the same,
    so that the attacks naming it are not reported too)."""
    arguments.setdefault(name, line)
    if len(name) <= limits.max_text:
        return
    diags.append(
        _problem(
            "AM108",
            f"an argument name of {len(name):,} characters, which becomes its claim's text: "
            f"more than the limit of {limits.max_text:,}",
            "shorten the name, or raise the limit with ARGMAP_MAX_TEXT",
            path,
            line,
        )
    )


def _resolve(
    arguments: dict[str, int], pairs: list[tuple[str, str, int]], path: str
) -> tuple[list[tuple[str, str, int]], list[Diagnostic]]:
    """The attacks with each name replaced by the declared one, and undeclared names.

    The graph's adjacency then holds the very string objects that key the claims, so the
    evaluation's dictionary look-ups compare pointers instead of strings.
    """
    declared = {name: name for name in arguments}.get
    attacks: list[tuple[str, str, int]] = []
    diags: list[Diagnostic] = []
    add = attacks.append
    for u, v, line in pairs:
        attacker, target = declared(u), declared(v)
        if attacker is not None and target is not None:
            add((attacker, target, line))
        else:
            missing = u if attacker is None else v
            diags.append(
                _problem(
                    "AM521",
                    f"an attack names `{missing}`, which is not declared as an argument",
                    "declare every argument an attack names",
                    path,
                    line,
                )
            )
    return attacks, diags


def _apx(text: str, path: str, limits: Limits) -> Lines:
    problem = _too_many(text, "apx", path, limits)
    if problem is not None:
        return {}, [], [problem]
    arguments: dict[str, int] = {}
    pairs: list[tuple[str, str, int]] = []
    diags: list[Diagnostic] = []
    for number, match in _statements(text, "apx"):
        arg, u, v = match.group("arg", "u", "v")
        if arg is not None:
            names: tuple[str, ...] = (arg,)
        elif u is not None:
            names = (u, v)
        else:
            names = _apx_statement(text, *match.span(), path, number, diags)
        if len(names) == 2:
            pairs.append((names[0], names[1], number))
        elif names:
            _declare(arguments, names[0], number, path, limits, diags)
    attacks, more = _resolve(arguments, pairs, path)
    return arguments, attacks, diags + more


def _apx_statement(
    text: str, start: int, end: int, path: str, line: int, diags: list[Diagnostic]
) -> tuple[str, ...]:
    """The names of an ASPARTIX line (one declared, or two attacking), or () with its
    problems added to `diags`."""
    match = _APX.fullmatch(text, start, end)
    if match is None or (match[1] == "att") != (match.start(3) >= 0):
        diags.append(
            _problem(
                "AM520",
                f"not an ASPARTIX statement: `{_shown(text, start, end)}`",
                "write `arg(a).` or `att(a,b).`, one a line",
                path,
                line,
            )
        )
        return ()
    return _names(text, [match.span(k) for k in (2, 3) if match.start(k) >= 0], path, line, diags)


def _tgf(text: str, path: str, limits: Limits) -> Lines:
    problem = _too_many(text, "tgf", path, limits)
    if problem is not None:
        return {}, [], [problem]
    separator = _TGF_SEPARATOR.search(text)
    edges_from = len(text) if separator is None else separator.start()
    arguments: dict[str, int] = {}
    pairs: list[tuple[str, str, int]] = []
    diags: list[Diagnostic] = []
    for number, match in _statements(text, "tgf"):
        edge = match.start() > edges_from
        u, v = match.group("u", "v")
        if u is not None and not edge:
            names: tuple[str, ...] = (u,)
        elif u is not None and v is not None:
            names = (u, v)
        else:
            names = _tgf_statement(text, *match.span(), edge, path, number, diags)
        if edge and names:
            pairs.append((names[0], names[1], number))
        elif names:
            _declare(arguments, names[0], number, path, limits, diags)
    attacks, more = _resolve(arguments, pairs, path)
    return arguments, attacks, diags + more


def _tgf_statement(
    text: str, start: int, end: int, edge: bool, path: str, line: int, diags: list[Diagnostic]
) -> tuple[str, ...]:
    """The names of a TGF line (an argument, or an attack's two after the ``#`` line), or ()
    with its problems added to `diags`."""
    fields = _FIELDS.match(text, start, end)
    if fields is None or (edge and fields.start(2) < 0):
        diags.append(
            _problem(
                "AM520",
                f"not a TGF edge: `{_shown(text, start, end)}`",
                "after the `#` line, each line is `attacker target`",
                path,
                line,
            )
        )
        return ()
    return _names(text, [fields.span(k) for k in ((1, 2) if edge else (1,))], path, line, diags)


def _header(text: str, path: str, limits: Limits) -> tuple[int, int, int] | Diagnostic:
    """The number of arguments an ICCMA file's ``p af N`` declares, where that line ends and
    its number; or why the file has no such header within the limits."""
    first = _LINES["iccma"].search(text)
    start, end = first.span() if first is not None else (0, 0)
    line = 1 + text.count("\n", 0, start)
    rest = first.start("rest") if first is not None else -1  # -1: no line, or an attack
    header = _HEADER.fullmatch(text, rest, end) if rest >= 0 else None
    if header is None:
        hint = "the first line that is not a comment is `p af N`, N the number of arguments"
        return _problem("AM520", "no `p af N` header", hint, path, line)
    digits = header.end(1) - header.start(1)
    size = int(header[1]) if digits <= len(str(limits.max_elements)) else limits.max_elements + 1
    if size > limits.max_elements:
        message = (
            f"`p af {_shown(text, *header.span(1), 20)}` declares more arguments than the "
            f"limit of {limits.max_elements:,} claims, inferences and attacks"
        )
        hint = "split the framework, or raise the limit with ARGMAP_MAX_ELEMENTS"
        return _problem("AM008", message, hint, path, line)
    return size, end, line


def _iccma(text: str, path: str, limits: Limits) -> Lines:
    header = _header(text, path, limits)
    if isinstance(header, Diagnostic):
        return {}, [], [header]
    size, end, line = header
    problem = _too_many(text, "iccma", path, limits, end, size)
    if problem is not None:
        return {}, [], [problem]
    arguments = {str(i): line for i in range(1, size + 1)}
    pairs: list[tuple[str, str, int]] = []
    diags: list[Diagnostic] = []
    for number, match in _statements(text, "iccma", end):
        u, v = match.group("u", "v")
        if u is None:
            names = _iccma_statement(text, *match.span(), path, number, diags)
            if not names:
                continue
            u, v = names
        pairs.append((u, v, number))
    attacks, more = _resolve(arguments, pairs, path)
    return arguments, attacks, diags + more


def _iccma_statement(
    text: str, start: int, end: int, path: str, line: int, diags: list[Diagnostic]
) -> tuple[str, ...]:
    """The two names of an ICCMA attack line, or () with its problems added to `diags`."""
    fields = _FIELDS.match(text, start, end)
    if fields is None or fields.start(2) < 0 or fields.start(3) >= 0:
        diags.append(
            _problem(
                "AM520",
                f"not an ICCMA attack: `{_shown(text, start, end)}`",
                "each line after `p af N` is `i j`: argument i attacks argument j",
                path,
                line,
            )
        )
        return ()
    return _names(text, [fields.span(1), fields.span(2)], path, line, diags)


@dataclass(frozen=True)
class Framework:
    """A framework as integers: each argument's number by its name (in the order of first
    declaration), and the distinct attacks (in file order) as two lists of numbers, the
    attacking argument's and the attacked one's."""

    numbers: dict[str, int]
    attackers: list[int]
    targets: list[int]


def framework(text: str, limits: Limits) -> Framework | None:
    """A clean framework read in one pass, or None when any line needs :func:`read`'s care.

    An empty text, a line the fast branch of :data:`_LINES` does not take, a name not
    declared, a name longer than ``limits.max_text`` or more elements than
    ``limits.max_elements``: None, and
    :func:`read` then gives what it gives for the file (diagnostics, or the same framework).
    The lines are taken apart by the regular expression and ``zip``, in C, without a
    Python step a line.

    >>> framework("arg(a).\\narg(b).\\natt(a,b).\\natt(a,b).\\n", Limits())
    Framework(numbers={'a': 0, 'b': 1}, attackers=[0], targets=[1])
    >>> framework("p af 2\\n2 1\\n", Limits())
    Framework(numbers={'1': 0, '2': 1}, attackers=[1], targets=[0])
    >>> framework("arg(a).\\natt(a,c).\\n", Limits()) is None
    True
    """
    columns = _FAST[_flavour(text)](text, limits) if text.strip() else None
    if columns is None:
        return None
    names, attackers, targets, declared = columns
    if declared > limits.max_elements:
        return None
    if limits.max_text < MAX_ID and any(len(name) > limits.max_text for name in names):
        return None
    numbers = {name: k for k, name in enumerate(dict.fromkeys(names))}
    number = numbers.__getitem__
    try:
        pairs = zip(map(number, attackers), map(number, targets), strict=True)
        distinct = list(dict.fromkeys(pairs))  # pairs of small ints hash quickly
    except KeyError:  # an attack names an argument not declared
        return None
    by_attacker, by_target = _columns(distinct, 2)
    return Framework(numbers, list(by_attacker), list(by_target))


#: The names declared, the attackers and the targets of the attacks (names), and how many
#: elements the lines declare; None when a line needs the slow reading.
_Columns = tuple[Sequence[str], Iterable[str], Iterable[str], int] | None


def _apx_columns(text: str, limits: Limits) -> _Columns:
    found = _LINES["apx"].findall(text)
    args, attackers, targets, rest = _columns(found, 4)
    if any(rest):
        return None
    # A line that declares an argument has an empty attacker and target, and the other way round.
    return tuple(filter(None, args)), filter(None, attackers), filter(None, targets), len(found)


def _tgf_columns(text: str, limits: Limits) -> _Columns:
    separator = _TGF_SEPARATOR.search(text)
    nodes = _LINES["tgf"].findall(text, 0, len(text) if separator is None else separator.start())
    edges = _LINES["tgf"].findall(text, separator.end()) if separator is not None else []
    names, _, declaring = _columns(nodes, 3)
    attackers, targets, attacking = _columns(edges, 3)
    if any(declaring) or any(attacking) or not all(targets):
        return None
    return names, attackers, targets, len(nodes) + len(edges)


def _iccma_columns(text: str, limits: Limits) -> _Columns:
    header = _header(text, "", limits)
    if isinstance(header, Diagnostic):
        return None
    size, end, _ = header
    found = _LINES["iccma"].findall(text, end)
    attackers, targets, rest = _columns(found, 3)
    if any(rest):
        return None
    return [str(k) for k in range(1, size + 1)], attackers, targets, size + len(found)


_FAST: dict[str, Callable[[str, Limits], _Columns]] = {
    "apx": _apx_columns,
    "tgf": _tgf_columns,
    "iccma": _iccma_columns,
}

T = TypeVar("T")


def _columns(rows: Sequence[tuple[T, ...]], width: int) -> list[tuple[T, ...]]:
    """The columns of rows of `width` fields (`width` empty columns for no row)."""
    return list(zip(*rows, strict=True)) if rows else [()] * width
