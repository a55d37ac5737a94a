"""GitHub Actions: the diagnostics as workflow commands, which GitHub shows as annotations.

Each diagnostic is one line, ``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::…``
(``::warning`` for warnings), escaped as the runner unescapes it. GitHub shows only the first
ten annotations of each kind per step, so :func:`step_summary` writes them all, with a count
per code, as Markdown for the job's summary page (``$GITHUB_STEP_SUMMARY``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from argmap.diagnostics import CODES, Diagnostic, printable, summary
from argmap.reports.paths import relative_path, repository_root

#: The workflow command of each severity (GitHub's third kind, notice, for anything else).
COMMANDS = {"error": "error", "warning": "warning"}
#: GitHub shows this many annotations of one kind per step.
SHOWN_PER_KIND = 10


def escape_data(text: str) -> str:
    r"""A command's message as the runner reads it back: ``%``, CR and LF escaped.

    >>> escape_data("100% sure\r\nor not")
    '100%25 sure%0D%0Aor not'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property (file, title) as the runner reads it back: also ``:`` and ``,``.

    >>> escape_property("maps/a,b.yaml: x")
    'maps/a%2Cb.yaml%3A x'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(d: Diagnostic, root: Path) -> str:
    """One diagnostic as a workflow command; its file is given from the repository's root.

    >>> from argmap.diagnostics import diagnostic
    >>> print(command(diagnostic("AM106", "no claim `bb`", hint="did you mean `b`?", line=5,
    ...     column=34, end_line=5, end_column=36, file="/r/maps/a.yaml"), Path("/r")))
    ... # doctest: +NORMALIZE_WHITESPACE
    ::error file=maps/a.yaml,line=5,col=34,endLine=5,endColumn=36,title=AM106 reference to an
      id that does not exist::no claim `bb`%0Ahint: did you mean `b`?
    """
    kind = COMMANDS.get(d.severity.value, "notice")
    properties: list[tuple[str, str | int]] = []
    if d.file:
        properties.append(("file", relative_path(d.file, root) or d.file))
    if d.line:
        properties += [("line", d.line), ("col", d.column or 1)]
    if d.end_line:
        properties += [("endLine", d.end_line), ("endColumn", d.end_column)]
    properties.append(("title", f"{d.code} {CODES[d.code].title}"))
    # Control characters from the input (other than line breaks, escaped) never reach the log.
    listed = ",".join(
        f"{name}={escape_property(printable(str(value), lines=False))}"
        for name, value in properties
    )
    message = f"{d.message}\nhint: {d.hint}" if d.hint else d.message
    return f"::{kind} {listed}::{escape_data(printable(message))}"


def report(diags: Sequence[Diagnostic], files: int, colour: bool = False) -> str:
    """Every diagnostic as a workflow command, then the summary line (`colour` not used)."""
    root = repository_root()
    return "\n".join([*(command(d, root) for d in diags), summary(diags, files)])


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell: one line, no pipes, no HTML."""
    return (
        printable(text, lines=False).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    )


def step_summary(diags: Sequence[Diagnostic], files: int) -> str:
    """A Markdown summary for the job's page: counts per code, then every diagnostic.

    >>> print(step_summary([], 3))
    ### argmap check
    <BLANKLINE>
    3 files checked: 0 error(s), 0 warning(s)
    <BLANKLINE>
    """
    root = repository_root()
    out = ["### argmap check", "", summary(diags, files), ""]
    if not diags:
        return "\n".join(out)
    counts = Counter(d.code for d in diags)
    out += ["| code | severity | what | count |", "| --- | --- | --- | ---: |"]
    for code in sorted(counts):
        row = CODES[code]
        out.append(f"| {code} | {row.severity.value} | {_cell(row.title)} | {counts[code]} |")
    kinds = Counter(COMMANDS.get(d.severity.value, "notice") for d in diags)
    if max(kinds.values()) > SHOWN_PER_KIND:
        out += [
            "",
            f"GitHub shows only the first {SHOWN_PER_KIND} annotations of each kind (error, "
            "warning) per step: every diagnostic is listed below.",
        ]
    out += ["", "| where | code | message |", "| --- | --- | --- |"]
    for d in diags:
        where = (relative_path(d.file, root) or d.file) if d.file else "<map>"
        where += f":{d.line}:{d.column}" if d.line else ""
        message = f"{d.message} (hint: {d.hint})" if d.hint else d.message
        out.append(f"| {_cell(where)} | {d.code} | {_cell(message)} |")
    return "\n".join([*out, ""])


def append_step_summary(path: str, diags: Sequence[Diagnostic], files: int) -> None:
    """Add the summary to the file GitHub shows on the job's page (it may hold others')."""
    with open(path, "a", encoding="utf-8") as stream:
        stream.write(step_summary(diags, files))
