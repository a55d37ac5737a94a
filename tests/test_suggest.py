"""Did you mean: bounded, and as good as difflib's full scan on typos."""

from __future__ import annotations

import difflib
import random

import pytest

from argmap.suggest import Vocabulary


def typo(word: str, rng: random.Random) -> str:
    """The word with one character dropped, doubled, swapped with the next or replaced."""
    at = rng.randrange(len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:at] + word[at + 1 :]
    if kind == 1:
        return word[: at + 1] + word[at:]
    if kind == 2:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + "#" + word[at + 1 :]


def test_typos_among_many_similar_ids_find_the_id_meant() -> None:
    rng = random.Random(7)
    known = [f"claim-{rng.randrange(10**6):06d}-{i}" for i in range(5_000)]
    ids = Vocabulary(known)
    asked = rng.sample(known, 300)
    found = [ids.closest(typo(word, rng)) for word in asked]
    assert sum(f == want for f, want in zip(found, asked, strict=True)) >= 297


@pytest.mark.parametrize(
    "pool",
    [
        ["build-lane", "lose-parking", "safer-cycling", "more-trade", "cost-too-high"],
        ["a1", "a2", "b1", "premise", "premises", "conclusion", "main-claim"],
    ],
)
def test_agrees_with_difflib_on_small_pools(pool: list[str]) -> None:
    rng = random.Random(3)
    ids = Vocabulary(pool)
    for word in pool:
        for _ in range(5):
            asked = typo(word, rng)
            full = difflib.get_close_matches(asked, pool, n=1, cutoff=0.6)
            got = ids.closest(asked)
            if full and full[0] == word:  # difflib finds the id meant: so must we
                assert got == word, asked


def test_nothing_alike_gives_none_and_an_exact_id_itself() -> None:
    ids = Vocabulary(["alpha", "beta"])
    assert ids.closest("zzzz") is None
    assert ids.closest("beta") == "beta"
    assert Vocabulary([]).closest("x") is None and len(Vocabulary(["a", "a"])) == 1
