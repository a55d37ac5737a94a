"""Why a node has its label (:func:`explain`), and the evaluation as rows and a table.

An explanation is a chain: each reason names the node it rests on, whose own reason comes
next. Every step reads only the node's incoming edges and the issues it is a position of
(indexed once per explanation), so a chain through the whole map takes linear time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.errors import IdError
from argmap.evaluate.labelling import Label

if TYPE_CHECKING:
    import networkx as nx

    from argmap.evaluate import Evaluation
    from argmap.model import ArgumentMap, Text

#: A reason for a label, and the node it rests on (None: the chain ends there).
Reason = tuple[str, str | None]


def explain(argmap: ArgumentMap, graph: nx.DiGraph, evaluation: Evaluation, ident: str) -> str:
    """Why a claim or inference has its label, as a short chain of reasons.

    Raises
    ------
    IdError
        When `ident` is neither a claim nor an inference of the map (AM501).

    >>> from argmap.evaluate import evaluate
    >>> from argmap.graph import build
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}]})
    >>> explain(m, build(m), evaluate(m), "b")
    'out: attacked by `a`, which is in because it is assumed and unattacked'
    """
    if ident not in evaluation.labels:
        from argmap.evaluate.ids import unknown_ids

        raise IdError(unknown_ids(argmap, explain=[ident]))
    reasons = _Reasons(argmap, graph, evaluation)
    phrase, cause = reasons.of(ident)
    parts = [f"{evaluation.labels[ident]}: {phrase}"]
    seen = {ident}
    while cause is not None:
        if cause in seen:
            parts.append(" (and so round in a circle)")
            break
        seen.add(cause)
        phrase, after = reasons.of(cause)
        parts.append(f", which is {evaluation.labels[cause]} because {phrase}")
        cause = after
    return "".join(parts)


def reasons(argmap: ArgumentMap, graph: nx.DiGraph, evaluation: Evaluation) -> dict[str, Reason]:
    """Every node's first step of :func:`explain`: its reason, and the node that reason
    rests on (None: the chain ends there). Linear, where explaining every node is not.

    >>> from argmap.evaluate import evaluate
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}]})
    >>> from argmap.graph import build
    >>> reasons(m, build(m), evaluate(m))["b"]
    ('attacked by `a`', 'a')
    """
    found = _Reasons(argmap, graph, evaluation)
    return {node: found.of(node) for node in evaluation.labels}


class _Reasons:
    """The reasons of one evaluation, with the issues indexed by position."""

    def __init__(self, argmap: ArgumentMap, graph: nx.DiGraph, evaluation: Evaluation) -> None:
        self.argmap, self.graph, self.evaluation = argmap, graph, evaluation
        self.labels = evaluation.labels
        # claim -> (issue, its distinct positions) for every issue with a rival of the claim
        self.issues: dict[str, list[tuple[str, list[str]]]] = {}
        for key, issue in sorted(argmap.issues.items()):
            positions = sorted(set(issue.positions))
            if len(positions) > 1:
                for p in positions:
                    self.issues.setdefault(p, []).append((key, positions))
        # (issue, label) -> its positions with that label, sorted; made when first asked
        self._by_label: dict[tuple[str, Label], list[str]] = {}
        # What answers to critical questions changed: the edges the labelling read.
        burden = evaluation.burden
        self.questioning = burden.questioning if burden else frozenset()
        self.raised: dict[str, list[str]] = {}  # inference -> claims raising an exception
        for attacker, inference in burden.exceptions if burden else ():
            self.raised.setdefault(inference, []).append(attacker)

    def of(self, node: str) -> Reason:
        """One reason for a node's label, and the node that reason rests on (if any)."""
        from argmap.graph import ATTACK, PREMISE

        incoming = [(u, edge["kind"]) for u, edge in self.graph.pred[node].items()]
        attackers = sorted(
            {u for u, kind in incoming if kind == ATTACK and (u, node) not in self.questioning}
            | set(self.raised.get(node, ()))
        )
        if node in self.argmap.inferences:
            premises = sorted(u for u, kind in incoming if kind == PREMISE)
            return self._inference(node, attackers, premises, self.labels[node])
        supports = sorted(u for u, kind in incoming if kind != ATTACK)
        label = self.labels[node]
        if label is Label.OUT:
            return self._out(node, attackers, supports)
        if label is Label.IN:
            if node in self.evaluation.assumed:
                unattacked = "every attacker is out" if attackers else "unattacked"
                return f"it is assumed and {unattacked}", None
            heaviest = max(
                (i for i in supports if self.labels[i] is Label.IN), key=self._weight, default=None
            )
            return f"inference `{heaviest}` concludes it", heaviest
        for group in (attackers, supports):
            if hit := self._first(group, Label.UNDECIDED):
                what = "attacked by" if group is attackers else "it depends on"
                return f"{what} `{hit}`, which is undecided", hit
        for key, _ in self.issues.get(node, ()):
            if rival := self._rival(node, key, Label.UNDECIDED):
                return f"it depends on `{rival}`, which is undecided", rival
        return "nothing settles it", None

    def _inference(
        self, node: str, attackers: list[str], premises: list[str], label: Label
    ) -> Reason:
        if label is Label.OUT:
            if hit := self._first(attackers, Label.IN):
                raised = self._exception(node, hit)
                return f"undercut by `{hit}`{raised}", hit
            hit = self._first(premises, Label.OUT)
            return f"premise `{hit}` is out", hit
        if label is Label.UNDECIDED:
            if hit := self._first(premises + attackers, Label.UNDECIDED):
                return f"it depends on `{hit}`, which is undecided", hit
            return self._doubted(node)
        undercut = " and every undercutter is out" if attackers else ""
        return f"all its premises are in{undercut}", None

    def _exception(self, inference: str, attacker: str) -> str:
        """How an undercutter answers a critical question of the inference, if it does."""
        burden = self.evaluation.burden
        question = burden.exceptions.get((attacker, inference)) if burden else None
        if question is None:
            return ""
        return f" (exception `{question.id}`: {self._text(question.text)})"

    def _doubted(self, inference: str) -> Reason:
        """Why an inference whose premises and undercutters are settled is undecided: a
        questioned assumption that nothing defends."""
        burden = self.evaluation.burden
        for doubt in burden.doubts.get(inference, ()) if burden else ():
            if self.evaluation.doubts.get(doubt.node) is Label.UNDECIDED:
                asker = self._first(list(doubt.questioners), Label.IN) or doubt.questioners[0]
                question = doubt.question
                text = self._text(question.text)
                defence = "no defender stands" if doubt.defenders else "nothing defends it"
                return (
                    f"assumption `{question.id}` ({text}) is questioned by `{asker}` and {defence}",
                    asker,
                )
        return "nothing settles it", None

    def _text(self, text: Text) -> str:
        from argmap.model import text_in  # here: `import argmap` imports this module

        return text_in(text, self.argmap.lang, "en")

    def _out(self, node: str, attackers: list[str], supports: list[str]) -> Reason:
        if node in self.evaluation.rejected:
            return "it is rejected", None
        if hit := self._first(attackers, Label.IN):
            return f"attacked by `{hit}`", hit
        issues = self.issues.get(node, [])
        for key, _ in issues:
            if rival := self._rival(node, key, Label.IN):
                return f"`{rival}`, a rival position in issue `{key}`, is in", rival
        standing = [i for i in supports if self.labels[i] is Label.IN]
        if not any(self._weight(i) > 0 for i in standing):
            return self._unsupported(supports, standing)
        return self._outweighed(node, issues)

    def _unsupported(self, supports: list[str], standing: list[str]) -> Reason:
        """Why a claim no `in` inference of positive weight concludes is out."""
        if standing:
            return f"its only inferences in weigh 0 (`{standing[0]}`)", None
        if not supports:
            return "it is not assumed and no inference concludes it", None
        first = supports[0]
        return f"no inference for it is in (`{first}` is {self.labels[first]})", first

    def _outweighed(self, node: str, issues: list[tuple[str, list[str]]]) -> Reason:
        """Why a position with an argument lost its issue: a heavier rival, or a tie."""
        mine = self._best(node)
        for key, positions in issues:
            rivals = [p for p in positions if p != node and self._competes(p)]
            top = max(rivals, key=self._best, default=None)
            if top is not None and self._best(top) > mine:
                return f"`{top}`, a rival position in issue `{key}`, has a heavier argument", top
            if top is not None and self._best(top) == mine:
                tie = f"no position of issue `{key}` has a strictly heavier argument"
                return f"{tie} than its rivals", None
        return f"it did not win issue `{issues[0][0]}`" if issues else "nothing settles it", None

    def _weight(self, inference: str) -> float:
        weight = self.argmap.inferences[inference].weight
        return 1.0 if weight is None else weight

    def _best(self, claim: str) -> float:
        """The weight of the heaviest `in` inference concluding a claim (0 if none)."""
        concluding = (u for u in self.graph.pred[claim] if u in self.argmap.inferences)
        return max((self._weight(i) for i in concluding if self.labels[i] is Label.IN), default=0)

    def _competes(self, claim: str) -> bool:
        """Whether a position competed in its issues: not rejected, and not attacked down."""
        from argmap.graph import ATTACK

        if claim in self.evaluation.rejected:
            return False
        attackers = (u for u, edge in self.graph.pred[claim].items() if edge["kind"] == ATTACK)
        return not any(self.labels[a] is Label.IN for a in attackers)

    def _rival(self, node: str, issue: str, label: Label) -> str | None:
        """The first position of an issue, other than `node`, with this label."""
        key = (issue, label)
        if key not in self._by_label:  # once per issue and label, then read in O(1)
            positions = next(ps for k, ps in self.issues[node] if k == issue)
            self._by_label[key] = [p for p in positions if self.labels[p] is label]
        return next((p for p in self._by_label[key][:2] if p != node), None)

    def _first(self, nodes: list[str], label: Label) -> str | None:
        return next((n for n in nodes if self.labels[n] is label), None)


def report(argmap: ArgumentMap, graph: nx.DiGraph, evaluation: Evaluation) -> list[dict[str, str]]:
    """One row per claim, main conclusions first, then the map's order: plain data to print.

    >>> from argmap.evaluate import evaluate
    >>> from argmap.graph import build
    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> [(row["id"], row["label"]) for row in report(m, build(m), evaluate(m))]
    [('b', 'in'), ('a', 'in')]
    """
    roles = dict(graph.nodes(data="role"))
    main = set(evaluation.main)
    order = list(evaluation.main) + [c for c in argmap.claims if c not in main]
    return [
        {
            "id": c,
            "label": str(evaluation.labels[c]),
            "role": str(roles[c]),
            "text": argmap.text_of(c),
        }
        for c in order
    ]


#: Each label's colour on a terminal (ANSI SGR): in green, out red, undecided yellow.
LABEL_COLOURS = {"in": "32", "out": "31", "undecided": "33"}


def table(
    rows: list[dict[str, str]],
    width: int | None = 100,
    colour: bool = False,
    full: bool = False,
) -> str:
    """The rows of :func:`report` as a text table `width` characters wide (None: as wide as
    its longest text, for a pipe or a file).

    Columns are as wide as their widest entry (header included); a text longer than its
    column is cut with "…", or with `full` wrapped onto lines of its own column. With
    `colour`, labels are coloured for a terminal.

    >>> text = "Cats purr when they are content"
    >>> rows = [{"label": "in", "id": "b", "role": "main conclusion", "text": text}]
    >>> print(table(rows, width=70))
    label  id  role             text
    in     b   main conclusion  Cats purr when they are content
    >>> print(table(rows, width=46))
    label  id  role             text
    in     b   main conclusion  Cats purr when th…
    >>> print(table(rows, width=46, full=True))
    label  id  role             text
    in     b   main conclusion  Cats purr when
                                they are content
    """
    import textwrap

    keys = ("label", "id", "role")
    wide = {k: max([len(k), *(len(r[k]) for r in rows)]) for k in keys}
    indent = sum(wide.values()) + 2 * len(keys)
    # A narrow terminal still shows a little of each text.
    room = (
        max(width - indent, 10) if width is not None else max([1, *(len(r["text"]) for r in rows)])
    )

    def line(row: dict[str, str], text: str) -> str:
        label, pad = row["label"], " " * (wide["label"] - len(row["label"]))
        if colour and label in LABEL_COLOURS:
            label = f"\x1b[{LABEL_COLOURS[label]}m{label}\x1b[0m"
        label += pad
        return f"{label}  {row['id']:<{wide['id']}}  {row['role']:<{wide['role']}}  {text}"

    lines = [line({k: k for k in (*keys, "text")}, "text")]
    for r in rows:
        if full:
            parts = textwrap.wrap(r["text"], room, break_long_words=False) or [""]
            lines.append(line(r, parts[0]))
            lines.extend(" " * indent + part for part in parts[1:])
        else:
            text = r["text"] if len(r["text"]) <= room else r["text"][: room - 1] + "…"
            lines.append(line(r, text))
    return "\n".join(lines)
