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
from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    import networkx as nx

# argmap.graph (and networkx) are imported where needed, so that `import argmap`, which
# exports evaluate(), stays quick for commands that never build a graph.


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
    from argmap.graph import build

    return evaluate_graph(argmap, build(argmap), accept, reject)


def evaluate_graph(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> Evaluation:
    """:func:`evaluate` on the map's graph, already built."""
    from argmap.graph import main_conclusions

    assumed, rejected = assumptions(argmap, graph, accept, reject)
    weights = {i: w for i, inf in argmap.inferences.items() if (w := inf.weight) is not None}
    issues = [issue.positions for _, issue in sorted(argmap.issues.items())]
    from argmap.memory import gc_paused

    # The compact view below is hundreds of thousands of small lists, none garbage yet:
    # the cyclic collector would walk the whole graph again and again (2x the time at 100k).
    with gc_paused():
        labels = grounded(graph, assumed, rejected, weights, issues)
    return Evaluation(labels, assumed, rejected, tuple(main_conclusions(graph)))


def assumptions(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> tuple[frozenset[str], frozenset[str]]:
    """The claims assumed and the claims rejected: the map's statuses, then the overrides.

    >>> m = ArgumentMap.model_validate({"claims": {
    ...     "a": {"text": "A"}, "b": {"text": "B", "status": "open"}}})
    >>> from argmap.graph import build
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


def unknown_ids(
    argmap: ArgumentMap,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    explain: Iterable[str] = (),
) -> list[Diagnostic]:
    """AM501 for an id to accept, reject or explain that the map lacks; AM502 for a claim
    both accepted and rejected.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}}})
    >>> [(d.code, d.message) for d in unknown_ids(m, accept=["b"], reject=["a"], explain=["a"])]
    [('AM501', 'no claim `b` to accept')]
    """
    accept, reject = list(accept), list(reject)
    nodes = argmap.claims.keys() | argmap.inferences.keys()
    claims = set(argmap.claims)
    asked = [("accept", c, claims) for c in accept]
    asked += [("reject", c, claims) for c in reject]
    asked += [("explain", c, nodes) for c in explain]
    diags = [
        diagnostic(
            "AM501",
            f"no {'claim' if verb != 'explain' else 'claim or inference'} `{c}` to {verb}",
            hint=_close_hint(c, pool),
        )
        for verb, c, pool in asked
        if c not in pool
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
    graph: nx.DiGraph,
    assumed: Collection[str],
    rejected: Collection[str] = (),
    weights: dict[str, float] | None = None,
    issues: Iterable[list[str]] = (),
) -> dict[str, Label]:
    """The grounded labelling of the graph's claims and inferences, in the graph's order.

    `weights` gives inferences a weight other than 1; each issue is a list of its positions.
    Every node is labelled at most once and every edge looked at a bounded number of times,
    so the time is linear in the size of the graph (issues aside, which are small).

    >>> from argmap.graph import build
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]})
    >>> grounded(build(m), assumed={"a", "b"})["a"].value
    'undecided'
    >>> grounded(build(m), assumed={"a"}, rejected={"b"})["a"].value
    'in'
    """
    from argmap.graph import ATTACK, CLAIM, PREMISE

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
        for v, edge in successors.items():
            iv = index[v]
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
        if any(label[p] == _IN for p in group):
            winners = []  # a position already stands (assumed): its rivals fall
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


# ---------------------------------------------------------------------------------------
# Explanations and reports


def explain(argmap: ArgumentMap, graph: nx.DiGraph, evaluation: Evaluation, ident: str) -> str:
    """Why a claim or inference has its label, as a short chain of reasons.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}]})
    >>> from argmap.graph import build
    >>> explain(m, build(m), evaluate(m), "b")
    'out: attacked by `a`, which is in because it is assumed and unattacked'
    """
    seen = {ident}
    label = evaluation.labels[ident]
    phrase, cause = _reason(argmap, graph, evaluation, ident)
    text = f"{label}: {phrase}"
    while cause is not None:
        if cause in seen:
            return text + " (and so round in a circle)"
        seen.add(cause)
        phrase, after = _reason(argmap, graph, evaluation, cause)
        text += f", which is {evaluation.labels[cause]} because {phrase}"
        cause = after
    return text


def reasons(
    argmap: ArgumentMap, graph: nx.DiGraph, evaluation: Evaluation
) -> dict[str, tuple[str, str | None]]:
    """Every node's first step of :func:`explain`: its reason, and the node that reason
    rests on (None: the chain ends there). Linear, where explaining every node is not.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}]})
    >>> from argmap.graph import build
    >>> reasons(m, build(m), evaluate(m))["b"]
    ('attacked by `a`', 'a')
    """
    return {node: _reason(argmap, graph, evaluation, node) for node in evaluation.labels}


def _reason(
    argmap: ArgumentMap, graph: nx.DiGraph, evaluation: Evaluation, node: str
) -> tuple[str, str | None]:
    """One reason for a node's label, and the node that reason rests on (if any)."""
    from argmap.graph import ATTACK, PREMISE

    labels = evaluation.labels
    label = labels[node]
    incoming = [(u, kind) for u, _, kind in graph.in_edges(node, data="kind")]
    attackers = sorted(u for u, kind in incoming if kind == ATTACK)
    if node in argmap.inferences:
        premises = sorted(u for u, kind in incoming if kind == PREMISE)
        if label is Label.OUT and (hit := _first(attackers, labels, Label.IN)):
            return f"undercut by `{hit}`", hit
        if label is Label.OUT:
            hit = _first(premises, labels, Label.OUT)
            return f"premise `{hit}` is out", hit
        if label is Label.UNDECIDED:
            hit = _first(premises + attackers, labels, Label.UNDECIDED)
            return f"it depends on `{hit}`, which is undecided", hit
        undercut = " and every undercutter is out" if attackers else ""
        return f"all its premises are in{undercut}", None
    supports = sorted(u for u, kind in incoming if kind != ATTACK)
    rivals = sorted(
        (k, p)
        for k, issue in argmap.issues.items()
        if node in issue.positions
        for p in issue.positions
        if p != node
    )
    if label is Label.OUT:
        if node in evaluation.rejected:
            return "it is rejected", None
        if hit := _first(attackers, labels, Label.IN):
            return f"attacked by `{hit}`", hit
        for issue, rival in rivals:
            if labels[rival] is Label.IN:
                return f"`{rival}`, a rival position in issue `{issue}`, is in", rival
        if any(labels[i] is Label.IN for i in supports):
            issue = rivals[0][0]
            return (
                f"no position of issue `{issue}` has a strictly heavier argument than its rivals",
                None,
            )
        if not supports:
            return "it is not assumed and no inference concludes it", None
        out = supports[0]
        return f"no inference for it is in (`{out}` is {labels[out]})", out
    if label is Label.IN:
        if node in evaluation.assumed:
            return "it is assumed and " + (
                "every attacker is out" if attackers else "unattacked"
            ), None
        best = next(i for i in supports if labels[i] is Label.IN)
        return f"inference `{best}` concludes it", best
    for group in (attackers, supports, [p for _, p in rivals]):
        if hit := _first(group, labels, Label.UNDECIDED):
            what = "attacked by" if group is attackers else "it depends on"
            return f"{what} `{hit}`, which is undecided", hit
    return "nothing settles it", None


def _first(nodes: list[str], labels: dict[str, Label], label: Label) -> str | None:
    return next((n for n in nodes if labels[n] is label), None)


def report(argmap: ArgumentMap, graph: nx.DiGraph, evaluation: Evaluation) -> list[dict[str, str]]:
    """One row per claim, main conclusions first, then the map's order: plain data to print.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> from argmap.graph import build
    >>> [(row["id"], row["label"]) for row in report(m, build(m), evaluate(m))]
    [('b', 'in'), ('a', 'in')]
    """
    roles = dict(graph.nodes(data="role"))
    order = list(evaluation.main) + [c for c in argmap.claims if c not in evaluation.main]
    return [
        {
            "id": c,
            "label": str(evaluation.labels[c]),
            "role": str(roles[c]),
            "text": argmap.text_of(c),
        }
        for c in order
    ]


def table(rows: list[dict[str, str]], width: int = 100) -> str:
    """The rows of :func:`report` as an aligned text table."""
    wide = max((len(r["id"]) for r in rows), default=2)
    lines = [f"{'label':<10} {'id':<{wide}}  {'role':<23} text"]
    for r in rows:
        line = f"{r['label']:<10} {r['id']:<{wide}}  {r['role']:<23} {r['text']}"
        lines.append(line if len(line) <= width else line[: width - 1] + "…")
    return "\n".join(lines)
