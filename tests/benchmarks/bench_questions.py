"""Benchmark of `argmap check --questions` against `argmap check`, side by side.

Run: ``python -m tests.benchmarks.bench_questions [--sizes 10000] [--repeat 5]``

For the flagship map and for generated maps whose inferences all have catalogue schemes
(:func:`tests.benchmarks.generate.map_yaml` with ``schemes=True``), it prints the best of
`repeat` whole-process times of ``argmap check`` and ``argmap check --questions``, run
alternately so that the machine's load falls on both alike, then the same comparison in
process (processor time of :func:`argmap.check` on the map already read), and each ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import argmap
from tests.benchmarks.generate import map_yaml

FLAGSHIP = Path(__file__).resolve().parents[2] / "maps" / "runway-letter.yaml"


def process_run(path: Path, *options: str) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "check", *options, str(path)],
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout.decode()[-2000:]
        return time.perf_counter() - start

    return run


def in_process(m: argmap.ArgumentMap, questions: bool) -> Callable[[], float]:
    def run() -> float:
        start = time.process_time()
        argmap.check(m, questions=questions)
        return time.process_time() - start

    return run


def alternate(
    repeat: int, base: Callable[[], float], other: Callable[[], float]
) -> tuple[float, float]:
    """The best of `repeat` runs of each, taken in turn."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        times[0].append(base())
        times[1].append(other())
    return min(times[0]), min(times[1])


def measure(name: str, path: Path, repeat: int) -> None:
    m = argmap.load(path)
    notes = sum(d.code == "AM314" for d in argmap.check(m, questions=True))
    plain, asked = alternate(repeat, process_run(path), process_run(path, "--questions"))
    core, core_asked = alternate(repeat, in_process(m, False), in_process(m, True))
    print(
        f"{name:<22} {len(m.claims):>7,} {notes:>6,}"
        f" {plain:>9.3f} {asked:>9.3f} {asked / plain:>6.3f}"
        f" {core:>9.3f} {core_asked:>9.3f} {core_asked / core:>6.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(
        f"{'map':<22} {'claims':>7} {'notes':>6} {'check s':>9} {'+quest s':>9} {'ratio':>6}"
        f" {'cpu s':>9} {'+quest s':>9} {'ratio':>6}"
    )
    measure(FLAGSHIP.name, FLAGSHIP, args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"schemes-{size}.yaml"
            path.write_text(map_yaml(size, schemes=True), encoding="utf-8")
            measure("generated, schemes", path, args.repeat)


if __name__ == "__main__":
    main()
