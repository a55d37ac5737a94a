"""Benchmark: read and check a generated Kialo debate, and render it as a user would.

The target is "reading, checking and rendering a 1,000-claim debate in under 3 s": the last
figure is the whole process ``argmap render debate.kialo -o debate.svg``. The baseline,
measured in the same run, is reading and checking the same map written as argmap YAML.

Run: ``python -m tests.benchmarks.bench_kialo [claims]``
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import argmap
from argmap.formats import native
from argmap.read import read_text


def debate(claims: int, fanout: int = 3) -> str:
    """A Kialo v1 export of `claims` claims: a tree with `fanout` children a claim, Pros
    and Cons alternating, and every 50th leaf a link back to an earlier claim.

    >>> text = debate(7)
    >>> text.count("\\n1.")
    7
    """
    lines = ["Discussion Title: A generated debate", "", "1. Claim 1 of a generated debate."]
    numbers = ["1"]
    for index in range(1, claims):
        parent = numbers[(index - 1) // fanout]
        number = f"{parent}.{(index - 1) % fanout + 1}"
        numbers.append(number)
        kind = "Pro" if index % 2 else "Con"
        leaf = index * fanout + 1 >= claims  # a link has no children
        linked = numbers[index // 2 - (index // 2 % 50 == 0)]  # never a link itself
        text = f"-> See {linked}." if leaf and index % 50 == 0 else f"Claim {index + 1}."
        lines.append(f"{number}. {kind}: {text}")
    return "\n".join(lines) + "\n"


def _time(run: Callable[[], Any], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _read_and_check(text: str, name: str) -> None:
    m, diags = read_text(text, name)
    assert m is not None, diags
    argmap.check(m)


def measure(claims: int) -> dict[str, float]:
    """Seconds for each stage, best of three."""
    text = debate(claims)
    m, _ = read_text(text, "debate.kialo")
    assert m is not None
    yaml_text = native.write_yaml(m)
    figures = {
        "kialo read+check": _time(lambda: _read_and_check(text, "debate.kialo")),
        "yaml read+check (baseline)": _time(lambda: _read_and_check(yaml_text, "debate.yaml")),
    }
    if shutil.which("dot"):
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "debate.kialo"
            source.write_text(text, encoding="utf-8")
            run = [sys.executable, "-m", "argmap", "render", str(source), "-o", f"{tmp}/d.svg"]
            figures["argmap render, whole process"] = _time(
                lambda: subprocess.run(run, capture_output=True, check=True), 1
            )
    return figures


def main(claims: int = 1000) -> None:
    figures = measure(claims)
    for name, seconds in figures.items():
        print(f"{name:32} {seconds * 1000:9.1f} ms")
    base = figures["yaml read+check (baseline)"]
    print(f"ratio kialo/yaml read+check: {figures['kialo read+check'] / base:.2f}")
    if "argmap render, whole process" in figures:
        total = figures["argmap render, whole process"]
        print(f"read+check+render, {claims} claims: {total:.2f} s (target < 3 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
