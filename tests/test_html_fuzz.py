"""Fuzzed texts never become markup in the page either: the fuzzed-label tests of
tests/test_draw_fuzz.py, drawn as HTML.

Whatever a map says, its page is self-contained (it loads nothing and links nowhere from its
markup), has no event handler, runs no script but argmap's two, and gives back the map's
data unchanged from its JSON block. tests/browser/test_page_fuzz.py opens such pages in
Chromium and clicks through them.
"""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.draw.pagedata import page_data
from argmap.graph import build
from tests.test_draw_fuzz import FIELDS, ONE_OF_EACH, drawn, fields, fuzzed_map
from tests.test_html import assert_self_contained

#: Texts that would run a script, or load something, if the page ever parsed them as markup.
PAYLOAD = (
    '<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script>'
    "<svg onload=window.pwned=3><!--<a href=https://example.org>x</a>"
)
PAYLOADS = dict.fromkeys(FIELDS, PAYLOAD) | {"url": "javascript:window.pwned=4"}


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is absent")
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(fields, st.sampled_from(["en", "pt"]), st.booleans())
@example(ONE_OF_EACH, "en", False)
@example(PAYLOADS, "pt", True)
def test_any_text_makes_an_inert_self_contained_page(
    text: dict[str, str], lang: str, evaluated: bool
) -> None:
    data = assert_self_contained(drawn(text, "dot", lang, evaluated, "html"))
    m = fuzzed_map(text)
    assert data == page_data(m, build(m), lang, ((), ()) if evaluated else None)
