"""Benchmark of `argmap diff`: the flagship map's first committed version against its
current one, and generated maps against copies with random edits.

Run: ``python -m tests.benchmarks.bench_diff [--sizes 1000,10000] [--edits 100] [--repeat 3]``

For each size it writes a generated map (:mod:`tests.benchmarks.generate`) and a copy with
`edits` random edits, as many of each kind: an id renamed, an attack added, a claim
reworded, a premise dropped (renames, attacks and rewordings on claims no other edit
touched). It prints the whole-process time of ``argmap diff`` (the best of `repeat` runs,
wall clock and processor time) and of ``argmap check`` on the edited map, the baseline
(diff reads, checks and evaluates two maps; check reads and checks one), the ratio of their
processor times, how many edits the diff reports exactly (the record the edit makes, with
its fields) and how many records it reports that no edit explains.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import argmap
from argmap.model import dump
from tests.benchmarks.generate import map_yaml

REPO = Path(__file__).resolve().parents[2]
FLAGSHIP = "maps/runway-letter.yaml"


def timed(args: list[str], repeat: int, cwd: Path | None = None) -> tuple[float, float, str, int]:
    """The best whole-process time of `argmap ARGS` (wall clock, and processor time: user
    plus system, which a busy machine inflates less), its output and exit status."""
    best, cpu, output, status = float("inf"), float("inf"), "", 0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "argmap", *args],
            capture_output=True,
            text=True,
            check=False,
            cwd=cwd,
        )
        best = min(best, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpu = min(cpu, used)
        output, status = done.stdout, done.returncode
    return best, cpu, output, status


def edit(data: dict[str, Any], count: int, rng: random.Random) -> list[dict[str, Any]]:
    """Apply `count` random edits to a map's data in place; the change each should make."""
    claims, inferences = list(data["claims"]), list(data["inferences"])
    free = rng.sample(claims, len(claims))  # claims no edit has touched yet, in random order
    touched_inferences: set[str] = set()
    renamed: dict[str, str] = {}  # new id -> old id: a diff names what was removed the old way
    expected: list[dict[str, Any]] = []
    for k in range(count):
        kind = ("rename", "attack", "reword", "drop")[k % 4]
        if kind == "rename":
            old = free.pop()
            new = f"{old}.renamed"
            _rename(data, old, new)
            renamed[new] = old
            expected.append({"kind": "claim", "action": "renamed", "id": new, "old_id": old})
        elif kind == "attack":
            source, target = free.pop(), free.pop()
            data.setdefault("attacks", []).append({"from": source, "to": target})
            fields = [
                {"field": "from", "old": None, "new": source},
                {"field": "to", "old": None, "new": target},
            ]
            name = f"{source} -> {target}"
            expected.append({"kind": "attack", "action": "added", "id": name, "fields": fields})
        elif kind == "reword":
            claim = free.pop()
            data["claims"][claim]["text"] = data["claims"][claim]["text"] + " Reworded."
            expected.append({"kind": "claim", "action": "changed", "id": claim})
        else:
            ident = rng.choice([i for i in inferences if i not in touched_inferences])
            touched_inferences.add(ident)
            premises = data["inferences"][ident]["premises"]
            dropped = premises.pop(rng.randrange(len(premises)))
            free = [c for c in free if c != dropped]
            field = {"field": "premises", "removed": [renamed.get(dropped, dropped)], "added": []}
            expected.append(
                {"kind": "inference", "action": "changed", "id": ident, "fields": [field]}
            )
    return expected


def _rename(data: dict[str, Any], old: str, new: str) -> None:
    data["claims"] = {(new if k == old else k): v for k, v in data["claims"].items()}
    for inference in data["inferences"].values():
        inference["premises"] = [new if p == old else p for p in inference["premises"]]
        if inference["conclusion"] == old:
            inference["conclusion"] = new
    for attack in data.get("attacks", []):
        for end in ("from", "to"):
            if attack[end] == old:
                attack[end] = new


def exact(expected: list[dict[str, Any]], reported: list[dict[str, Any]]) -> tuple[int, int]:
    """How many expected records the diff reports (on the fields given), and how many
    records it reports that no edit explains."""
    by_id = {(r["kind"], r["id"]): r for r in reported}
    found = 0
    for e in expected:
        r = by_id.get((e["kind"], e["id"]))
        if r is not None and all(r.get(k) == v for k, v in e.items() if k != "fields"):
            fields = r["fields"]
            if "fields" in e:
                found += [{k: f[k] for k in f if k != "words"} for f in fields] == e["fields"]
            elif e["action"] == "renamed":
                found += fields == []
            else:
                found += [f["field"] for f in fields] == ["text"]
    explained = {(e["kind"], e["id"]) for e in expected}
    return found, sum((r["kind"], r["id"]) not in explained for r in reported)


def measure(size: int, edits: int, folder: Path, repeat: int, seed: int) -> dict[str, float]:
    old_path, new_path = folder / f"old-{size}.yaml", folder / f"new-{size}.yaml"
    old_path.write_text(map_yaml(size), encoding="utf-8")
    data = dump(argmap.load(old_path))
    expected = edit(data, edits, random.Random(seed))
    new_path.write_text(argmap.dump(argmap.ArgumentMap.model_validate(data)), encoding="utf-8")
    command = ["diff", "--format", "json", str(old_path), str(new_path)]
    seconds, cpu, output, status = timed(command, repeat)
    assert status == 1, f"argmap diff exited {status}"
    check, check_cpu, _, _ = timed(["check", str(new_path)], repeat)
    found, unexplained = exact(expected, json.loads(output)["changes"])
    return {
        "claims": size,
        "diff": seconds,
        "diff cpu": cpu,
        "check": check,
        "check cpu": check_cpu,
        "edits": edits,
        "exact": found,
        "unexplained": unexplained,
    }


def flagship(repeat: int) -> tuple[float, float, str]:
    """The time of `argmap diff` from the flagship's first committed version to HEAD's."""
    log = subprocess.run(
        ["git", "log", "--follow", "--format=%h", "--", FLAGSHIP],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout.split()
    seconds, cpu, output, status = timed(["diff", f"{log[-1]}..HEAD", "--", FLAGSHIP], repeat, REPO)
    assert status in (0, 1), f"argmap diff exited {status}"
    return seconds, cpu, output.splitlines()[1] if output else ""


def main(argv: list[str] | None = None) -> list[dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--no-flagship", action="store_true")
    args = parser.parse_args(argv)
    if not args.no_flagship:
        seconds, cpu, summary = flagship(args.repeat)
        print(f"flagship {FLAGSHIP}, first commit -> HEAD: {seconds:.2f}s ({cpu:.2f}s cpu)")
        print(f"  {summary}")
    rows = []
    print(
        f"{'claims':>8} {'edits':>6} {'diff':>8} {'cpu':>7} {'check':>8} {'cpu':>7} "
        f"{'diff/check':>11} {'exact':>6} {'unexplained':>12}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            row = measure(size, args.edits, Path(tmp), args.repeat, args.seed)
            rows.append(row)
            print(
                f"{size:>8} {args.edits:>6} {row['diff']:>7.2f}s {row['diff cpu']:>6.2f}s "
                f"{row['check']:>7.2f}s {row['check cpu']:>6.2f}s "
                f"{row['diff cpu'] / row['check cpu']:>11.2f} {row['exact']:>6} "
                f"{row['unexplained']:>12}"
            )
    for small, large in itertools.pairwise(rows):
        claims, slower = large["claims"] / small["claims"], large["diff cpu"] / small["diff cpu"]
        print(
            f"growth {small['claims']:.0f} -> {large['claims']:.0f} claims: "
            f"x{claims:.0f} claims, x{slower:.1f} processor time"
        )
    return rows


if __name__ == "__main__":
    main()
