"""The legend: the map's title and a key to its marks, as an HTML-like label of Graphviz."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.draw.style import LEGEND_MARKS, LEGEND_WORDS, Style, Theme
from argmap.draw.text import Html, html_text
from argmap.graph import ATTACK, main_conclusions
from argmap.model import ArgumentMap, text_in

if TYPE_CHECKING:
    import networkx as nx


def voice_fills(argmap: ArgumentMap, theme: Theme) -> dict[str, str]:
    """A fill colour for each voice, in the map's order, cycling through the theme's palette.

    >>> from argmap.draw.style import THEMES
    >>> m = ArgumentMap.model_validate({"claims": {}, "voices": {"a": {"name": "A"}}})
    >>> voice_fills(m, THEMES["light"])
    {'a': '#e3ecfa'}
    """
    palette: list[str] = theme["voices"]
    return {voice: palette[i % len(palette)] for i, voice in enumerate(argmap.voices)}


def legend(
    argmap: ArgumentMap, graph: nx.DiGraph, theme: Theme, style: Style, labelled: bool = False
) -> Html:
    """An HTML-like label: the map's title, then a key to what the map's marks mean.

    A map coloured by its evaluation (`labelled`) shows the labels in place of the voices.

    >>> from argmap.draw.style import THEMES
    >>> from argmap.graph import build
    >>> m = ArgumentMap.model_validate({"title": "<T>", "claims": {"a": {"text": "A"}}})
    >>> "<B>&lt;T&gt;</B>" in legend(m, build(m), THEMES["light"], Style())
    True
    """
    claim_fill = theme["claim"]["fillcolor"]

    def row(mark: str) -> str:
        face, colour = LEGEND_MARKS[mark]
        shown = f'<FONT COLOR="{theme[colour]["color"]}">{face}</FONT>'
        cell = html_text(words[mark])
        return f'<TR><TD ALIGN="CENTER">{shown}</TD><TD ALIGN="LEFT">{cell}</TD></TR>'

    def swatch(fill: str, text: str, border: int = 1, frame: str = theme["claim"]["color"]) -> str:
        return (
            f'<TR><TD BGCOLOR="{fill}" BORDER="{border}" COLOR="{frame}"> </TD>'
            f'<TD ALIGN="LEFT">{html_text(text)}</TD></TR>'
        )

    lang = style.lang or argmap.lang
    words = LEGEND_WORDS.get(lang, LEGEND_WORDS["en"])
    rows = [row("support")]
    if any(k == ATTACK for _, _, k in graph.edges(data="kind")):
        rows += [row("attack"), row("undercut")]
    if argmap.issues:
        rows.append(row("issue"))
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
