"""Benchmark of `argmap check` on generated maps, against bare YAML loads of the same files.

Run: ``python -m tests.benchmarks.bench_check [--sizes 1000,10000,100000] [--repeat 3]``

For each size it prints the whole-process time of ``argmap check`` on a clean map and on a
map with one error (the best of `repeat` runs), next to the time to load the same file, in
this process, with PyYAML's C loader and with yaml-rs, and the ratios of check to each.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
import yaml_rs

from tests.benchmarks.generate import map_yaml


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def check_process(path: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(path)], capture_output=True, check=False
    )
    return done.returncode


def bare_load(loader: Callable[[str], object], text: str) -> Callable[[], object]:
    def run() -> object:
        gc.collect()
        return loader(text)

    return run


def measure(size: int, folder: Path, repeat: int) -> dict[str, float]:
    clean, broken = folder / f"clean-{size}.yaml", folder / f"error-{size}.yaml"
    clean.write_text(map_yaml(size), encoding="utf-8")
    broken.write_text(map_yaml(size, error=True), encoding="utf-8")
    assert check_process(clean) == 0, f"the clean {size}-claim map does not check clean"
    assert check_process(broken) == 1, f"the broken {size}-claim map is not reported"
    text = clean.read_text(encoding="utf-8")
    return {
        "claims": size,
        "MB": len(text.encode()) / 1e6,
        "check clean": best_of(repeat, lambda: check_process(clean)),
        "check error": best_of(repeat, lambda: check_process(broken)),
        "PyYAML C": best_of(
            repeat, bare_load(lambda t: yaml.load(t, Loader=yaml.CSafeLoader), text)
        ),
        "yaml-rs": best_of(
            repeat, bare_load(lambda t: yaml_rs.loads(t, parse_datetime=False), text)
        ),
    }


def main(argv: list[str] | None = None) -> list[dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        header = (
            f"{'claims':>8} {'MB':>6} {'check clean':>12} {'check error':>12} "
            f"{'PyYAML C':>9} {'yaml-rs':>8} {'clean/PyYAML':>13} {'clean/yaml-rs':>14}"
        )
        print(header)
        for size in (int(s) for s in args.sizes.split(",")):
            row = measure(size, Path(tmp), args.repeat)
            rows.append(row)
            print(
                f"{size:>8} {row['MB']:>6.1f} {row['check clean']:>11.2f}s "
                f"{row['check error']:>11.2f}s {row['PyYAML C']:>8.3f}s {row['yaml-rs']:>7.3f}s "
                f"{row['check clean'] / row['PyYAML C']:>13.1f} "
                f"{row['check clean'] / row['yaml-rs']:>14.1f}"
            )
    for small, large in itertools.pairwise(rows):
        growth = large["check clean"] / small["check clean"]
        print(
            f"growth {int(small['claims'])} -> {int(large['claims'])} claims: "
            f"x{large['claims'] / small['claims']:.0f} claims, x{growth:.1f} time"
        )
    return rows


if __name__ == "__main__":
    main()
