"""The command line: one small function per subcommand, over the public API (:mod:`argmap`).

Each parses its options, calls the API and prints. Exit status everywhere: 0 ok, 1 problems
found in the input, 2 usage or environment errors (an unreadable path, a missing Graphviz,
an output that would overwrite an input), 70 an internal error of argmap's (a bug: the
message asks for a report).
"""

from __future__ import annotations

import functools
import gc
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from argmap import draw
from argmap.diagnostics import Diagnostic, Severity, format_text, printable
from argmap.reports import REPORTERS

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
    from argmap.reports.github import append_step_summary

    fmt = fmt or default_format(os.environ)
    check = functools.partial(check_path, questions=questions)
    diags = [d for found in mapped(check, paths, jobs) for d in found]
    click.echo(REPORTERS[fmt](diags, len(paths), colour_wanted()))
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        append_step_summary(os.environ["GITHUB_STEP_SUMMARY"], diags, len(paths))
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
    seconds = _seconds(Limits.from_env().render_seconds if timeout is None else timeout)
    assumed = (accept, reject) if evaluated or accept or reject else None  # either implies it
    job = RenderJob(fmt, style, engine, seconds, assumed, quiet)
    loaded = [(path, *read_path(path)) for path in files]
    # Nothing a run reads may be overwritten: the maps, and their sources' texts.
    inputs = files + [f for _, argmap, _ in loaded if argmap for f in source_files(argmap)]
    before = {path: _contents(target) for path, target in targets.items()}
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
    if stale_fails and status == EXIT_OK:
        stale = [t for path, t in targets.items() if t != "-" and _contents(t) != before[path]]
        for path, target in targets.items():
            if target in stale:
                was = "missing" if before[path] is None else "out of date"
                click.echo(f"{target} was {was}: drawn again", err=True)
        status = EXIT_PROBLEMS if stale else status
    sys.exit(status)


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


def _format_names() -> list[str]:
    from argmap.formats import FORMATS

    return [f.name for f in FORMATS]


@main.command("convert")
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="SOURCE TARGET")
@click.option("--from", "from_", type=click.Choice(_format_names()), help="Format of SOURCE.")
@click.option("--to", type=click.Choice(_format_names()), help="Format of TARGET.")
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False),
    help="Convert every map named (files, or folders of maps) into this folder, each as "
    "its name with the extension of --to; then every path is a SOURCE.",
)
@click.option("--strict", is_flag=True, help="Refuse to convert when the target loses data.")
@jobs_option
def convert_command(
    paths: tuple[str, ...],
    from_: str | None,
    to: str | None,
    out_dir: str | None,
    strict: bool,
    jobs: int,
) -> None:
    """Convert a map between formats, chosen by the files' extensions or --from/--to.

    Formats: yaml, json (argmap's own), aif (JSON), argdown; read only: kialo, carneades,
    apx, tgf, iccma; written only: graphml. TARGET `-` is standard output (name --to).
    Whatever the target cannot carry is reported (AM643), and with --strict nothing is
    written then; whatever the source held that argmap does not understand is reported too.
    Exit status: 0 written, 1 a map has errors (or losses with --strict), 2 usage errors.

    \b
      argmap convert debate.argdown debate.yaml
      argmap convert --to argdown --out-dir out/ corpus/    # every map of a folder
    """
    from argmap.errors import FormatError
    from argmap.parallel import mapped

    if out_dir is None:
        if len(paths) != 2:
            raise click.UsageError(
                f"convert takes SOURCE TARGET ({len(paths)} paths given); "
                "for many maps name a folder with --out-dir and a format with --to"
            )
        tasks = [ConvertTask(paths[0], paths[1], from_, to, strict)]
    else:
        tasks = _convert_tasks(map_files(paths), out_dir, from_, to, strict)
    try:
        diags = [d for found in mapped(convert_one, tasks, jobs) for d in found]
    except FormatError as err:
        raise click.UsageError(str(err)) from None
    if diags:
        click.echo(format_text(diags, colour=colour_wanted(err=True)), err=True)
    sys.exit(exit_status(diags))


@dataclass(frozen=True)
class ConvertTask:
    """One conversion of a `convert` command: the arguments of :func:`argmap.convert`."""

    source: str
    target: str
    from_: str | None
    to: str | None
    strict: bool


def convert_one(task: ConvertTask) -> list[Diagnostic]:
    """Convert one map (in whichever process runs it): its diagnostics."""
    from argmap import convert

    return convert(task.source, task.target, task.from_, task.to, task.strict)


def _convert_tasks(
    files: list[Path], out_dir: str, from_: str | None, to: str | None, strict: bool
) -> list[ConvertTask]:
    """A conversion of each file into `out_dir`, named after it with the suffix of `to`;
    two files that would be written to one name are refused, as is a missing --to."""
    from argmap.formats import by_name

    if to is None:
        raise click.UsageError("--out-dir needs --to: the format to write every map in")
    form = by_name(to)
    if form.write is None:
        raise click.UsageError(f"argmap cannot write {form.description}")
    suffix = form.suffixes[0]
    folder = Path(out_dir)
    tasks, seen = [], dict[str, Path]()
    for path in files:
        if path == Path("-"):
            raise click.UsageError("--out-dir converts files: standard input has no name")
        target = folder / f"{path.stem}{suffix}"
        if target.name in seen:
            raise click.UsageError(
                f"{seen[target.name]} and {path} would both be written to {target}: "
                "convert them into separate folders"
            )
        seen[target.name] = path
        tasks.append(ConvertTask(str(path), str(target), from_, to, strict))
    folder.mkdir(parents=True, exist_ok=True)
    return tasks


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


@main.command("embed")
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


@main.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the map format (editors validate and complete maps with it)."""
    from argmap.schema import schema_text

    click.echo(schema_text(), nl=False)


@main.command("evaluate")
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
    """Print the claims' rows, the inferences' labels and the explanations asked for; the
    table as wide as the terminal, or the whole texts with `full`."""
    if fmt == "json":
        import json

        data = {"claims": rows, "inferences": inferences, "explanations": reasons}
        # One line: the indenting encoder is pure Python, six times slower at 100,000 claims.
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        import shutil

        from argmap.evaluate import table

        width = shutil.get_terminal_size().columns  # COLUMNS, the terminal, else 80
        colour = colour_wanted()
        rows = [_printable_row(r) for r in rows]
        click.echo(table(rows, width, colour, full), color=colour)  # click strips it off a tty
        for ident, reason in reasons.items():
            click.echo(printable(f"\n{ident}: {reason}"))


def _printable_row(row: dict[str, str]) -> dict[str, str]:
    return {key: printable(value, lines=False) for key, value in row.items()}


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

    gc.enable()  # a long-running server: see run()
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
