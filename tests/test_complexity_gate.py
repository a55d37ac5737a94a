"""Near-linear gate (#11): reading and resolving grow with the map, not with its square.

Each test times an adversarial map of size n and of 4n in one process and bounds the ratio
(a linear algorithm gives about 4, a quadratic one 16: the bound, 8, leaves room for a
busy machine).
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.read import read_text
from tests.complexity import growth


def ratio(make: Callable[[int], str], n: int, name: str = "m.yaml") -> float:
    """How much longer reading a map of size 4n takes than one of size n."""
    read_text(make(n // 4), name)  # warm up imports and caches
    return growth(lambda text: read_text(text, name), make(n), make(4 * n))


def dangling(n: int) -> str:
    """n claims, and n attacks each from a claim to an id that does not exist."""
    claims = "".join(f"  c{i}: {{text: C{i}}}\n" for i in range(n))
    attacks = "".join(f"  - {{from: c{i}, to: missing{i}}}\n" for i in range(n))
    return f"claims:\n{claims}attacks:\n{attacks}"


def test_dangling_references_are_reported_in_linear_time() -> None:
    """5,000 dangling references took 36.8 s: a difflib suggestion each, against every id."""
    assert ratio(dangling, 1500) < 8


def test_an_attacker_of_many_claims_is_read_in_linear_time() -> None:
    def star(n: int) -> str:
        claims = "".join(f"  c{i}: {{text: C{i}}}\n" for i in range(n))
        attacks = "".join(f"  - {{from: c0, to: c{i}}}\n" for i in range(1, n))
        return f"claims:\n{claims}attacks:\n{attacks}"

    assert ratio(star, 3000) < 8


def test_many_unknown_fields_are_reported_in_linear_time() -> None:
    def unknown(n: int) -> str:
        return "claims:\n" + "".join(f"  c{i}: {{text: C{i}, txt{i}: x}}\n" for i in range(n))

    assert ratio(unknown, 1500) < 8


def test_many_misspelt_fields_are_merged_in_linear_time() -> None:
    def misspelt(n: int) -> str:
        claims = "".join(f"  c{i}: {{text: C{i}}}\n" for i in range(n))
        inferences = "".join(f"  i{i}: {{premises: [c{i}], conlusion: c0}}\n" for i in range(1, n))
        return f"claims:\n{claims}inferences:\n{inferences}"

    assert ratio(misspelt, 1500) < 8
