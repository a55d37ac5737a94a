"""What the commands share: exit statuses, options, colour, and the reading of paths."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from argmap.diagnostics import Severity, printable

if TYPE_CHECKING:
    from argmap.diagnostics import Diagnostic

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70

F = TypeVar("F", bound=Callable[..., Any])


def colour_wanted(err: bool = False) -> bool:
    """Whether to colour what goes to standard output (or error): a terminal, or FORCE_COLOR
    set; never with NO_COLOR set (https://no-color.org)."""
    stream = sys.stderr if err else sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or stream.isatty()


def internal_error(err: BaseException) -> int:
    """Report a crash as what it is, a bug of argmap's, with what a report needs."""
    import traceback

    from argmap import __version__

    where = traceback.extract_tb(err.__traceback__)[-1] if err.__traceback__ else None
    place = f" at {where.filename}:{where.lineno}" if where else ""
    print(
        f"argmap {__version__}: internal error: {type(err).__name__}: {printable(str(err))}"
        f"{place}\nThis is a bug in argmap, not a problem of your map: please report it with "
        "the command and the input that caused it (ARGMAP_TRACEBACK=1 shows the traceback).",
        file=sys.stderr,
    )
    if os.environ.get("ARGMAP_TRACEBACK") == "1":
        traceback.print_exception(err)
    return EXIT_INTERNAL


#: How many skipped files are named, at most.
NAMED = 10


def map_files(paths: Iterable[str]) -> list[Path]:
    """The files named, and the maps in the folders named; says which files were skipped."""
    from argmap.discover import find_maps

    found = find_maps(paths)
    for skipped, why, then in (
        (found.not_maps, "not maps", " (name a file to check it anyway)"),
        (found.ignored, "ignored by git", ""),
    ):
        if skipped:
            noun = "file" if len(skipped) == 1 else "files"
            names = ", ".join(str(p) for p in skipped[:NAMED])
            more = f" and {len(skipped) - NAMED} more" if len(skipped) > NAMED else ""
            said = f"{len(skipped)} {noun} in the folders skipped, {why}: {names}{more}{then}"
            click.echo(said, err=True)
    if not found.maps:
        from argmap.discover import MAP_SUFFIXES

        patterns = ", ".join(f"*{suffix}" for suffix in MAP_SUFFIXES)
        raise click.UsageError(
            f"no maps ({patterns}) in {', '.join(paths)}; name files directly for other formats"
        )
    return found.maps


#: Problems of the command line or the machine rather than of the map: exit status 2.
USAGE_CODES = frozenset({"AM001", "AM405", "AM501", "AM502", "AM641", "AM642"})


def exit_status(diags: list[Diagnostic], strict: bool = False) -> int:
    if any(d.code in USAGE_CODES for d in diags):
        return EXIT_USAGE
    if any(d.severity is Severity.ERROR for d in diags) or (
        strict and any(d.severity is Severity.WARNING for d in diags)
    ):
        return EXIT_PROBLEMS
    return EXIT_OK


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


def jobs_option(command: F) -> F:
    """The --jobs option of the commands that take many maps."""
    from argmap.parallel import cores

    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(1),
        default=cores(),
        show_default="the number of cores",
        help="Maps handled at once, each in a process of its own (1: all in this process).",
    )(command)


def look_options(command: F) -> F:
    """The --theme, --legend and --width options of the commands that draw a map."""
    from argmap import draw

    theme = click.option(
        "--theme",
        type=click.Choice(tuple(draw.THEMES)),
        default=draw.DEFAULT_STYLE.theme,
        show_default=True,
    )
    legend = click.option("--legend", is_flag=True, help="Draw the map's title and a key.")
    width = click.option(
        "--width",
        type=click.IntRange(draw.MIN_WIDTH),
        default=draw.DEFAULT_STYLE.width,
        show_default=True,
        help="Characters per line of a claim's text.",
    )
    return theme(legend(width(command)))


def assumption_options(command: F) -> F:
    """The --accept and --reject options of the commands that evaluate a map."""
    accept = click.option(
        "--accept",
        multiple=True,
        metavar="ID",
        help="Assume this claim, or by:VOICE every claim of a voice (repeatable).",
    )
    reject = click.option(
        "--reject",
        multiple=True,
        metavar="ID",
        help="Reject this claim, or by:VOICE every claim of a voice but those the map "
        "marks accepted (repeatable).",
    )
    return accept(reject(command))


def seconds(value: float) -> float:
    """The --timeout, as argmap keeps a time limit; not a number is a usage error."""
    from argmap.limits import time_limit

    try:
        return time_limit(value)
    except ValueError as err:
        raise click.UsageError(f"--timeout: {err}") from None
