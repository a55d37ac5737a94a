"""`argmap serve`: a map previewed in the browser, redrawn as it is edited."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from argmap import draw
from argmap.cli.common import look_options, seconds


@click.command("serve")
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
    limit = seconds(Limits.from_env().render_seconds)
    try:
        status = serve(Path(path), port, style, draw.DEFAULT_ENGINE, limit, poll, click.echo)
    except OSError as err:
        raise click.UsageError(
            f"cannot serve on 127.0.0.1:{port}: {err.strerror or err}; "
            "choose another --port, or --port 0 for any free one"
        ) from None
    sys.exit(status)
