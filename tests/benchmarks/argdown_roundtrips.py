"""Count Argdown round trips: random maps written as Argdown and read back (issue #11).

Each map comes from the round-trip test's strategy (every kind of data, texts full of what
Argdown reacts to). The figures: round trips tried, how many failed to read back, how many
came back changed without :func:`argmap.losses` saying so, how many changed their verdicts.
With Argdown 1.7.5 installed (see tests/test_argdown_cli.py), every written map is also read
by Argdown in one run, and its statements, arguments and relations counted against argmap's.

Run: ``python -m tests.benchmarks.argdown_roundtrips [--maps 1000] [--argdown]``
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings

import argmap
from argmap.formats import argdown
from argmap.formats.base import KINDS, inventory
from argmap.model import ArgumentMap, dump
from argmap.read import read_text
from tests.test_argdown_cli import argdown_command, argdown_counts, argmap_counts
from tests.test_argdown_roundtrip import full_maps


def round_trip(m: ArgumentMap, tally: Counter[str]) -> str:
    """Write `m`, read it back, and count what happened; the text written."""
    tally["tried"] += 1
    text = argdown.write(m)
    again, _ = read_text(text, "m.argdown", "argdown")
    if again is None:
        tally["failed to read back"] += 1
        return text
    lost = dict(argmap.losses(m, "argdown"))
    held, back = inventory(m), inventory(again)
    if dump(again) != dump(m) and all(kind in lost or held[kind] == back[kind] for kind in KINDS):
        tally["silent changes"] += 1
    elif dump(again) != dump(m):
        tally["changes reported as losses"] += 1
    if argmap.evaluate(again).labels != argmap.evaluate(m).labels:
        tally["verdicts changed"] += 1
    return text


def main(argv: list[str] | None = None) -> Counter[str]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=1000)
    parser.add_argument("--argdown", action="store_true", help="also run Argdown 1.7.5")
    args = parser.parse_args(argv)
    tally: Counter[str] = Counter()
    folder = Path(tempfile.mkdtemp(prefix="argdown-roundtrips-"))
    expected: dict[str, Counter[str]] = {}

    @settings(
        max_examples=args.maps,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(full_maps())
    def one(m: ArgumentMap) -> None:
        name = f"m{tally['tried']}"
        (folder / f"{name}.argdown").write_text(round_trip(m, tally), encoding="utf-8")
        expected[name] = argmap_counts(m)

    one()
    command = argdown_command() if args.argdown else None
    if command is not None:
        subprocess.run(
            [command, "json", str(folder / "*.argdown"), str(folder / "json")],
            capture_output=True,
            check=False,
        )
        for name, want in expected.items():
            found = folder / "json" / f"{name}.json"
            if not found.exists():
                tally["rejected by Argdown"] += 1
            elif argdown_counts(json.loads(found.read_text(encoding="utf-8"))) != want:
                tally["Argdown counts differ"] += 1
            else:
                tally["Argdown counts agree"] += 1
    for key, value in tally.items():
        print(f"{key:<28} {value:>6}")
    return tally


if __name__ == "__main__":
    main()
