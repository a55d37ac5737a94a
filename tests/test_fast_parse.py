"""The fast YAML path's guard: which texts go to the parser with positions."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from argmap.formats.native import has_anchor

#: The anchor as YAML writes it, spelled the plain way: what may precede the ``&``, then it.
PLAIN = re.compile(r"(?:^|[\s\[{,:-])&[^\s\[\]{},]")


@given(st.text(alphabet=" \n\t[]{},:-&ab_é*", max_size=12))
def test_the_anchor_search_finds_what_the_plain_pattern_finds(text: str) -> None:
    assert has_anchor(text) == (PLAIN.search(text) is not None)
