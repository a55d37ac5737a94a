"""Benchmark of the AIF and Kialo readers at their corners: files over the limit on elements
(peak memory), and adversarial inputs (time at n and 4n).

Run: ``python -m tests.benchmarks.bench_formats [--scale 1.0]``

Over the limit: a 16 MB Kialo export and an AIF file of 600,000 I-nodes are checked by
``argmap check`` in a process of their own; the peak (maximum resident set size, by GNU
time) is printed next to the baseline, ``argmap check`` of a one-claim file of the same
format. Corners: the readers' time on the adversarial inputs of the tests (a Kialo title of
40,000 spaces between two words; AIF ids that all slug to one base), at n and 4n.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from functools import partial
from pathlib import Path

from argmap.formats import aif, kialo
from argmap.limits import Limits
from tests.benchmarks.bench_kialo import debate
from tests.benchmarks.bombs import answer
from tests.complexity import growth
from tests.test_aif import _adversarial as aif_corner
from tests.test_kialo import _adversarial as kialo_corner

#: A format, its answer, the file's size in MB, the peak and the baseline peak in MB.
Row = tuple[str, str, float, int, int]


def aif_nodes(count: int) -> str:
    """An AIF file of `count` I-nodes, compact."""
    nodes = ",".join(f'{{"nodeID":"c{i}","text":"claim {i}","type":"I"}}' for i in range(count))
    return f'{{"nodes":[{nodes}],"edges":[]}}'


def peaks(scale: float) -> list[Row]:
    """Per format: the file's size in MB, the answer, the time, the peak and the baseline."""
    files = [
        ("kialo", "big.kialo", debate(int(384_000 * scale)), debate(1)),
        ("aif", "big.json", aif_nodes(int(600_000 * scale)), aif_nodes(1)),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, file_name, text, tiny in files:
            path, small = Path(tmp) / file_name, Path(tmp) / f"tiny-{file_name}"
            path.write_text(text, encoding="utf-8")
            small.write_text(tiny, encoding="utf-8")
            limits = {} if scale == 1 else {"ARGMAP_MAX_ELEMENTS": str(int(500_000 * scale))}
            code, seconds, peak = answer(path, limits)
            baseline = answer(small, limits)[2]
            rows.append((name, code, path.stat().st_size / 1e6, peak, baseline))
            print(
                f"{name:6} over the limit, {path.stat().st_size / 1e6:5.1f} MB: {code} in "
                f"{seconds:.2f} s, peak {peak} MB (baseline {baseline} MB, "
                f"ratio {peak / max(baseline, 1):.2f})"
            )
    return rows


def corners(n: int) -> dict[str, float]:
    """Seconds for each reader on its adversarial input of size n, and the ratio at 4n."""
    figures = {}
    for name, read, small, large in (
        ("kialo", kialo.read, kialo_corner(n), kialo_corner(4 * n)),
        ("aif", aif.read, aif_corner(n // 40), aif_corner(n // 10)),
    ):
        start = time.perf_counter()
        read(small, "x", Limits())
        figures[name] = time.perf_counter() - start
        ratio = growth(partial(read, path="x", limits=Limits()), small, large)
        print(f"{name:6} adversarial, {len(small) / 1e3:,.0f} kB: {figures[name] * 1000:.1f} ms")
        print(f"{name:6} adversarial, 4 times as large: {ratio:.2f} times as long")
    return figures


def main(
    argv: list[str] | None = None,
) -> tuple[list[tuple[str, str, float, int, int]], dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    rows = peaks(args.scale)
    spaces = int(40_000 * args.scale)
    title = "Discussion Title: x" + " " * spaces + "y\n1. A\n"
    start = time.perf_counter()
    kialo.read(title, "x", Limits())
    took = (time.perf_counter() - start) * 1000
    print(f"kialo title of {spaces:,} spaces between two words: {took:.1f} ms")
    return rows, corners(int(20_000 * args.scale))


if __name__ == "__main__":
    main()
