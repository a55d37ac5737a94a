"""Benchmark: the adversarial corners of issue #11, each at a size and at four times it.

Run: ``.venv/bin/python -m tests.benchmarks.corners`` (``--scale 0.1`` for a quick look,
``--only explain-chain`` for one row). Each row prints the pattern, its size, the CPU
seconds at that size and at four times it (best of `--repeat`), and their ratio; a
near-linear corner has a ratio near 4 (the target: under 1 s at the size, and at most 5x
growth).

The patterns (the sizes are the issue's):

- ``issue-positions``: one issue with n positions, each concluded by its own inference of a
  weight of its own (so the issue must be resolved); time of :func:`argmap.evaluate`.
- ``main-conclusions``: n main conclusions listed under ``main:``, each concluded by an
  inference from its own premise; time of ``argmap evaluate``'s work once the map is read:
  the graph, the labels and the report table (``argmap check`` of such a map is linear too,
  and spends its time placing the n - 1 warnings AM302, one per piece of the map).
- ``explain-chain``: a chain of n claims, each concluded from the one before, the first
  rejected; time of :func:`argmap.evaluate.explain` of the last claim (the chain, walked).
- ``attacks-from-one``: one claim attacking n claims, each a premise of an inference; time of
  :func:`argmap.check`.
- ``near-miss-quote``: a quote of n bytes that occurs nowhere in a repetitive source of about
  9.5 n bytes (the issue's 2 KB quote against a 19 KB source); time of AM206's hint,
  :func:`argmap.passages.closest_passage`.
- ``did-you-mean``: n unknown ids (typos) looked up among n known ones, indexed beforehand
  (:mod:`argmap.suggest`).

The generators are shared with the complexity tests (``tests/test_complexity.py``), which run
them at a small size and at four times it and assert the ratio.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Callable
from typing import Any

from argmap.model import ArgumentMap

#: A function that builds the input of size n and returns the work to time on it.
Corner = Callable[[int], Callable[[], Any]]


def issue_positions(n: int) -> Callable[[], Any]:
    from argmap.evaluate import evaluate

    claims = {f"x{i}": {"text": f"X {i}"} for i in range(n)}
    claims |= {f"p{i}": {"text": f"P {i}"} for i in range(n)}
    inferences = {
        f"i{i}": {"premises": [f"x{i}"], "conclusion": f"p{i}", "weight": (i % 997) / 1000}
        for i in range(n)
    }
    issues = {"k": {"positions": [f"p{i}" for i in range(n)]}}
    m = ArgumentMap.model_validate({"claims": claims, "inferences": inferences, "issues": issues})
    return lambda: evaluate(m)


def main_conclusions(n: int) -> Callable[[], Any]:
    from argmap.evaluate import evaluate_graph, report, table
    from argmap.graph import build

    claims = {f"x{i}": {"text": f"Premise {i}"} for i in range(n)}
    claims |= {f"c{i}": {"text": f"Conclusion {i}"} for i in range(n)}
    inferences = {f"i{i}": {"premises": [f"x{i}"], "conclusion": f"c{i}"} for i in range(n)}
    main = [f"c{i}" for i in range(n)]
    m = ArgumentMap.model_validate({"claims": claims, "inferences": inferences, "main": main})

    def work() -> str:
        graph = build(m)
        return table(report(m, graph, evaluate_graph(m, graph)))

    return work


def explain_chain(n: int) -> Callable[[], Any]:
    from argmap.evaluate import evaluate_graph, explain
    from argmap.graph import build

    claims = {f"c{i}": {"text": f"Claim {i}"} for i in range(n)}
    claims["c0"]["status"] = "rejected"
    inferences = {f"i{i}": {"premises": [f"c{i - 1}"], "conclusion": f"c{i}"} for i in range(1, n)}
    m = ArgumentMap.model_validate({"claims": claims, "inferences": inferences})
    graph = build(m)
    evaluation = evaluate_graph(m, graph)
    return lambda: explain(m, graph, evaluation, f"c{n - 1}")


def attacks_from_one(n: int) -> Callable[[], Any]:
    from argmap import check

    claims = {f"c{i}": {"text": f"Claim {i}"} for i in range(n + 1)}
    claims["top"] = {"text": "Top"}
    inferences = {"i": {"premises": [f"c{i}" for i in range(1, n + 1)], "conclusion": "top"}}
    attacks = [{"from": "c0", "to": f"c{i}"} for i in range(1, n + 1)]
    m = ArgumentMap.model_validate({"claims": claims, "inferences": inferences, "attacks": attacks})
    return lambda: check(m)


def near_miss_quote(n: int) -> Callable[[], Any]:
    from argmap.passages import closest_passage

    rng = random.Random(n)
    words = ["the", "model", "of", "a", "company", "is", "media", "and", "art", "film"]
    source = " ".join(rng.choice(words) for _ in range(n * 19 // 8))[: n * 19 // 2]
    start = source.index(" ", len(source) // 3) + 1
    # The passage with every tenth word changed: close, and found nowhere.
    passage = source[start : start + n].split(" ")
    quote = " ".join("cinema" if i % 10 == 5 else w for i, w in enumerate(passage))
    return lambda: closest_passage(quote, source)


def did_you_mean(n: int) -> Callable[[], Any]:
    from argmap.suggest import Vocabulary

    rng = random.Random(n)
    known = [f"claim-{rng.randrange(10**6):06d}-{i}" for i in range(n)]
    # Each known id with one character dropped, a different one each time: typos.
    unknown = [k[: i % len(k)] + k[i % len(k) + 1 :] for i, k in enumerate(known)]

    vocabulary = Vocabulary(known)  # indexed once (a sort), as the checks do
    return lambda: [vocabulary.closest(word) for word in unknown]


#: name -> (the generator, the issue's size).
CORNERS: dict[str, tuple[Corner, int]] = {
    "issue-positions": (issue_positions, 50_000),
    "main-conclusions": (main_conclusions, 50_000),
    "explain-chain": (explain_chain, 100_000),
    "attacks-from-one": (attacks_from_one, 50_000),
    "near-miss-quote": (near_miss_quote, 2_000),
    "did-you-mean": (did_you_mean, 20_000),
}


def seconds(corner: Corner, n: int, repeat: int = 1) -> float:
    """The best time of `repeat` runs of the corner's work at size n (building excluded)."""
    work = corner(n)
    return min(timed(work) for _ in range(repeat))


def timed(work: Callable[[], Any]) -> float:
    """The CPU time of one run of `work`, the garbage collector paused as :mod:`timeit` does:
    CPU time of this process, so that other processes on the machine matter less."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        work()
        return time.process_time() - start
    finally:
        gc.enable()


def main(argv: list[str] | None = None) -> list[tuple[str, int, float, float]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Sizes times this.")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--only", nargs="*", choices=sorted(CORNERS), help="Some rows only.")
    args = parser.parse_args(argv)
    rows = []
    print(f"{'pattern':<18} {'size':>9} {'seconds':>9} {'at 4x':>9} {'ratio':>7}")
    for name, (corner, size) in CORNERS.items():
        if args.only and name not in args.only:
            continue
        n = max(1, int(size * args.scale))
        small, large = seconds(corner, n, args.repeat), seconds(corner, 4 * n, args.repeat)
        rows.append((name, n, small, large))
        print(f"{name:<18} {n:>9,} {small:>9.3f} {large:>9.3f} {large / small:>6.1f}x", flush=True)
    return rows


if __name__ == "__main__":
    main()
