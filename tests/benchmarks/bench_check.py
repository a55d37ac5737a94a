"""Benchmark of `argmap check`, whole processes, each next to its floor, run alternately.

Run: ``python -m tests.benchmarks.bench_check [--sizes 1000,10000,100000] [--repeat 5]
[--base /path/to/a/checkout/of/main] [--corpus ../shared/corpora/aif] [--user-python PATH]``

Rows, each timed as whole processes run in turn (argmap, its floor, argmap, ...) so that the
load of a shared machine falls on both alike (:mod:`tests.benchmarks.processes`); the figures
are medians of `repeat` runs (wall and processor time: user + system, of the process and its
children), the peak memory of the process (maxrss; the launcher's ~10 MiB is its floor), and
the ratio of processor times (argmap / floor):

- ``check N``: ``argmap check`` of a generated map of N claims, next to a process that only
  loads the same file with yaml-rs (the floor of reading it at all);
- ``check flagship``: ``argmap check maps/runway-letter.yaml``, next to ``python -c pass``;
- ``import argmap`` and ``argmap --version``, next to ``python -c pass``;
- ``check libraries``: importing networkx, Pydantic's BaseModel and Field (``import
  pydantic`` alone defers its work), yaml-rs and click, which any check needs, next to
  ``python -c pass``: the floor of ``check flagship`` (argmap's own cost is the rest; as in
  argmap's command line, the garbage collector is off and the process ends with ``os._exit``);
- with `corpus`, ``check --jobs 1`` and ``--jobs 2`` of every map in it.

With `base` (a checkout of another revision, say main, sharing this environment), each
argmap row is also run from it, alternately with this one, and the ratio after/before is
printed. With `user_python` (the interpreter of a plain, non-editable install of argmap's
core, say ``python -m venv /tmp/userenv && /tmp/userenv/bin/pip install .``), each row is
also run by it, from its own install, alternately with the others: what a user's install
costs next to the development environment (no editable-install hook, a few packages for
Pydantic and networkx to scan for plugins and backends). The load of the machine
(``uptime``) is printed first and last.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks.generate import map_yaml
from tests.benchmarks.processes import REPO, Summary, compiled, load, paired

FLAGSHIP = REPO / "maps" / "runway-letter.yaml"


def alternate(
    commands: dict[str, tuple[Sequence[str], Path | None]],
    repeat: int,
    cwd: Path,
    interpreters: dict[str, str] | None = None,
) -> dict[str, Summary]:
    """Run each command (its arguments after the interpreter, with argmap from the checkout
    beside them, or, with None, from the interpreter's own install) `repeat` times, taking
    turns, and the figures of each; `interpreters` names another Python for some of them.

    The working folder is not a checkout: ``python -m`` puts it first on the path, ahead of
    ``PYTHONPATH``. A command may fail (a map with errors exits 1) and is timed all the same.
    """
    python = {name: (interpreters or {}).get(name, sys.executable) for name in commands}
    argv = {name: [python[name], *args] for name, (args, _) in commands.items()}
    plain = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env = {
        name: plain if checkout is None else {**plain, "PYTHONPATH": str(checkout)}
        for name, (_, checkout) in commands.items()
    }
    runs = paired(argv, repeat, env, cwd=cwd, check=False)
    return {name: Summary.of(found) for name, found in runs.items()}


def yaml_rs_load(path: Path) -> list[str]:
    code = "import sys, yaml_rs; yaml_rs.loads(open(sys.argv[1]).read(), parse_datetime=False)"
    return ["-c", code, str(path)]


#: What any check imports: the floor of argmap's start-up. ``Field`` is there because a model
#: with fields imports ``pydantic.fields`` (and annotated-types), which ``BaseModel`` defers.
#: As in argmap's command line, the collector is off while they are imported, and the process
#: ends without tearing its modules down (``os._exit``; the teardown is 60M instructions).
LIBRARIES = (
    "import gc, os; gc.disable(); import networkx, yaml_rs, click; "
    "from pydantic import BaseModel, Field; os._exit(0)"
)


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
    parser.add_argument("--user-python", help="the Python of a plain install of argmap")
    args = parser.parse_args(argv)
    print(load())
    compiled(args.base)
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
        if args.user_python:
            header += f" {'user':>8} {'cpu':>7} {'user/dev cpu':>13}"
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
            if args.user_python:
                commands["user"] = (command, None)
            got = alternate(commands, args.repeat, folder, {"user": args.user_python})
            after, bottom = got["after"], got["floor"]
            line = (
                f"{name:<20} {after.median:>7.3f}s {after.cpu:>6.3f}s {after.peak_mib:>6.0f} "
                f"{bottom.cpu:>8.3f}s {bottom.peak_mib:>6.0f} "
                f"{after.cpu / max(bottom.cpu, 1e-3):>6.1f}"
            )
            row: dict[str, float | str] = {
                "row": name,
                "wall": after.median,
                "cpu": after.cpu,
                "MiB": after.peak_mib,
                "floor": bottom.cpu,
            }
            if args.base:
                before = got["before"]
                line += (
                    f" {before.median:>7.3f}s {before.cpu:>6.3f}s {before.peak_mib:>6.0f}"
                    f" {after.cpu / before.cpu:>17.2f}"
                )
                row.update(before=before.median, before_cpu=before.cpu, before_MiB=before.peak_mib)
            if args.user_python:
                user = got["user"]
                line += f" {user.median:>7.3f}s {user.cpu:>6.3f}s {user.cpu / after.cpu:>13.2f}"
                row.update(user=user.median, user_cpu=user.cpu)
            print(line, flush=True)
            results.append(row)
    checks = results[: len(args.sizes.split(","))]  # the generated maps, smallest first
    for small, large in itertools.pairwise(checks):
        growth = float(large["cpu"]) / float(small["cpu"])
        print(f"growth {small['row']} -> {large['row']}: x{growth:.1f} processor time")
    print(load())
    return results


if __name__ == "__main__":
    main()
