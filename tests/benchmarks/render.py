"""Benchmark: the whole `argmap render` to SVG against `dot -Tsvg` alone on argmap's DOT.

Run ``python -m tests.benchmarks.render [CLAIMS ...]`` (default 10 200 1000 5000). Per size it
prints the whole-process time of ``argmap render``, the time of ``dot -Tsvg`` on the DOT that
argmap emits (Graphviz's layout: the floor), their difference (argmap's own cost: start-up,
reading, checking, building the DOT) and their ratio. Each figure is the best of a few runs.

With Argdown's command line on the PATH (``npm install @argdown/cli``) or named by the
environment variable ARGDOWN, it also times ``argdown map --format svg`` on the same map
(written as Argdown by ``argmap convert``) and prints how many times faster argmap is.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks.generate import map_yaml

SIZES = (10, 200, 1000, 5000)


def best_time(command: Sequence[str], runs: int) -> float:
    """The shortest wall-clock time of `runs` runs of a command, which must succeed."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def argdown_time(source: Path, folder: Path, runs: int) -> float | None:
    """Seconds of Argdown's own SVG export of the same map; None without Argdown or on failure."""
    argdown = os.environ.get("ARGDOWN") or shutil.which("argdown")
    if argdown is None:
        return None
    converted = source.with_suffix(".argdown")
    argmap = str(Path(sys.executable).with_name("argmap"))
    subprocess.run([argmap, "convert", str(source), str(converted)], check=True)
    try:
        return best_time([argdown, "map", str(converted), str(folder), "--format", "svg"], runs)
    except subprocess.CalledProcessError:
        return None


def measure(claims: int, folder: Path) -> tuple[float, float]:
    """Seconds of `argmap render` to SVG and of `dot -Tsvg` alone, for a map of `claims`."""
    argmap = str(Path(sys.executable).with_name("argmap"))
    source = folder / f"map{claims}.yaml"
    source.write_text(map_yaml(claims), encoding="utf-8")
    dot = folder / f"map{claims}.dot"
    subprocess.run([argmap, "render", str(source), "-o", str(dot)], check=True)
    runs = 5 if claims <= 200 else 3 if claims <= 1000 else 1
    whole = best_time(
        [argmap, "render", str(source), "-o", str(folder / "a.svg"), "--timeout", "0"], runs
    )
    alone = best_time(["dot", "-Tsvg", str(dot), "-o", str(folder / "d.svg")], runs)
    return whole, alone


def main(sizes: Sequence[int] = SIZES) -> list[str]:
    """Measure each size and print one line for it; the lines are returned too."""
    version = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    lines = [
        version,
        f"{'claims':>7} {'argmap':>8} {'dot':>8} {'own':>7} {'ratio':>6} {'argdown':>9} {'x':>5}",
    ]
    print(*lines, sep="\n", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for claims in sizes:
            whole, alone = measure(claims, Path(tmp))
            peer = argdown_time(Path(tmp) / f"map{claims}.yaml", Path(tmp), 1)
            versus = (
                f"{peer:>8.3f}s {peer / whole:>5.1f}" if peer is not None else f"{'-':>9} {'-':>5}"
            )
            line = (
                f"{claims:>7} {whole:>7.3f}s {alone:>7.3f}s "
                f"{whole - alone:>6.3f}s {whole / alone:>6.2f} {versus}"
            )
            print(line, flush=True)
            lines.append(line)
    return lines


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or SIZES)
