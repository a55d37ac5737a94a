"""Fuzzed texts never become markup: whatever a map says, the SVG is inert XML.

Every text of a map that reaches the drawing is drawn from the whole of Unicode, with the
code points XML cannot hold (and those it discourages) drawn as often as the rest.
"""

from __future__ import annotations

import shutil
import textwrap
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import argmap
from argmap.draw import MIN_WIDTH, wasm_available
from argmap.draw.text import plain, wrap_lines, wrapped, xml_safe

#: Characters that mean something to DOT, HTML-like labels, XML or a browser.
NASTY = [*"<>&\"'\\/;:=[]{}()!?#%\n\r\t \x00\x1f\x7f", "]]>", "\\N", "<b>", "&amp;", "javascript:"]

#: Code points that XML 1.0 forbids (C0 controls, U+FFFE and U+FFFF of every plane) or
#: discourages (C1 controls, the other noncharacters); and lone surrogates, which it forbids
#: too, apart because the model refuses them in some fields (see NO_SURROGATES).
SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=())
UNDRAWABLE = st.one_of(
    st.characters(max_codepoint=0x1F, exclude_categories=()),
    st.characters(min_codepoint=0x7F, max_codepoint=0x9F, exclude_categories=()),
    st.characters(min_codepoint=0xFDD0, max_codepoint=0xFDEF, exclude_categories=()),
    st.builds(
        lambda plane, end: chr(plane * 0x10000 + 0xFFFE + end),
        st.integers(0, 16),
        st.integers(0, 1),
    ),
)


def texts(surrogates: bool = True) -> st.SearchStrategy[str]:
    """Texts of a few pieces: markup, undrawable code points, any characters of Unicode."""
    undrawable = UNDRAWABLE | SURROGATES if surrogates else UNDRAWABLE
    # UTF-8 cannot encode a lone surrogate: that codec leaves them out, and only them.
    characters = (
        st.characters(exclude_categories=()) if surrogates else st.characters(codec="utf-8")
    )
    pieces = st.sampled_from(NASTY) | undrawable | st.text(characters, min_size=1, max_size=3)
    return st.lists(pieces, min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())


#: Every text of a map that the drawing shows, as a tooltip, a label, a legend row or a link.
FIELDS = (
    "title",
    "text_en",
    "text_pt",
    "note",
    "quote",
    "source_title",
    "url",
    "voice",
    "scheme",
    "inference_label",
    "inference_note",
    "issue",
    "tag",
)
#: The model refuses a lone surrogate in a source's title and a quote (pydantic's
#: string_unicode error), so no drawing ever gets one there.
NO_SURROGATES = {"source_title", "quote"}
fields = st.fixed_dictionaries(
    {name: texts(name not in NO_SURROGATES) for name in FIELDS if name != "url"}
    | {"url": texts() | texts().map(lambda t: "https://example.org/" + t)}
)


def fuzzed_map(text: dict[str, str]) -> argmap.ArgumentMap:
    """A map with each drawn text taken from `text`; two claims of the three are bilingual."""
    bilingual = {"en": text["text_en"], "pt": text["text_pt"]}
    data: dict[str, Any] = {
        "title": {"en": text["title"], "pt": text["title"][::-1]},
        "sources": {"s": {"title": text["source_title"], "url": text["url"]}},
        "voices": {"v": {"name": text["voice"]}},
        "claims": {
            "a": {"text": bilingual, "by": "v", "note": text["note"], "tags": ["k"]},
            "b": {
                "text": text["text_en"] + " (2)",
                "quote": {"source": "s", "text": text["quote"]},
            },
            "c": {"text": {"en": text["text_pt"] + " (3)", "pt": text["text_en"] + " (3)"}},
        },
        "inferences": {
            "i": {
                "premises": ["a"],
                "conclusion": "b",
                "scheme": text["scheme"],
                "label": text["inference_label"],
                "note": text["inference_note"],
            },
        },
        "attacks": [{"from": "c", "to": "i"}],
        "issues": {"q": {"positions": ["a", "c"], "text": text["issue"]}},
    }
    return argmap.ArgumentMap.model_validate(data)


def assert_inert_svg(svg: bytes) -> None:
    """The SVG parses as XML, runs no script and links only to http(s) addresses."""
    root = ET.fromstring(svg)
    for element in root.iter():
        assert not element.tag.endswith("script")
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), (name, value)
            if local == "href":
                assert value.startswith(("http://", "https://")), value


def drawn(text: dict[str, str], engine: str, lang: str, evaluated: bool, fmt: str = "svg") -> bytes:
    """The fuzzed map drawn in `fmt` with all it can show: legend, tag colours, labels."""
    return argmap.render(
        fuzzed_map(text),
        fmt,
        lang=lang,
        legend=True,
        tag_colours={"k": "#ffcc00", text["tag"]: "red"},
        engine=engine,
        evaluated=evaluated,
    )


ONE_OF_EACH = dict.fromkeys(FIELDS, "a\ufffeb\uffff\ud800\x01\U0010fffe\ufdd0")
ONE_OF_EACH.update(dict.fromkeys(NO_SURROGATES, "a\ufffeb\uffff\x01\U0010fffe\ufdd0"))


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is absent")
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(fields, st.sampled_from(["en", "pt"]), st.booleans())
@example(ONE_OF_EACH, "en", False)
def test_any_text_renders_as_inert_svg(text: dict[str, str], lang: str, evaluated: bool) -> None:
    assert_inert_svg(drawn(text, "dot", lang, evaluated))


@pytest.mark.skipif(not wasm_available(), reason="the wasm extra is not installed")
# Each drawing starts a WebAssembly runtime (about a second): few examples, and every field's
# XML-forbidden code points in the explicit one.
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(fields, st.sampled_from(["en", "pt"]), st.booleans())
@example(ONE_OF_EACH, "en", False)
def test_any_text_renders_as_inert_svg_with_the_wasm_engine(
    text: dict[str, str], lang: str, evaluated: bool
) -> None:
    assert_inert_svg(drawn(text, "wasm", lang, evaluated))


#: Texts of words apart by single spaces, as most claims are (the fast way of wrap_lines),
#: the words made of any characters but spaces, some long.
SPACED = st.lists(
    st.text(st.characters(exclude_categories=("Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=14),
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts() | SPACED, st.integers(MIN_WIDTH, 40))
@example("a\x1fb c\x0bd\x85e f", 8)  # whitespace to textwrap or to str.split, not to the other
@example(" lead, trail ", 8)
def test_wrapped_text_is_textwraps_lines_made_inert(text: str, width: int) -> None:
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    assert wrap_lines(text, width) == lines
    assert wrapped(text, width) == ("\\n".join(plain(line) for line in lines) or " ")


def undrawable(char: str) -> bool:
    """XML 1.0's forbidden and discouraged code points, spelled out from its definition."""
    code = ord(char)
    return (
        (code < 0x20 and char not in "\t\n\r")
        or 0x7F <= code <= 0x9F
        or 0xD800 <= code <= 0xDFFF
        or 0xFDD0 <= code <= 0xFDEF
        or code & 0xFFFF in (0xFFFE, 0xFFFF)
    )


@settings(max_examples=300, deadline=None)
@given(texts() | st.text(st.characters(exclude_categories=()), max_size=30))
@example(
    "".join(
        chr(plane + end)
        for plane in range(0, 0x110000, 0x10000)
        for end in (-1, 0xFFFE, 0xFFFF)
        if plane + end >= 0
    )
)
def test_xml_safe_shows_each_undrawable_code_point_as_the_replacement_character(
    text: str,
) -> None:
    assert xml_safe(text) == "".join("\ufffd" if undrawable(c) else c for c in text)
