"""`argmap embed`: draw one argmap block of a document (what the pandoc filter runs)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from argmap.cli.common import EXIT_PROBLEMS
from argmap.diagnostics import format_text


@click.command("embed")
@click.argument("options", nargs=-1, metavar="[KEY=VALUE]...")
@click.option(
    "--to",
    "target",
    type=click.Choice(["html", "pdf", "png"]),
    default="html",
    show_default=True,
    help="html: a figure for a page (inline SVG); pdf or png: a file.",
)
@click.option("-o", "--output", default="-", type=click.Path(), help="Default: standard output.")
@click.option("--document", default="", help="The document the block is in (names its lines).")
@click.option(
    "--occurrence",
    type=click.IntRange(0),
    default=0,
    help="Which of the document's blocks with this text it is (0: the first).",
)
@click.option("--filter-path", is_flag=True, help="Print where the pandoc Lua filter is.")
def embed_command(
    options: tuple[str, ...],
    target: str,
    output: str,
    document: str,
    occurrence: int,
    filter_path: bool,
) -> None:
    """Draw one argmap block of a document, its text on standard input (the pandoc filter
    runs this); options as the block's attributes, e.g. theme=dark caption='A map'.

    \b
      pandoc --lua-filter "$(argmap embed --filter-path)" notes.md -o notes.html
    """
    from importlib.resources import files

    from argmap.embed import draw_block, failure, fence_line
    from argmap.errors import ArgmapError
    from argmap.output import write_output

    if filter_path:
        click.echo(str(files("argmap").joinpath("argmap.lua")))
        return
    body, name = sys.stdin.read(), document or "<document>"
    try:
        line = fence_line(Path(document).read_text(encoding="utf-8-sig"), body, occurrence)
    except (OSError, UnicodeDecodeError):  # no document (standard input): lines in the block
        line = 0
    try:
        figure = draw_block(
            body, dict(o.partition("=")[::2] for o in options), target, document=name, line=line
        )
    except ArgmapError as err:
        click.echo(failure(err, name, line), err=True)
        sys.exit(EXIT_PROBLEMS)
    if figure.warnings:
        click.echo(format_text(figure.warnings), err=True)
    write_output(output, figure.content)
