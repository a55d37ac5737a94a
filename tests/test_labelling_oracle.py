"""The labelling against a naive fixpoint written from the rules of :mod:`argmap.evaluate`.

The oracle reads the map itself (not the graph, not the compact view), applies every rule
of the module's docstring to every node in rounds, each round reading the labels of the
round before, until nothing changes. It is slow and obviously right; :func:`evaluate` is
fast and must agree with it on random maps with linked premises, undercuts, issues of two
to four positions (repeats included) and weights with zeros and ties.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.evaluate import evaluate
from argmap.model import ArgumentMap

IN, OUT, UNDECIDED = "in", "out", "undecided"


def naive_labels(
    m: ArgumentMap, accept: Sequence[str] = (), reject: Sequence[str] = ()
) -> dict[str, str]:
    """Every rule, every node, every round, until a round changes nothing."""
    claims, inferences = list(m.claims), m.inferences
    status: dict[str, str | None] = {c: m.claims[c].status for c in claims}
    status |= dict.fromkeys(accept, "accepted") | dict.fromkeys(reject, "rejected")
    concluded = {i.conclusion for i in inferences.values()}
    assumed = {
        c for c in claims if status[c] == "accepted" or (not status[c] and c not in concluded)
    }
    rejected = {c for c in claims if status[c] == "rejected"}
    premises = {i: set(inf.premises) for i, inf in inferences.items()}
    weight = {i: 1.0 if inf.weight is None else inf.weight for i, inf in inferences.items()}
    concluding = {c: [i for i, inf in inferences.items() if inf.conclusion == c] for c in claims}
    attackers: dict[str, set[str]] = defaultdict(set)
    for a in m.attacks:
        if not (a.to in inferences and a.from_ in premises[a.to]):  # AM208: a premise only
            attackers[a.to].add(a.from_)
    issues = [sorted(set(k.positions)) for k in m.issues.values() if len(set(k.positions)) > 1]
    rivals: dict[str, set[str]] = defaultdict(set)
    for positions in issues:
        for p in positions:
            rivals[p] |= set(positions) - {p}
    label = dict.fromkeys([*claims, *inferences], UNDECIDED)

    def best(c: str) -> float:
        return max((weight[i] for i in concluding[c] if label[i] == IN), default=0.0)

    def free(n: str) -> bool:
        return all(label[a] == OUT for a in attackers[n])

    def settled(c: str) -> bool:
        return all(label[i] != UNDECIDED for i in concluding[c])

    while True:
        said: dict[str, set[str]] = defaultdict(set)
        for i in inferences:
            if all(label[p] == IN for p in premises[i]) and free(i):
                said[i].add(IN)
            if any(label[p] == OUT for p in premises[i]) or any(
                label[a] == IN for a in attackers[i]
            ):
                said[i].add(OUT)
        for c in claims:
            if (
                c in rejected
                or any(label[a] == IN for a in attackers[c])
                or (c not in assumed and settled(c) and best(c) == 0)
                or any(label[r] == IN for r in rivals[c])
            ):
                said[c].add(OUT)
            if free(c) and (c in assumed or (best(c) > 0 and not rivals[c])):
                said[c].add(IN)
        for positions in issues:
            if not all(
                label[p] != UNDECIDED or (p not in assumed and free(p) and settled(p))
                for p in positions
            ):
                continue  # the issue waits
            undecided = [p for p in positions if label[p] == UNDECIDED]
            top = max((best(p) for p in undecided), default=0.0)
            leaders = [p for p in undecided if best(p) == top]
            stands = any(label[p] == IN for p in positions)
            for p in undecided:
                won = not stands and top > 0 and leaders == [p]
                said[p].add(IN if won else OUT)
        news = {
            n: OUT if OUT in values else IN for n, values in said.items() if label[n] == UNDECIDED
        }
        if not news:
            return label
        label |= news


WEIGHTS = [None, 0.0, 0.5, 0.5, 1.0, 0.25]


@st.composite
def random_maps(draw: st.DrawFn, most: int = 7) -> tuple[ArgumentMap, list[str], list[str]]:
    """Up to `most` claims, 5 inferences of 0 to 3 premises, 9 attacks (undercuts among
    them), 2 issues of 2 to 4 positions (a claim may repeat), statuses and overrides; the
    counts of inferences, attacks and issues grow with `most`."""
    n = draw(st.integers(1, most))
    scale = most / 7
    claims = [f"c{i}" for i in range(n)]
    claim = st.sampled_from(claims)
    data: dict[str, Any] = {"claims": {}, "inferences": {}, "attacks": [], "issues": {}}
    for c in claims:
        status = draw(st.sampled_from([None, None, None, "accepted", "rejected", "open"]))
        data["claims"][c] = {"text": c.upper(), **({"status": status} if status else {})}
    for k in range(draw(st.integers(0, round(5 * scale)))):
        data["inferences"][f"i{k}"] = {
            "premises": draw(st.lists(claim, max_size=3)),
            "conclusion": draw(claim),
            **({"weight": w} if (w := draw(st.sampled_from(WEIGHTS))) is not None else {}),
        }
    targets = st.sampled_from(claims + list(data["inferences"]))
    for _ in range(draw(st.integers(0, round(9 * scale)))):
        data["attacks"].append({"from": draw(claim), "to": draw(targets)})
    for k in range(draw(st.integers(0, round(2 * scale)))):
        data["issues"][f"k{k}"] = {"positions": draw(st.lists(claim, min_size=2, max_size=4))}
    verdict = {c: draw(st.sampled_from(["", "", "", "accept", "reject"])) for c in claims}
    accept = [c for c, v in verdict.items() if v == "accept"]
    reject = [c for c, v in verdict.items() if v == "reject"]
    return ArgumentMap.model_validate(data), accept, reject


def case(
    claims: dict[str, dict[str, Any]],
    inferences: dict[str, dict[str, Any]] | None = None,
    attacks: Sequence[tuple[str, str]] = (),
    issues: Sequence[list[str]] = (),
) -> tuple[ArgumentMap, list[str], list[str]]:
    """A map (with nothing accepted or rejected on top) from its claims' extra fields."""
    data = {
        "claims": {c: {"text": c.upper(), **extra} for c, extra in claims.items()},
        "inferences": inferences or {},
        "attacks": [{"from": u, "to": v} for u, v in attacks],
        "issues": {f"k{i}": {"positions": p} for i, p in enumerate(issues)},
    }
    return ArgumentMap.model_validate(data), [], []


@settings(max_examples=1000, deadline=None)
@given(random_maps())
# Two rivals, both assumed: the one freed of its attacker a round later falls.
@example(
    case(
        {"p": {}, "q": {}, "a": {}, "b": {}}, attacks=[("a", "q"), ("b", "a")], issues=[["p", "q"]]
    )
)
# Two issues share a position: each issue sees the same undecided positions at once.
@example(
    case(
        {"p": {}, "q": {}, "r": {}, "x": {}},
        {
            "i": {"premises": ["x"], "conclusion": "p", "weight": 0.9},
            "j": {"premises": ["x"], "conclusion": "q", "weight": 0.5},
            "l": {"premises": ["x"], "conclusion": "r", "weight": 0.1},
        },
        issues=[["p", "q"], ["q", "r"]],
    )
)
# A position named twice: no competition.
@example(
    case({"q": {}, "x": {}}, {"i": {"premises": ["x"], "conclusion": "q"}}, issues=[["q", "q"]])
)
def test_labels_agree_with_the_naive_fixpoint(
    drawn: tuple[ArgumentMap, list[str], list[str]],
) -> None:
    m, accept, reject = drawn
    got = {n: str(label) for n, label in evaluate(m, accept, reject).labels.items()}
    assert got == naive_labels(m, accept, reject)


def test_the_oracle_knows_the_readme_examples() -> None:
    """The oracle itself, on the README's small table (so a broken oracle cannot pass)."""
    m, _, _ = case({"a": {}, "b": {}, "c": {}}, attacks=[("b", "a"), ("c", "b")])
    assert naive_labels(m) == {"a": IN, "b": OUT, "c": IN}
    m, _, _ = case({"a": {}, "b": {}}, attacks=[("a", "b"), ("b", "a")])
    assert naive_labels(m) == {"a": UNDECIDED, "b": UNDECIDED}
    for weights, want in (((0.7, 0.4), (IN, OUT)), ((0.5, 0.5), (OUT, OUT))):
        m, _, _ = case(
            {"p": {}, "q": {}, "x": {}, "y": {}},
            {
                "i": {"premises": ["x"], "conclusion": "p", "weight": weights[0]},
                "j": {"premises": ["y"], "conclusion": "q", "weight": weights[1]},
            },
            issues=[["p", "q"]],
        )
        labels = naive_labels(m)
        assert (labels["p"], labels["q"]) == want
