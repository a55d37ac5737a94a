"""Argdown reader: limits applied before elements are built, and near-linear time on the
inputs that were quadratic (issue #11). Figures: tests/benchmarks/argdown_corners.py."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from argmap.formats import argdown
from argmap.limits import Limits
from argmap.model import SLUG_RE
from argmap.read import read_text
from tests.benchmarks.argdown_corners import CORNERS, LIMITS
from tests.complexity import BOUND


def _codes(text: str, limits: Limits) -> list[str]:
    parsed = argdown.read(text, "x.argdown", limits)
    return [d.code for d in parsed.diagnostics]


def test_max_elements_stops_the_walk() -> None:
    text = "\n\n".join(f"[s{i}]: S {i}\n  - [t{i}]: T" for i in range(100))
    parsed = argdown.read(text, "x.argdown", Limits(max_elements=50))
    assert parsed.data is None
    (stop,) = parsed.diagnostics
    # Three elements a block of three lines: the 51st is [t16], on line 16 * 3 + 2.
    assert stop.code == "AM008" and stop.line == 50
    assert argdown.read(text, "x.argdown", Limits(max_elements=300)).data is not None


def test_max_text_on_a_text_a_title_and_a_data_block() -> None:
    limits = Limits(max_text=1000)
    assert _codes("[a]: " + "word " * 300 + "\n", limits) == ["AM108"]
    assert _codes("[a]: one\ntwo " + "word " * 300 + "\n", limits) == ["AM108"]
    assert _codes("<" + "x" * 2000 + ">: gist\n", limits) == ["AM108"]
    assert _codes("[a]: A {note: '" + "n" * 2000 + "'}\n", limits) == ["AM108"]
    assert _codes("[a]: " + "word " * 100 + "\n", limits) == []


@pytest.mark.parametrize("title", ["x" * 5000, "X" * 250 + " long title", "y" * 199])
def test_ids_made_from_long_titles_stay_slugs_of_200(title: str) -> None:
    """A long argument title (60 MB in the issue) never becomes an id past 200 characters."""
    text = (
        f"<{title}>: gist\n\n(1) [{title}]: p\n----\n(2) q\n----\n(3) r\n\n[{title}]\n  - [b]: B\n"
    )
    m, diags = read_text(text, "x.argdown", "argdown")
    assert m is not None, diags
    ids = [*m.claims, *m.inferences]
    assert all(len(i) <= 200 and SLUG_RE.match(i) for i in ids)
    assert len(m.inferences) == 2 and len(set(ids)) == len(ids)


def _best_times(make: Callable[[int], str], n: int, rounds: int = 7) -> tuple[float, float]:
    """The best processor time of reading the input of size n and of size 4n, measured in
    turns so that a busy machine slows both alike."""
    texts = make(n), make(4 * n)
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for k, text in enumerate(texts):
            start = time.process_time()
            argdown.read(text, "x.argdown", LIMITS)
            best[k] = min(best[k], time.process_time() - start)
    return best[0], best[1]


@pytest.mark.parametrize(
    ("make", "n"),
    [pytest.param(make, min(size // 4, 200_000), id=name) for name, make, size in CORNERS[1:]],
)
def test_corner_is_near_linear(make: Callable[[int], str], n: int) -> None:
    """Each input that was quadratic takes at most BOUND times as long at 4 times the size."""
    small, large = _best_times(make, n)
    assert large <= BOUND * max(small, 0.005), (small, large)
