"""Benchmark of `argmap check --questions` against `argmap check`, side by side.

Run: ``python -m tests.benchmarks.bench_questions [--sizes 10000] [--repeat 5]``

For the flagship map and for generated maps whose inferences all have catalogue schemes
(:func:`tests.benchmarks.generate.map_yaml` with ``schemes=True``), it prints the median of
`repeat` whole processes of ``argmap check`` and ``argmap check --questions``, run
alternately so that the machine's load falls on both alike (the median processor time,
:mod:`tests.benchmarks.processes`), then in process (processor time
of :func:`argmap.check` on the map already read): the same map without its `scheme`,
`answers` and `dismissed` lines (what the scheme checks of every ``check`` cost), the map,
and the map with ``--questions``, each with its ratio to the one before.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import argmap
from tests.benchmarks.generate import map_yaml
from tests.benchmarks.processes import Summary, compiled, paired

FLAGSHIP = Path(__file__).resolve().parents[2] / "maps" / "runway-letter.yaml"


def in_process(m: argmap.ArgumentMap, questions: bool) -> Callable[[], float]:
    def run() -> float:
        start = time.process_time()
        argmap.check(m, questions=questions)
        return time.process_time() - start

    return run


def alternate(repeat: int, *runs: Callable[[], float]) -> list[float]:
    """The best of `repeat` runs of each, taken in turn."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, taken in zip(runs, times, strict=True):
            taken.append(run())
    return [min(taken) for taken in times]


def without_schemes(path: Path, folder: Path) -> argmap.ArgumentMap:
    """The map with its `scheme`, `answers` and `dismissed` lines left out (each on one line
    in the maps measured here): the same claims and graph, nothing for the scheme checks."""
    text = re.sub(r"(?m)^[ \t]+(?:scheme|answers|dismissed):.*\n", "", path.read_text("utf-8"))
    plain = folder / f"plain-{path.name}"
    plain.write_text(text, encoding="utf-8")
    m = argmap.load(plain)
    assert not any(i.scheme or i.dismissed for i in m.inferences.values()), "a scheme is left"
    return m


def measure(name: str, path: Path, folder: Path, repeat: int) -> None:
    m = argmap.load(path)
    notes = sum(d.code == "AM314" for d in argmap.check(m, questions=True))
    check = [sys.executable, "-m", "argmap", "check", str(path)]
    runs = paired({"check": check, "questions": [*check, "--questions"]}, repeat)
    plain, asked = (Summary.of(runs[name]).cpu for name in ("check", "questions"))
    bare, core, core_asked = alternate(
        repeat,
        in_process(without_schemes(path, folder), False),
        in_process(m, False),
        in_process(m, True),
    )
    print(
        f"{name:<22} {len(m.claims):>7,} {notes:>6,}"
        f" {plain:>9.3f} {asked:>9.3f} {asked / plain:>6.3f}"
        f" {bare:>9.4f} {core:>9.4f} {core / bare:>6.3f}"
        f" {core_asked:>9.4f} {core_asked / core:>6.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    compiled()
    print(
        f"{'':<22} {'':>7} {'':>6} {'whole processes (cpu)':^28}"
        f" {'in process (processor time)':^54}"
    )
    print(
        f"{'map':<22} {'claims':>7} {'notes':>6} {'check s':>9} {'+quest s':>9} {'ratio':>6}"
        f" {'no-schm s':>9} {'check s':>9} {'ratio':>6} {'+quest s':>9} {'ratio':>6}"
    )
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        measure(FLAGSHIP.name, FLAGSHIP, folder, args.repeat)
        for size in (int(s) for s in args.sizes.split(",")):
            path = folder / f"schemes-{size}.yaml"
            path.write_text(map_yaml(size, schemes=True), encoding="utf-8")
            measure("generated, schemes", path, folder, args.repeat)


if __name__ == "__main__":
    main()
