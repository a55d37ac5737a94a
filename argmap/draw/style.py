"""Styles as data: what `argmap render` offers, its defaults, and the look of every mark.

Nothing here is code that decides a look: a theme is a dict of Graphviz attributes for
each kind of element, a line's look is a row of :data:`LINES`, a junction's of
:data:`JUNCTIONS`. The drawing code only looks them up.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.limits import Limits
from argmap.suggest import Vocabulary

#: The choices of `argmap render`, the first of each its default; html is an interactive page
#: (see :mod:`argmap.draw.html`).
FORMATS = ("svg", "png", "pdf", "dot", "html")
ENGINES = ("dot", "wasm", "elk")
RANKDIRS = ("BT", "TB", "LR", "RL")

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

FONT = "Helvetica"

#: The whole drawing, every node and every line, before a theme's colours.
GRAPH = {
    "newrank": "true",
    "rankdir": RANKDIRS[0],
    "nodesep": "0.35",
    "ranksep": "0.5",
    "pad": "0.25",
    "fontname": FONT,
    "fontsize": "12",
    "outputorder": "edgesfirst",
}
NODE = {
    "shape": "box",
    "style": "rounded,filled",
    "fontname": FONT,
    "fontsize": "11",
    "margin": "0.14,0.08",
}
EDGE = {"penwidth": "1.3", "arrowsize": "0.8"}

#: A main conclusion's text, over the theme's "main" frame.
MAIN = {"fontname": "Helvetica-Bold", "fontsize": "12.5"}

#: An inference's junction: a dot when it names no scheme, else a small box naming it.
JUNCTIONS = {
    "dot": {"label": "", "shape": "circle", "width": "0.13", "fixedsize": "true"},
    "scheme": {
        "fontname": "Helvetica-Oblique",
        "fontsize": "9",
        "margin": "0.06,0.02",
        "height": "0.2",
        "width": "0.3",
        "penwidth": "1.2",
    },
}

#: An issue's line between two of its positions (dotted, both ends open, no rank).
ISSUE = {
    "dir": "both",
    "arrowhead": "odot",
    "arrowtail": "odot",
    "style": "dotted",
    "penwidth": "2",
    "constraint": "false",
}


@dataclass(frozen=True)
class Line:
    """The look of a kind of line: its own attributes, and the theme entry that colours it."""

    attrs: Mapping[str, str]
    colour: str


# Arrowheads tell support from attack without colour: an arrow supports, a bar attacks.
_ATTACK = {"arrowhead": "tee", "arrowsize": "2", "penwidth": "2.2"}

#: Each kind of line, by an edge's kind (or an attack's type, see :mod:`argmap.graph`).
LINES = {
    "premise": Line({"class": "support premise", "arrowhead": "none"}, "support"),
    "conclusion": Line({"class": "support conclusion", "arrowhead": "normal"}, "support"),
    "rebut": Line({"class": "attack rebut", **_ATTACK}, "attack"),
    "undermine": Line({"class": "attack undermine", **_ATTACK}, "attack"),
    "undercut": Line({"class": "attack undercut", **_ATTACK}, "undercut"),
}

#: An implicit premise, which the reconstruction adds: a double frame and italic text, which
#: no label of an evaluation uses (a label colours the frame and dashes or dots it).
IMPLICIT = {"peripheries": "2", "fontname": "Helvetica-Oblique"}

#: A claim's frame in an evaluated drawing, thick enough to read the label by; the fill stays
#: its voice's, so that the drawing still tells who says what.
LABELLED = {"penwidth": "2.4"}
LABELLED_MAIN = {"penwidth": "3.6"}


@dataclass(frozen=True)
class Sample:
    """The legend's sample of a kind of line: its pattern (solid, dashed or dotted), its end
    (arrow, bar or ring) and the theme entry that colours it."""

    pattern: str
    end: str
    colour: str


#: The legend's samples of lines, drawn as small shapes: some SVG renderers (cairosvg) have
#: no glyph for box-drawing characters.
LEGEND_LINES = {
    "support": Sample("solid", "arrow", "support"),
    "attack": Sample("solid", "bar", "attack"),
    "undercut": Sample("dashed", "bar", "attack"),
    "issue": Sample("dotted", "ring", "issue"),
}

#: The legend's own words, by language; a language not listed gets English. The Portuguese
#: is Brazilian.
LEGEND_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "support": "supports a claim",
        "junction": "junction: premises joined at one dot support only together; "
        "each junction is one reason",
        "scheme": "a junction naming its scheme (the kind of argument); “N open”: its critical "
        "questions still open",
        "attack": "attacks a claim",
        "undercut": "undercuts an inference",
        "issue": "exclusive positions of an issue",
        "main": "main conclusion (bold text, thick frame)",
        "implicit": "implicit premise, added by the reconstruction (double frame, italics)",
        "claim": "claim",
        "tag": "tag",
        "in": "in: stands (solid frame)",
        "out": "out: falls (dashed frame)",
        "undecided": "undecided (dotted frame)",
        "scenario": "Scenario",
        "own": "the map's own assumptions",
        "accepted": "accepted",
        "rejected": "rejected",
        "voice": "the claims of {voice}",
        "kept": "but those the map marks accepted",
        "below": "+N: claims below it (reasons, objections) that only the full map draws",
    },
    "pt": {
        "support": "apoia uma afirmação",
        "junction": "junção: premissas unidas num ponto só apoiam juntas; cada junção é uma razão",
        "scheme": "junção com o nome do seu esquema (o tipo de argumento); “N em aberto”: "
        "questões críticas ainda em aberto",
        "attack": "ataca uma afirmação",
        "undercut": "contesta uma inferência",
        "issue": "posições excludentes de uma questão",
        "main": "conclusão principal (texto em negrito, moldura grossa)",
        "implicit": "premissa implícita, acrescentada pela reconstrução (moldura dupla, itálico)",
        "claim": "afirmação",
        "tag": "etiqueta",
        "in": "aceita: se sustenta (moldura contínua)",
        "out": "rejeitada: cai (moldura tracejada)",
        "undecided": "indecisa (moldura pontilhada)",
        "scenario": "Cenário",
        "own": "os pressupostos do próprio mapa",
        "accepted": "aceitas",
        "rejected": "rejeitadas",
        "voice": "as afirmações da voz “{voice}”",
        "kept": "exceto as que o mapa marca como aceitas",
        "below": "+N: afirmações abaixo dela (razões, objeções) que só o mapa completo desenha",
    },
}

#: The narrowest text a claim can be wrapped to.
MIN_WIDTH = 8

_HEX = re.compile(r"^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$")


@dataclass(frozen=True)
class Style:
    """How a map is drawn.

    `lang` picks the language of a multilingual map (default: the map's own), `rankdir` the
    direction of the layout (``BT``: conclusions above their reasons), `width` the characters
    per line of a claim's text, `tag_colours` a fill colour (``#rrggbb`` or a Graphviz colour
    name) for claims with a tag; the first matching tag of a claim wins over its voice's colour.
    `depth` draws an overview: the main conclusions and the claims at most that many steps
    below them (see :mod:`argmap.draw.overview`); None draws the whole map.

    Raises ValueError for a rankdir, theme, width, colour or depth that argmap does not draw.

    >>> Style(rankdir="LR").theme
    'light'
    """

    lang: str | None = None
    rankdir: str = RANKDIRS[0]
    theme: str = "light"
    legend: bool = False
    width: int = 32
    tag_colours: Mapping[str, str] = field(default_factory=dict)
    depth: int | None = None

    def __post_init__(self) -> None:
        if self.depth is not None and self.depth < 0:
            raise ValueError("depth must be 0 or more")
        if self.rankdir not in RANKDIRS:
            raise ValueError(f"rankdir must be one of {', '.join(RANKDIRS)}")
        if self.theme not in THEMES:
            raise ValueError(f"theme must be one of {', '.join(THEMES)}")
        if self.width < MIN_WIDTH:
            raise ValueError(f"width must be at least {MIN_WIDTH} characters")
        for tag, colour in self.tag_colours.items():
            if not is_colour(colour):
                close = Vocabulary(colour_names()).closest(colour.lower())
                fix = (
                    f"did you mean `{close}`?"
                    if close
                    else "use #rrggbb, #rrggbbaa or an X11 colour name such as lightblue "
                    "(https://graphviz.org/doc/info/colors.html)"
                )
                raise ValueError(
                    f"the colour `{colour}` of tag `{tag}` is not a Graphviz colour: {fix}"
                )


def is_colour(colour: str) -> bool:
    """Whether Graphviz draws `colour`: ``#rrggbb``, ``#rrggbbaa`` or an X11 colour name.

    >>> is_colour("#1a2b3c"), is_colour("LightBlue"), is_colour("notacolour")
    (True, True, False)
    """
    return bool(_HEX.match(colour)) or colour.lower() in colour_names()


@functools.lru_cache(maxsize=1)
def colour_names() -> frozenset[str]:
    """The colour names Graphviz knows (its X11 scheme), from ``colours.txt``."""
    from importlib.resources import files

    text = files("argmap.draw").joinpath("colours.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


#: What `argmap render` does when not told otherwise: the one place of its defaults.
DEFAULT_STYLE = Style()
DEFAULT_FORMAT = FORMATS[0]
DEFAULT_ENGINE = ENGINES[0]
DEFAULT_TIMEOUT = Limits().render_seconds
