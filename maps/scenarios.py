"""The flagship map's main conclusions under each evaluation scenario of docs/evaluate.md:
`python maps/scenarios.py` prints one row a scenario, one column a main conclusion.

The scenarios: the map's own assumptions; the critics accepted (`--accept by:analyst`) and
rejected (`--reject by:analyst`); then each objection alone (an objection is a claim of
the analyst's that attacks), accepted with every other objection rejected.
"""

from __future__ import annotations

import sys
from pathlib import Path

import argmap

FLAGSHIP = Path(__file__).resolve().parent / "runway-letter.yaml"


def objections(m: argmap.ArgumentMap) -> list[str]:
    """The analyst's claims that attack something, sorted."""
    return sorted({a.from_ for a in m.attacks if m.claims[a.from_].by == "analyst"})


def scenarios(m: argmap.ArgumentMap) -> list[tuple[str, list[str], list[str]]]:
    """Each scenario's name, claims to accept and claims to reject."""
    ids = objections(m)
    rows = [
        ("map's own assumptions", [], []),
        ("critics accepted", ["by:analyst"], []),
        ("critics rejected", [], ["by:analyst"]),
    ]
    rows += [(f"only {o}", [o], [x for x in ids if x != o]) for o in ids]
    return rows


def table(m: argmap.ArgumentMap) -> str:
    """The labels of the main conclusions under each scenario, as aligned text."""
    main = list(m.main or ())
    rows = [["scenario", *main]]
    for name, accept, reject in scenarios(m):
        labels = argmap.evaluate(m, accept=accept, reject=reject).labels
        rows.append([name, *(str(labels[c]) for c in main)])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def main() -> int:
    print(table(argmap.load(FLAGSHIP)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
