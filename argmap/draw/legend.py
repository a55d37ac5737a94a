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


def _row(sample: str, text: str) -> str:
    """A row of the key: a sample of a mark, then what it means."""
    return f'<TR><TD ALIGN="CENTER">{sample}</TD><TD ALIGN="LEFT">{html_text(text)}</TD></TR>'


def _line_row(mark: str, theme: Theme, words: dict[str, str]) -> str:
    """The row of a kind of line (``support``, ``attack``, ...): its sample, its meaning."""
    sample = LEGEND_LINES[mark]
    return _row(line_sample(sample, theme[sample.colour]["color"]), words[mark])


def _swatch(fill: str, frame: str, text: str, border: int = 1, how: str = "") -> str:
    """The row of a box filled with `fill` and framed in `frame`, `border` points wide (and
    dashed or dotted as `how` says)."""
    look = f' STYLE="{how}"' if how else ""
    cell = f'<TD BGCOLOR="{fill}" BORDER="{border}" COLOR="{frame}"{look} WIDTH="30"> </TD>'
    return _row(f'<TABLE BORDER="0" CELLPADDING="0"><TR>{cell}</TR></TABLE>', text)


def _junction_sample(theme: Theme) -> str:
    """A junction: the small round dot where an inference's premises meet."""
    return (
        '<TABLE BORDER="0" CELLPADDING="0"><TR>'
        f'<TD FIXEDSIZE="TRUE" WIDTH="9" HEIGHT="9" STYLE="rounded" '
        f'BGCOLOR="{theme["junction"]["color"]}"></TD></TR></TABLE>'
    )


def _scheme_sample(theme: Theme) -> str:
    """A junction named by its scheme: a small box with a scheme's name in it."""
    junction = theme["junction"]
    return (
        f'<TABLE BORDER="0" CELLPADDING="0"><TR><TD BORDER="1" COLOR="{junction["color"]}" '
        f'BGCOLOR="{junction["fillcolor"]}"><FONT FACE="{JUNCTIONS["scheme"]["fontname"]}" '
        f'POINT-SIZE="9" COLOR="{junction["fontcolor"]}">analogy</FONT></TD></TR></TABLE>'
    )


def _implicit_sample(theme: Theme) -> str:
    """An implicit claim: a claim's box framed twice."""
    fill, frame = theme["claim"]["fillcolor"], theme["claim"]["color"]
    return (
        f'<TABLE BORDER="1" COLOR="{frame}" CELLPADDING="1"><TR>'
        f'<TD BGCOLOR="{fill}" BORDER="1" COLOR="{frame}" WIDTH="24"> </TD>'
        "</TR></TABLE>"
    )


def _shape_rows(
    argmap: ArgumentMap, graph: nx.DiGraph, theme: Theme, style: Style, words: dict[str, str]
) -> list[str]:
    """The rows of the lines, junctions and frames the drawing has."""
    rows = [_line_row("support", theme, words), _row(_junction_sample(theme), words["junction"])]
    if style.depth is None and any(inference.scheme for inference in argmap.inferences.values()):
        rows.append(_row(_scheme_sample(theme), words["scheme"]))
    if any(k == ATTACK for _, _, k in graph.edges(data="kind")):
        rows += [_line_row("attack", theme, words), _line_row("undercut", theme, words)]
    if argmap.issues:
        rows.append(_line_row("issue", theme, words))
    if main_conclusions(graph):
        claim_fill = theme["claim"]["fillcolor"]
        rows.append(_swatch(claim_fill, theme["main"]["color"], words["main"], 3))
    if any(claim.implicit for claim in argmap.claims.values()):
        rows.append(_row(_implicit_sample(theme), words["implicit"]))
    return rows


def _fill_rows(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    theme: Theme,
    style: Style,
    words: dict[str, str],
    lang: str,
) -> list[str]:
    """The rows of the claims' fills: one a voice drawn, one a tag coloured, or plain claims."""
    claim_fill, claim_frame = theme["claim"]["fillcolor"], theme["claim"]["color"]
    fills = voice_fills(argmap, theme)
    drawn = {argmap.claims[node].by for node in graph if node in argmap.claims}
    rows = [
        _swatch(fills[v], claim_frame, text_in(voice.name, lang, argmap.lang))
        for v, voice in argmap.voices.items()
        if v in drawn
    ]
    rows += [
        _swatch(c, claim_frame, f"{words['tag']}: {tag}") for tag, c in style.tag_colours.items()
    ]
    if not argmap.voices:
        rows.append(_swatch(claim_fill, claim_frame, words["claim"]))
    return rows


def _label_rows(theme: Theme, words: dict[str, str]) -> list[str]:
    """The rows of the frames of an evaluation's labels (in, out, undecided)."""
    claim_fill = theme["claim"]["fillcolor"]
    return [
        _swatch(claim_fill, attrs["color"], words[label], 2, _dashes(attrs["style"]))
        for label, attrs in theme["labels"].items()
    ]


def _heading(argmap: ArgumentMap, lang: str, scenario: str | None) -> str:
    """The rows above the key: the map's title, and the scenario it is evaluated in."""
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
    return title + caption


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
    rows = _shape_rows(argmap, graph, theme, style, words)
    rows += _fill_rows(argmap, graph, theme, style, words, lang)
    if style.depth is not None:
        rows.append(_row("+N", words["below"].removeprefix("+N: ")))
    if labelled:
        rows += _label_rows(theme, words)
    return Html(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
        f"{_heading(argmap, lang, scenario)}{''.join(rows)}</TABLE>"
    )
