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
    graph = nx.DiGraph()
    inferences = argmap.inferences
    premises = {p for inference in inferences.values() for p in inference.premises}
    concluded = {inference.conclusion for inference in inferences.values()}
    attackers = {attack.from_ for attack in argmap.attacks}
    main = set(argmap.main or ())
    graph.add_nodes_from(
        (
            c,
            {
                "kind": CLAIM,
                "role": _role(
                    c in main, argmap.main is None, c in premises, c in concluded, c in attackers
                ),
            },
        )
        for c in argmap.claims
    )
    graph.add_nodes_from(inferences, kind=INFERENCE)
    graph.add_edges_from(
        (p, ident, {"kind": PREMISE}) for ident, inf in inferences.items() for p in inf.premises
    )
    graph.add_edges_from(
        (ident, inf.conclusion, {"kind": CONCLUSION}) for ident, inf in inferences.items()
    )
    graph.add_edges_from(
        (
            attack.from_,
            attack.to,
            {"kind": ATTACK, "type": _attack_type(attack.to, argmap, premises), "index": i},
        )
        for i, attack in enumerate(argmap.attacks)
        if not graph.has_edge(attack.from_, attack.to)
    )
    if len(graph) != len(argmap.claims) + len(inferences):
        # An edge to an undeclared id added a node, or a claim and an inference share an id.
        from argmap.errors import UnresolvedReferences
        from argmap.finish import references

        raise UnresolvedReferences(references(argmap))
    return graph


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
