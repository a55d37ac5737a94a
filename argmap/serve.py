"""Serve: a live preview of maps in the browser, on 127.0.0.1 only.

`argmap serve MAP` shows the map's interactive page (:mod:`argmap.draw.html`); `argmap
serve FOLDER` an index of the folder's maps, each a page. A map is drawn when first asked
for, and again whenever its file or one of its sources' texts changes: the files are
watched with watchfiles where it is installed (``pip install 'argmap[serve]'``), else
polled. Each new drawing is pushed to the open pages by server-sent events, and the page
keeps its zoom, pan, evaluation, language and open panel. A map that no longer checks keeps
its last good drawing, and the page shows the located diagnostics over it. Nothing is ever
written: the maps are only read.
"""

from __future__ import annotations

import html
import json
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from argmap.diagnostics import Diagnostic, has_errors
from argmap.draw import DEFAULT_ENGINE, DEFAULT_STYLE, DEFAULT_TIMEOUT, Style
from argmap.draw.html import live, page, policy

#: The only address argmap serves on: the preview is for this machine's browser alone.
HOST = "127.0.0.1"
#: How often files are compared when they cannot be watched, in seconds.
POLL_SECONDS = 0.2
#: How long an idle event stream waits before it says it is still there, in seconds.
KEEP_ALIVE_SECONDS = 10.0
#: What the server says besides the pages: these headers go with every answer.
HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
#: The index of a folder: no script, and it loads nothing.
INDEX_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


#: What tells that a file changed: its modification time, size and inode (None: no file).
Stamp = tuple[int, int, int] | None


def stamp(path: Path) -> Stamp:
    """A file's :data:`Stamp` now.

    >>> stamp(Path("/nonexistent")) is None
    True
    """
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


@dataclass
class Drawing:
    """One map as last drawn: its version, its last good page, what is wrong with it now,
    and the files whose change redraws it (the map and its sources' texts), each with its
    :func:`stamp` as it was read."""

    version: int = 0
    page: bytes | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    inputs: dict[Path, Stamp] = field(default_factory=dict)

    def message(self) -> tuple[str, dict[str, Any]]:
        """The event that brings a page up to date: the new page, or the problems."""
        if self.problems or self.page is None:
            diagnostics = [d.to_dict() for d in self.problems]
            return "problems", {"version": self.version, "diagnostics": diagnostics}
        return "map", {"version": self.version, "page": self.page.decode("utf-8")}


class Preview:
    """The maps of one `argmap serve`: each drawn when first asked for, and again whenever
    one of its files changes; a version counts the drawings, so pages can wait for news.

    `root` is a map file or a folder of maps.
    """

    def __init__(
        self,
        root: Path,
        style: Style = DEFAULT_STYLE,
        engine: str = DEFAULT_ENGINE,
        timeout: float = DEFAULT_TIMEOUT,
        say: Callable[[str], None] = lambda _: None,
    ) -> None:
        self.root = root
        self.folder = root.is_dir()
        self.style, self.engine, self.timeout, self.say = style, engine, timeout, say
        self.drawings: dict[str, Drawing] = {}
        self.changes = threading.Condition()
        self.version = 0

    def names(self) -> list[str]:
        """The maps served, by name: paths relative to the folder (or the file's name)."""
        if not self.folder:
            return [self.root.name]
        from argmap.discover import find_maps

        return [p.relative_to(self.root).as_posix() for p in find_maps([str(self.root)]).maps]

    def path(self, name: str) -> Path | None:
        """The file of a map served under `name`, or None: only names of maps are served."""
        if not self.folder:
            return self.root if name == self.root.name else None
        return self.root / name if name in self.names() else None

    def get(self, name: str) -> Drawing | None:
        """A map's drawing, drawn now if it never was; None for a name that is no map."""
        with self.changes:
            if name in self.drawings:
                return self.drawings[name]
        path = self.path(name)
        if path is None:
            return None
        self.redraw(name, path)
        return self.drawings[name]

    def redraw(self, name: str, path: Path) -> None:
        """Read, check and draw a map again; keep its last good page when it breaks."""
        start = time.perf_counter()
        made, problems, inputs = draw(path, self.style, self.engine, self.timeout)
        with self.changes:
            old = self.drawings.get(name, Drawing())
            self.version += 1
            self.drawings[name] = Drawing(
                self.version, made if made is not None else old.page, problems, inputs
            )
            self.changes.notify_all()
        errors = sum(d.severity.value == "error" for d in problems)
        outcome = f"{errors} error(s): the page shows them" if errors else "drawn"
        self.say(f"{name}: {outcome} ({time.perf_counter() - start:.2f} s)")

    def changed(self, paths: Iterable[Path]) -> None:
        """Redraw each map drawn before that reads one of `paths` (absolute, resolved)."""
        changed = set(paths)
        with self.changes:
            stale = [name for name, d in self.drawings.items() if changed & d.inputs.keys()]
        for name in stale:
            found = self.path(name)
            if found is not None:
                self.redraw(name, found)

    def inputs(self) -> dict[Path, Stamp]:
        """Every file of every map drawn, with its stamp when it was read: what to watch."""
        with self.changes:
            return {p: stamp for d in self.drawings.values() for p, stamp in d.inputs.items()}

    def wait(self, name: str, seen: int, seconds: float) -> Drawing | None:
        """The map's drawing once its version is newer than `seen`; None after `seconds`."""
        with self.changes:
            self.changes.wait_for(
                lambda: name in self.drawings and self.drawings[name].version > seen, seconds
            )
            drawing = self.drawings.get(name)
            return drawing if drawing is not None and drawing.version > seen else None


def draw(
    path: Path, style: Style, engine: str, timeout: float
) -> tuple[bytes | None, list[Diagnostic], dict[Path, Stamp]]:
    """A map's page (None when it has errors), its errors, and the files it was made from
    with their stamps (the map's taken before it is read: a change while it is read shows)."""
    from argmap import rendered
    from argmap.errors import RenderError
    from argmap.read import read_path, source_files

    inputs = {path.resolve(): stamp(path)}
    argmap, diags = read_path(path)
    made = None
    if argmap is not None:
        inputs.update((p.resolve(), stamp(p)) for p in source_files(argmap))
        try:
            made, diags = rendered(argmap, "html", style, engine, timeout)
        except RenderError as err:
            diags = [*diags, err.diagnostic]
    problems = [d for d in diags if has_errors([d])]
    return made, problems, inputs


# ---------------------------------------------------------------------------------------
# Watching files


def watch(preview: Preview, stop: threading.Event, poll: bool = False) -> str:
    """Redraw maps whose files change, until `stop` is set; says how it watched.

    watchfiles watches the folders of the maps' files where it is installed and works;
    otherwise the files are compared every :data:`POLL_SECONDS`.
    """
    if not poll:
        try:
            import watchfiles
        except ImportError:
            pass
        else:
            try:
                _watch_with(watchfiles, preview, stop)
                return "watchfiles"
            except OSError:  # no inotify watches left, a folder gone: polling still works
                pass
    _poll(preview, stop)
    return "polling"


def _watch_with(watchfiles: Any, preview: Preview, stop: threading.Event) -> None:
    while not stop.is_set():
        folders = _folders(preview)
        for changes in watchfiles.watch(
            *folders,
            watch_filter=None,
            debounce=40,
            step=20,
            stop_event=stop,
            rust_timeout=500,
            yield_on_timeout=True,
            recursive=preview.folder,
        ):
            if changes:
                preview.changed(Path(p).resolve() for _, p in changes)
            if _folders(preview) != folders:
                break  # a map newly drawn reads files elsewhere: watch there too


def _folders(preview: Preview) -> list[Path]:
    """The folders to watch: the served folder, or those of the map's files."""
    if preview.folder:
        return [preview.root.resolve()]
    found = {p.parent for p in preview.inputs()} | {preview.root.resolve().parent}
    return sorted(f for f in found if f.is_dir())


def _poll(preview: Preview, stop: threading.Event) -> None:
    while not stop.wait(POLL_SECONDS):
        changed = [p for p, then in preview.inputs().items() if stamp(p) != then]
        if changed:
            preview.changed(changed)


# ---------------------------------------------------------------------------------------
# The server


class Server(ThreadingHTTPServer):
    """The preview's HTTP server: each request in its own thread, none kept at exit."""

    daemon_threads = True
    preview: Preview
    stop: threading.Event

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closes a connection is no error; anything else is reported."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    """``/``: the map, or the folder's index; ``/map/NAME``: a map of the folder;
    ``/events/NAME``: its server-sent events. Nothing else."""

    server: Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if not self._local():
            self._send(421, "text/plain", b"only http://127.0.0.1 is served\n")
            return
        route = unquote(urlsplit(self.path).path)
        preview = self.server.preview
        if route == "/" and preview.folder:
            self._send(200, "text/html", index(preview), INDEX_POLICY)
        elif route == "/":
            self._page(preview.root.name)
        elif route.startswith("/map/") and preview.folder:
            self._page(route.removeprefix("/map/"))
        elif route.startswith("/events/"):
            self._events(route.removeprefix("/events/"))
        else:
            self._send(404, "text/plain", b"not found: argmap serves its maps only\n")

    def _local(self) -> bool:
        """Whether the request names this server: a page of another site that rebinds its
        name to 127.0.0.1 must not read the maps."""
        host = self.headers.get("Host", "")
        port = self.server.server_address[1]
        return host in (f"{HOST}:{port}", f"localhost:{port}")

    def _page(self, name: str) -> None:
        drawing = self.server.preview.get(name)
        if drawing is None:
            self._send(404, "text/plain", b"no such map here\n")
            return
        shown = drawing.page or page({}, None, name)
        body = live(shown, "/events/" + quote(name), drawing.version if drawing.page else 0)
        self._send(200, "text/html", body, policy(connect=True))

    def _events(self, name: str) -> None:
        preview = self.server.preview
        if preview.get(name) is None:
            self._send(404, "text/plain", b"no such map here\n")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        for key, value in HEADERS.items():
            self.send_header(key, value)
        self.end_headers()
        seen = -1
        try:
            while not self.server.stop.is_set():
                drawing = preview.wait(name, seen, KEEP_ALIVE_SECONDS)
                if drawing is None:
                    self.wfile.write(b": still here\n\n")
                else:
                    seen = drawing.version
                    self.wfile.write(event(*drawing.message(), seen))
                self.wfile.flush()
        except OSError:  # the page was closed or reloaded
            pass
        self.close_connection = True

    def _send(self, status: int, kind: str, body: bytes, policy: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if policy is not None:
            self.send_header("Content-Security-Policy", policy)
        for key, value in HEADERS.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal tells what was drawn, not every request."""


def event(name: str, data: dict[str, Any], version: int) -> bytes:
    """A server-sent event: its id, its name, and its data as one line of JSON.

    >>> event("map", {"version": 2}, 2)
    b'id: 2\\nevent: map\\ndata: {"version": 2}\\n\\n'
    """
    return f"id: {version}\nevent: {name}\ndata: {json.dumps(data)}\n\n".encode()


def index(preview: Preview) -> bytes:
    """The folder's index: a link to each map's page."""
    names = preview.names()
    title = f"Maps in {preview.root}"
    items = "".join(
        f'<li><a href="/map/{html.escape(quote(n))}">{html.escape(n)}</a></li>' for n in names
    )
    body = f"<ul>{items}</ul>" if items else "<p>No maps here yet.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem}</style>\n</head>\n"
        f"<body>\n<h1>{html.escape(title)}</h1>\n{body}\n</body>\n</html>\n"
    ).encode()


def start(
    root: Path,
    port: int = 0,
    style: Style = DEFAULT_STYLE,
    engine: str = DEFAULT_ENGINE,
    timeout: float = DEFAULT_TIMEOUT,
    poll: bool = False,
    say: Callable[[str], None] = lambda _: None,
) -> Server:
    """A server of `root` (a map, or a folder of maps) on 127.0.0.1, its files watched;
    it answers once `serve_forever` runs, and `stop` ends its watching and its streams.

    Raises
    ------
    OSError
        When the port cannot be had (in use, or not allowed).
    """
    server = Server((HOST, port), Handler)
    server.preview = Preview(root, style, engine, timeout, say)
    server.stop = threading.Event()
    threading.Thread(
        target=watch, args=(server.preview, server.stop, poll), name="argmap-watch", daemon=True
    ).start()
    return server


def serve(
    root: Path,
    port: int = 0,
    style: Style = DEFAULT_STYLE,
    engine: str = DEFAULT_ENGINE,
    timeout: float = DEFAULT_TIMEOUT,
    poll: bool = False,
    say: Callable[[str], None] = print,
) -> int:
    """Serve `root` until Ctrl-C (or SIGTERM): the exit status, 0. Run from the main thread.

    Raises
    ------
    OSError
        When the port cannot be had (in use, or not allowed).
    """
    server = start(root, port, style, engine, timeout, poll, say)
    where = f"http://{HOST}:{server.server_address[1]}/"
    what = "the maps in " if server.preview.folder else ""
    say(f"argmap serve: {what}{root} at {where} (Ctrl-C stops)")
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        say("argmap serve: stopped")
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop.set()
        server.server_close()
    return 0


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt
