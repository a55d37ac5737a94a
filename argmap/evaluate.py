"""Evaluate: the graph -> which claims stand, as Carneades 4 would label them.

Every claim and every inference gets a :class:`Label`: ``in``, ``out`` or ``undecided``. The
labelling is grounded (the most sceptical one): a node is labelled only when its rule settles
it, and whatever nothing settles, typically because attacks go round in a circle, stays
``undecided``. The rules, in the README's words:

- An inference is ``in`` when all its premises are in and every claim undercutting it is out;
  ``out`` when a premise is out or an undercutter is in.
- A claim attacked (rebutted or undermined) by an ``in`` claim is ``out``; so is a claim
  rejected, and a claim that is not assumed and that no ``in`` inference of positive weight
  concludes once all of them are settled.
- Otherwise, once every attacker is out, a claim is ``in`` when it is assumed, or when an ``in``
  inference of positive weight concludes it.
- A claim that is a position of an issue is ``out`` as soon as a rival position is ``in``.
  When no position is assumed, the issue waits until every position is settled but for the
  competition, then the position whose strongest ``in`` inference is strictly heavier than
  every rival's wins (preponderance of the evidence); a tie, or no applicable argument at
  all, leaves every position ``out``, as in Carneades.

Which claims are assumed: those with ``status: accepted``, and those with no status that no
inference concludes; ``status: rejected`` makes a claim out, ``status: open`` neither. The
command line can accept or reject any claim, overriding the map.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

import networkx as nx

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.graph import ATTACK, CLAIM, PREMISE, build, main_conclusions
from argmap.model import ArgumentMap


class Label(StrEnum):
    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


@dataclass(frozen=True)
class Evaluation:
    """The label of every claim and inference (in the map's order) and what was assumed."""

    labels: dict[str, Label]
    assumed: frozenset[str]
    rejected: frozenset[str]
    main: tuple[str, ...]

    def of(self, ident: str) -> Label:
        return self.labels[ident]


def evaluate(
    argmap: ArgumentMap, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> Evaluation:
    """Label every claim and inference of a map whose references resolve.

    `accept` and `reject` override the map's own assumptions (see :func:`assumptions`).

    >>> m = ArgumentMap.model_validate({
    ...     "claims": {"a": {"text": "A"}, "b": {"text": "B"}, "c": {"text": "C"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}},
    ...     "attacks": [{"from": "c", "to": "a"}]})
    >>> {ident: str(label) for ident, label in evaluate(m).labels.items()}
    {'a': 'out', 'b': 'out', 'c': 'in', 'i': 'out'}
    >>> str(evaluate(m, reject=["c"]).labels["b"])
    'in'
    """
    return evaluate_graph(argmap, build(argmap), accept, reject)


def evaluate_graph(
    argmap: ArgumentMap,
    graph: nx.MultiDiGraph,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> Evaluation:
    """:func:`evaluate` on the map's graph, already built."""
    assumed, rejected = assumptions(argmap, graph, accept, reject)
    weights = {i: w for i, inf in argmap.inferences.items() if (w := inf.weight) is not None}
    issues = [issue.positions for _, issue in sorted(argmap.issues.items())]
    labels = grounded(graph, assumed, rejected, weights, issues)
    return Evaluation(labels, assumed, rejected, tuple(main_conclusions(graph)))


def assumptions(
    argmap: ArgumentMap,
    graph: nx.MultiDiGraph,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> tuple[frozenset[str], frozenset[str]]:
    """The claims assumed and the claims rejected: the map's statuses, then the overrides.

    >>> m = ArgumentMap.model_validate({"claims": {
    ...     "a": {"text": "A"}, "b": {"text": "B", "status": "open"}}})
    >>> assumptions(m, build(m), reject=["a"])
    (frozenset(), frozenset({'a'}))
    """
    status = {ident: claim.status for ident, claim in argmap.claims.items()}
    status.update(dict.fromkeys(accept, "accepted"))
    status.update(dict.fromkeys(reject, "rejected"))
    concluded = {inference.conclusion for inference in argmap.inferences.values()}
    assumed = {
        c for c, s in status.items() if s == "accepted" or (s is None and c not in concluded)
    }
    return frozenset(assumed), frozenset(c for c, s in status.items() if s == "rejected")


def unknown_claims(
    argmap: ArgumentMap, accept: Iterable[str], reject: Iterable[str]
) -> list[Diagnostic]:
    """AM501 for a claim to accept or reject that the map lacks; AM502 for one in both lists."""
    accept, reject = list(accept), list(reject)
    diags = [
        diagnostic("AM501", f"no claim `{c}` to {verb}", hint=_close_hint(c, argmap.claims))
        for verb, ids in (("accept", accept), ("reject", reject))
        for c in ids
        if c not in argmap.claims
    ]
    diags += [
        diagnostic(
            "AM502",
            f"claim `{c}` is both accepted and rejected",
            hint="give it to --accept or to --reject, not both",
        )
        for c in sorted(set(accept) & set(reject))
    ]
    return diags


def _close_hint(ident: str, pool: Collection[str]) -> str:
    import difflib

    close = difflib.get_close_matches(ident, sorted(pool), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else "give the id of one of the map's claims"


# Label codes in the hot loop: list indexing is much faster than enum members in dicts.
_UNDECIDED, _IN, _OUT = 0, 1, 2
_LABELS = (Label.UNDECIDED, Label.IN, Label.OUT)


def grounded(
    graph: nx.MultiDiGraph,
    assumed: Collection[str],
    rejected: Collection[str] = (),
    weights: dict[str, float] | None = None,
    issues: Iterable[list[str]] = (),
) -> dict[str, Label]:
    """The grounded labelling of the graph's claims and inferences, in the graph's order.

    `weights` gives inferences a weight other than 1; each issue is a list of its positions.
    Every node is labelled at most once and every edge looked at a bounded number of times,
    so the time is linear in the size of the graph (issues aside, which are small).

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]})
    >>> grounded(build(m), assumed={"a", "b"})["a"].value
    'undecided'
    >>> grounded(build(m), assumed={"a"}, rejected={"b"})["a"].value
    'in'
    """
    nodes = list(graph)
    index = {n: i for i, n in enumerate(nodes)}
    size = len(nodes)
    is_claim = [kind == CLAIM for _, kind in graph.nodes(data="kind")]
    # A compact view of the graph for the loop below: successors by index, and counters of
    # what each node still waits for.
    supports: list[list[int]] = [[] for _ in range(size)]  # claim -> inferences; inference -> claim
    attacks: list[list[int]] = [[] for _ in range(size)]  # claim -> claims and inferences
    waiting = [0] * size  # claims: attackers not yet out; inferences: premises not yet in
    undercuts = [0] * size  # inferences: undercutters not yet out
    pending = [0] * size  # claims: concluding inferences not yet settled
    for iu, (_, successors) in enumerate(graph.adjacency()):
        for v, edges in successors.items():
            iv = index[v]
            for edge in edges.values():
                kind = edge["kind"]
                if kind == ATTACK:
                    attacks[iu].append(iv)
                    if is_claim[iv]:
                        waiting[iv] += 1
                    else:
                        undercuts[iv] += 1
                else:
                    supports[iu].append(iv)
                    if kind == PREMISE:
                        waiting[iv] += 1
                    else:
                        pending[iv] += 1
    weight = [1.0] * size
    for ident, w in (weights or {}).items():
        weight[index[ident]] = w
    is_assumed = [False] * size
    for c in assumed:
        is_assumed[index[c]] = True
    rivals: list[list[list[int]]] = [[] for _ in range(size)]
    for positions in issues:
        group = [index[p] for p in positions]
        for p in group:
            rivals[p].append(group)
    best = [0.0] * size  # claims: the weight of the heaviest `in` inference concluding them
    label = [_UNDECIDED] * size
    settled: list[int] = []

    def settle(node: int, value: int) -> None:
        if label[node] == _UNDECIDED:
            label[node] = value
            settled.append(node)

    def ready(p: int) -> bool:
        """Whether a position waits for nothing but the resolution of its issue."""
        return label[p] != _UNDECIDED or (not is_assumed[p] and waiting[p] == 0 and pending[p] == 0)

    def resolve(group: list[int]) -> None:
        if not all(ready(p) for p in group):
            return
        contenders = [p for p in group if label[p] == _UNDECIDED]
        if not contenders:
            return
        top = max(best[p] for p in contenders)
        winners = [p for p in contenders if best[p] == top]
        for p in contenders:
            settle(p, _IN if top > 0 and winners == [p] else _OUT)

    def review(c: int) -> None:
        """Settle claim `c` if its rules decide it now."""
        if label[c] != _UNDECIDED:
            return
        if waiting[c] == 0 and (is_assumed[c] or (best[c] > 0 and not rivals[c])):
            settle(c, _IN)
        elif not is_assumed[c] and pending[c] == 0 and best[c] == 0:
            settle(c, _OUT)
        else:
            for group in rivals[c]:
                resolve(group)

    def review_inference(i: int) -> None:
        if label[i] == _UNDECIDED and waiting[i] == 0 and undercuts[i] == 0:
            settle(i, _IN)

    for ident in rejected:
        settle(index[ident], _OUT)
    for n in range(size):
        if is_claim[n]:
            review(n)
        else:
            review_inference(n)
    while settled:
        u = settled.pop()
        inside = label[u] == _IN
        if not is_claim[u]:
            concluded = supports[u][0]
            pending[concluded] -= 1
            if inside and weight[u] > best[concluded]:
                best[concluded] = weight[u]
            review(concluded)
            continue
        for v in supports[u]:  # u is a premise of inference v
            if not inside:
                settle(v, _OUT)
            else:
                waiting[v] -= 1
                review_inference(v)
        for v in attacks[u]:
            if inside:
                settle(v, _OUT)
            elif is_claim[v]:
                waiting[v] -= 1
                review(v)
            else:
                undercuts[v] -= 1
                review_inference(v)
        for group in rivals[u]:
            if inside:
                for p in group:
                    if p != u:
                        settle(p, _OUT)
            else:
                resolve(group)
    return {nodes[n]: _LABELS[label[n]] for n in range(size)}
