"""Round trips of random maps holding every kind of data: what survives AIF and GraphML.

Run: ``python -m tests.benchmarks.roundtrips [maps]``

Each map (:func:`tests.strategies.every_kind`) is written as AIF and read back, and written
as GraphML and parsed by networkx. Per kind of data (:data:`argmap.formats.base.KINDS`) the
table gives how many maps held it and in how many it survived: for AIF, the map read back
holds as many of it and equals the original; for GraphML, the file holds as many of it. A
silent change is a map that came back different without any diagnostic.
"""

from __future__ import annotations

import sys
from collections import Counter

from hypothesis import HealthCheck, given, settings

from argmap.formats import aif
from argmap.formats.base import KINDS, inventory
from argmap.model import ArgumentMap
from argmap.read import read_text
from tests.strategies import every_kind
from tests.test_graphml import _held, _parsed


def run(maps: int) -> dict[str, Counter[str]]:
    """Counters: "held" per kind, "aif" and "graphml" per kind survived, "tries" overall."""
    counts: dict[str, Counter[str]] = {k: Counter() for k in ("held", "aif", "graphml", "tries")}

    @settings(
        max_examples=maps,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(every_kind())
    def trip(m: ArgumentMap) -> None:
        held = inventory(m)
        again, diags = read_text(aif.write(m), "again.json")
        same = again is not None and again.model_dump() == m.model_dump()
        back = inventory(again) if again is not None else Counter()
        in_graphml = _held(_parsed(m))
        counts["tries"]["maps"] += 1
        counts["tries"]["aif silent changes"] += not same and not diags
        counts["tries"]["aif with diagnostics"] += bool(diags)
        counts["tries"]["graphml silent changes"] += in_graphml != held
        for kind in held:
            counts["held"][kind] += 1
            counts["aif"][kind] += same and back[kind] == held[kind]
            counts["graphml"][kind] += in_graphml[kind] == held[kind]

    trip()
    return counts


def main(maps: int = 1000) -> dict[str, Counter[str]]:
    counts = run(maps)
    print(f"{'kind':18} {'maps':>6} {'AIF':>6} {'GraphML':>8}")
    for kind in KINDS:
        held = counts["held"][kind]
        print(f"{kind:18} {held:>6} {counts['aif'][kind]:>6} {counts['graphml'][kind]:>8}")
    for name, value in counts["tries"].items():
        print(f"{name}: {value}")
    return counts


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
