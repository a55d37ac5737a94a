"""Whole processes side by side: paired runs that alternate, on a shared, loaded machine.

Each command of a set runs once in turn (a, b, a, b, ...), so that a burst of load from
other work falls on all of them alike; the figures are the median and the best wall-clock
time, the median processor time (user + system) and the peak resident memory of each child
(``os.wait4``'s ``ru_maxrss``). :func:`load` gives the machine's load average to print
beside them.

Each command is started by a small Python process that waits for it and reports: the peak
memory Linux counts for a child includes what its parent held when it forked, so a command
started from a benchmark that holds hundreds of MiB would be charged for them too. The
launcher's own ~10 MiB is the floor of the figure.

>>> runs = paired({"true": ["true"]}, 2)
>>> len(runs["true"]), runs["true"][0].peak_mib > 0
(2, True)
>>> run_once(["false"], check=False).status
1
>>> run_once(["false"])  # doctest: +ELLIPSIS
Traceback (most recent call last):
RuntimeError: false failed (1): ...
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The checkout these benchmarks belong to.
REPO = Path(__file__).resolve().parents[2]

#: Runs its arguments as a command and prints its wall-clock and processor seconds, its peak
#: memory in KiB and its exit status.
_LAUNCHER = """\
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
cpu = usage.ru_utime + usage.ru_stime
print(seconds, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""

#: Runs argmap from the checkout named by its first argument, instead of the installed one
#: (an editable install's import hook would otherwise win over PYTHONPATH).
CHECKOUT = """\
import sys
sys.meta_path[:] = [f for f in sys.meta_path if not f.__module__.startswith("__editable__")]
sys.path.insert(0, sys.argv.pop(1))
from argmap.cli import run
sys.argv[0] = "argmap"
run()
"""


@dataclass(frozen=True)
class Run:
    """One run of a command: wall-clock and processor seconds, peak memory in MiB, exit status."""

    seconds: float
    cpu: float
    peak_mib: float
    status: int


def run_once(
    command: Sequence[str],
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    check: bool = True,
) -> Run:
    """Run a command (its output thrown away) in `cwd` and measure it.

    With `check`, a command that fails raises RuntimeError with the end of what it wrote to
    stderr; without, its exit status is in the run (``argmap check`` of a map with errors
    exits 1, and is timed all the same).
    """
    with tempfile.TemporaryFile() as errors:
        done = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, *command],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=None if env is None else {**env},
            cwd=cwd,
            check=False,
        )
        figures = done.stdout.split()
        status = int(figures[3]) if done.returncode == 0 else done.returncode
        if done.returncode != 0 or (check and status != 0):
            errors.seek(0)
            said = errors.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} failed ({status}): {said}")
    seconds, cpu, peak = figures[:3]
    return Run(float(seconds), float(cpu), int(peak) / 1024, status)


def paired(
    commands: Mapping[str, Sequence[str]],
    rounds: int,
    env: Mapping[str, Mapping[str, str] | None] | None = None,
    cwd: Path | None = None,
    check: bool = True,
) -> dict[str, list[Run]]:
    """`rounds` runs of each command, taking turns; `env` gives a command its environment;
    `cwd` and `check` are :func:`run_once`'s."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            runs[name].append(run_once(command, (env or {}).get(name), cwd, check))
    return runs


def best_time(command: Sequence[str], runs: int) -> float:
    """The shortest wall-clock time of `runs` runs of a command, which must succeed."""
    return min(run_once(command).seconds for _ in range(runs))


@dataclass(frozen=True)
class Summary:
    """The figures of a command's runs."""

    median: float
    best: float
    cpu: float
    peak_mib: float

    @classmethod
    def of(cls, runs: Sequence[Run]) -> Summary:
        return cls(
            statistics.median(r.seconds for r in runs),
            min(r.seconds for r in runs),
            statistics.median(r.cpu for r in runs),
            max(r.peak_mib for r in runs),
        )

    def __str__(self) -> str:
        return (
            f"median {self.median:6.3f} s  best {self.best:6.3f} s  cpu {self.cpu:6.3f} s  "
            f"peak {self.peak_mib:5.0f} MiB"
        )


def compiled(base: Path | None = None) -> None:
    """Compile this checkout's argmap, and `base`'s, to bytecode before they are timed: the
    figures are for bytecode cached, as an installed package has it. Where
    PYTHONDONTWRITEBYTECODE is set, a checkout would otherwise compile the modules it imports
    at every run."""
    for checkout in (REPO, base):
        if checkout is not None:
            compileall.compile_dir(checkout / "argmap", quiet=1)


def load() -> str:
    """The load average over 1, 5 and 15 minutes, as ``uptime`` prints it."""
    return "load average: " + ", ".join(f"{x:.2f}" for x in os.getloadavg())
