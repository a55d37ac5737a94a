"""Fuzzed texts never become markup: whatever a map says, the SVG is inert XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap

#: Characters that mean something to DOT, HTML-like labels, XML or a browser.
NASTY = [*"<>&\"'\\/;:=[]{}()!?#%\n\r\t \x00\x1f\x7f", "]]>", "\\N", "<b>", "&amp;", "javascript:"]
texts = (
    st.lists(st.sampled_from(NASTY) | st.text(min_size=1, max_size=3), min_size=1, max_size=12)
    .map("".join)
    .filter(lambda s: s.strip())
)


def svg_of(text: str) -> bytes:
    m = argmap.ArgumentMap.model_validate(
        {
            "title": text,
            "sources": {"s": {"title": text, "url": "https://example.org/?q=" + text.strip()}},
            "voices": {"v": {"name": text}},
            "claims": {
                "a": {"text": text, "by": "v", "note": text},
                "b": {"text": text + " (2)", "quote": {"source": "s", "text": text}},
            },
            "inferences": {"i": {"premises": ["a"], "conclusion": "b", "scheme": text}},
        }
    )
    return argmap.render(m, "svg", legend=True)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts)
def test_any_text_renders_as_inert_svg(text: str) -> None:
    root = ET.fromstring(svg_of(text))  # parses as XML
    for element in root.iter():
        assert not element.tag.endswith("script")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), (name, value)
            if local == "href":
                assert value.startswith(("http://", "https://")), value
