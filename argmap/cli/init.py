"""`argmap init` and `argmap schema`: a map to start from, and the format's JSON Schema."""

from __future__ import annotations

import click


@click.command("init")
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


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the map format (editors validate and complete maps with it)."""
    from argmap.schema import schema_text

    click.echo(schema_text(), nl=False)
