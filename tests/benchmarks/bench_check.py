"""Benchmark of `argmap check`, whole processes, each next to its floor, run alternately.

Run: ``python -m tests.benchmarks.bench_check [--sizes 1000,10000,100000] [--repeat 5]
[--base /path/to/a/checkout/of/main] [--corpus ../shared/corpora/aif]``

Rows, each timed as whole processes run in turn (argmap, its floor, argmap, ...) so that the
load of a shared machine falls on both alike; the figures are medians of `repeat` runs (wall
and processor time: user + system, of the process and its children), the peak memory of
the process (maxrss, through GNU time), and the ratio of processor times (argmap / floor):

- ``check N``: ``argmap check`` of a generated map of N claims, next to a process that only
  loads the same file with yaml-rs (the floor of reading it at all);
- ``check flagship``: ``argmap check maps/runway-letter.yaml``, next to ``python -c pass``;
- ``import argmap`` and ``argmap --version``, next to ``python -c pass``;
- ``check libraries``: importing networkx, Pydantic's BaseModel (``import pydantic`` alone
  defers its work) and yaml-rs, which any check needs, next to ``python -c pass``: the floor
  of ``check flagship`` (argmap's own cost is the rest);
- with `corpus`, ``check --jobs 1`` and ``--jobs 2`` of every map in it.

With `base` (a checkout of another revision, say main, sharing this environment), each
argmap row is also run from it, alternately with this one, and the ratio after/before is
printed. The load of the machine (``uptime``) is printed first and last.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.generate import map_yaml

REPO = Path(__file__).resolve().parents[2]
TIME = shutil.which("time") or "/usr/bin/time"  # GNU time: processor time and peak memory
FLAGSHIP = REPO / "maps" / "runway-letter.yaml"


@dataclass(frozen=True)
class Run:
    """One whole process: wall seconds, processor seconds, peak memory in MiB, exit status."""

    wall: float
    cpu: float
    mib: float
    status: int


def run_process(argv: Sequence[str], pythonpath: Path | None, cwd: Path) -> Run:
    """Run `argv` (after the interpreter) with argmap from `pythonpath` (None: installed).

    Through GNU time: a child forked from this (large) process would report this process's
    memory as its own peak, since Linux carries the peak across exec.
    """
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        done = subprocess.run(
            [TIME, "-q", "-o", report.name, "-f", "%U %S %M", sys.executable, *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=cwd,  # not the repository: `python -m` puts the working folder on the path
            check=False,
        )
        wall = time.perf_counter() - start
        user, system, kib = report.read().split()[-3:]
    return Run(wall, float(user) + float(system), int(kib) / 1024, done.returncode)


@dataclass(frozen=True)
class Figure:
    """The medians of several runs of one command."""

    wall: float
    cpu: float
    mib: float

    @classmethod
    def of(cls, runs: list[Run]) -> Figure:
        return cls(
            statistics.median(r.wall for r in runs),
            statistics.median(r.cpu for r in runs),
            max(r.mib for r in runs),
        )


def alternate(
    commands: dict[str, tuple[Sequence[str], Path | None]], repeat: int, cwd: Path
) -> dict[str, Figure]:
    """Run each command `repeat` times, taking turns, and the medians of each."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, (argv, path) in commands.items():
            runs[name].append(run_process(argv, path, cwd))
    return {name: Figure.of(found) for name, found in runs.items()}


def load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def yaml_rs_load(path: Path) -> list[str]:
    code = "import sys, yaml_rs; yaml_rs.loads(open(sys.argv[1]).read(), parse_datetime=False)"
    return ["-c", code, str(path)]


#: What any check imports: the floor of argmap's start-up.
LIBRARIES = "import networkx, yaml_rs; from pydantic import BaseModel"


def rows(
    sizes: list[int], folder: Path, corpus: Path | None
) -> list[tuple[str, list[str], list[str]]]:
    """(name, argmap's command, its floor's command) for each row."""
    found = []
    for size in sizes:
        path = folder / f"clean-{size}.yaml"
        path.write_text(map_yaml(size), encoding="utf-8")
        found.append((f"check {size}", ["-m", "argmap", "check", str(path)], yaml_rs_load(path)))
    found += [
        ("check flagship", ["-m", "argmap", "check", str(FLAGSHIP)], ["-c", "pass"]),
        ("import argmap", ["-c", "import argmap"], ["-c", "pass"]),
        ("argmap --version", ["-m", "argmap", "--version"], ["-c", "pass"]),
        ("check libraries", ["-c", LIBRARIES], ["-c", "pass"]),
    ]
    if corpus is not None:
        for jobs in (1, 2):
            argv = ["-m", "argmap", "check", "--jobs", str(jobs), str(corpus)]
            found.append((f"corpus --jobs {jobs}", argv, ["-c", "pass"]))
    return found


def main(argv: list[str] | None = None) -> list[dict[str, float | str]]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--base", type=Path, help="a checkout to compare with (before)")
    parser.add_argument("--corpus", type=Path, help="a folder of maps for the --jobs rows")
    args = parser.parse_args(argv)
    print(f"load: {load()}")
    here = REPO
    results: list[dict[str, float | str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        header = (
            f"{'row':<20} {'wall':>8} {'cpu':>7} {'MiB':>6} "
            f"{'floor cpu':>9} {'MiB':>6} {'ratio':>6}"
        )
        if args.base:
            header += f" {'before':>8} {'cpu':>7} {'MiB':>6} {'after/before cpu':>17}"
        print(header)
        for name, command, floor in rows(
            [int(s) for s in args.sizes.split(",")], folder, args.corpus
        ):
            commands: dict[str, tuple[Sequence[str], Path | None]] = {
                "after": (command, here),
                "floor": (floor, here),
            }
            if args.base:
                commands["before"] = (command, args.base)
            got = alternate(commands, args.repeat, folder)
            after, bottom = got["after"], got["floor"]
            line = (
                f"{name:<20} {after.wall:>7.3f}s {after.cpu:>6.3f}s {after.mib:>6.0f} "
                f"{bottom.cpu:>8.3f}s {bottom.mib:>6.0f} {after.cpu / max(bottom.cpu, 1e-3):>6.1f}"
            )
            row: dict[str, float | str] = {
                "row": name,
                "wall": after.wall,
                "cpu": after.cpu,
                "MiB": after.mib,
                "floor": bottom.cpu,
            }
            if args.base:
                before = got["before"]
                line += (
                    f" {before.wall:>7.3f}s {before.cpu:>6.3f}s {before.mib:>6.0f}"
                    f" {after.cpu / before.cpu:>17.2f}"
                )
                row.update(before=before.wall, before_cpu=before.cpu, before_MiB=before.mib)
            print(line, flush=True)
            results.append(row)
    checks = results[: len(args.sizes.split(","))]  # the generated maps, smallest first
    for small, large in itertools.pairwise(checks):
        growth = float(large["cpu"]) / float(small["cpu"])
        print(f"growth {small['row']} -> {large['row']}: x{growth:.1f} processor time")
    print(f"load: {load()}")
    return results


if __name__ == "__main__":
    main()
