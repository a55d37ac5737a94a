"""`argmap serve`: the preview's maps, its watching, its server and its command.

The page itself is tested in a browser (tests/browser/test_serve_live.py); here, what the
server answers, when it redraws, and that it never writes.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.serve import Preview, Server, watch
from tests.serving import serving

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is absent")

MAP = """\
claims:
  a: {text: Alpha holds}
  b: {text: Beta follows}
inferences:
  i: {premises: [a], conclusion: b}
"""
BROKEN = MAP + "attacks: [\n"


def wait_until(check: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return check()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "m.yaml").write_text(MAP, encoding="utf-8")
    return tmp_path


def test_a_map_is_drawn_when_asked_for_and_again_when_it_changes(folder: Path) -> None:
    path = folder / "m.yaml"
    preview = Preview(path)
    assert preview.drawings == {}
    first = preview.get("m.yaml")
    assert first is not None and first.page is not None and not first.problems
    assert b"Alpha holds" in first.page
    path.write_text(MAP.replace("Alpha holds", "Alpha stands"), encoding="utf-8")
    preview.changed({path.resolve()})
    second = preview.get("m.yaml")
    assert second is not None and second.version > first.version
    assert second.page is not None and b"Alpha stands" in second.page
    assert preview.get("other.yaml") is None


def test_a_broken_map_keeps_its_last_good_page_and_says_where(folder: Path) -> None:
    path = folder / "m.yaml"
    preview = Preview(path)
    good = preview.get("m.yaml")
    assert good is not None
    path.write_text(BROKEN, encoding="utf-8")
    preview.changed({path.resolve()})
    broken = preview.get("m.yaml")
    assert broken is not None and broken.page == good.page
    expected = [(d.code, d.line) for d in argmap.check_path(path)]
    assert [(d.code, d.line) for d in broken.problems] == expected
    assert broken.problems[0].line > 0
    kind, data = broken.message()
    assert kind == "problems" and data["diagnostics"][0]["line"] == broken.problems[0].line
    path.write_text(MAP, encoding="utf-8")
    preview.changed({path.resolve()})
    fixed = preview.get("m.yaml")
    assert fixed is not None and not fixed.problems and fixed.message()[0] == "map"


def test_a_map_broken_from_the_start_has_its_problems_and_no_page(folder: Path) -> None:
    (folder / "m.yaml").write_text(BROKEN, encoding="utf-8")
    drawing = Preview(folder / "m.yaml").get("m.yaml")
    assert drawing is not None and drawing.page is None and drawing.problems


def test_a_change_to_a_source_text_redraws_the_map(tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text("the words quoted", encoding="utf-8")
    (tmp_path / "m.yaml").write_text(
        "sources: {s: {title: S, path: text.txt}}\n"
        "claims: {a: {text: A, quote: {source: s, text: words quoted}}}\n",
        encoding="utf-8",
    )
    preview = Preview(tmp_path / "m.yaml")
    assert not preview.get("m.yaml").problems  # type: ignore[union-attr]
    (tmp_path / "text.txt").write_text("other words", encoding="utf-8")
    preview.changed({(tmp_path / "text.txt").resolve()})
    assert [d.code for d in preview.get("m.yaml").problems] == ["AM206"]  # type: ignore[union-attr]


@pytest.mark.parametrize("poll", [False, True], ids=["watchfiles", "polling"])
def test_a_saved_file_is_seen(folder: Path, poll: bool) -> None:
    if not poll:
        pytest.importorskip("watchfiles", reason="the serve extra (watchfiles) is not installed")
    path = folder / "m.yaml"
    preview = Preview(path)
    first = preview.get("m.yaml")
    assert first is not None
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(preview, stop, poll), daemon=True)
    watcher.start()
    try:
        time.sleep(0.3)  # the watch starts
        path.write_text(MAP.replace("Beta", "Gamma"), encoding="utf-8")
        assert wait_until(lambda: b"Gamma" in (preview.drawings["m.yaml"].page or b""))
    finally:
        stop.set()
        watcher.join(5)
    assert not watcher.is_alive()


# ---------------------------------------------------------------------------------------
# The server


@pytest.fixture
def running(folder: Path) -> Iterator[Callable[[Path], Server]]:
    with ExitStack() as servers:
        yield lambda root: servers.enter_context(serving(root, poll=True))


def get(server: Server, path: str, host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": host or f"127.0.0.1:{port}"})
    answer = connection.getresponse()
    body = answer.read()
    connection.close()
    return answer.status, dict(answer.getheaders()), body


def events(server: Server, name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """The server-sent events of a map, as (event, data), read as they come."""
    port = server.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", f"/events/{name}", headers={"Host": f"127.0.0.1:{port}"})
    answer = connection.getresponse()
    assert answer.status == 200 and answer.getheader("Content-Type") == "text/event-stream"
    fields: dict[str, str] = {}
    while line := answer.fp.readline():
        text = line.decode().rstrip("\n")
        if text == "" and "event" in fields:
            yield fields["event"], json.loads(fields["data"])
            fields = {}
        elif ": " in text and not text.startswith(":"):
            key, value = text.split(": ", 1)
            fields[key] = value


def test_the_server_serves_the_map_its_events_and_nothing_else(
    folder: Path, running: Callable[[Path], Server]
) -> None:
    server = running(folder / "m.yaml")
    status, headers, body = get(server, "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "connect-src 'self'" in headers["Content-Security-Policy"]
    assert b"connect-src 'self'" in body and b"Alpha holds" in body
    assert b'"events":"/events/m.yaml"' in body
    stream = events(server, "m.yaml")
    kind, data = next(stream)
    assert kind == "map" and data["version"] == 1 and "Alpha holds" in data["page"]
    (folder / "m.yaml").write_text(BROKEN, encoding="utf-8")
    kind, data = next(stream)
    assert kind == "problems" and data["diagnostics"][0]["line"] > 0
    for path in ("/nope", "/map/m.yaml", "/events/../m.yaml", "/events/%2e%2e/etc/passwd"):
        assert get(server, path)[0] == 404, path
    assert get(server, "/", host="evil.example:80")[0] == 421  # DNS rebinding


def test_a_folder_gets_an_index_of_its_maps(
    folder: Path, running: Callable[[Path], Server]
) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "n é.yaml").write_text(MAP, encoding="utf-8")
    (folder / "notes.yaml").write_text("shopping: [milk]\n", encoding="utf-8")
    (folder / "<b>.yaml").write_text(MAP, encoding="utf-8")
    server = running(folder)
    status, headers, body = get(server, "/")
    assert status == 200 and "default-src 'none'" in headers["Content-Security-Policy"]
    links = re.findall(rb'href="([^"]*)"', body)
    assert links == [b"/map/%3Cb%3E.yaml", b"/map/m.yaml", b"/map/sub/n%20%C3%A9.yaml"]
    assert b"&lt;b&gt;.yaml" in body and b"<b>" not in body
    assert b"notes" not in body
    status, _, page = get(server, "/map/sub/n%20%C3%A9.yaml")
    assert status == 200 and b"Alpha holds" in page
    assert get(server, "/map/notes.yaml")[0] == 404


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_serving_writes_nothing(folder: Path, running: Callable[[Path], Server]) -> None:
    before = snapshot(folder)
    server = running(folder)
    get(server, "/")
    get(server, "/map/m.yaml")
    next(events(server, "m.yaml"))
    assert snapshot(folder) == before


# ---------------------------------------------------------------------------------------
# The command


def serve_process(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_the_command_serves_until_interrupted_then_stops_cleanly(
    folder: Path, stop: signal.Signals
) -> None:
    process = serve_process(str(folder / "m.yaml"))
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        connection = http.client.HTTPConnection("127.0.0.1", int(match.group(1)), timeout=10)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        process.send_signal(stop)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err


def test_the_command_refuses_a_port_in_use_and_a_missing_path(folder: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = serve_process(str(folder / "m.yaml"), "--port", str(port))
        _, err = process.communicate(timeout=20)
    assert process.returncode == 2 and f"127.0.0.1:{port}" in err and "--port" in err
    process = serve_process(str(folder / "absent.yaml"))
    _, err = process.communicate(timeout=20)
    assert process.returncode == 2 and "no map or folder" in err
