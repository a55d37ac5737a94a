"""Benchmark: grounded labels of abstract frameworks, argmap against formal-argumentation.

Run: ``.venv/bin/python -m tests.benchmarks.bench_evaluate`` (``--sizes 1000 10000``,
``--processes 100000``, ``--base ../main`` to time another checkout of argmap beside this
one). The peer is formal-argumentation 0.3.0 (the PyPI package whose module is
``argumentation``), in argmap's extra ``bench``: ``pip install -e '.[bench]'``; without it
the peer's columns say so and the ratios are left out. PyArg
(``python-argumentation``) takes seconds already at 1,000 arguments, so it runs at 1,000 only,
and only when installed.

For each random framework (N arguments, 3N attacks, seeded) and each ICCMA file in
``../shared/corpora/dung/large/``, it prints, in seconds (best of three):

- ``whole``: from the lists of arguments and attacks in memory to the labels: the map
  (validated from plain data, as a map built in code is), the graph
  (:func:`argmap.graph.build`) and the labelling; for the peer, its framework and its
  grounded extension;
- ``label``: the labelling alone: argmap's from the framework's integer pairs
  (:func:`argmap.formats.dung.framework`), the peer's from its built framework;
- ``file``: argmap from the file's text to the labels (read, build, label).

Then, for each size of ``--processes``, the whole processes side by side, run in turn
(:mod:`tests.benchmarks.processes`): ``argmap evaluate FILE.apx --format json`` against the
peer's ``parse_apx`` and ``grounded_extension`` on the same file, with the median and best
times, the processor time, the peak memory of each, the ratios and the machine's load.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from argmap.evaluate import evaluate_graph
from argmap.evaluate.framework import framework_report, read_framework
from argmap.evaluate.labelling import compile_framework, propagate
from argmap.formats.dung import framework as read_pairs
from argmap.graph import build
from argmap.limits import Limits
from argmap.model import ArgumentMap
from argmap.read import read_path
from tests.benchmarks.processes import CHECKOUT, Summary, compiled, load, paired

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "dung" / "large"

Framework = tuple[list[str], list[tuple[str, str]]]


def random_framework(size: int, per_argument: int = 3, seed: int = 1) -> Framework:
    """`size` arguments, each attacking `per_argument` others chosen at random."""
    rng = random.Random(seed)
    arguments = [str(i) for i in range(1, size + 1)]
    attacks = [(a, rng.choice(arguments)) for a in arguments for _ in range(per_argument)]
    return arguments, attacks


def framework(arguments: list[str], attacks: list[tuple[str, str]]) -> ArgumentMap:
    """The map of a framework given as lists, validated as any map built in code."""
    return ArgumentMap.model_validate(
        {
            "claims": {name: {"text": name} for name in arguments},
            "attacks": [{"from": u, "to": v} for u, v in attacks],
        }
    )


def iccma_text(arguments: list[str], attacks: list[tuple[str, str]]) -> str:
    return f"p af {len(arguments)}\n" + "".join(f"{u} {v}\n" for u, v in attacks)


def apx_text(arguments: list[str], attacks: list[tuple[str, str]]) -> str:
    declared = "".join(f"arg({a}).\n" for a in arguments)
    return declared + "".join(f"att({u},{v}).\n" for u, v in attacks)


#: What is needed to time the peer, said when it is missing.
PEER_MISSING = (
    "formal-argumentation not installed: pip install -e '.[bench]' (formal-argumentation==0.3.0)"
)
#: The peer's whole process: the file's text to its grounded extension.
PEER_PROCESS = """\
import sys
from argumentation.core.dung import grounded_extension
from argumentation.interop.iccma import parse_apx
with open(sys.argv[1], encoding="utf-8") as text:
    grounded_extension(parse_apx(text.read()))
"""


def best_of(run: Callable[[], Any], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def argmap_times(fw: Framework, path: Path) -> tuple[float, float, float]:
    arguments, attacks = fw

    def whole() -> None:
        built = framework(arguments, attacks)
        evaluate_graph(built, build(built))

    def from_file() -> None:
        pairs = read_framework(path)
        assert pairs is not None
        framework_report(pairs)

    pairs = read_pairs(path.read_text(encoding="utf-8"), Limits())
    assert pairs is not None
    size = len(pairs.numbers)

    def label() -> None:
        propagate(compile_framework(pairs.numbers, pairs.attackers, pairs.targets), range(size))

    return best_of(whole), best_of(label), best_of(from_file)


def peer_times(fw: Framework) -> tuple[float, float] | None:
    try:
        from argumentation.core.dung import ArgumentationFramework, grounded_extension
    except ImportError:
        return None
    arguments, attacks = fw
    af = ArgumentationFramework(frozenset(arguments), frozenset(attacks))
    whole = best_of(
        lambda: grounded_extension(ArgumentationFramework(frozenset(arguments), frozenset(attacks)))
    )
    return whole, best_of(lambda: grounded_extension(af))


def pyarg_time(fw: Framework) -> float | None:
    try:
        from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
            AbstractArgumentationFramework,
        )
        from py_arg.abstract_argumentation_classes.argument import Argument
        from py_arg.abstract_argumentation_classes.defeat import Defeat
        from py_arg.algorithms.semantics.get_grounded_extension import (
            get_grounded_extension,
        )
    except ImportError:
        return None
    arguments, attacks = fw

    def run() -> None:
        args = {a: Argument(a) for a in arguments}
        defeats = [Defeat(args[u], args[v]) for u, v in attacks]
        get_grounded_extension(AbstractArgumentationFramework("af", list(args.values()), defeats))

    return best_of(run, repeat=1)


def row(name: str, fw: Framework, path: Path) -> str:
    whole, label, from_file = argmap_times(fw, path)
    peer = peer_times(fw)
    if peer is None:
        versus = PEER_MISSING
    else:
        versus = f"{peer[0]:7.3f} {peer[1]:7.3f}   x{peer[0] / whole:5.2f} x{peer[1] / label:5.2f}"
    return (
        f"{name:<24} {len(fw[0]):>7} {len(fw[1]):>7}   "
        f"{whole:7.3f} {label:7.3f} {from_file:7.3f}   {versus}"
    )


def run(sizes: list[int]) -> list[str]:
    """Print and return one line per framework."""
    lines = [
        "framework                   args attacks     argmap: whole   label    file"
        "   peer: whole   label   speed-up: whole  label",
    ]
    print(lines[0])
    with tempfile.TemporaryDirectory() as folder:
        cases: list[tuple[str, Framework, Path]] = []
        for size in sizes:
            fw = random_framework(size)
            path = Path(folder) / f"random-{size}.af"
            path.write_text(iccma_text(*fw), encoding="utf-8")
            cases.append((f"random {size:,}", fw, path))
        for path in sorted(SHARED.glob("*.af")) if SHARED.exists() else []:
            argmap, _ = read_path(path)
            assert argmap is not None
            fw = (list(argmap.claims), [(a.from_, a.to) for a in argmap.attacks])
            cases.append((path.stem[:24], fw, path))
        for name, fw, path in cases:
            lines.append(row(name, fw, path))
            print(lines[-1], flush=True)
    small = [s for s in sizes if s <= 1000]
    if small:
        fw = random_framework(small[-1])
        seconds = pyarg_time(fw)
        note = (
            "not installed (pip install python-argumentation)"
            if seconds is None
            else f"{seconds:.3f} s"
        )
        lines.append(f"PyArg (python-argumentation) at {small[-1]:,} arguments: {note}")
        print(lines[-1])
    if not SHARED.exists():
        print(f"(skipped the ICCMA files: {SHARED} is absent)")
    return lines


def processes(size: int, rounds: int, base: Path | None = None) -> list[str]:
    """Print and return the whole processes' figures for a random framework of `size`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"random-{size}.apx"
        path.write_text(apx_text(*random_framework(size)), encoding="utf-8")
        argmap = [sys.executable, "-m", "argmap", "evaluate", str(path), "--format", "json"]
        commands = {"argmap": argmap}
        if base is not None:
            commands["argmap before"] = [sys.executable, "-c", CHECKOUT, str(base), *argmap[3:]]
        if find_spec("argumentation") is not None:
            commands["peer"] = [sys.executable, "-c", PEER_PROCESS, str(path)]
        lines = [f"whole processes, {size:,} arguments, {rounds} rounds each ({load()})"]
        figures = {name: Summary.of(runs) for name, runs in paired(commands, rounds).items()}
    lines += [f"  {name:<14} {figure}" for name, figure in figures.items()]
    ours = figures["argmap"]
    for name in ("peer", "argmap before"):
        if name in figures:
            other = figures[name]
            lines.append(
                f"  {name} / argmap: x{other.median / ours.median:.2f} (median), "
                f"x{other.best / ours.best:.2f} (best), x{other.cpu / ours.cpu:.2f} (processor "
                f"time); argmap's peak memory is "
                f"{ours.peak_mib / other.peak_mib:.2f} x {name}'s"
            )
    if "peer" not in figures:
        lines.append(f"  peer: {PEER_MISSING}")
    lines.append(f"  after: {load()}")
    print(*lines, sep="\n", flush=True)
    return lines


def main(argv: list[str] | None = None) -> list[str]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--processes", type=int, nargs="*", default=[100_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--base", type=Path, help="another checkout of argmap to time too")
    args = parser.parse_args(argv)
    compiled(args.base)
    lines = run(args.sizes) if args.sizes else []
    for size in args.processes:
        lines += processes(size, args.rounds, args.base)
    return lines


if __name__ == "__main__":
    main()
