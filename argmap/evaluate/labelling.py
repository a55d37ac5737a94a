"""The grounded labelling in three steps: compile the graph, propagate labels, resolve issues.

:func:`compile_graph` turns the networkx graph into lists indexed by node number (a
:class:`CompactGraph`); :func:`propagate` runs the rules of :mod:`argmap.evaluate` over it
with a worklist, in rounds; when positions of issues become ready or settle, it hands them
to :func:`decide_issues`, which keeps an :class:`IssueTally` and has :func:`resolve_issue`
decide each issue once, when its turn comes. :func:`grounded` chains them.

Labels are small integers here (:data:`UNDECIDED`, :data:`IN`, :data:`OUT`): indexing lists
is much faster in the hot loop than enum members in dicts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from enum import StrEnum
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

from argmap.errors import IdError

if TYPE_CHECKING:
    import networkx as nx


class Label(StrEnum):
    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


UNDECIDED, IN, OUT = 0, 1, 2
LABELS = (Label.UNDECIDED, Label.IN, Label.OUT)


class CompactGraph(NamedTuple):
    """A graph of claims and inferences as lists indexed by node number (the graph's order).

    `unmet` counts what a node needs before it can be in: for a claim, its attackers (each
    must be out); for an inference, its premises (each must be in) and its undercutters (each
    must be out). `pending` counts, for a claim, the inferences that conclude it. Each issue
    is the list of its distinct positions (two at least); `issues_of` gives, for each node,
    the issues it is a position of.
    """

    nodes: list[str]
    numbers: dict[str, int]  # node -> its number
    is_claim: list[bool]
    # claim -> the inferences it is a premise of; inference -> its conclusion
    supports: Sequence[Sequence[int]]
    attacks: Sequence[Sequence[int]]  # claim -> the claims and inferences it attacks
    unmet: list[int]
    pending: list[int]
    weight: list[float]
    issues: list[list[int]]
    issues_of: list[Sequence[int]]


def compile_graph(
    graph: nx.DiGraph, weights: dict[str, float] | None = None, issues: Iterable[list[str]] = ()
) -> CompactGraph:
    """The graph as a :class:`CompactGraph`: successor lists, counters, weights and issues.

    `weights` gives inferences a weight other than 1; each issue is a list of positions, of
    which a repeated one counts once and a list left with one position is no issue.

    Raises
    ------
    IdError
        When an id weighed or among the positions is not in the graph (AM501).

    >>> from argmap.graph import build
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> view = compile_graph(build(m), issues=[["a", "b", "a"], ["b", "b"]])
    >>> view.nodes, view.supports, view.unmet, view.pending, view.issues
    (['a', 'b', 'i'], [(2,), (), (1,)], [0, 0, 1], [0, 1, 0], [[0, 1]])
    """
    from argmap.graph import ATTACK, CLAIM, PREMISE

    nodes = list(graph)
    index = {n: i for i, n in enumerate(nodes)}
    issues = list(issues)
    _known(index, chain(weights or (), chain.from_iterable(issues)))
    size = len(nodes)
    # A tuple for each node's successors, and one shared empty tuple where it has none (most
    # nodes attack nothing): a list for each was 19 MiB of a 100,000-claim map's 38.
    supports: list[tuple[int, ...]] = [()] * size
    attacks: list[tuple[int, ...]] = [()] * size
    unmet, pending = [0] * size, [0] * size
    for u, (_, successors) in enumerate(graph.adjacency()):
        support, attack = [], []
        for target, edge in successors.items():
            v = index[target]
            kind = edge["kind"]
            if kind == ATTACK:
                attack.append(v)
                unmet[v] += 1
            else:
                support.append(v)
                if kind == PREMISE:
                    unmet[v] += 1
                else:
                    pending[v] += 1
        if support:
            supports[u] = tuple(support)
        if attack:
            attacks[u] = tuple(attack)
    weight = [1.0] * size
    for ident, w in (weights or {}).items():
        weight[index[ident]] = w
    groups: list[list[int]] = []
    issues_of: list[Sequence[int]] = [()] * size  # one shared empty tuple: most nodes have none
    for positions in issues:
        group = list(dict.fromkeys(index[p] for p in positions))
        if len(group) < 2:
            continue
        for p in group:
            issues_of[p] = [*issues_of[p], len(groups)]
        groups.append(group)
    is_claim = [kind == CLAIM for _, kind in graph.nodes(data="kind")]
    return CompactGraph(
        nodes, index, is_claim, supports, attacks, unmet, pending, weight, groups, issues_of
    )


def compile_framework(
    numbers: dict[str, int], attackers: Sequence[int], targets: Sequence[int]
) -> CompactGraph:
    """An abstract framework as a :class:`CompactGraph` of claims and attacks only.

    `numbers` gives each argument's node number (0, 1, ... in order); the attacks are the
    pairs ``(attackers[k], targets[k])``, each pair once. The same view as
    :func:`compile_graph` gives for the framework's map, without the map or its graph.

    >>> view = compile_framework({"a": 0, "b": 1}, [0], [1])
    >>> view.nodes, view.attacks, view.unmet
    (['a', 'b'], [[1], []], [0, 1])
    """
    size = len(numbers)
    attacks: list[list[int]] = [[] for _ in range(size)]
    unmet = [0] * size
    for u, v in zip(attackers, targets, strict=True):
        attacks[u].append(v)
        unmet[v] += 1
    supports: list[list[int]] = [[] for _ in range(size)]
    none: list[Sequence[int]] = [()] * size
    return CompactGraph(
        list(numbers),
        numbers,
        [True] * size,
        supports,
        attacks,
        unmet,
        [0] * size,
        [1.0] * size,
        [],
        none,
    )


def propagate(
    view: CompactGraph, assumed: Collection[int], rejected: Iterable[int] = ()
) -> list[int]:
    """The label of every node (by number), the rules applied in rounds.

    Round 1 reads the empty labelling; each later round reads the labels of the rounds
    before it. A worklist taken first in, first out visits the nodes settled in one round
    before those of the next, so that a node settled by a node of round r gets round r + 1;
    each node is settled once and each edge looked at once, issues once each: the time is
    linear in the size of the graph. The counters of `view` are copied, not changed.

    >>> from argmap.graph import build
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}]})
    >>> propagate(compile_graph(build(m)), assumed={0, 1}) == [IN, OUT]
    True
    """
    size = len(view.nodes)
    is_claim, supports, attacks, weight = view.is_claim, view.supports, view.attacks, view.weight
    issues_of = view.issues_of
    unmet, pending = view.unmet.copy(), view.pending.copy()
    is_assumed = [False] * size
    for n in assumed:
        is_assumed[n] = True
    label, settled_in, queue = _rejected_out(size, rejected)
    best = [0.0] * size  # claims: the weight of their heaviest `in` inference so far
    tally = IssueTally.of(view)
    head, now = 0, 0  # `now`: the round whose labels the rules read
    touched: Iterable[int] = range(size)  # nodes whose rules may fire in round now + 1
    events: list[int] = []  # positions just ready, or just settled: their issues may fire
    while True:
        for v in touched:
            if not is_claim[v]:
                if unmet[v] == 0 and label[v] == UNDECIDED:
                    label[v], settled_in[v] = IN, now + 1
                    queue.append(v)
                continue
            if (
                issues_of[v]
                and not tally.counted[v]
                and not is_assumed[v]
                and unmet[v] == 0
                and pending[v] == 0
            ):
                events.append(v)  # waits for nothing but its issues
            if label[v] != UNDECIDED:
                continue
            if unmet[v] == 0 and (is_assumed[v] or (best[v] > 0 and not issues_of[v])):
                label[v] = IN
            elif not is_assumed[v] and pending[v] == 0 and best[v] == 0:
                label[v] = OUT
            else:
                continue
            settled_in[v] = now + 1
            queue.append(v)
        if events:
            decisions = decide_issues(view, tally, events, label, settled_in, best, now)
            _take_decisions(decisions, label, settled_in, queue, now)
            events.clear()
        if head == len(queue):
            break
        u = queue[head]
        head += 1
        now = settled_in[u]
        inside = label[u] == IN
        if not is_claim[u]:
            concluded = supports[u][0]
            pending[concluded] -= 1
            if inside and weight[u] > best[concluded]:
                best[concluded] = weight[u]
            touched = supports[u]
            continue
        if issues_of[u]:
            events.append(u)  # settled: ready, and if in, its rivals fall
        # A claim in meets a need of the inferences it is a premise of and makes its targets
        # out; a claim out makes its inferences out and meets a need of its targets.
        met, fallen = (supports[u], attacks[u]) if inside else (attacks[u], supports[u])
        for v in met:
            unmet[v] -= 1
        for v in fallen:
            if label[v] == UNDECIDED:
                label[v], settled_in[v] = OUT, now + 1
                queue.append(v)
        touched = met
    return label


def _rejected_out(size: int, rejected: Iterable[int]) -> tuple[list[int], list[int], list[int]]:
    """The labelling :func:`propagate` starts from: the labels, the round that settled each
    node, and the worklist; the `rejected` nodes are out in round 1, the rest undecided."""
    label = [UNDECIDED] * size
    settled_in = [0] * size
    queue = list(dict.fromkeys(rejected))
    for n in queue:
        label[n], settled_in[n] = OUT, 1
    return label, settled_in, queue


def _take_decisions(
    decisions: list[tuple[int, int]],
    label: list[int],
    settled_in: list[int],
    queue: list[int],
    now: int,
) -> None:
    """Label the positions as the issues decided them, in round `now` + 1.

    A position the rules have already labelled in that round keeps ``out`` against an
    issue's ``in``: out wins a conflict within a round; a label of an earlier round stays.
    """
    for p, value in decisions:
        if label[p] == UNDECIDED:
            queue.append(p)
        elif value == IN or settled_in[p] <= now:
            continue
        label[p], settled_in[p] = value, now + 1


class IssueTally(NamedTuple):
    """Where the issues stand during :func:`propagate`: for each issue, how many positions
    are not yet ready and whether it is decided; for each node, whether it is counted ready."""

    unready: list[int]
    decided: list[bool]
    counted: list[bool]

    @classmethod
    def of(cls, view: CompactGraph) -> IssueTally:
        issues = view.issues
        return cls([len(p) for p in issues], [False] * len(issues), [False] * len(view.nodes))


def decide_issues(
    view: CompactGraph,
    tally: IssueTally,
    events: list[int],
    label: list[int],
    settled_in: list[int],
    best: list[float],
    now: int,
) -> list[tuple[int, int]]:
    """The labels that the issues of these positions give in round `now` + 1.

    Each event is a position that has just become ready (it waits for nothing but its
    issues) or has just been settled (round `now`): the tally counts it ready once. An
    issue is decided once, by :func:`resolve_issue`: when one of its positions stands, or
    when the last of them is ready. So each issue costs its size, once.
    """
    decisions: list[tuple[int, int]] = []
    for v in events:
        ready = not tally.counted[v]
        if ready:
            tally.counted[v] = True
            for k in view.issues_of[v]:
                tally.unready[k] -= 1
        stands = label[v] == IN and settled_in[v] <= now
        if not (ready or stands):
            continue
        for k in view.issues_of[v]:
            if not tally.decided[k] and (stands or tally.unready[k] == 0):
                tally.decided[k] = True
                decisions += resolve_issue(view.issues[k], label, settled_in, best, now)
    return decisions


def resolve_issue(
    positions: list[int], label: list[int], settled_in: list[int], best: list[float], now: int
) -> list[tuple[int, int]]:
    """The labels an issue gives its positions still undecided after round `now`.

    When a position already stands (is in), every other one is out. Otherwise the undecided
    position whose heaviest `in` inference (`best`) is strictly heavier than every other
    undecided position's is in and the rest out; a tie at the top, or nothing heavier than 0,
    leaves them all out (preponderance of the evidence, as in Carneades).

    >>> resolve_issue([0, 1, 2], [0, 0, 2], [0, 0, 1], [0.7, 0.4, 0.9], now=1)
    [(0, 1), (1, 2)]
    >>> resolve_issue([0, 1], [0, 0], [0, 0], [0.5, 0.5], now=1)
    [(0, 2), (1, 2)]
    """
    undecided = [p for p in positions if label[p] == UNDECIDED or settled_in[p] > now]
    if any(label[p] == IN and settled_in[p] <= now for p in positions):
        return [(p, OUT) for p in undecided]
    top = max((best[p] for p in undecided), default=0.0)
    leaders = [p for p in undecided if best[p] == top]
    winner = leaders[0] if top > 0 and len(leaders) == 1 else None
    return [(p, IN if p == winner else OUT) for p in undecided]


def grounded(
    graph: nx.DiGraph,
    assumed: Collection[str],
    rejected: Collection[str] = (),
    weights: dict[str, float] | None = None,
    issues: Iterable[list[str]] = (),
) -> dict[str, Label]:
    """The grounded labelling of the graph's claims and inferences, in the graph's order.

    `weights` gives inferences a weight other than 1; each issue is a list of its positions.

    Raises
    ------
    IdError
        When an id assumed, rejected, weighed or among the positions is not in the graph.

    >>> from argmap.graph import build
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]})
    >>> grounded(build(m), assumed={"a", "b"})["a"].value
    'undecided'
    >>> grounded(build(m), assumed={"a"}, rejected={"b"})["a"].value
    'in'
    """
    view = compile_graph(graph, weights, issues)
    index = view.numbers
    _known(index, chain(assumed, rejected))
    label = propagate(view, [index[c] for c in assumed], [index[c] for c in rejected])
    return {node: LABELS[value] for node, value in zip(view.nodes, label, strict=True)}


def _known(index: dict[str, int], ids: Iterable[str]) -> None:
    """Raise :class:`IdError` (AM501) unless every id is a node of the graph."""
    missing = [ident for ident in ids if ident not in index]
    if missing:
        from argmap.evaluate.ids import not_in_graph

        raise IdError(not_in_graph(list(dict.fromkeys(missing)), index))
