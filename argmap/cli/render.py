"""`argmap render`: draw maps with Graphviz, each beside its map or where -o says."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap import draw
from argmap.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    assumption_options,
    colour_wanted,
    exit_status,
    look_options,
    map_files,
    seconds,
)
from argmap.diagnostics import Diagnostic, format_text

if TYPE_CHECKING:
    from argmap.draw import Style
    from argmap.model import ArgumentMap


@click.command("render")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="The output file ('-': standard output); with several maps, a folder. "
    "Default: beside each map.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(draw.FORMATS),
    help="Default: the output's extension, else svg.",
)
@click.option("--lang", help="The language of the texts, in a multilingual map.")
@click.option(
    "--rankdir",
    type=click.Choice(draw.RANKDIRS),
    default=draw.DEFAULT_STYLE.rankdir,
    show_default=True,
    help="BT: conclusions above their reasons.",
)
@look_options
@click.option(
    "--tag-colour",
    "tag_colours",
    multiple=True,
    metavar="TAG=COLOUR",
    help="Fill claims with a tag in a colour (#rrggbb or a name); repeatable.",
)
@click.option(
    "--depth",
    type=click.IntRange(0),
    help="An overview: only the main conclusions and the claims at most N steps below them.",
)
@click.option(
    "--engine",
    type=click.Choice(draw.ENGINES),
    default=draw.DEFAULT_ENGINE,
    show_default=True,
    help="wasm: Graphviz in WebAssembly (from the clone: pip install -e '.[wasm]'), SVG only; "
    "elk: ELK's layered layout (Node.js, elkjs), drawn by Graphviz, for big dense maps.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0),
    help="Seconds Graphviz may take for one map (0: no limit). "
    "Default: ARGMAP_RENDER_SECONDS, else 60.",
)
@click.option(
    "--evaluate", "evaluated", is_flag=True, help="Colour claims and junctions by their labels."
)
@assumption_options
@click.option("-q", "--quiet", is_flag=True, help="Say nothing about what was written.")
@click.option(
    "--check",
    "stale_fails",
    is_flag=True,
    help="Exit 1 when a drawing was out of date or missing (it is redrawn), as formatters "
    "do: keeps committed drawings in step (the argmap-render pre-commit hook).",
)
def render_command(
    paths: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    lang: str | None,
    rankdir: str,
    theme: str,
    legend: bool,
    width: int,
    tag_colours: tuple[str, ...],
    depth: int | None,
    engine: str,
    timeout: float | None,
    evaluated: bool,
    accept: tuple[str, ...],
    reject: tuple[str, ...],
    quiet: bool,
    stale_fails: bool,
) -> None:
    """Draw maps (files, or folders of maps) with Graphviz: SVG, PNG, PDF or DOT.

    Each map is checked first and drawn only when it has no errors. Examples:

    \b
      argmap render maps/example.yaml               # maps/example.svg
      argmap render map.yaml -o map.png --legend
      argmap render maps/ --format pdf --theme print
      argmap render map.yaml -o overview.svg --depth 1   # main conclusions, reasons below
    """
    from argmap.draw import Style
    from argmap.limits import Limits
    from argmap.read import read_path, source_files

    files = map_files(paths)
    fmt = fmt or _format_of(output if len(files) == 1 else None)
    targets = _render_targets(files, output, fmt)
    try:
        colours = dict(pair.split("=", 1) for pair in tag_colours if "=" in pair)
        if len(colours) != len(tag_colours):
            raise ValueError("--tag-colour takes TAG=COLOUR")
        style = Style(lang, rankdir, theme, legend, width, colours, depth)
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    limit = seconds(Limits.from_env().render_seconds if timeout is None else timeout)
    assumed = (accept, reject) if evaluated or accept or reject else None  # either implies it
    job = RenderJob(fmt, style, engine, limit, assumed, quiet)
    loaded = [(path, *read_path(path)) for path in files]
    # Nothing a run reads may be overwritten: the maps, and their sources' texts.
    inputs = files + [f for _, argmap, _ in loaded if argmap for f in source_files(argmap)]
    # The drawings as they were, to tell which --check redraws (read only for it).
    before = {path: _contents(target) for path, target in targets.items() if stale_fails}
    diags: list[Diagnostic] = []
    status = EXIT_OK
    with click.progressbar(
        loaded, label="Rendering", file=sys.stderr, hidden=len(files) < 2 or not sys.stderr.isatty()
    ) as bar:
        for path, argmap, found in bar:
            more, code = render_one(path, argmap, found, targets[path], job, inputs)
            diags += more
            status = max(status, code)
    if diags:
        click.echo(format_text(diags, colour=colour_wanted(err=True)), err=True)
    if stale_fails and status == EXIT_OK and _redrawn(targets, before):
        status = EXIT_PROBLEMS
    sys.exit(status)


def _redrawn(targets: dict[Path, str], before: dict[Path, bytes | None]) -> bool:
    """Say which drawings were missing or out of date (`before`: their bytes before); any?"""
    stale = [t for path, t in targets.items() if t != "-" and _contents(t) != before[path]]
    for path, target in targets.items():
        if target in stale:
            was = "missing" if before[path] is None else "out of date"
            click.echo(f"{target} was {was}: drawn again", err=True)
    return bool(stale)


def _contents(path: str) -> bytes | None:
    """A file's bytes, to tell whether drawing it changed it (None: no such regular file)."""
    try:
        return Path(path).read_bytes() if Path(path).is_file() else None
    except OSError:
        return None


def _format_of(output: str | None) -> str:
    """The drawing format an output file's extension names (svg when there is none)."""
    if output is None or output == "-" or Path(output).is_dir():
        return draw.DEFAULT_FORMAT
    suffix = Path(output).suffix.lstrip(".").lower()
    if suffix not in draw.FORMATS:
        names = ", ".join(f".{f}" for f in draw.FORMATS)
        raise click.UsageError(
            f"cannot tell the drawing format of {output}: use {names}, or --format"
        )
    return suffix


def _render_targets(files: list[Path], output: str | None, fmt: str) -> dict[Path, str]:
    """Where each map's drawing goes: -o itself (one map), a file in the -o folder, or beside
    the map. Two maps drawn into one file, or -o naming a file for several maps, is refused."""
    if output is not None and len(files) > 1:
        if output == "-" or (Path(output).exists() and not Path(output).is_dir()):
            raise click.UsageError(
                f"-o {output} names one file, but {len(files)} maps need a folder"
            )
        Path(output).mkdir(parents=True, exist_ok=True)
    targets: dict[Path, str] = {}
    for path in files:
        if output is not None and len(files) == 1:
            targets[path] = output
        elif path == Path("-"):
            targets[path] = "-"
        else:
            folder = Path(output) if output is not None else path.parent
            targets[path] = str(folder / f"{path.stem}.{fmt}")
    seen: dict[str, Path] = {}
    for path, target in targets.items():
        key = target if target == "-" else os.path.realpath(target)
        if key in seen:
            raise click.UsageError(
                f"{seen[key]} and {path} would both be drawn into {target}: "
                "render them into separate folders with -o"
            )
        seen[key] = path
    return targets


@dataclass(frozen=True)
class RenderJob:
    """How to draw: the options shared by every map of one `render` command."""

    fmt: str
    style: Style
    engine: str
    timeout: float
    assumed: tuple[Sequence[str], Sequence[str]] | None = None
    quiet: bool = False


def render_one(
    path: Path,
    argmap: ArgumentMap | None,
    diags: list[Diagnostic],
    target: str,
    job: RenderJob,
    inputs: Sequence[Path] = (),
) -> tuple[list[Diagnostic], int]:
    """Check and draw one map read from `path` into `target`: diagnostics and an exit status.

    With `job.assumed` (claims to accept, to reject), the drawing shows the evaluation.
    """
    from argmap import rendered
    from argmap.diagnostics import diagnostic
    from argmap.errors import RenderError
    from argmap.output import write_output

    if argmap is None:
        return diags, exit_status(diags)
    try:
        drawing, diags = rendered(
            argmap, job.fmt, job.style, job.engine, job.timeout, job.assumed, _progress(job)
        )
    except RenderError as err:
        return [*diags, replace(err.diagnostic, file=str(path))], EXIT_USAGE
    if drawing is None:
        return diags, exit_status(diags)
    try:
        write_output(target, drawing, inputs=[path, *inputs])
    except OSError as err:
        reason = err.strerror or str(err)
        problem = diagnostic(
            "AM405",
            f"cannot write {target}: {reason}",
            hint="choose another output path (-o), and check the folder's permissions",
            file=str(path),
        )
        return [*diags, problem], EXIT_USAGE
    if not job.quiet:
        where = "standard output" if target == "-" else target
        claims = len(argmap.claims)
        noun = "claim" if claims == 1 else "claims"
        click.echo(f"wrote {where} ({_size(len(drawing))}, {claims} {noun})", err=True)
    return diags, EXIT_OK


def _progress(job: RenderJob) -> Callable[[str], None] | None:
    """Where a big drawing says what it does: standard error, unless told to be quiet."""
    return None if job.quiet else lambda step: click.echo(f"argmap: {step}", err=True)


def _size(count: int) -> str:
    """A byte count as people read it.

    >>> _size(950), _size(12_345), _size(3_400_000)
    ('950 bytes', '12.3 kB', '3.4 MB')
    """
    if count < 1000:
        return f"{count} bytes"
    return f"{count / 1000:.1f} kB" if count < 1_000_000 else f"{count / 1_000_000:.1f} MB"
