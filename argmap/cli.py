"""The command line: one small function per subcommand, over the public API (:mod:`argmap`).

Each parses its options, calls the API and prints. Exit status everywhere: 0 ok, 1 problems
found in the input, 2 usage or environment errors (an unreadable path, a missing Graphviz,
an output that would overwrite an input), 70 an internal error of argmap's (a bug: the
message asks for a report).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from argmap import draw
from argmap.diagnostics import (
    Diagnostic,
    Severity,
    format_json,
    format_text,
    printable,
    summary,
)

if TYPE_CHECKING:
    from argmap.draw import Style
    from argmap.model import ArgumentMap

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70

F = TypeVar("F", bound=Callable[..., Any])


def _version_text() -> str:
    from argmap import __version__
    from argmap.draw import engine_version

    graphviz = engine_version() or "not installed (argmap render needs it)"
    return f"argmap {__version__}\nGraphviz {graphviz}"


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


def colour_wanted(err: bool = False) -> bool:
    """Whether to colour what goes to standard output (or error): a terminal, no NO_COLOR."""
    stream = sys.stderr if err else sys.stdout
    return stream.isatty() and "NO_COLOR" not in os.environ


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


def map_files(paths: Iterable[str]) -> list[Path]:
    """The files named, and the maps in the folders named; says how many files were skipped."""
    from argmap.discover import find_maps

    found = find_maps(paths)
    if found.skipped:
        noun = "file" if found.skipped == 1 else "files"
        click.echo(f"{found.skipped} {noun} in the folders skipped: not maps", err=True)
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
    if any(d.severity is Severity.ERROR for d in diags) or (strict and diags):
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


def look_options(command: F) -> F:
    """The --theme, --legend and --width options of the commands that draw a map."""
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


@main.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@format_option("the diagnostics")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
def check_command(files: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Check maps (files in any format argmap reads, or folders of maps): every problem.

    Prints `path:line:col: error AM101 message` and a hint for each problem, then a summary.
    Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage errors.

    \b
      argmap check maps/
      argmap check --strict --format json debate.argdown
    """
    paths = map_files(files)
    from argmap import check_path

    diags = [d for path in paths for d in check_path(path)]
    if fmt == "json":
        click.echo(format_json(diags))
    else:
        if diags:
            click.echo(format_text(diags, colour=colour_wanted()))
        click.echo(summary(diags, len(paths)))
    sys.exit(exit_status(diags, strict))


@main.command("render")
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
    help="wasm: Graphviz in WebAssembly (from the clone: pip install -e '.[wasm]'), SVG only.",
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
    seconds = _seconds(Limits.from_env().render_seconds if timeout is None else timeout)
    assumed = (accept, reject) if evaluated or accept or reject else None  # either implies it
    job = RenderJob(fmt, style, engine, seconds, assumed, quiet)
    loaded = [(path, *read_path(path)) for path in files]
    # Nothing a run reads may be overwritten: the maps, and their sources' texts.
    inputs = files + [f for _, argmap, _ in loaded if argmap for f in source_files(argmap)]
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
    sys.exit(status)


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


def _seconds(value: float) -> float:
    """The --timeout, as argmap keeps a time limit; not a number is a usage error."""
    from argmap.limits import time_limit

    try:
        return time_limit(value)
    except ValueError as err:
        raise click.UsageError(f"--timeout: {err}") from None


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
        drawing, diags = rendered(argmap, job.fmt, job.style, job.engine, job.timeout, job.assumed)
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


def _size(count: int) -> str:
    """A byte count as people read it.

    >>> _size(950), _size(12_345), _size(3_400_000)
    ('950 bytes', '12.3 kB', '3.4 MB')
    """
    if count < 1000:
        return f"{count} bytes"
    return f"{count / 1000:.1f} kB" if count < 1_000_000 else f"{count / 1_000_000:.1f} MB"


def _format_names() -> list[str]:
    from argmap.formats import FORMATS

    return [f.name for f in FORMATS]


@main.command("convert")
@click.argument("source", type=click.Path())
@click.argument("target", type=click.Path())
@click.option("--from", "from_", type=click.Choice(_format_names()), help="Format of SOURCE.")
@click.option("--to", type=click.Choice(_format_names()), help="Format of TARGET.")
@click.option("--strict", is_flag=True, help="Refuse to convert when the target loses data.")
def convert_command(
    source: str, target: str, from_: str | None, to: str | None, strict: bool
) -> None:
    """Convert a map between formats, chosen by the files' extensions or --from/--to.

    Formats: yaml, json (argmap's own), aif (JSON), argdown; read only: kialo, carneades,
    apx, tgf, iccma; written only: graphml. TARGET `-` is standard output (name --to).
    Whatever the target cannot carry is reported (AM643), and with --strict nothing is
    written then; whatever the source held that argmap does not understand is reported too.
    Exit status: 0 written, 1 the map has errors (or losses with --strict), 2 usage errors.
    """
    from argmap import convert
    from argmap.errors import FormatError

    try:
        diags = convert(source, target, from_, to, strict)
    except FormatError as err:
        raise click.UsageError(str(err)) from None
    if diags:
        click.echo(format_text(diags, colour=colour_wanted(err=True)), err=True)
    sys.exit(exit_status(diags))


@main.command("init")
@click.argument("file", default="map.yaml", type=click.Path())
def init_command(file: str) -> None:
    """Write a small, commented starter map to FILE (default: map.yaml) to edit.

    It checks clean. An existing file is never overwritten (exit status 2).
    """
    from importlib.resources import files

    starter = files("argmap").joinpath("starter.yaml").read_bytes()
    try:
        with open(file, "xb") as handle:
            handle.write(starter)
    except OSError as err:
        raise click.UsageError(f"cannot write {file}: {err.strerror or err}") from None
    click.echo(f"wrote {file}: edit it, then `argmap check {file}` and `argmap render {file}`")


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the map format (editors validate and complete maps with it)."""
    from argmap.schema import schema_text

    click.echo(schema_text(), nl=False)


@main.command("evaluate")
@click.argument("file", type=click.Path())
@assumption_options
@click.option("--explain", "why", multiple=True, metavar="ID", help="Say why ID has its label.")
@format_option("the labels")
def evaluate_command(
    file: str, accept: tuple[str, ...], reject: tuple[str, ...], why: tuple[str, ...], fmt: str
) -> None:
    """Label every claim of a map in, out or undecided: which claims stand.

    Exit status: 0 labelled, 1 the map has errors, 2 usage errors (an id not in the map).
    """
    import json

    from argmap.evaluate import evaluate_graph, explain, report, table, unknown_ids
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
    if fmt == "json":
        inferences = {i: str(evaluation.labels[i]) for i in argmap.inferences}
        data = {"claims": rows, "inferences": inferences, "explanations": reasons}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(printable(table(rows)))
        for ident, reason in reasons.items():
            click.echo(printable(f"\n{ident}: {reason}"))


@main.command("diff")
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


@main.command("serve")
@click.argument("path", type=click.Path())
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default=True,
    help="The port on 127.0.0.1 (0: any free port).",
)
@click.option("--lang", help="The language the page opens in, in a multilingual map.")
@look_options
@click.option("--poll", is_flag=True, help="Compare files every 0.2 s instead of watching them.")
def serve_command(
    path: str, port: int, lang: str | None, theme: str, legend: bool, width: int, poll: bool
) -> None:
    """Preview a map (or a folder of maps) in the browser, redrawn as you edit it.

    Serves on 127.0.0.1 only and prints the address. Each change to the map, or to its
    sources' texts, is checked, evaluated and drawn, and the open page follows, keeping its
    zoom and open panel; a map with errors keeps its last good drawing, with the errors
    shown over it. The maps are never written. Ctrl-C stops (exit status 0).

    \b
      argmap serve maps/runway-letter.yaml
      argmap serve maps/ --port 8000
    """
    from argmap.draw import Style
    from argmap.limits import Limits
    from argmap.serve import serve

    if not Path(path).exists():
        raise click.UsageError(f"no map or folder at {path}")
    style = Style(lang, draw.DEFAULT_STYLE.rankdir, theme, legend, width)
    seconds = _seconds(Limits.from_env().render_seconds)
    try:
        status = serve(Path(path), port, style, draw.DEFAULT_ENGINE, seconds, poll, click.echo)
    except OSError as err:
        raise click.UsageError(
            f"cannot serve on 127.0.0.1:{port}: {err.strerror or err}; "
            "choose another --port, or --port 0 for any free one"
        ) from None
    sys.exit(status)


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
