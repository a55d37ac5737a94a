"""argmap diff grows with the maps, not with their square.

Each test times the diff of an adversarial pair of maps of size n and of 4n in one process
and bounds the ratio (a linear algorithm gives about 4; a quadratic one 16).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.diff import compare
from argmap.diff.elements import map_changes
from argmap.diff.match import match
from argmap.memory import gc_paused
from argmap.model import ArgumentMap
from tests.complexity import BOUND, growth

Pair = tuple[ArgumentMap, ArgumentMap]


def ratio(
    make: Callable[[int], Pair], n: int, run: Callable[[ArgumentMap, ArgumentMap], object] = compare
) -> float:
    """How much longer the diff of a pair of size 4n takes than one of size n (processor
    time, runs alternating, best of 5)."""
    run(*make(n // 4))  # warm up imports and caches
    return growth(lambda pair: run(*pair), make(n), make(4 * n))


def build(data: dict[str, Any]) -> ArgumentMap:
    return ArgumentMap.model_validate(data)


def test_every_claim_renamed_with_the_same_texts() -> None:
    """Renames found by text: hashed, never every removed claim against every added one;
    half of the texts are shared by two claims."""

    def renamed(n: int) -> Pair:
        def side(prefix: str) -> ArgumentMap:
            claims = {f"{prefix}{i}": {"text": f"Claim {i // 2}."} for i in range(n)}
            inferences = {
                f"i{i}": {"premises": [f"{prefix}{i}"], "conclusion": f"{prefix}{i - 1}"}
                for i in range(1, n)
            }
            return build({"claims": claims, "inferences": inferences})

        return side("a"), side("b")

    assert ratio(renamed, 600) < BOUND


def test_every_premise_of_one_inference_renamed_and_reworded() -> None:
    """Renames found by neighbours: n claims share one neighbour (a hub), which must not
    make every one of them a candidate for every other."""

    def hub(n: int) -> Pair:
        def side(prefix: str, words: str) -> ArgumentMap:
            claims = {f"{prefix}{i}": {"text": f"Premise {i} {words}."} for i in range(n)}
            claims["goal"] = {"text": "The goal."}
            inferences = {"i": {"premises": list(claims)[:-1], "conclusion": "goal"}}
            return build({"claims": claims, "inferences": inferences})

        return side("a", "as first written"), side("b", "as written later")

    assert ratio(hub, 600) < BOUND


def test_every_claim_of_a_chain_renamed_and_reworded() -> None:
    """Renames found by neighbours, each claim with neighbours of its own."""

    def chain(n: int) -> Pair:
        def side(prefix: str, words: str) -> ArgumentMap:
            claims = {f"{prefix}{i}": {"text": f"Step {i} {words}."} for i in range(n)}
            inferences = {
                f"i{i}": {"premises": [f"{prefix}{i}"], "conclusion": f"{prefix}{i - 1}"}
                for i in range(1, n)
            }
            attacks = [{"from": f"{prefix}{i}", "to": f"i{i + 2}"} for i in range(0, n - 2, 3)]
            return build({"claims": claims, "inferences": inferences, "attacks": attacks})

        return side("a", "of the old chain"), side("b", "of the new chain")

    old, new = chain(30)  # the path timed is the one that finds these renames
    assert {c.action for c in compare(old, new).changes if c.kind == "claim"} == {"renamed"}
    assert ratio(chain, 600) < BOUND


def star(n: int) -> Pair:
    """One claim attacks n/2 others, then n/2 others: every attack retargeted."""
    claims = {f"c{i}": {"text": f"Claim {i}."} for i in range(n)}

    def side(shift: int) -> ArgumentMap:
        targets = [f"c{(i + shift) % (n - 1) + 1}" for i in range(n - 1)]
        attacks = [{"from": "c0", "to": t} for t in targets[: n // 2]]
        return build({"claims": claims, "attacks": attacks})

    return side(0), side(n // 2)


def test_one_attacker_retargeted_from_every_claim_is_matched_in_linear_time() -> None:
    def changes(old: ArgumentMap, new: ArgumentMap) -> None:
        with gc_paused():  # as compare() does
            map_changes(old, new, match(old, new))

    assert ratio(star, 4000, changes) < BOUND


def test_one_attacker_retargeted_from_every_claim() -> None:
    assert ratio(star, 600) < BOUND


def test_one_objection_flips_many_claims() -> None:
    """Every claim flips; explaining them all would take time quadratic in their number."""

    def fan(n: int) -> Pair:
        claims = {f"c{i}": {"text": f"Claim {i}."} for i in range(n)}
        claims["p"] = {"text": "The premise of them all."}
        inferences = {f"i{i}": {"premises": ["p"], "conclusion": f"c{i}"} for i in range(n)}
        old = build({"claims": claims, "inferences": inferences})
        objection = {**claims, "x": {"text": "No."}}
        attacks = [{"from": "x", "to": "p"}]
        new = build({"claims": objection, "inferences": inferences, "attacks": attacks})
        return old, new

    assert ratio(fan, 800) < BOUND
