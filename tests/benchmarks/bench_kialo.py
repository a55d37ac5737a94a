"""Benchmark: read and check a generated Kialo debate, and lay it out with Graphviz.

The target is "reading, checking and rendering a 1,000-claim debate in under 3 s". The
baseline, measured in the same run, is reading and checking the same map written as
argmap YAML. Rendering uses ``argmap.draw`` when it exists; otherwise a plain DOT of the
graph is laid out with ``dot -Tsvg``, which is what dominates rendering.

Run: ``python -m tests.benchmarks.bench_kialo [claims]``
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import argmap
from argmap.formats import native
from argmap.graph import build
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


def _crude_dot(m: argmap.ArgumentMap) -> str:
    graph = build(m)
    nodes = [f'"{n}" [label="{n}"];' for n in graph.nodes]
    edges = [f'"{u}" -> "{v}";' for u, v in graph.edges()]
    return "digraph G {\n" + "\n".join(nodes + edges) + "\n}\n"


def measure(claims: int) -> dict[str, float]:
    """Seconds for each stage, best of three."""
    text = debate(claims)
    m, _ = read_text(text, "debate.kialo")
    assert m is not None
    yaml_text = native.write(m)
    figures = {
        "kialo read+check": _time(lambda: _read_and_check(text, "debate.kialo")),
        "yaml read+check (baseline)": _time(lambda: _read_and_check(yaml_text, "debate.yaml")),
    }
    if shutil.which("dot"):
        dot = _crude_dot(m)
        run = ["dot", "-Tsvg"]
        figures["dot -Tsvg (crude DOT)"] = _time(
            lambda: subprocess.run(run, input=dot.encode(), capture_output=True, check=True), 1
        )
    return figures


def main(claims: int = 1000) -> None:
    figures = measure(claims)
    for name, seconds in figures.items():
        print(f"{name:32} {seconds * 1000:9.1f} ms")
    base = figures["yaml read+check (baseline)"]
    print(f"ratio kialo/yaml read+check: {figures['kialo read+check'] / base:.2f}")
    total = figures["kialo read+check"] + figures.get("dot -Tsvg (crude DOT)", 0.0)
    print(f"read+check+layout, {claims} claims: {total:.2f} s (target < 3 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
