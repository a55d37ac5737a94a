"""`argmap evaluate`: which claims stand, as a table or JSON, and why."""

from __future__ import annotations

import sys
from dataclasses import replace

import click

from argmap.cli.common import (
    EXIT_PROBLEMS,
    EXIT_USAGE,
    assumption_options,
    colour_wanted,
    exit_status,
    format_option,
)
from argmap.diagnostics import format_text, printable


@click.command("evaluate")
@click.argument("file", type=click.Path())
@assumption_options
@click.option("--explain", "why", multiple=True, metavar="ID", help="Say why ID has its label.")
@click.option("--full", is_flag=True, help="Show whole texts, wrapped, instead of cutting them.")
@format_option("the labels")
def evaluate_command(
    file: str,
    accept: tuple[str, ...],
    reject: tuple[str, ...],
    why: tuple[str, ...],
    full: bool,
    fmt: str,
) -> None:
    """Label every claim of a map in, out or undecided: which claims stand.

    Exit status: 0 labelled, 1 the map has errors, 2 usage errors (an id not in the map).
    """
    from argmap.evaluate.framework import framework_report, read_framework

    # A clean abstract framework is labelled from integer pairs, without a map or a graph.
    framework = None if why else read_framework(file)
    rows = framework_report(framework, accept, reject) if framework is not None else None
    if rows is not None:
        _print_evaluation(fmt, rows, {}, {}, full)
        return
    from argmap.evaluate import evaluate_graph, explain, report, unknown_ids
    from argmap.graph import build
    from argmap.read import read_path

    argmap, diags = read_path(file)
    if diags:
        click.echo(format_text(diags, colour=colour_wanted(err=True)), err=True)
    if argmap is None:
        sys.exit(exit_status(diags) or EXIT_PROBLEMS)
    usage = [replace(d, file=file) for d in unknown_ids(argmap, accept, reject, why)]
    if usage:
        click.echo(format_text(usage), err=True)
        sys.exit(EXIT_USAGE)
    graph = build(argmap)
    evaluation = evaluate_graph(argmap, graph, accept, reject)
    rows = report(argmap, graph, evaluation)
    reasons = {ident: explain(argmap, graph, evaluation, ident) for ident in why}
    inferences = {i: str(evaluation.labels[i]) for i in argmap.inferences}
    _print_evaluation(fmt, rows, inferences, reasons, full)


def _print_evaluation(
    fmt: str,
    rows: list[dict[str, str]],
    inferences: dict[str, str],
    reasons: dict[str, str],
    full: bool,
) -> None:
    """Print the claims' rows, the inferences' labels and the explanations asked for: as
    JSON, or as text the explanations alone when there are any, else the table, as wide as
    the terminal, or the whole texts with `full`."""
    if fmt == "json":
        import json

        data = {"claims": rows, "inferences": inferences, "explanations": reasons}
        # One line: the indenting encoder is pure Python, six times slower at 100,000 claims.
        click.echo(json.dumps(data, ensure_ascii=False))
    elif reasons:  # the explanations asked for, instead of the whole table
        click.echo(printable("\n\n".join(f"{i}: {r}" for i, r in reasons.items())))
    else:
        import os
        import shutil

        from argmap.evaluate import table

        # A pipe or a file gets whole texts, unless COLUMNS says otherwise.
        on_terminal = "COLUMNS" in os.environ or sys.stdout.isatty()
        width = shutil.get_terminal_size().columns if on_terminal else None
        colour = colour_wanted()
        rows = [_printable_row(r) for r in rows]
        click.echo(table(rows, width, colour, full), color=colour)  # click strips it off a tty


def _printable_row(row: dict[str, str]) -> dict[str, str]:
    return {key: printable(value, lines=False) for key, value in row.items()}
