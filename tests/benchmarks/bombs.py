"""Hostile inputs and how argmap answers them: the code it reports, its time and peak memory.

Run: ``python -m tests.benchmarks.bombs [--scale 1.0]``

Each bomb is written to a temporary folder and checked by ``argmap check`` in a process of
its own; the table gives the diagnostic code, the wall time and the child's peak memory
(maximum resident set size). ``--scale`` shrinks the bombs (the test suite runs them tiny).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def alias_bomb(scale: float) -> str:
    """A "billion laughs": ten levels of aliases, each repeating the last ten times."""
    levels = max(3, round(9 * scale))
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\nclaims: {a: {text: x}}\n"


def huge_file(scale: float) -> str:
    """A file of 100 MB of claims."""
    line = "  c{}: {{text: claim {} with some words to make the line longer}}\n"
    count = int(100_000_000 * scale) // len(line.format(0, 0))
    return "claims:\n" + "".join(line.format(i, i) for i in range(count))


def million_claims(scale: float) -> str:
    """A compact JSON map of a million claims (29 MB: under the size limit)."""
    count = int(1_000_000 * scale)
    return '{"claims":{' + ",".join(f'"c{i}":{{"text":"t{i}"}}' for i in range(count)) + "}}"


def long_text(scale: float) -> str:
    """One claim whose text is 10 MB."""
    return "claims:\n  a:\n    text: " + "word " * int(2_000_000 * scale) + "\n"


def deep_argdown(scale: float) -> str:
    """An Argdown file nested 10,000 levels deep (one space more per level)."""
    depth = int(10_000 * scale)
    return "[a]: A\n" + "".join(" " * (i + 1) + f"+ [c{i}]: C{i}\n" for i in range(depth))


def deep_yaml(scale: float) -> str:
    """YAML lists nested 10,000 levels deep."""
    depth = int(10_000 * scale)
    return "claims: " + "[" * depth + "]" * depth + "\n"


def deep_json(scale: float) -> str:
    depth = int(10_000 * scale)
    return (
        json.dumps({"claims": {"a": {"text": "x"}}})[:-1]
        + ', "x": '
        + "[" * depth
        + "]" * depth
        + "}"
    )


#: name, file name, generator, and the limits the tiny run sets so that it still triggers.
BOMBS: list[tuple[str, str, Callable[[float], str], dict[str, str]]] = [
    ("billion laughs", "laughs.yaml", alias_bomb, {"ARGMAP_MAX_NODES": "500"}),
    ("100 MB file", "huge.yaml", huge_file, {"ARGMAP_MAX_BYTES": "1000"}),
    ("a million claims", "million.json", million_claims, {"ARGMAP_MAX_ELEMENTS": "50"}),
    ("10 MB claim text", "text.yaml", long_text, {"ARGMAP_MAX_TEXT": "100"}),
    ("Argdown 10,000 deep", "deep.argdown", deep_argdown, {}),
    ("YAML 10,000 deep", "deep.yaml", deep_yaml, {}),
    ("JSON 10,000 deep", "deep.json", deep_json, {}),
]


def answer(path: Path, env: dict[str, str]) -> tuple[str, float, int]:
    """The first diagnostic code (or "ok"), the wall time and the peak memory in MB.

    The peak (maximum resident set size) is measured by GNU time, which starts the command
    afresh; a child forked from this process would count the parent's pages too.
    """
    command = [sys.executable, "-m", "argmap", "check", str(path)]
    gnu_time = shutil.which("time") or "/usr/bin/time"
    measured = Path(gnu_time).exists()
    if measured:
        command = [gnu_time, "-f", "peak %M", *command]
    start = time.perf_counter()
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, env={**os.environ, **env}
    )
    elapsed = time.perf_counter() - start
    if "Traceback" in done.stderr or done.returncode not in (0, 1, 2):
        raise AssertionError(f"{path.name}: exit {done.returncode}\n{done.stderr}")
    found = re.search(r" (?:error|warning) (AM\d{3}) ", done.stdout)
    peak = re.search(r"peak (\d+)", done.stderr) if measured else None
    return (found.group(1) if found else "ok"), elapsed, int(peak.group(1)) // 1024 if peak else -1


def main(argv: list[str] | None = None, env: bool = False) -> list[tuple[str, str, float, int]]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'bomb':22} {'size':>10} {'answer':>7} {'time':>8} {'peak':>8}")
        for name, file_name, make, small_limits in BOMBS:
            path = Path(tmp) / file_name
            path.write_text(make(args.scale), encoding="utf-8")
            code, elapsed, peak = answer(path, small_limits if env else {})
            rows.append((name, code, elapsed, peak))
            size = path.stat().st_size
            print(f"{name:22} {size / 1e6:>8.1f}MB {code:>7} {elapsed:>7.2f}s {peak:>6}MB")
            path.unlink()
    return rows


if __name__ == "__main__":
    main()
