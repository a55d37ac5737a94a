"""Reports: the diagnostics of `argmap check` in the forms people and CI tools read.

One :class:`~argmap.diagnostics.Diagnostic` record feeds every report; :data:`REPORTERS` is
the table of them, by the name ``--format`` takes:

- ``text``: compiler-style lines and a summary, for people;
- ``json``: the records as they are;
- ``sarif``: SARIF 2.1.0, for code scanning (:mod:`argmap.reports.sarif`);
- ``github``: GitHub Actions workflow commands, shown as annotations
  (:mod:`argmap.reports.github`);
- ``rdjson``: the Reviewdog Diagnostic Format (:mod:`argmap.reports.rdjson`).

The modules of the last three are imported when their report is made: the metadata they
look up costs more than checking a small map.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from argmap.diagnostics import Diagnostic, format_json, format_text, summary

#: A report: the diagnostics of `files` checked maps, and whether colour is wanted.
Reporter = Callable[[Sequence[Diagnostic], int, bool], str]


def text_report(diags: Sequence[Diagnostic], files: int, colour: bool = False) -> str:
    """The diagnostics as compiler-style lines, then a summary.

    >>> print(text_report([], 2))
    2 files checked: 0 error(s), 0 warning(s)
    """
    lines = format_text(diags, colour=colour)
    return f"{lines}\n{summary(diags, files)}" if lines else summary(diags, files)


def json_report(diags: Sequence[Diagnostic], files: int, colour: bool = False) -> str:
    """The diagnostics as a JSON list of records (see :meth:`Diagnostic.to_dict`)."""
    return format_json(diags)


def sarif_report(diags: Sequence[Diagnostic], files: int, colour: bool = False) -> str:
    """SARIF 2.1.0 (:func:`argmap.reports.sarif.report`)."""
    from argmap.reports import sarif

    return sarif.report(diags, files, colour)


def github_report(diags: Sequence[Diagnostic], files: int, colour: bool = False) -> str:
    """GitHub Actions annotations (:func:`argmap.reports.github.report`)."""
    from argmap.reports import github

    return github.report(diags, files, colour)


def rdjson_report(diags: Sequence[Diagnostic], files: int, colour: bool = False) -> str:
    """The Reviewdog Diagnostic Format (:func:`argmap.reports.rdjson.report`)."""
    from argmap.reports import rdjson

    return rdjson.report(diags, files, colour)


REPORTERS: dict[str, Reporter] = {
    "text": text_report,
    "json": json_report,
    "sarif": sarif_report,
    "github": github_report,
    "rdjson": rdjson_report,
}


def default_format(environ: Mapping[str, str]) -> str:
    """The report `argmap check` prints when no --format is given: annotations on GitHub.

    >>> default_format({"GITHUB_ACTIONS": "true"}), default_format({})
    ('github', 'text')
    """
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"
