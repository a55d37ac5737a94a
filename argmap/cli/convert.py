"""`argmap convert`: a map from one format to another, or many maps into a folder."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.common import colour_wanted, exit_status, jobs_option, map_files
from argmap.diagnostics import format_text

if TYPE_CHECKING:
    from argmap.diagnostics import Diagnostic


def _format_names() -> list[str]:
    from argmap.formats import FORMATS

    return [f.name for f in FORMATS]


@click.command("convert")
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
