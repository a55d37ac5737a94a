"""`argmap check`: every problem of maps, printed as the reader asks."""

from __future__ import annotations

import functools
import os
import sys

import click

from argmap.cli.common import colour_wanted, exit_status, jobs_option, map_files
from argmap.reports import REPORTERS


@click.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(REPORTERS)),
    help="How to print the diagnostics: sarif for code scanning, github for annotations, "
    "rdjson for reviewdog. Default: github when GITHUB_ACTIONS=true, else text.",
)
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@jobs_option
@click.option(
    "--questions",
    is_flag=True,
    help="Note each inference's open critical questions, and premises unfit for its scheme.",
)
def check_command(
    files: tuple[str, ...], fmt: str | None, strict: bool, jobs: int, questions: bool
) -> None:
    """Check maps (files in any format argmap reads, or folders of maps): every problem.

    Prints `path:line:col: error AM101 message` and a hint for each problem, then a summary.
    Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage errors.
    With --format github and $GITHUB_STEP_SUMMARY set, a summary is added to the job's page.

    \b
      argmap check maps/
      argmap check --strict --format json debate.argdown
      argmap check --jobs 1 maps/                 # one map at a time, in one process
      argmap check maps/ --format sarif > argmap.sarif
      argmap check --questions maps/example.yaml
    """
    paths = map_files(files)
    from argmap import check_path
    from argmap.parallel import mapped
    from argmap.reports import default_format

    fmt = fmt or default_format(os.environ)
    check = functools.partial(check_path, questions=questions)
    diags = [d for found in mapped(check, paths, jobs) for d in found]
    click.echo(REPORTERS[fmt](diags, len(paths), colour_wanted()))
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from argmap.reports.github import append_step_summary

        append_step_summary(os.environ["GITHUB_STEP_SUMMARY"], diags, len(paths))
    sys.exit(exit_status(diags, strict))
