"""Benchmark: the time `argmap check --format sarif` adds over `--format text`.

Run: ``python -m tests.benchmarks.bench_reports [--sizes 10000] [--repeat 5]``

Each map is checked by a whole `argmap check` process, text and SARIF alternately (so that
the load of a shared machine falls on both alike), `repeat` times each; a run's cost is the
processor time of its process (user + system), the best of the runs kept. The maps: the
flagship (maps/runway-letter.yaml), a generated clean map of each size, and the same map
with every claim left unused (one AM301 warning per claim, so the reports have that many
records to write).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.generate import map_yaml

FLAGSHIP = Path(__file__).resolve().parents[2] / "maps" / "runway-letter.yaml"


def cpu_seconds(fmt: str, path: Path) -> float:
    """Processor time of one `argmap check --format fmt path` process."""
    before = os.times()
    subprocess.run(
        [sys.executable, "-m", "argmap", "check", "--format", fmt, str(path)],
        capture_output=True,
        check=False,
    )
    after = os.times()
    return (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def compare(path: Path, repeat: int) -> dict[str, float]:
    """Best processor time of text and of SARIF, measured alternately, and their ratio."""
    text, sarif = [], []
    for _ in range(repeat):
        text.append(cpu_seconds("text", path))
        sarif.append(cpu_seconds("sarif", path))
    best_text, best_sarif = min(text), min(sarif)
    return {
        "text s": best_text,
        "sarif s": best_sarif,
        "added s": best_sarif - best_text,
        "ratio": best_sarif / best_text if best_text else float("nan"),
    }


def unused_claims(size: int) -> str:
    """A map of `size` claims and nothing joining them: one warning per claim."""
    lines = ["claims:"]
    for i in range(size):
        lines += [f"  c{i}:", f"    text: Claim number {i}, which nothing uses."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> list[dict[str, object]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="claims of the generated maps")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        maps = [("runway-letter.yaml", FLAGSHIP)]
        for size in (int(s) for s in args.sizes.split(",")):
            clean = Path(folder) / f"clean-{size}.yaml"
            clean.write_text(map_yaml(size), encoding="utf-8")
            unused = Path(folder) / f"unused-{size}.yaml"
            unused.write_text(unused_claims(size), encoding="utf-8")
            maps += [(f"{size:,} claims, clean", clean), (f"{size:,} claims unused", unused)]
        print(f"{'map':<28} {'text s':>8} {'sarif s':>8} {'added s':>8} {'ratio':>6}")
        for name, path in maps:
            row = compare(path, args.repeat)
            print(
                f"{name:<28} {row['text s']:8.3f} {row['sarif s']:8.3f} "
                f"{row['added s']:8.3f} {row['ratio']:6.2f}"
            )
            rows.append({"map": name, **row})
    return rows


if __name__ == "__main__":
    main()
