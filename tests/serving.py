"""A preview server (:mod:`argmap.serve`) answering from a thread while a test or a
benchmark talks to it, and stopped after: its watching, its streams, its socket."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from argmap.draw import DEFAULT_STYLE, Style
from argmap.serve import Server, start


@contextmanager
def serving(root: Path, style: Style = DEFAULT_STYLE, poll: bool = False) -> Iterator[Server]:
    """A server of `root` on a free port of 127.0.0.1, drawing in `style`; `poll` watches
    the files by polling (see :func:`argmap.serve.start`)."""
    server = start(root, 0, style, poll=poll)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
