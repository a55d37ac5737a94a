"""The command line: one small function per subcommand.

Each parses its options, calls the API and prints. Exit status everywhere: 0 ok, 1 problems
found in the input, 2 usage or environment errors (an unreadable path, a missing Graphviz).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from argmap.diagnostics import Diagnostic, Severity, format_json, format_text, summary

MAP_SUFFIXES = (".yaml", ".yml", ".json")

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


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
    from argmap.limits import Limits

    try:
        Limits.from_env()
    except ValueError as err:
        raise click.UsageError(str(err)) from None


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


@main.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the diagnostics.",
)
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


def run() -> None:
    """The console script: run a command, then leave without tearing down the heap.

    A process that has just read a large map holds millions of objects; freeing them one by
    one at exit takes longer than some commands (0.3 to 0.9 s at 100,000 claims), and the
    operating system reclaims the memory anyway. Output is flushed first.
    """
    try:
        main()
        status = 0
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader (say `| head`) left early: not an error of ours
        pass
    os._exit(status)
