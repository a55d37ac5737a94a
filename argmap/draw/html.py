"""HTML: a checked map as one self-contained, interactive page.

The page holds the map laid out by Graphviz, as inline SVG, once per language of the map;
the map's data and its evaluations as one JSON block (:mod:`argmap.draw.pagedata`); and its
scripts: svg-pan-zoom (vendored, with its licence) and argmap's own ``page.js``. It loads
nothing: its Content-Security-Policy forbids every load, runs only those two scripts (by
their hashes), and the page makes no request at all. The same map gives the same bytes.

User text enters the page as text only: in the SVG, as Graphviz escapes it (see
:mod:`argmap.draw.text`); in the JSON block, with ``<``, ``>`` and ``&`` escaped, so that no
``</script>`` can end it; and ``page.js`` shows it with ``textContent`` only.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from argmap.draw.engine import layout
from argmap.draw.pagedata import Assumed, languages, page_data
from argmap.draw.source import dot
from argmap.draw.style import DEFAULT_ENGINE, DEFAULT_STYLE, DEFAULT_TIMEOUT, THEMES, Style, Theme
from argmap.draw.text import xml_safe
from argmap.model import ArgumentMap, text_in

if TYPE_CHECKING:
    import networkx as nx

#: The policy of every page: nothing loads, only the page's own scripts run.
POLICY = (
    "default-src 'none';{connect} script-src {scripts}; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)
#: Where a live page (see :func:`live`) says how to reach its server.
LIVE = '<script type="application/json" id="argmap-live">null</script>'

_PROLOG = re.compile(r"\A\s*<\?xml[^>]*\?>\s*(<!DOCTYPE[^>]*>\s*)?")
_ANCHOR = re.compile(r"<a\s[^>]*>")
# Graphviz escapes quotes and angle brackets in every value it writes, so these patterns can
# only meet Graphviz's own markup, never a user's text.
_LINK = re.compile(r' (?:xlink:href|target)="[^"]*"')


def html_page(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    style: Style | None = None,
    engine: str = DEFAULT_ENGINE,
    timeout: float = DEFAULT_TIMEOUT,
    assumed: Assumed | None = None,
) -> bytes:
    """The page of a checked map: its drawing in each of its languages, and its data.

    The page opens in `style.lang` (default: the map's language); with `assumed` (claims to
    accept, claims to reject) it opens coloured by that evaluation.

    >>> from argmap.graph import build
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "<b>A</b>"}}})
    >>> page = html_page(m, build(m)).decode()
    >>> page.startswith("<!DOCTYPE html>"), "<b>A</b>" in page, "&lt;b&gt;A&lt;/b&gt;" in page
    (True, False, True)

    Raises
    ------
    RenderError
        When Graphviz is missing, fails, or runs past `timeout` seconds.
    """
    style = style or DEFAULT_STYLE
    lang = style.lang or argmap.lang
    codes = list(dict.fromkeys([lang, *languages(argmap)]))
    # Graphviz lays out each language in its own process while Python evaluates the map.
    with ThreadPoolExecutor(max_workers=len(codes)) as pool:
        drawn = {
            code: pool.submit(
                layout, dot(argmap, graph, replace(style, lang=code)), "svg", engine, timeout
            )
            for code in codes
        }
        data = page_data(argmap, graph, lang, assumed)
        svgs = {code: inline_svg(future.result(), code) for code, future in drawn.items()}
    title = text_in(argmap.title, lang, argmap.lang) if argmap.title else "Argument map"
    return page(svgs, data, xml_safe(title), lang, style.theme)


def inline_svg(svg: bytes, prefix: str) -> str:
    """Graphviz's SVG as a part of a page: no XML prolog, no links out of the page (the
    panel shows them), and every id prefixed, so that several drawings can share a page.

    >>> inline_svg(b'<?xml version="1.0"?>\\n<svg><g id="node1"><a xlink:href="https://x.org" '
    ...            b'xlink:title="t" target="_blank">A</a></g></svg>', "en")
    '<svg><g id="en-node1"><a xlink:title="t">A</a></g></svg>'
    """
    text = _PROLOG.sub("", svg.decode("utf-8"))
    text = _ANCHOR.sub(lambda tag: _LINK.sub("", tag.group()), text)
    return text.replace('<g id="', f'<g id="{prefix}-')


def page(
    svgs: dict[str, str],
    data: dict[str, Any] | None,
    title: str,
    lang: str = "en",
    theme: str = DEFAULT_STYLE.theme,
) -> bytes:
    """The page's bytes: each SVG in its own drawing, the data, the scripts and styles.

    With no data (and no drawings) the page says that there is no map yet: what
    `argmap serve` shows until a map can be drawn.

    >>> b"No map" in page({}, None, "T") and b"<title>T</title>" in page({}, None, "T")
    True
    """
    vendor, own = scripts()
    drawings = "".join(
        f'<div class="drawing" data-lang="{html.escape(code)}" lang="{html.escape(code)}"'
        f"{'' if i == 0 else ' hidden'}>\n{svg}</div>\n"
        for i, (code, svg) in enumerate(svgs.items())
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy()}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>\n{asset('page.css')}{theme_css(THEMES[theme])}</style>",
        "</head>",
        "<body>",
        CONTROLS.format(title=html.escape(title)),
        '<main>\n<div id="map" aria-label="the map">\n'
        + (drawings or '<p class="empty">No map to show yet.</p>\n')
        + "</div>",
        PANEL,
        "</main>",
        KEY,
        f'<script type="application/json" id="argmap-data">{json_block(data)}</script>',
        LIVE,
        f"<script>{vendor}</script>",
        f"<script>{own}</script>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts).encode("utf-8")


#: The page's header: its title, search, evaluation, language and zoom controls.
CONTROLS = """<header>
<h1 id="title">{title}</h1>
<div class="controls">
<div class="search"><label class="visually-hidden" for="search">Find a claim</label>
<input id="search" type="search" placeholder="Find a claim (text or id)" autocomplete="off">
<ul id="results" hidden></ul></div>
<label for="scenario">Evaluation</label> <select id="scenario"></select>
<span id="lang-control" hidden><label for="lang">Language</label> <select id="lang"></select></span>
<button id="fit" type="button" title="Fit the map to the window (0)">Fit</button>
<button id="zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">−</button>
<button id="zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button id="about" type="button">About</button>
</div>
</header>"""
#: The side panel, filled by page.js when a claim or a junction is chosen.
PANEL = """<aside id="panel" hidden aria-live="polite" aria-label="details">
<button id="close" class="close" type="button" aria-label="Close (Escape)">×</button>
<div id="panel-body"></div>
</aside>
<div id="problems" hidden role="alert"></div>"""
#: What the frames mean, shown while the map is coloured by an evaluation.
KEY = (
    '<footer id="key" hidden>Frames: <span class="label">in</span> solid · '
    '<span class="label label-word-out">out</span> dashed · '
    '<span class="label label-word-undecided">undecided</span> dotted. '
    "Click a claim or a junction, or Tab to it and press Enter; Escape closes; "
    "/ finds; + − 0 zoom.</footer>"
)


def theme_css(theme: Theme) -> str:
    """The theme's colours for the page, and each label's frame: solid, dashed or dotted,
    as in the drawings (readable without colour).

    >>> "stroke-dasharray:5,2" in theme_css(THEMES["print"])
    True
    """
    light = theme["graph"]["bgcolor"] == "white"
    rules = [
        ":root{"
        f"--bg:{theme['graph']['bgcolor']};--fg:{theme['graph']['fontcolor']};"
        f"--line:{theme['claim']['color']};--support:{theme['support']['color']};"
        f"--attack:{theme['attack']['color']};--focus:{'#1a56db' if light else '#8ab4f8'};"
        f"--hover:{'#eef1f5' if light else '#303236'}}}"
    ]
    for label, attrs in theme["labels"].items():
        dashes = (
            "5,2" if "dashed" in attrs["style"] else "1,3" if "dotted" in attrs["style"] else "none"
        )
        rules.append(
            f"#map .evaluated .node.label-{label} :is(path,polygon,ellipse)"
            f"{{fill:{attrs['fillcolor']};stroke:{attrs['color']};stroke-dasharray:{dashes}}}"
        )
    return "\n".join(rules) + "\n"


def json_block(data: Any) -> str:
    r"""Data as JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and ``&``
    escaped, so that nothing in it can close the element or open a comment.

    >>> json_block({"t": "</script><!--&"})
    '{"t":"\\u003c/script\\u003e\\u003c!--\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def live(page_bytes: bytes, events: str, version: int) -> bytes:
    """A page that follows `argmap serve`: it listens to `events` (a path on the same
    server) for new drawings, and its policy lets it connect there and nowhere else.

    >>> b"'self'" in live(page({}, None, "T"), "/events", 1)
    True
    """
    text = page_bytes.decode("utf-8")
    config = json_block({"events": events, "version": version})
    text = text.replace(LIVE, LIVE.replace(">null<", f">{config}<"), 1)
    text = text.replace(policy(), policy(connect=True), 1)
    return text.encode("utf-8")


def policy(connect: bool = False) -> str:
    """The Content-Security-Policy of a page: nothing loads, only the page's own two scripts
    run (named by their hashes); with `connect`, the page may reach its own server.

    >>> policy().startswith("default-src 'none'; script-src 'sha256-")
    True
    """
    hashes = " ".join(f"'sha256-{digest(script)}'" for script in scripts())
    return POLICY.format(scripts=hashes, connect=" connect-src 'self';" if connect else "")


@cache
def scripts() -> tuple[str, str]:
    """The page's two scripts: svg-pan-zoom with its licence notice, and argmap's own."""
    notice = asset("svg-pan-zoom.LICENSE").replace("*/", "* /")
    vendor = f"/*!\n{notice}*/\n{asset('svg-pan-zoom.min.js')}"
    own = asset("page.js")
    for script in (vendor, own):
        if "</script" in script.lower() or "<!--" in script:
            raise ValueError("a script of the page would end its element early")
    return vendor, own


@cache
def asset(name: str) -> str:
    """A file of the page, from argmap's package data (argmap/draw/page/)."""
    return files("argmap.draw").joinpath("page", name).read_text(encoding="utf-8")


def digest(script: str) -> str:
    """The base64 SHA-256 of a script, as a Content-Security-Policy names it."""
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
