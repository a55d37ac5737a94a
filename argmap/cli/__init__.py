"""The command line: one small function per subcommand, over the public API (:mod:`argmap`).

Each parses its options, calls the API and prints; each lives in a module of this package
(:mod:`argmap.cli.check`, :mod:`~argmap.cli.render`, ...), imported only when its command
runs, so that ``argmap check`` of a small map does not pay for drawing, nor ``--version`` for
anything. Exit status everywhere: 0 ok, 1 problems found in the input, 2 usage or
environment errors (an unreadable path, a missing Graphviz, an output that would overwrite
an input), 70 an internal error of argmap's (a bug: the message asks for a report).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable

import click

from argmap.cli.common import internal_error


def _check() -> click.Command:
    from argmap.cli.check import check_command

    return check_command


def _convert() -> click.Command:
    from argmap.cli.convert import convert_command

    return convert_command


def _diff() -> click.Command:
    from argmap.cli.diff import diff_command

    return diff_command


def _embed() -> click.Command:
    from argmap.cli.embed import embed_command

    return embed_command


def _evaluate() -> click.Command:
    from argmap.cli.evaluate import evaluate_command

    return evaluate_command


def _init() -> click.Command:
    from argmap.cli.init import init_command

    return init_command


def _render() -> click.Command:
    from argmap.cli.render import render_command

    return render_command


def _schema() -> click.Command:
    from argmap.cli.init import schema_command

    return schema_command


def _serve() -> click.Command:
    from argmap.cli.serve import serve_command

    return serve_command


#: Every subcommand, and the function that imports it.
COMMANDS: dict[str, Callable[[], click.Command]] = {
    "check": _check,
    "convert": _convert,
    "diff": _diff,
    "embed": _embed,
    "evaluate": _evaluate,
    "init": _init,
    "render": _render,
    "schema": _schema,
    "serve": _serve,
}


class Commands(click.Group):
    """A group whose subcommands are imported when they are named (or listed by --help)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        load = COMMANDS.get(cmd_name)
        return load() if load is not None else None


def _version_text() -> str:
    from argmap import __version__
    from argmap.draw import engine_version

    graphviz = engine_version() or "not installed (argmap render needs it)"
    return f"argmap {__version__}\nGraphviz {graphviz}"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_version_text())
        ctx.exit()


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
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


def run() -> None:
    """The console script: run a command, then leave without tearing down the heap.

    A process that has just read a large map holds millions of objects; freeing them one by
    one at exit takes longer than some commands (0.3 to 0.9 s at 100,000 claims), and the
    operating system reclaims the memory anyway. Output is flushed first.

    The cyclic garbage collector is off for the whole process (`serve`, which runs for
    hours, turns it back on). A command reads a map into objects that all stay alive until
    it ends, and frees them by reference counting; the collector finds nothing to free, yet
    walked them all each time a pause of it ended (0.1 s a time at 100,000 claims).
    """
    gc.disable()
    try:
        main()
        status = 0
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
    except KeyboardInterrupt:
        status = 130
    except Exception as err:  # a bug of argmap's, never "the map has errors" (exit 1)
        status = internal_error(err)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader (say `| head`) left early: not an error of ours
        pass
    os._exit(status)
