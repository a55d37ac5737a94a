"""GraphML, for yEd and Gephi: the graph of :func:`argmap.graph.build`, written only.

Claims carry their text, role and tags; inferences their scheme and label; edges their kind
(premise, conclusion, attack) and an attack its type (rebut, undermine, undercut).
"""

from __future__ import annotations

import networkx as nx

from argmap.graph import CLAIM, build
from argmap.model import ArgumentMap

#: What the GraphML writer keeps (see :data:`argmap.formats.base.KINDS`).
CARRIES = frozenset(
    {"claims", "tags", "inferences", "schemes", "inference labels", "attacks", "undercuts"}
)


def write(argmap: ArgumentMap) -> str:
    """The map's graph as GraphML; attributes are plain strings, so any tool can show them.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}]})
    >>> 'attr.name="type"' in write(m) and "rebut" in write(m)
    True
    """
    graph = build(argmap)
    out = nx.MultiDiGraph()
    for node, kind in graph.nodes(data="kind"):
        if kind == CLAIM:
            claim = argmap.claims[node]
            out.add_node(
                node,
                kind=kind,
                label=argmap.text_of(node),
                role=str(graph.nodes[node]["role"]),
                tags=" ".join(claim.tags),
            )
        else:
            inference = argmap.inferences[node]
            out.add_node(
                node, kind=kind, label=inference.label or "", scheme=inference.scheme or ""
            )
    for source, target, data in graph.edges(data=True):
        out.add_edge(source, target, kind=data["kind"], type=data.get("type", ""))
    return "\n".join(nx.generate_graphml(out, prettyprint=True)) + "\n"
