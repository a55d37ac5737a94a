"""The legend: the map's title and a key to its marks, as an HTML-like label of Graphviz.

Its samples are shapes (table cells filled or framed), never characters: some SVG renderers
(cairosvg) have no glyph for box-drawing characters and draw them as empty boxes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.draw.style import (
    JUNCTIONS,
    LEGEND_LINES,
    LEGEND_WORDS,
    Sample,
    Style,
    Theme,
)
from argmap.draw.text import Html, html_text
from argmap.evaluate.ids import BY, voice_claims
from argmap.graph import ATTACK, main_conclusions
from argmap.model import ArgumentMap, text_in

if TYPE_CHECKING:
    import networkx as nx

#: The heights of the columns of a sample's arrowhead, in points: a triangle drawn in strips.
ARROW = (9, 7, 5, 3, 1)


def voice_fills(argmap: ArgumentMap, theme: Theme) -> dict[str, str]:
    """A fill colour for each voice, in the map's order, cycling through the theme's palette.

    >>> from argmap.draw.style import THEMES
    >>> m = ArgumentMap.model_validate({"claims": {}, "voices": {"a": {"name": "A"}}})
    >>> voice_fills(m, THEMES["light"])
    {'a': '#e3ecfa'}
    """
    palette: list[str] = theme["voices"]
    return {voice: palette[i % len(palette)] for i, voice in enumerate(argmap.voices)}


def _cell(colour: str, width: int, height: int, framed: bool = False) -> tuple[int, str]:
    """One filled (or `framed`) rectangle of the given size in points, and its width."""
    fill = f' BORDER="1" COLOR="{colour}"' if framed else f' BGCOLOR="{colour}"' if colour else ""
    return width, f'<TD FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{height}"{fill}></TD>'


def line_sample(sample: Sample, colour: str) -> str:
    """A kind of line drawn as shapes: strips of its colour, then its end.

    The table is as wide as its cells, or Graphviz would spread them over its column.

    >>> s = line_sample(Sample("dashed", "bar", "attack"), "red")
    >>> s.count('BGCOLOR="red"'), s.count("<TD")
    (4, 6)
    """
    gap = _cell("", 3, 2)
    strips = {
        "solid": [_cell(colour, 26, 2)],
        "dashed": [_cell(colour, 6, 2), gap, _cell(colour, 6, 2), gap, _cell(colour, 6, 2)],
        "dotted": [cell for _ in range(5) for cell in (_cell(colour, 2, 2), gap)],
    }[sample.pattern]
    ring = _cell(colour, 6, 6, framed=True)
    ends = {
        "arrow": [_cell(colour, 2, h) for h in ARROW],
        "bar": [_cell(colour, 3, 13)],
        "ring": [ring],
    }[sample.end]
    cells = ([ring] if sample.end == "ring" else []) + strips + ends
    width = sum(w for w, _ in cells)
    return (
        f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" WIDTH="{width}"'
        f' HEIGHT="13"><TR>{"".join(cell for _, cell in cells)}</TR></TABLE>'
    )


def _dashes(style: str) -> str:
    """The dashes of a node's Graphviz style, as an HTML-like cell's STYLE takes them."""
    return next((s for s in style.split(",") if s in ("dashed", "dotted")), "")


def scenario_text(
    argmap: ArgumentMap, accept: Sequence[str], reject: Sequence[str], lang: str
) -> str:
    """What an evaluated drawing assumes, in words: the claims accepted and rejected.

    >>> m = ArgumentMap.model_validate({"voices": {"c": {"name": "a critic"}}, "claims": {
    ...     "a": {"text": "A", "by": "c"}, "b": {"text": "B", "by": "c", "status": "accepted"}}})
    >>> scenario_text(m, ["a"], ["by:c"], "en")
    'Scenario: accepted: a; rejected: the claims of a critic, but those the map marks accepted'
    >>> scenario_text(m, [], [], "en")
    "Scenario: the map's own assumptions"
    """
    words = LEGEND_WORDS.get(lang, LEGEND_WORDS["en"])

    def named(item: str) -> str:
        if not item.startswith(BY):
            return item
        voice = argmap.voices[item.removeprefix(BY)]
        return words["voice"].format(voice=text_in(voice.name, lang, argmap.lang))

    parts = [
        f"{words[stance]}: " + ", ".join(named(item) for item in items)
        for stance, items in (("accepted", accept), ("rejected", reject))
        if items
    ]
    kept = voice_claims(argmap, reject, "accepted")
    if any(argmap.claims[c].status == "accepted" for c in kept):
        parts[-1] += f", {words['kept']}"
    return f"{words['scenario']}: " + ("; ".join(parts) or words["own"])


def legend(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    theme: Theme,
    style: Style,
    labelled: bool = False,
    scenario: str | None = None,
) -> Html:
    """An HTML-like label: the map's title, then a key to what the map's marks mean.

    A map coloured by its evaluation (`labelled`) shows the labels' frames too, and the
    `scenario` it shows (see :func:`scenario_text`).

    >>> from argmap.draw.style import THEMES
    >>> from argmap.graph import build
    >>> m = ArgumentMap.model_validate({"title": "<T>", "claims": {"a": {"text": "A"}}})
    >>> "<B>&lt;T&gt;</B>" in legend(m, build(m), THEMES["light"], Style())
    True
    """
    lang = style.lang or argmap.lang
    words = LEGEND_WORDS.get(lang, LEGEND_WORDS["en"])
    claim_fill, claim_frame = theme["claim"]["fillcolor"], theme["claim"]["color"]

    def row(sample: str, text: str) -> str:
        return f'<TR><TD ALIGN="CENTER">{sample}</TD><TD ALIGN="LEFT">{html_text(text)}</TD></TR>'

    def line(mark: str) -> str:
        sample = LEGEND_LINES[mark]
        return row(line_sample(sample, theme[sample.colour]["color"]), words[mark])

    def swatch(
        fill: str, text: str, frame: str = claim_frame, border: int = 1, how: str = ""
    ) -> str:
        look = f' STYLE="{how}"' if how else ""
        cell = f'<TD BGCOLOR="{fill}" BORDER="{border}" COLOR="{frame}"{look} WIDTH="30"> </TD>'
        return row(f'<TABLE BORDER="0" CELLPADDING="0"><TR>{cell}</TR></TABLE>', text)

    junction = theme["junction"]
    scheme = (
        f'<TABLE BORDER="0" CELLPADDING="0"><TR><TD BORDER="1" COLOR="{junction["color"]}" '
        f'BGCOLOR="{junction["fillcolor"]}"><FONT FACE="{JUNCTIONS["scheme"]["fontname"]}" '
        f'POINT-SIZE="9" COLOR="{junction["fontcolor"]}">analogy</FONT></TD></TR></TABLE>'
    )
    dot = (
        '<TABLE BORDER="0" CELLPADDING="0"><TR>'
        f'<TD FIXEDSIZE="TRUE" WIDTH="9" HEIGHT="9" STYLE="rounded" BGCOLOR="{junction["color"]}">'
        "</TD></TR></TABLE>"
    )
    rows = [line("support"), row(dot, words["junction"])]
    if style.depth is None and any(inference.scheme for inference in argmap.inferences.values()):
        rows.append(row(scheme, words["scheme"]))
    if any(k == ATTACK for _, _, k in graph.edges(data="kind")):
        rows += [line("attack"), line("undercut")]
    if argmap.issues:
        rows.append(line("issue"))
    if main_conclusions(graph):
        rows.append(swatch(claim_fill, words["main"], theme["main"]["color"], 3))
    if any(claim.implicit for claim in argmap.claims.values()):
        double = (
            f'<TABLE BORDER="1" COLOR="{claim_frame}" CELLPADDING="1"><TR>'
            f'<TD BGCOLOR="{claim_fill}" BORDER="1" COLOR="{claim_frame}" WIDTH="24"> </TD>'
            "</TR></TABLE>"
        )
        rows.append(row(double, words["implicit"]))
    fills = voice_fills(argmap, theme)
    drawn = {argmap.claims[node].by for node in graph if node in argmap.claims}
    rows += [
        swatch(fills[v], text_in(voice.name, lang, argmap.lang))
        for v, voice in argmap.voices.items()
        if v in drawn
    ]
    rows += [swatch(c, f"{words['tag']}: {tag}") for tag, c in style.tag_colours.items()]
    if not argmap.voices:
        rows.append(swatch(claim_fill, words["claim"]))
    if style.depth is not None:
        rows.append(row("+N", words["below"].removeprefix("+N: ")))
    if labelled:
        rows += [
            swatch(claim_fill, words[label], attrs["color"], 2, _dashes(attrs["style"]))
            for label, attrs in theme["labels"].items()
        ]
    title = (
        f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="16"><B>'
        f"{html_text(text_in(argmap.title, lang, argmap.lang))}</B></FONT></TD></TR>"
        if argmap.title
        else ""
    )
    caption = (
        f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{html_text(scenario)}</B></TD></TR>'
        if scenario
        else ""
    )
    return Html(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">{title}{caption}'
        f"{''.join(rows)}</TABLE>"
    )
