"""Diagnostics: every problem argmap finds, as one kind of record.

A :class:`Diagnostic` has a stable code (``AM101``), a severity, a location, a one-line
message and a hint. The same records feed the text output, the JSON output and the exit
status. :data:`CODES` is the one table of codes; the README documents it.

Locations are kept as a *pointer* into the document (``("claims", "a", "text")``) until a
diagnostic is shown; :func:`argmap.locate.locate` turns pointers into line and column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import NamedTuple

Pointer = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # asked for (`check --questions`): information, never a problem


class Code(NamedTuple):
    """One row of the table of codes (a named tuple: a dataclass costs each command's
    start-up the compiling of its methods)."""

    code: str
    severity: Severity
    title: str


E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE

#: Every code argmap can emit. AM0xx: the file; AM1xx: the format; AM2xx: reasoning
#: errors; AM3xx: warnings about the map's shape; AM4xx: drawing; AM5xx: evaluation and
#: the formats it reads; AM6xx: foreign formats; AM7xx: maps in documents.
CODES: dict[str, Code] = {
    c.code: c
    for c in [
        Code("AM001", E, "the file cannot be read"),
        Code("AM002", E, "the file is not UTF-8"),
        Code("AM003", E, "the file is empty"),
        Code("AM004", E, "syntax error"),
        Code("AM005", E, "duplicate key in a mapping"),
        Code("AM006", E, "the file is not an argument map"),
        Code("AM007", E, "the file is larger than the limit"),
        Code("AM008", E, "the map has more elements than the limit"),
        Code("AM009", W, "a plain text cut short by a comment"),
        Code("AM101", E, "unknown field"),
        Code("AM102", E, "wrong type or value"),
        Code("AM103", E, "missing field"),
        Code("AM104", E, "empty text"),
        Code("AM105", E, "invalid id"),
        Code("AM106", E, "reference to an id that does not exist"),
        Code("AM107", E, "the same id names two elements"),
        Code("AM108", E, "a text longer than the limit"),
        Code("AM201", E, "circular reasoning"),
        Code("AM202", E, "an inference's conclusion is one of its premises"),
        Code("AM203", E, "an inference without premises"),
        Code("AM204", E, "a claim attacks itself"),
        Code("AM205", E, "premises include two positions of the same issue"),
        Code("AM206", E, "a quote does not occur in its source"),
        Code("AM207", E, "a source's text file cannot be read"),
        Code("AM208", E, "a premise undercuts its own inference"),
        Code("AM209", E, "a source's text file lies outside the map's folder"),
        Code("AM210", E, "the map's scheme catalogue cannot be read"),
        Code("AM301", W, "a claim used nowhere"),
        Code("AM302", W, "the map falls apart into disconnected pieces"),
        Code("AM303", W, "a claim both supports and attacks the same target"),
        Code("AM304", W, "two claims with the same text"),
        Code("AM305", W, "no main conclusion"),
        Code("AM306", W, "a source never cited"),
        Code("AM307", W, "claims lack a text in one of the map's languages"),
        Code("AM308", W, "a premise listed twice in one inference"),
        Code("AM309", W, "the same attack written twice"),
        Code("AM310", W, "a scheme the catalogue does not have"),
        Code("AM311", W, "an inference's premises do not fit its scheme's roles"),
        Code("AM312", W, "a critical question the inference's scheme does not have"),
        Code("AM313", W, "an attack answers a question that another kind of attack answers"),
        Code("AM314", N, "an inference's open critical questions"),
        Code("AM401", E, "the map has no text in the language asked for"),
        Code("AM402", E, "the Graphviz engine is not installed"),
        Code("AM403", E, "Graphviz failed"),
        Code("AM404", E, "Graphviz ran past the time limit"),
        Code("AM405", E, "the drawing cannot be written"),
        Code("AM406", W, "a source's url is not an http(s) address"),
        Code("AM407", E, "the engine cannot draw this format"),
        Code("AM408", W, "a tag given a colour that no claim has"),
        Code("AM409", W, "only some claims have a text in the language asked for"),
        Code("AM501", E, "a claim to accept, reject or explain does not exist"),
        Code("AM502", E, "a claim is both accepted and rejected"),
        Code("AM510", E, "the file is not a Carneades argument graph"),
        Code("AM511", E, "a Carneades element has the wrong shape"),
        Code("AM512", E, "two Carneades ids become the same argmap id"),
        Code("AM513", W, "a Carneades feature that argmap does not evaluate"),
        Code("AM520", E, "a line of an abstract framework cannot be read"),
        Code("AM521", E, "an attack names an argument the framework does not declare"),
        Code("AM611", E, "Argdown syntax error"),
        Code("AM612", W, "Argdown data or setting that argmap does not keep"),
        Code("AM613", W, "Argdown statement or argument defined oddly"),
        Code("AM614", W, "an Argdown relation that argmap cannot hold"),
        Code("AM621", E, "the file is not AIF JSON"),
        Code("AM622", W, "an AIF scheme node without premises or without exactly one conclusion"),
        Code("AM623", W, "an AIF edge or node that cannot be joined that way"),
        Code("AM624", W, "an AIF preference (PA) that argmap does not keep"),
        Code("AM625", W, "the AIF dialogue layer, not kept beyond speakers"),
        Code("AM626", W, "an AIF node of an unknown type"),
        Code("AM631", E, "the file is not a Kialo export"),
        Code("AM632", W, "a Kialo link to a claim that does not exist"),
        Code("AM633", W, "the Kialo Sources block, not kept"),
        Code("AM634", W, "a Kialo claim out of place (numbered twice, no parent, no Pro/Con)"),
        Code("AM641", E, "a format argmap writes but does not read"),
        Code("AM642", E, "the converted map cannot be written"),
        Code("AM643", W, "the target format cannot carry some of the map's data"),
        Code("AM701", E, "an argmap block in a document has a wrong option"),
    ]
}


@dataclass(frozen=True)
class Related:
    """Another element a diagnostic is about (a member of a cycle), located like it.

    The span runs from `line`:`column` up to, not including, `end_line`:`end_column`; 0 where
    it is not known.
    """

    pointer: Pointer
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def to_dict(self) -> dict[str, object]:
        return {**asdict(self), "pointer": list(self.pointer)}


@dataclass(frozen=True)
class Diagnostic:
    """One problem, located in a file.

    `line` and `column` (from 1) are where the problem starts; `end_line` and `end_column`,
    where a problem has an extent (a whole value), are just past its last character, as
    editors and SARIF count; 0 where not known. `related` are the other elements it is about.
    `at_key`: the pointer's key is what is wrong, not its value (a field written where an
    element's id belongs), whatever the code says (see :mod:`argmap.locate`).

    >>> d = diagnostic("AM204", "claim `a` attacks itself", ("attacks", 0), hint="remove it")
    >>> d.severity
    <Severity.ERROR: 'error'>
    """

    code: str
    severity: Severity
    message: str
    hint: str = ""
    file: str = ""
    line: int = 0
    column: int = 0
    pointer: Pointer = field(default=(), compare=False)
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)
    related: tuple[Related, ...] = field(default=(), compare=False)
    at_key: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        del data["at_key"]  # where to place it, which the line and column say
        data["severity"] = self.severity.value
        data["pointer"] = list(self.pointer)
        data["related"] = [r.to_dict() for r in self.related]
        return data


def diagnostic(
    code: str,
    message: str,
    pointer: Pointer = (),
    hint: str = "",
    *,
    file: str = "",
    line: int = 0,
    column: int = 0,
    end_line: int = 0,
    end_column: int = 0,
    related: Iterable[Pointer] = (),
    at_key: bool = False,
) -> Diagnostic:
    """A diagnostic with the severity from the table of codes.

    Give a `pointer` into the map (located later), or a `file`, `line` and `column` directly
    (and where the problem ends, if it has an extent). `related` points at the other elements
    it is about, such as the members of a cycle; they are located with it.
    """
    return Diagnostic(
        code,
        CODES[code].severity,
        message,
        hint,
        file,
        line,
        column,
        pointer,
        end_line,
        end_column,
        tuple(Related(p) for p in related),
        at_key,
    )


_SECTIONS = {
    "claims": "claim",
    "inferences": "inference",
    "issues": "issue",
    "sources": "source",
    "voices": "voice",
    "attacks": "attack",
    "schemes": "scheme",  # a scheme catalogue's
}


def describe(pointer: Pointer) -> str:
    """A person's name for the element a pointer leads to.

    Items of lists count from 1 everywhere, as people count them.

    >>> describe(("claims", "a", "text")), describe(("inferences", "i", "premises", 1))
    ("claim `a`'s `text`", "inference `i`'s `premises` #2")
    >>> describe(("attacks", 0, "to")), describe(("main", 0))
    ("attack #1's `to`", '`main` #1')
    """
    if not pointer:
        return "the map"
    section, rest = pointer[0], pointer[1:]
    if section in _SECTIONS and rest:
        ident = f"#{rest[0] + 1}" if isinstance(rest[0], int) else f"`{rest[0]}`"
        name = f"{_SECTIONS[str(section)]} {ident}"
        return f"{name}'s {_path(rest[1:])}" if rest[1:] else name
    return _path(pointer)


def _path(parts: Pointer) -> str:
    """Fields in backquotes, list items by their number from 1: `premises` #2."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, int):
            out.append(f"#{part + 1}")
        elif out and not out[-1].startswith("#"):
            out[-1] = out[-1][:-1] + f".{part}`"
        else:
            out.append(f"`{part}`")
    return " ".join(out)


def has_errors(diags: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diags)


def sort_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    return (d.file, d.line, d.column, d.code, d.message)


#: Characters a terminal acts on instead of showing (C0 and C1 controls, DEL, and the
#: bidirectional overrides that reorder a line), each mapped to a visible escape.
_UNPRINTABLE = {
    c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"
    for c in [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
}
_LINES = {k: v for k, v in _UNPRINTABLE.items() if k not in (0x09, 0x0A)}


def printable(text: str, lines: bool = True) -> str:
    r"""Text safe to print on a terminal: control characters shown as escapes.

    With `lines`, tabs and line breaks are kept; without, the text stays on one line.

    >>> printable("a\x1b]0;pwned\x07b"), printable("two\nlines", lines=False)
    ('a\\x1b]0;pwned\\x07b', 'two\\x0alines')
    """
    return text.translate(_LINES if lines else _UNPRINTABLE)


#: The colour of each severity on a terminal: red, yellow, cyan.
_TONES = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.NOTE: "\x1b[1;36m",
}


def format_text(diags: Sequence[Diagnostic], colour: bool = False) -> str:
    """Compiler-style lines: ``path:line:col: error AM101 message``, then the hint.

    Whatever comes from the input (file names, ids, texts) is shown escaped: a diagnostic
    never moves the cursor or retitles the terminal.
    """
    out: list[str] = []
    for d in diags:
        file = printable(d.file, lines=False)
        where = f"{file}:{d.line}:{d.column}" if d.line else file or "<map>"
        sev = d.severity.value
        if colour:
            tone = _TONES[d.severity]
            sev = f"{tone}{sev}\x1b[0m"
            where = f"\x1b[1m{where}\x1b[0m"
        out.append(f"{where}: {sev} {d.code} {printable(d.message, lines=False)}")
        if d.hint:
            out.append(f"  hint: {printable(d.hint, lines=False)}")
    return "\n".join(out)


def summary(diags: Sequence[Diagnostic], files: int) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diags)
    notes = sum(d.severity is Severity.NOTE for d in diags)
    warnings = len(diags) - errors - notes
    noun = "file" if files == 1 else "files"
    counted = f"{files} {noun} checked: {errors} error(s), {warnings} warning(s)"
    return counted + (f", {notes} note(s)" if notes else "")


def format_json(diags: Sequence[Diagnostic]) -> str:
    import json  # here: text output, the default, needs no JSON

    return json.dumps([d.to_dict() for d in diags], ensure_ascii=False, indent=2)
