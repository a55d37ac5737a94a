"""The Reviewdog Diagnostic Format (rdjson): the diagnostics as reviewdog reads them.

``reviewdog -f=rdjson`` posts them as review comments on a pull request. Ranges end just
past their last character, as argmap's spans do; columns count UTF-8 bytes, as the format
asks, so they are counted from the file's lines where it can be read (characters otherwise).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from argmap.diagnostics import Diagnostic, has_errors
from argmap.reports.paths import relative_path, repository_root
from argmap.reports.rules import help_url, home_page

SEVERITIES = {"error": "ERROR", "warning": "WARNING"}


def report(diags: Sequence[Diagnostic], files: int = 0, colour: bool = False) -> str:
    """The rdjson result of `diags`, as JSON text (`files` and `colour` are not used).

    >>> from argmap.diagnostics import diagnostic
    >>> result = json.loads(report([diagnostic("AM204", "claim `a` attacks itself",
    ...     line=7, column=5, end_line=7, end_column=22, file="/nowhere/map.yaml")]))
    >>> result["diagnostics"][0]["location"]["range"]
    {'start': {'line': 7, 'column': 5}, 'end': {'line': 7, 'column': 22}}
    """
    return json.dumps(rdjson_result(diags), ensure_ascii=False)  # one line: see sarif.report


def rdjson_result(diags: Sequence[Diagnostic], root: Path | None = None) -> dict[str, Any]:
    """The rdjson ``DiagnosticResult`` of `diags` as plain data, paths from `root`."""
    root = root or repository_root()
    source: dict[str, str] = {"name": "argmap"}
    home = home_page()
    if home:
        source["url"] = home
    byte_column = _byte_columns()
    return {
        "source": source,
        "severity": "ERROR" if has_errors(diags) else "WARNING",
        "diagnostics": [_diagnostic(d, root, help_url(home), byte_column) for d in diags],
    }


def _diagnostic(
    d: Diagnostic, root: Path, url: str | None, byte_column: Callable[[str, int, int], int]
) -> dict[str, Any]:
    message = f"{d.message}\nhint: {d.hint}" if d.hint else d.message
    code: dict[str, str] = {"value": d.code}
    if url:
        code["url"] = url
    location: dict[str, Any] = {"path": (relative_path(d.file, root) or d.file) if d.file else ""}
    if d.line:
        start = {"line": d.line, "column": byte_column(d.file, d.line, d.column or 1)}
        location["range"] = {"start": start}
        if d.end_line:
            end = byte_column(d.file, d.end_line, d.end_column)
            location["range"]["end"] = {"line": d.end_line, "column": end}
    return {
        "message": message,
        "location": location,
        "severity": SEVERITIES.get(d.severity.value, "INFO"),
        "code": code,
    }


def _byte_columns() -> Callable[[str, int, int], int]:
    """A function from (file, line, column in characters) to the column in UTF-8 bytes.

    Each file is read once; one that cannot be read keeps the columns in characters.
    """

    @lru_cache(maxsize=16)
    def lines_of(file: str) -> list[str] | None:
        try:
            text = Path(file).read_bytes().decode("utf-8", "surrogateescape")
        except OSError:
            return None
        return text.split("\n")

    def byte_column(file: str, line: int, column: int) -> int:
        lines = lines_of(file) if file else None
        if lines is None or not 0 < line <= len(lines):
            return column
        before = lines[line - 1][: column - 1]
        return len(before.encode("utf-8", "surrogateescape")) + 1

    return byte_column
