r"""Safe text: every string from a map on its way into DOT, and from there into SVG.

User text never becomes markup: every string from the map goes through :func:`xml_safe`
(by way of :func:`plain`, or :func:`html_text` inside the legend's HTML-like label), links
must be http(s) and are percent-encoded, and no user string is ever used as a font name,
style or attribute name.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

#: The code points that cannot be drawn: those XML 1.0 forbids (C0 controls but tab and line
#: ends, lone surrogates, U+FFFE and U+FFFF), and those it discourages (C1 controls, the other
#: noncharacters). Graphviz writes them into the SVG as they are, which then is not XML, or
#: fails on them inside an HTML-like label; a lone surrogate cannot even be encoded.
#: Beyond the Basic Multilingual Plane, the pattern finds every code point and
#: :func:`_shown` keeps all but the noncharacters (U+1FFFE, U+1FFFF, ... U+10FFFF): a class
#: of those 32 code points made the regular expression test each character five times slower.
_UNDRAWABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U00010000-\U0010ffff]"
)


def _shown(found: re.Match[str]) -> str:
    """What a code point :data:`_UNDRAWABLE` found is drawn as: U+FFFD, or itself when it
    is beyond the Basic Multilingual Plane and no noncharacter (whose last 16 bits are FFFE
    or FFFF)."""
    code = ord(found.group())
    return found.group() if code > 0xFFFF and code & 0xFFFE != 0xFFFE else "\ufffd"


def xml_safe(text: str) -> str:
    r"""A user's text with each code point that XML cannot hold shown as U+FFFD.

    >>> xml_safe("a\x1fb\ufffe\ud800") == "a\ufffdb\ufffd\ufffd"
    True
    >>> xml_safe("\U0001fffe \U0001f600") == "\ufffd \U0001f600"  # a noncharacter, an emoji
    True
    """
    return _UNDRAWABLE.sub(_shown, text)


def plain(text: str) -> str:
    r"""A user's string as inert DOT text: entities and backslash escapes (``\N``) disarmed.

    Written by :func:`quoted`, it is always a quoted string, never an HTML-like label.

    >>> print(plain(r"<b>A & B</b> \N"))
    <b>A &amp; B</b> \\N
    """
    # Backslashes doubled (as graphviz.escape does; the package is not imported for that, it
    # costs a render of a small map a fifth of its start-up); `&` first, or "&lt;" in a text
    # would draw as "<".
    return xml_safe(text).replace("&", "&amp;").replace("\\", "\\\\")


def html_text(text: str) -> str:
    """A user's text inside an HTML-like label (argmap's legend): entities escaped.

    >>> html_text("<b> & \\x01")
    '&lt;b&gt; &amp; \ufffd'
    """
    # Graphviz 2.43's label lexer fails on a "]" just after a tag (as in "<B>]</B>").
    return html.escape(xml_safe(text)).replace("]", "&#93;")


def wrapped(text: str, width: int) -> str:
    r"""A user's text wrapped at `width` characters, as a safe centred DOT label.

    Newlines in the text are reflowed like any other space (:func:`wrap_lines`).

    >>> wrapped("one two & three", 8)
    'one two\\n&amp; three'
    """
    # No line holds a line end, so the text is made inert once, not line by line.
    return plain("\n".join(wrap_lines(text, width))).replace("\n", "\\n") or " "


def wrap_lines(text: str, width: int) -> list[str]:
    """A text's lines of at most `width` characters, broken at spaces only (a longer word
    has a line of its own): :func:`textwrap.wrap`'s lines, without breaking words.

    Words apart by single spaces, the text of most claims, are wrapped here, five times
    faster; any other text (line ends, tabs, runs of spaces) by textwrap itself.

    >>> wrap_lines("one two three", 8), wrap_lines("one  two\\tthree", 8)
    (['one two', 'three'], ['one  two', 'three'])
    >>> wrap_lines("a longword b", 3)
    ['a', 'longword', 'b']
    """
    if " ".join(text.split()) != text:
        return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    lines = []
    start = 0  # of the line
    while len(text) - start > width:
        # The line ends at its last space within the width, else (a longer word) at its first.
        end = text.rfind(" ", start, start + width + 1)
        end = end if end >= 0 else text.find(" ", start)
        if end < 0:
            break
        lines.append(text[start:end])
        start = end + 1
    return [*lines, text[start:]] if text else []


def tooltip(text: str) -> str:
    r"""A user's text as a one-line tooltip.

    Graphviz 2.43 expands ``\N`` in tooltips even after an escaped backslash, so a zero-width
    space follows each backslash.

    >>> tooltip("a\n  b \\N") == "a b \\\\\u200bN"
    True
    """
    return plain(" ".join(text.split()).replace("\\", "\\\u200b"))


def safe_url(url: str | None) -> str | None:
    """An http(s) address made safe to write unescaped into SVG, or None for any other.

    Graphviz writes links into SVG as they are, so every character that could end the
    attribute or start markup (quotes, ``<``, ``>``, ``&``, spaces) is percent-encoded.

    >>> safe_url('https://example.org/a b?q="x"&y=1')
    'https://example.org/a%20b?q=%22x%22%26y=1'
    >>> safe_url("javascript:alert(1)") is None
    True
    """
    if url is None:
        return None
    address = xml_safe(url.strip())
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(address, safe="/:?#[]@!$()*+,;=%-._~")


class Html(str):
    """An HTML-like label that argmap built itself; written without quotes."""

    __slots__ = ()


def quoted(value: str) -> str:
    r"""A DOT string: double-quoted, or ``<...>`` for an :class:`Html` label.

    Backslashes are left alone, so that :func:`plain` text (backslashes doubled) stays inert
    and argmap's own ``\n`` breaks lines.

    >>> print(quoted('say "hi"'))
    "say \"hi\""
    """
    if isinstance(value, Html):
        return f"<{value}>"
    return '"' + value.replace('"', '\\"') + '"'


def attributes(attrs: Mapping[str, str]) -> str:
    """A DOT attribute list; the names are argmap's own, never the user's.

    >>> attributes({"label": "a", "shape": "box"})
    'label="a" shape="box"'
    """
    return " ".join([f"{name}={quoted(value)}" for name, value in attrs.items()])
