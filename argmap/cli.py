"""The command line: one small function per subcommand.

Each parses its options, calls the API and prints. Exit status everywhere: 0 ok, 1 problems
found in the input, 2 usage or environment errors (an unreadable path, a missing Graphviz).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from argmap.diagnostics import Diagnostic, Severity, format_json, format_text, summary

MAP_SUFFIXES = (".yaml", ".yml", ".json")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

F = TypeVar("F", bound=Callable[..., Any])


def _version_text() -> str:
    from argmap import __version__

    return f"argmap {__version__}"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_version_text())
        ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show argmap's and Graphviz's versions.",
)
def main() -> None:
    """argmap: argument maps as code. Check, evaluate and draw argument maps."""


def colour_wanted() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def map_files(paths: Iterable[str]) -> Iterator[Path]:
    """The files named, with every map file inside the folders named, sorted."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix in MAP_SUFFIXES and p.is_file())
        else:
            yield path


def exit_status(diags: list[Diagnostic], strict: bool = False) -> int:
    if any(d.code == "AM001" for d in diags):
        return EXIT_USAGE
    if any(d.severity is Severity.ERROR for d in diags) or (strict and diags):
        return EXIT_PROBLEMS
    return EXIT_OK


def read_and_check(path: Path) -> list[Diagnostic]:
    """Read one map and check it: every diagnostic, located."""
    from argmap import check
    from argmap.diagnostics import has_errors
    from argmap.read import read_path

    argmap, diags = read_path(path)
    if argmap is not None and not has_errors(diags):
        diags += check(argmap)
    return diags


def format_option(what: str) -> Callable[[F], F]:
    """The `--format text|json` option every reporting command shares."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=f"How to print {what}.",
    )


@main.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@format_option("the diagnostics")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
def check_command(files: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Check maps (files, or folders of .yaml/.yml/.json maps) and report every problem."""
    paths = list(map_files(files))
    if not paths:
        raise click.UsageError(f"no map files (*.yaml, *.yml, *.json) in {', '.join(files)}")
    diags = [d for path in paths for d in read_and_check(path)]
    if fmt == "json":
        click.echo(format_json(diags))
    else:
        if diags:
            click.echo(format_text(diags, colour=colour_wanted()))
        click.echo(summary(diags, len(paths)))
    sys.exit(exit_status(diags, strict))


@main.command("evaluate")
@click.argument("file", type=click.Path())
@click.option("--accept", multiple=True, metavar="ID", help="Assume this claim (repeatable).")
@click.option("--reject", multiple=True, metavar="ID", help="Reject this claim (repeatable).")
@click.option("--explain", "why", multiple=True, metavar="ID", help="Say why ID has its label.")
@format_option("the labels")
def evaluate_command(
    file: str, accept: tuple[str, ...], reject: tuple[str, ...], why: tuple[str, ...], fmt: str
) -> None:
    """Label every claim of a map in, out or undecided: which claims stand."""
    import json

    from argmap.checks import references
    from argmap.diagnostics import has_errors
    from argmap.evaluate import evaluate_graph, explain, report, table, unknown_ids
    from argmap.graph import build
    from argmap.read import locate, read_path

    argmap, diags = read_path(file)
    if argmap is not None and not has_errors(diags):
        diags += locate(references(argmap), argmap.origin) if argmap.origin else references(argmap)
    if argmap is None or has_errors(diags):
        click.echo(format_text(diags, colour=colour_wanted()), err=True)
        sys.exit(exit_status(diags) or EXIT_PROBLEMS)
    usage = unknown_ids(argmap, accept, reject, why)
    if usage:
        click.echo(format_text(usage), err=True)
        sys.exit(EXIT_USAGE)
    if diags:
        click.echo(format_text(diags, colour=colour_wanted()), err=True)
    graph = build(argmap)
    evaluation = evaluate_graph(argmap, graph, accept, reject)
    rows = report(argmap, graph, evaluation)
    reasons = {ident: explain(argmap, graph, evaluation, ident) for ident in why}
    if fmt == "json":
        inferences = {i: str(evaluation.labels[i]) for i in argmap.inferences}
        data = {"claims": rows, "inferences": inferences, "explanations": reasons}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(table(rows))
        for ident, reason in reasons.items():
            click.echo(f"\n{ident}: {reason}")
