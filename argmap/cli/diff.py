"""`argmap diff`: what changed between two maps, in the argument rather than the lines."""

from __future__ import annotations

import sys

import click

from argmap.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, colour_wanted
from argmap.diagnostics import format_text, printable


@click.command("diff")
@click.argument("args", nargs=-1, metavar="OLD NEW")
@click.option("--git", "rev", metavar="REV", help="Compare PATH against revision REV of it.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="markdown: for a pull-request comment.",
)
def diff_command(args: tuple[str, ...], rev: str | None, fmt: str) -> None:
    """Compare two maps: what changed in the argument, not in the lines.

    Claims, inferences, attacks and issues added, removed, changed (texts word by word) or
    renamed; the claims whose evaluation flipped, with the reasons; diagnostics that
    appeared or were fixed. Exit status: 0 no change, 1 changes, 2 trouble (a map with
    errors, a file or revision that cannot be read).

    \b
      argmap diff old.yaml new.yaml
      argmap diff --git HEAD maps/debate.yaml     # the working copy against HEAD
      argmap diff v1..v2 -- maps/debate.yaml     # two revisions
      argmap diff --format markdown old.yaml new.yaml > comment.md

    Named as git's diff driver (git config diff.argmap.command 'argmap diff'), it takes
    git's seven arguments and exits 0, showing the lines of a map it cannot read.
    """
    from argmap.diff import compare
    from argmap.diff.render import render
    from argmap.diff.sides import line_diff, read_sides

    try:
        sides = read_sides(args, rev)
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    if sides.diagnostics:
        click.echo(format_text(sides.diagnostics, colour=colour_wanted(err=True)), err=True)
    if sides.old is None or sides.new is None:
        if sides.external:  # git stops at a failing driver: show the lines and go on
            click.echo(printable(line_diff(sides)), nl=False)
        sys.exit(EXIT_OK if sides.external else EXIT_USAGE)
    diff = compare(sides.old, sides.new)
    colour = fmt == "text" and colour_wanted()
    click.echo(render(diff, fmt, sides.old_name, sides.new_name, colour))
    sys.exit(EXIT_OK if sides.external or not diff else EXIT_PROBLEMS)
