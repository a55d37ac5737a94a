"""How quotes are compared with their sources: :func:`argmap.passages.normalise`."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.passages import normalise

#: The table the replacements follow, applied the plain way (every character looked up).
TABLE = str.maketrans(
    {c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛‹›′`"} | {c: "-" for c in "‐‑‒–—―"}
)


@given(st.text(alphabet=st.sampled_from(list("aé É\n\t`'\"-“”„‟«»″‘’‚‛‹›′‐‑‒–—―ß"))))
def test_normalise_replaces_what_the_table_replaces(text: str) -> None:
    plain = text if text.isascii() else text.translate(TABLE)
    assert normalise(text) == " ".join(plain.split()).casefold()
