"""Evaluate: the graph -> which claims stand, as Carneades 4 would label them.

Every claim and every inference gets a :class:`Label`: ``in``, ``out`` or ``undecided``. The
labelling is grounded (the most sceptical one): a node is labelled only when its rule settles
it, and whatever nothing settles, typically because attacks go round in a circle, stays
``undecided``. The rules, as docs/evaluate.md gives them:

- An inference is ``in`` when all its premises are in and every claim undercutting it is out;
  ``out`` when a premise is out or an undercutter is in. (A premise that undercuts its own
  inference, error AM208, is counted as a premise only.)
- A claim attacked (rebutted or undermined) by an ``in`` claim is ``out``; so is a claim
  rejected, and a claim that is not assumed and that no ``in`` inference of positive weight
  concludes once all of them are settled.
- Otherwise, once every attacker is out, a claim is ``in`` when it is assumed, or when an
  ``in`` inference of positive weight concludes it and it is no position of an issue.
- A position of an issue is ``out`` as soon as a rival position is ``in``. Otherwise the
  issue waits until each position is settled or waits for nothing but the competition (it
  is not assumed, every attacker is out and every inference concluding it is settled); then
  the undecided position whose heaviest ``in`` inference is strictly heavier than every
  other undecided position's is ``in`` and the others ``out`` (preponderance of the
  evidence); a tie, or no ``in`` inference of positive weight at all, leaves every one of
  them ``out``, as in Carneades. A claim listed twice among an issue's positions counts once;
  an issue left with one position is no competition.

The rules apply in rounds, each reading the labels of the rounds before it; a label once given
is kept. When two rules label a position differently in the same round (two issues that share
it; an assumed position freed by its attackers the round after a rival stood), ``out`` wins;
two rival positions assumed and freed in the same round both stand, as in Carneades, where
inconsistent assumptions leave several positions ``in``.

Which claims are assumed: those with ``status: accepted``, and those with no status that no
inference concludes; ``status: rejected`` makes a claim out, ``status: open`` neither. The
command line can accept or reject any claim, overriding the map, and every claim of a voice
at once (``by:VOICE``), except the claims whose status in the map says otherwise.

The stage's functions: :func:`evaluate`, :func:`evaluate_graph` and :func:`assumptions` here;
:func:`~argmap.evaluate.labelling.grounded` (and its three steps) in
:mod:`argmap.evaluate.labelling`; :func:`~argmap.evaluate.reasons.explain`,
:func:`~argmap.evaluate.reasons.report` and :func:`~argmap.evaluate.reasons.table` in
:mod:`argmap.evaluate.reasons`; :func:`~argmap.evaluate.ids.unknown_ids` in
:mod:`argmap.evaluate.ids`. All are importable from here (``from argmap.evaluate import
explain``); ``argmap.evaluate`` itself, at the top of the package, is the function.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.errors import IdError
from argmap.evaluate.ids import BY, unknown_ids, voice_claims
from argmap.evaluate.labelling import Label, grounded
from argmap.evaluate.reasons import explain, reasons, report, table

if TYPE_CHECKING:
    import networkx as nx

    from argmap.model import ArgumentMap
    from argmap.schemes.burden import Burden

# argmap.graph (and networkx) are imported where needed, so that `import argmap`, which
# exports evaluate(), stays quick for commands that never build a graph.

__all__ = [
    "Evaluation",
    "Label",
    "assumptions",
    "evaluate",
    "evaluate_graph",
    "explain",
    "grounded",
    "reasons",
    "report",
    "table",
    "unknown_ids",
    "voice_claims",
]


@dataclass(frozen=True)
class Evaluation:
    """The label of every claim and inference (in the map's order) and what was assumed."""

    labels: dict[str, Label]
    assumed: frozenset[str]
    rejected: frozenset[str]
    main: tuple[str, ...]
    #: What answers to critical questions changed (see :mod:`argmap.schemes.burden`), and
    #: the label of each questioned assumption's doubt (``out``: dispelled or not raised).
    burden: Burden | None = None
    doubts: dict[str, Label] = field(default_factory=dict)

    def of(self, ident: str) -> Label:
        return self.labels[ident]


def evaluate(
    argmap: ArgumentMap, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> Evaluation:
    """Label every claim and inference of a map whose references resolve.

    `accept` and `reject` override the map's own assumptions (see :func:`assumptions`): claim
    ids, or ``by:VOICE`` for the claims of a voice.

    Raises
    ------
    IdError
        When a claim to accept or reject is not in the map (AM501, with the closest id as a
        hint), or is both accepted and rejected (AM502).

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({
    ...     "claims": {"a": {"text": "A"}, "b": {"text": "B"}, "c": {"text": "C"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}},
    ...     "attacks": [{"from": "c", "to": "a"}]})
    >>> {ident: str(label) for ident, label in evaluate(m).labels.items()}
    {'a': 'out', 'b': 'out', 'c': 'in', 'i': 'out'}
    >>> str(evaluate(m, reject=["c"]).labels["b"])
    'in'
    >>> evaluate(m, accept=["cc"])
    Traceback (most recent call last):
    argmap.errors.IdError: <map built in code>: no claim `cc` to accept
    """
    from argmap.graph import build

    accept, reject = list(accept), list(reject)
    if diags := unknown_ids(argmap, accept, reject):
        raise IdError(diags)  # before building the graph: a wrong id is found at once
    return evaluate_graph(argmap, build(argmap), accept, reject)


def evaluate_graph(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> Evaluation:
    """:func:`evaluate` on the map's graph, already built; raises what it raises."""
    from argmap.graph import main_conclusions
    from argmap.memory import gc_paused

    accept, reject = list(accept), list(reject)
    if diags := unknown_ids(argmap, accept, reject):
        raise IdError(diags)
    assumed, rejected = assumptions(argmap, graph, accept, reject)
    weights = {i: w for i, inf in argmap.inferences.items() if (w := inf.weight) is not None}
    issues = [issue.positions for _, issue in sorted(argmap.issues.items())]
    # The compact view of the graph is hundreds of thousands of small lists, none garbage
    # yet: the cyclic collector would walk them again and again (2x the time at 100k).
    burden = _burden(argmap)
    labelled = graph
    if burden:
        from argmap.schemes.burden import weighed

        labelled = weighed(graph, burden)
    with gc_paused():
        labels = grounded(labelled, assumed, rejected, weights, issues)
    main = tuple(main_conclusions(graph))
    if burden is None or labelled is graph:
        return Evaluation(labels, assumed, rejected, main)
    doubts = {d.node: labels[d.node] for found in burden.doubts.values() for d in found}
    labels = {node: labels[node] for node in graph}
    return Evaluation(labels, assumed, rejected, main, burden, doubts)


def _burden(argmap: ArgumentMap) -> Burden | None:
    """What the map's answers to critical questions change; None when it answers none."""
    if not any(a.answers for a in argmap.attacks) and not any(
        c.answers for c in argmap.claims.values()
    ):
        return None
    from argmap.schemes import asked, schemes_of
    from argmap.schemes.burden import burden_of

    schemes, _ = schemes_of(argmap)  # a broken catalogue is `argmap check`'s to report
    return burden_of(argmap, asked(argmap, schemes))


def assumptions(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> tuple[frozenset[str], frozenset[str]]:
    """The claims assumed and the claims rejected: the map's statuses, then the overrides.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {
    ...     "a": {"text": "A"}, "b": {"text": "B", "status": "open"}}})
    >>> from argmap.graph import build
    >>> assumptions(m, build(m), reject=["a"])
    (frozenset(), frozenset({'a'}))

    A voice's claims (``by:VOICE``) come first, so that a claim named by its id wins.
    """
    accept, reject = list(accept), list(reject)
    status = {ident: claim.status for ident, claim in argmap.claims.items()}
    status.update(dict.fromkeys(voice_claims(argmap, accept, "accepted"), "accepted"))
    status.update(dict.fromkeys(voice_claims(argmap, reject, "rejected"), "rejected"))
    status.update((c, "accepted") for c in accept if not c.startswith(BY))
    status.update((c, "rejected") for c in reject if not c.startswith(BY))
    concluded = {inference.conclusion for inference in argmap.inferences.values()}
    assumed = {
        c for c, s in status.items() if s == "accepted" or (s is None and c not in concluded)
    }
    return frozenset(assumed), frozenset(c for c, s in status.items() if s == "rejected")
