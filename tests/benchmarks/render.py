"""Benchmark: the whole `argmap render` to SVG against `dot -Tsvg` alone on argmap's DOT.

Run ``python -m tests.benchmarks.render [CLAIMS ...]`` (default 10 200 1000 5000). Per size it
prints the whole-process time of ``argmap render``, the time of ``dot -Tsvg`` on the DOT that
argmap emits (Graphviz's layout: the floor), their difference (argmap's own cost: start-up,
reading, checking, building the DOT) and their ratio. Each figure is the best of a few runs.

``--paired CLAIMS ...`` times the same pair as whole processes run in turn
(:mod:`tests.benchmarks.processes`: medians, best, processor time, peak memory, load), with
``--base CHECKOUT`` a third column of another checkout of argmap (before a change);
``--dense CLAIMS`` does it for a dense map of cross-links (:func:`dense_map_yaml`: 3,100
claims make 4,649 nodes), ``argmap render --engine elk`` against ``dot -Tsvg`` alone.

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
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks.generate import dense_map_yaml, map_yaml
from tests.benchmarks.processes import CHECKOUT, Summary, best_time, compiled, load, paired

SIZES = (10, 200, 1000, 5000)


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
    except RuntimeError:  # it failed
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


def side_by_side(
    text: str, rounds: int, base: Path | None = None, engine: str = "dot"
) -> list[str]:
    """Whole processes in turn: ``argmap render`` (with `engine`), ``dot -Tsvg`` on argmap's
    DOT, and argmap from the `base` checkout; their figures and ratios, printed and returned."""
    argmap = str(Path(sys.executable).with_name("argmap"))
    with tempfile.TemporaryDirectory() as tmp:
        source, dot = Path(tmp) / "map.yaml", Path(tmp) / "map.dot"
        source.write_text(text, encoding="utf-8")
        subprocess.run([argmap, "render", str(source), "-o", str(dot), "-q"], check=True)
        args = ["render", str(source), "-o", str(Path(tmp) / "a.svg"), "--timeout", "0", "-q"]
        commands = {
            f"argmap {engine}": [argmap, *args, "--engine", engine],
            "dot -Tsvg": ["dot", "-Tsvg", str(dot), "-o", str(Path(tmp) / "d.svg")],
        }
        if base is not None:
            commands["argmap before"] = [sys.executable, "-c", CHECKOUT, str(base), *args]
        lines = [f"{text.count('    text: '):,} claims, {rounds} rounds each ({load()})"]
        figures = {name: Summary.of(runs) for name, runs in paired(commands, rounds).items()}
    lines += [f"  {name:<14} {figure}" for name, figure in figures.items()]
    ours, floor = figures[f"argmap {engine}"], figures["dot -Tsvg"]
    lines.append(
        f"  argmap / dot: x{ours.median / floor.median:.2f} (median), "
        f"x{ours.best / floor.best:.2f} (best); own cost {ours.median - floor.median:.3f} s "
        f"(median), {ours.best - floor.best:.3f} s (best), {ours.cpu - floor.cpu:.3f} s "
        "(processor time)"
    )
    if "argmap before" in figures:
        before = figures["argmap before"]
        lines.append(
            f"  before: own cost {before.median - floor.median:.3f} s (median), "
            f"{before.best - floor.best:.3f} s (best), {before.cpu - floor.cpu:.3f} s "
            f"(processor time); x{before.median / floor.median:.2f} dot"
        )
    lines.append(f"  after: {load()}")
    print(*lines, sep="\n", flush=True)
    return lines


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", type=int, nargs="*")
    parser.add_argument("--paired", type=int, nargs="*", default=[])
    parser.add_argument("--dense", type=int, nargs="*", default=[])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--base", type=Path)
    options = parser.parse_args()
    compiled(options.base)
    if options.sizes or not (options.paired or options.dense):
        main(options.sizes or SIZES)
    for claims in options.paired:
        side_by_side(map_yaml(claims), options.rounds, options.base)
    for claims in options.dense:
        side_by_side(dense_map_yaml(claims), options.rounds, engine="elk")
