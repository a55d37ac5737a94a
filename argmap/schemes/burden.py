"""The burden of proof of critical questions, as edges the grounded labelling reads.

Two kinds of question, two burdens (Carneades' exceptions and assumptions):

- An **exception** holds against the argument only when shown: an attack that answers one
  undercuts the inference, whatever it targets (a rebuttal of the conclusion that answers
  "do other experts disagree?" also undercuts the argument from expert opinion). Standing,
  it brings the inference down; defeated, it does nothing.
- An **assumption** holds until questioned; questioned, the argument must defend it. An
  attack that answers one does not defeat what it attacks: it raises a *doubt* on the
  inference. The doubt, while its questioner stands and no defender does, leaves the
  inference undecided; a defender (a claim that answers the question and supports the
  inference: a premise of it, or of an inference concluding one of its premises) that
  stands dispels it.

:func:`burden_of` works out the doubts and the extra undercuts of a map; :func:`weighed`
returns the graph the labelling reads: the questioning attacks' edges taken out, the
exceptions' undercuts added, and each doubt a claim node (its id ``inference?question``,
which no map id can be) that undercuts the inference, attacks itself (so it can never be
``in``), is concluded by one small inference per questioner (so it is ``out`` when every
questioner is) and is attacked by each defender (so it is ``out`` when one stands). The
labels of the map's own nodes then follow the rules of :mod:`argmap.evaluate` unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.model import ArgumentMap, Question
from argmap.schemes.questions import Questions

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class Doubt:
    """A questioned assumption of an inference: who asks it, who defends it."""

    inference: str
    question: Question
    questioners: tuple[str, ...]
    defenders: tuple[str, ...]

    @property
    def node(self) -> str:
        """The doubt's node in the weighed graph: an id no map can declare."""
        return f"{self.inference}?{self.question.id}"


@dataclass(frozen=True)
class Burden:
    """What the answers to critical questions change in the graph the labelling reads."""

    #: Attack edges (attacker, target) that ask an assumption: questions, not defeats.
    questioning: frozenset[tuple[str, str]] = frozenset()
    #: (attacker, inference) -> the exception the attacker raises against the inference
    #: (an undercut of its own, or one added to a rebuttal or an undermining).
    exceptions: dict[tuple[str, str], Question] = field(default_factory=dict)
    #: inference -> its questioned assumptions, in the order of its scheme's questions.
    doubts: dict[str, list[Doubt]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.questioning or self.exceptions)


def burden_of(argmap: ArgumentMap, found: Questions) -> Burden:
    """The doubts and the extra undercuts that a map's answers to critical questions make.

    >>> m = ArgumentMap.model_validate({"claims": {
    ...     "e": {"text": "E says so"}, "c": {"text": "C"}, "x": {"text": "E is no expert"}},
    ...     "inferences": {"i": {"premises": ["e"], "conclusion": "c",
    ...                          "scheme": "expert-opinion"}},
    ...     "attacks": [{"from": "x", "to": "i", "answers": "expertise"}]})
    >>> from argmap.schemes import asked, builtin
    >>> b = burden_of(m, asked(m, builtin()))
    >>> sorted(b.questioning), [(d.node, d.questioners) for d in b.doubts["i"]]
    ([('x', 'i')], [('i?expertise', ('x',))])
    """
    questioning: set[tuple[str, str]] = set()
    exceptions: dict[tuple[str, str], Question] = {}
    askers: dict[tuple[str, str], list[str]] = {}  # (inference, question) -> questioners
    reach: dict[str, list[str]] = {}  # claim -> the inferences it is a premise or conclusion of
    for ident, inference in argmap.inferences.items():
        for claim in dict.fromkeys([*inference.premises, inference.conclusion]):
            reach.setdefault(claim, []).append(ident)
    for attack in argmap.attacks:
        question = attack.answers or argmap.claims[attack.from_].answers
        if question is None:
            continue
        reached = [attack.to] if attack.to in argmap.inferences else reach.get(attack.to, [])
        for ident in (i for i in reached if found.has(i, question)):
            raised = found.entry(ident, question).question
            if raised.type == "exception":
                exceptions[(attack.from_, ident)] = raised
                continue
            questioning.add((attack.from_, attack.to))
            askers.setdefault((ident, question), []).append(attack.from_)
    doubts: dict[str, list[Doubt]] = {}
    for ident in found.settled:
        for entry in found.all(ident):
            who = askers.get((ident, entry.question.id))
            if who is None:
                continue
            doubt = Doubt(
                ident, entry.question, tuple(dict.fromkeys(who)), tuple(entry.defended_by)
            )
            doubts.setdefault(ident, []).append(doubt)
    return Burden(frozenset(questioning), exceptions, doubts)


def weighed(graph: nx.DiGraph, burden: Burden) -> nx.DiGraph:
    """The graph the labelling reads: a copy of `graph` with the burden's edges and doubts.

    The map's nodes keep their order; the doubts' nodes come after them.
    """
    from argmap.graph import ATTACK, CLAIM, CONCLUSION, INFERENCE, PREMISE

    weighed = graph.copy()
    weighed.remove_edges_from(burden.questioning)
    for attacker, inference in burden.exceptions:
        if not weighed.has_edge(attacker, inference):
            weighed.add_edge(attacker, inference, kind=ATTACK, type="undercut")
    for doubts in burden.doubts.values():
        for doubt in doubts:
            node = doubt.node
            weighed.add_node(node, kind=CLAIM)
            weighed.add_edge(node, node, kind=ATTACK, type="rebut")
            weighed.add_edge(node, doubt.inference, kind=ATTACK, type="undercut")
            for asker in doubt.questioners:
                raised = f"{node}<{asker}"
                weighed.add_node(raised, kind=INFERENCE)
                weighed.add_edge(asker, raised, kind=PREMISE)
                weighed.add_edge(raised, node, kind=CONCLUSION)
            for defender in doubt.defenders:
                weighed.add_edge(defender, node, kind=ATTACK, type="rebut")
    return weighed
