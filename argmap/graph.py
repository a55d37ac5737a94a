"""Build: ArgumentMap -> the one networkx graph that every later stage reads.

Nodes are claims (``kind="claim"``, with their derived ``role``) and inferences
(``kind="inference"``). Edges have a
``kind``: ``premise`` (claim -> inference), ``conclusion`` (inference -> claim) and
``attack`` (claim -> claim or inference), an attack also its ``type`` (``rebut``,
``undermine`` or ``undercut``) and its ``index`` in the map's list of attacks.

It is a MultiDiGraph because one claim may both be a premise of an inference and attack it:
that is a mistake the checks must see, not one the graph may silently merge away.
"""

from __future__ import annotations

from enum import StrEnum

import networkx as nx

from argmap.model import ArgumentMap

CLAIM, INFERENCE = "claim", "inference"
PREMISE, CONCLUSION, ATTACK = "premise", "conclusion", "attack"
SUPPORT = frozenset({PREMISE, CONCLUSION})


class Role(StrEnum):
    MAIN = "main conclusion"
    INTERMEDIATE = "intermediate conclusion"
    PREMISE = "premise"
    OBJECTION = "objection"
    UNUSED = "unused"


def build(argmap: ArgumentMap) -> nx.MultiDiGraph:
    """The graph of a map whose references resolve (see :func:`argmap.read.references`).

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> sorted(build(m).edges(data="kind"))
    [('a', 'i', 'premise'), ('i', 'b', 'conclusion')]
    """
    graph = nx.MultiDiGraph(main=list(argmap.main) if argmap.main is not None else None)
    graph.add_nodes_from(argmap.claims, kind=CLAIM)
    graph.add_nodes_from(argmap.inferences, kind=INFERENCE)
    premises = set()
    for ident, inference in argmap.inferences.items():
        graph.add_edges_from(((p, ident) for p in inference.premises), kind=PREMISE)
        graph.add_edge(ident, inference.conclusion, kind=CONCLUSION)
        premises.update(inference.premises)
    for index, attack in enumerate(argmap.attacks):
        if attack.to in argmap.inferences:
            kind = "undercut"
        else:
            kind = "undermine" if attack.to in premises else "rebut"
        graph.add_edge(attack.from_, attack.to, kind=ATTACK, type=kind, index=index)
    _assign_roles(graph, argmap.main)
    return graph


def claims(graph: nx.MultiDiGraph) -> list[str]:
    """The claim nodes, in the map's order."""
    return [n for n, kind in graph.nodes(data="kind") if kind == CLAIM]


def inferences(graph: nx.MultiDiGraph) -> list[str]:
    """The inference nodes, in the map's order."""
    return [n for n, kind in graph.nodes(data="kind") if kind == INFERENCE]


def premises_of(graph: nx.MultiDiGraph, inference: str) -> list[str]:
    return [u for u, _, kind in graph.in_edges(inference, data="kind") if kind == PREMISE]


def conclusion_of(graph: nx.MultiDiGraph, inference: str) -> str:
    return next(
        str(v) for _, v, kind in graph.out_edges(inference, data="kind") if kind == CONCLUSION
    )


def _assign_roles(graph: nx.MultiDiGraph, explicit: list[str] | None) -> None:
    """Give each claim node its `role`, derived from the structure.

    A main conclusion is a claim listed as such by the map, or else a claim that is concluded
    and neither supports nor attacks anything. A claim that supports something is a premise, or
    an intermediate conclusion when it is also concluded; one that only attacks is an objection.
    """
    listed = set(explicit or ())
    for node, kind in graph.nodes(data="kind"):
        if kind != CLAIM:
            continue
        out_kinds = {k for _, _, k in graph.out_edges(node, data="kind")}
        concluded = any(k == CONCLUSION for _, _, k in graph.in_edges(node, data="kind"))
        if node in listed:
            role = Role.MAIN
        elif PREMISE in out_kinds:
            role = Role.INTERMEDIATE if concluded else Role.PREMISE
        elif ATTACK in out_kinds:
            role = Role.OBJECTION
        elif concluded:
            role = Role.MAIN if explicit is None else Role.INTERMEDIATE
        else:
            role = Role.UNUSED
        graph.nodes[node]["role"] = role


def roles(graph: nx.MultiDiGraph) -> dict[str, Role]:
    """The role of each claim, in the map's order.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> roles(build(m))
    {'a': <Role.PREMISE: 'premise'>, 'b': <Role.MAIN: 'main conclusion'>}
    """
    return {n: role for n, role in graph.nodes(data="role") if role is not None}


def main_conclusions(graph: nx.MultiDiGraph) -> list[str]:
    """The main conclusions, in the map's order."""
    return [n for n, role in roles(graph).items() if role is Role.MAIN]
