"""Memory of checking a big map: what each stage keeps and builds, per element of the map.

Measured with tracemalloc, in bytes per node of the graph: the figures do not depend on the
load of the machine. The bounds sit between what argmap takes and what it took before.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc

import networkx as nx
import pytest

from argmap.checks import CHECKS, compact
from argmap.graph import build
from argmap.model import ArgumentMap
from argmap.read import read_text
from tests.benchmarks.generate import map_yaml

#: Bytes per claim that reading a map keeps (its elements, ids and texts), and the most it
#: holds while reading. Validated at once, the map's data and its elements were all alive
#: together until the end: 1,512 kept, 2,085 at the peak. A part at a time, each part's data
#: dropped and its elements sharing their sets of field names: 1,151 and 1,203.
READ_KEPT_BYTES = 1300
READ_PEAK_BYTES = 1400

#: Bytes per node of the compact view: 273 with a list for every node's successors, 178
#: with tuples and one shared empty tuple.
VIEW_BYTES = 220

#: Bytes per node that one check may build for itself over the map, graph and view: the
#: tables of AM304 (normalised texts) and AM303 (premise, conclusion pairs) took 126 and 116;
#: now the largest, the pieces of AM302, takes 48.
CHECK_BYTES = 80


@pytest.fixture(scope="module")
def checked_map() -> tuple[ArgumentMap, nx.DiGraph]:
    argmap, _ = read_text(map_yaml(20_000), "m.yaml")
    assert argmap is not None
    return argmap, build(argmap)


def test_reading_a_big_map_keeps_and_holds_within_its_bytes_per_claim() -> None:
    text = map_yaml(20_000)
    read_text("claims: {a: {text: A}}", "m.yaml")  # what reading imports is not counted
    tracemalloc.start()
    try:
        argmap, _ = read_text(text, "m.yaml")
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert argmap is not None
    claims = len(argmap.claims)
    assert kept / claims < READ_KEPT_BYTES
    assert peak / claims < READ_PEAK_BYTES


def test_the_compact_view_and_each_check_stay_within_their_bytes_per_node(
    checked_map: tuple[ArgumentMap, nx.DiGraph],
) -> None:
    argmap, graph = checked_map
    nodes = graph.number_of_nodes()
    tracemalloc.start()
    try:
        compact(graph)
        view, _ = tracemalloc.get_traced_memory()
        own = {}
        for run in CHECKS:
            tracemalloc.reset_peak()
            list(run(argmap, graph))
            own[run.__name__] = (tracemalloc.get_traced_memory()[1] - view) / nodes
    finally:
        tracemalloc.stop()
    assert view / nodes < VIEW_BYTES
    assert max(own.values()) < CHECK_BYTES, own


def test_yaml_rs_loads_with_its_allocator_purging_at_once() -> None:
    """mimalloc, inside yaml-rs, says its options when verbose: the purge delay is 0 when
    argmap loads it, and the variable is gone again from argmap's environment."""
    code = (
        "import os; from argmap.formats.native import _yaml_rs; _yaml_rs(); "
        "print('MIMALLOC_PURGE_DELAY' in os.environ)"
    )
    env = {**os.environ, "MIMALLOC_VERBOSE": "1"}
    env.pop("MIMALLOC_PURGE_DELAY", None)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert "option 'purge_delay': 0 " in done.stderr
    assert done.stdout.strip() == "False"
    # A delay the user chose is left as it is.
    env["MIMALLOC_PURGE_DELAY"] = "250"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert "option 'purge_delay': 250 " in done.stderr
    assert done.stdout.strip() == "True"
