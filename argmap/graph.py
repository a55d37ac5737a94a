"""Build: ArgumentMap -> the one networkx graph that every later stage reads.

Nodes are claims (``kind="claim"``, with their derived ``role``) and inferences
(``kind="inference"``). Edges have a
``kind``: ``premise`` (claim -> inference), ``conclusion`` (inference -> claim) and
``attack`` (claim -> claim or inference), an attack also its ``type`` (``rebut``,
``undermine`` or ``undercut``) and its ``index`` in the map's list of attacks.

A pair of nodes has at most one edge. The one pair that could need two, a premise of an
inference that also undercuts it, is an error (AM208): the graph keeps the premise edge.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NoReturn

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


def build(argmap: ArgumentMap) -> nx.DiGraph:
    """The graph of a resolved map: one read by :mod:`argmap.read`, or one built in code
    whose references resolve (see :func:`argmap.finish.references`).

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> sorted(build(m).edges(data="kind"))
    [('a', 'i', 'premise'), ('i', 'b', 'conclusion')]

    Raises
    ------
    UnresolvedReferences
        When the map names a claim or inference it does not declare, or gives a claim and
        an inference one id (possible only for a map built in code).
    """
    inferences = argmap.inferences
    premises = {p for inference in inferences.values() for p in inference.premises}
    concluded = {inference.conclusion for inference in inferences.values()}
    attackers = {attack.from_ for attack in argmap.attacks}
    main = set(argmap.main or ())
    derive = argmap.main is None
    # One data dict for each kind of node and edge, shared (the graph is read, never changed):
    # a dict for each of 350,000 nodes and edges was a quarter of the time to build it.
    claim_data: dict[Role, dict[str, object]] = {r: {"kind": CLAIM, "role": r} for r in Role}
    nodes: dict[str, dict[str, object]] = {
        c: claim_data[_role(c in main, derive, c in premises, c in concluded, c in attackers)]
        for c in argmap.claims
    }
    inference_data: dict[str, object] = {"kind": INFERENCE}
    for ident in inferences:
        nodes.setdefault(ident, inference_data)
    if len(nodes) != len(argmap.claims) + len(inferences):
        _unresolved(argmap)  # a claim and an inference share an id
    # The adjacency is filled in directly, in the order add_edges_from would give it (premise
    # edges, then conclusions, then attacks), and handed to networkx in one step: adding
    # 250,000 edges one call at a time took 0.7 s of a 100,000-claim check.
    # An inference's own edges are made whole, in one call each.
    premise_data: dict[str, object] = {"kind": PREMISE}
    conclusion_data: dict[str, object] = {"kind": CONCLUSION}
    succ: dict[str, dict[str, dict[str, object]]] = {c: {} for c in argmap.claims}
    pred: dict[str, dict[str, dict[str, object]]] = {c: {} for c in argmap.claims}
    for ident, inference in inferences.items():
        succ[ident] = {inference.conclusion: conclusion_data}
        pred[ident] = dict.fromkeys(inference.premises, premise_data)
    try:
        for ident, inference in inferences.items():
            for p in inference.premises:
                succ[p][ident] = premise_data
        for ident, inference in inferences.items():
            pred[inference.conclusion][ident] = conclusion_data
        for i, attack in enumerate(argmap.attacks):
            out = succ[attack.from_]
            if attack.to not in out:  # a pair has one edge: a premise edge stays (AM208)
                kind = _attack_type(attack.to, argmap, premises)
                out[attack.to] = pred[attack.to][attack.from_] = {
                    "kind": ATTACK,
                    "type": kind,
                    "index": i,
                }
    except KeyError:
        _unresolved(argmap)  # an edge names an id the map does not declare
    graph = nx.DiGraph()
    # networkx's documented storage (dicts of node data, successors and predecessors, one
    # data dict per edge shared by both sides); assigning them resets its cached views.
    graph._node, graph._succ, graph._pred = nodes, succ, pred
    # Frozen: every stage reads the graph and none changes it, so a view derived from it
    # once (see argmap.checks.compact) stays true.
    return nx.freeze(graph)


def _unresolved(argmap: ArgumentMap) -> NoReturn:
    from argmap.errors import UnresolvedReferences
    from argmap.finish import references

    raise UnresolvedReferences(references(argmap))


def _attack_type(target: str, argmap: ArgumentMap, premises: set[str]) -> str:
    if target in argmap.inferences:
        return "undercut"
    return "undermine" if target in premises else "rebut"


def _role(listed: bool, derive: bool, premise: bool, concluded: bool, attacks: bool) -> Role:
    """A claim's role from the structure around it.

    A main conclusion is a claim the map lists as one or, when the map lists none, a claim
    that is concluded and neither supports nor attacks anything. A claim that supports
    something is a premise, or an intermediate conclusion when it is also concluded; one that
    only attacks is an objection.
    """
    if listed:
        return Role.MAIN
    if premise:
        return Role.INTERMEDIATE if concluded else Role.PREMISE
    if attacks:
        return Role.OBJECTION
    if concluded:
        return Role.MAIN if derive else Role.INTERMEDIATE
    return Role.UNUSED


def claims(graph: nx.DiGraph) -> list[str]:
    """The claim nodes, in the map's order."""
    return [n for n, kind in graph.nodes(data="kind") if kind == CLAIM]


def inferences(graph: nx.DiGraph) -> list[str]:
    """The inference nodes, in the map's order."""
    return [n for n, kind in graph.nodes(data="kind") if kind == INFERENCE]


def roles(graph: nx.DiGraph) -> dict[str, Role]:
    """The role of each claim, in the map's order.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> roles(build(m))
    {'a': <Role.PREMISE: 'premise'>, 'b': <Role.MAIN: 'main conclusion'>}
    """
    return {n: role for n, role in graph.nodes(data="role") if role is not None}


def main_conclusions(graph: nx.DiGraph) -> list[str]:
    """The main conclusions, in the map's order."""
    return [n for n, role in roles(graph).items() if role is Role.MAIN]
