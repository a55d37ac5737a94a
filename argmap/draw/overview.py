"""An overview: the main conclusions and what lies a few steps below them.

A large map is unreadable at the width of a page. Its overview (``argmap render --depth N``)
draws the main conclusions and the claims at most N steps below them, a step being an
inference (from its conclusion to its premises); each claim drawn whose reasons or
objections are left out says how many claims hang below it in the full map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.graph import CLAIM, CONCLUSION, PREMISE, main_conclusions

if TYPE_CHECKING:
    import networkx as nx


def within(graph: nx.DiGraph, depth: int) -> set[str]:
    """The claims at most `depth` inferences below a main conclusion, and those inferences
    (an inference is drawn with all its premises, or not at all). Objections are drawn only
    when they are among those claims; the others are counted (:func:`hidden_below`).

    >>> from argmap.graph import build
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {c: {"text": c} for c in "abcd"},
    ...     "inferences": {"i": {"premises": ["b"], "conclusion": "a"},
    ...                    "j": {"premises": ["c"], "conclusion": "b"}},
    ...     "attacks": [{"from": "d", "to": "i"}]})
    >>> sorted(within(build(m), 1)), sorted(within(build(m), 0))
    (['a', 'b', 'i'], ['a'])
    """
    distance = dict.fromkeys(main_conclusions(graph), 0)
    frontier = list(distance)
    shown = set(distance)
    for step in range(1, depth + 1):
        below: list[str] = []
        for claim in frontier:
            for node, _, kind in graph.in_edges(claim, data="kind"):
                if kind == CONCLUSION:
                    shown.add(node)
                    below += [p for p, _, k in graph.in_edges(node, data="kind") if k == PREMISE]
        frontier = [c for c in dict.fromkeys(below) if c not in distance]
        distance.update(dict.fromkeys(frontier, step))
        shown.update(frontier)
    return shown


def hidden_below(graph: nx.DiGraph, shown: set[str]) -> dict[str, int]:
    """For each claim drawn, how many claims not drawn hang below it: its reasons and
    objections left out (those of its inferences drawn too), theirs, and so on. A claim with
    none is left out.

    >>> from argmap.graph import build
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {c: {"text": c} for c in "abcd"},
    ...     "inferences": {"i": {"premises": ["b"], "conclusion": "a"},
    ...                    "j": {"premises": ["c"], "conclusion": "b"}},
    ...     "attacks": [{"from": "d", "to": "i"}]})
    >>> hidden_below(build(m), {"a", "b", "i"})
    {'a': 1, 'b': 1}
    """
    counts: dict[str, int] = {}
    for node in sorted(shown):
        if graph.nodes[node]["kind"] != CLAIM:
            continue
        found: set[str] = set()
        stack = [node]
        while stack:
            for above, _ in graph.in_edges(stack.pop()):
                if above in found or (above in shown and graph.nodes[above]["kind"] == CLAIM):
                    continue
                found.add(above)
                stack.append(above)
        hidden = sum(1 for n in found if n not in shown and graph.nodes[n]["kind"] == CLAIM)
        if hidden:
            counts[node] = hidden
    return counts
