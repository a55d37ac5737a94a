"""DOT: a checked map's graph as the DOT source that Graphviz lays out.

Each node and line gets its look from :mod:`argmap.draw.style` and its text from
:mod:`argmap.draw.text`; what is built here is which element is which.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from argmap.draw.legend import legend, scenario_text, voice_fills
from argmap.draw.overview import hidden_below, within
from argmap.draw.style import (
    DEFAULT_STYLE,
    EDGE,
    GRAPH,
    IMPLICIT,
    ISSUE,
    JUNCTIONS,
    LABELLED,
    LABELLED_MAIN,
    LINES,
    MAIN,
    NODE,
    THEMES,
    Style,
    Theme,
)
from argmap.draw.text import attributes, plain, quoted, safe_url, tooltip, wrapped
from argmap.graph import ATTACK, CLAIM, PREMISE, Role, main_conclusions
from argmap.model import ArgumentMap, text_in
from argmap.schemes.questions import Questions
from argmap.schemes.shown import badge, map_questions, question_text, scheme_name

if TYPE_CHECKING:
    import networkx as nx

#: The Graphviz group of the spine (see :func:`spine`): its edges are kept short and straight.
SPINE = "spine"


def dot(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    style: Style | None = None,
    labels: Mapping[str, str] | None = None,
    scenario: tuple[Sequence[str], Sequence[str]] = ((), ()),
) -> str:
    """The DOT source of a checked map's graph; with `labels` (``in``, ``out`` or
    ``undecided`` for each claim and inference, see :mod:`argmap.evaluate`) coloured by them,
    and captioned with the `scenario` that gave them (the claims accepted, those rejected).

    >>> from argmap.graph import build
    >>> m = ArgumentMap.model_validate({
    ...     "claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> print(dot(m, build(m)).splitlines()[-2].strip())
    "i" -> "b" [class="support conclusion" arrowhead="normal" color="#2e7d32"]
    """
    style = style or DEFAULT_STYLE
    theme = THEMES[style.theme]
    shown = set(graph) if style.depth is None else within(graph, style.depth)
    lines = _header(argmap, graph, style, shown, bool(labels), scenario)
    lines += _node_lines(argmap, graph, style, shown, labels)
    looks = line_looks(theme)
    for u, v, data in graph.edges(data=True):
        if u in shown and v in shown:
            lines.append(f"\t{quoted(u)} -> {quoted(v)} [{looks[line_kind(data)]}]")
    lines += _issue_lines(argmap, style, shown)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _header(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    style: Style,
    shown: set[str],
    labelled: bool,
    scenario: tuple[Sequence[str], Sequence[str]],
) -> list[str]:
    """The opening of the DOT source: the graph's attributes, with its legend or the
    caption of a `labelled` drawing's scenario, and the defaults of nodes and edges."""
    theme = THEMES[style.theme]
    lang = style.lang or argmap.lang
    graph_attrs = {**GRAPH, "rankdir": style.rankdir, **theme["graph"]}
    caption = scenario_text(argmap, *scenario, lang) if labelled else None
    if style.legend:
        drawn = graph if style.depth is None else graph.subgraph(shown)
        key = legend(argmap, drawn, theme, style, labelled, caption)
        graph_attrs.update(label=key, labelloc="t", labeljust="l")
    elif caption:
        graph_attrs.update(label=plain(caption), labelloc="t", labeljust="l")
    return [
        "digraph argmap {",
        f"\tgraph [{attributes(graph_attrs)}]",
        f"\tnode [{attributes({**NODE, **theme['claim']})}]",
        f"\tedge [{attributes(EDGE)}]",
    ]


def _node_lines(
    argmap: ArgumentMap,
    graph: nx.DiGraph,
    style: Style,
    shown: set[str],
    labels: Mapping[str, str] | None,
) -> list[str]:
    """A line for each claim and junction `shown`: its look, its label's frame, its place on
    the spine, and how many nodes an overview hides below it."""
    theme = THEMES[style.theme]
    lang = style.lang or argmap.lang
    fills = voice_fills(argmap, theme)
    links = {
        ident: url
        for ident, source in argmap.sources.items()
        if (url := safe_url(source.url)) is not None
    }
    straight = spine(graph)
    found = map_questions(argmap)
    below = hidden_below(graph, shown) if style.depth is not None else {}
    lines = []
    for node, data in graph.nodes(data=True):
        if node not in shown:
            continue
        attrs = (
            claim_attrs(argmap, node, data["role"], lang, style, fills, links)
            if data["kind"] == CLAIM
            else junction_attrs(argmap, node, lang, style, theme, found)
        )
        if labels:
            attrs["class"] += f" label-{labels[node]}"
            attrs.update(labelled(theme, labels[node], data["kind"] == CLAIM, data.get("role")))
        if node in straight:
            attrs["group"] = SPINE
        if node in below:
            attrs["label"] += f"\\n(+{below[node]})"
        lines.append(f"\t{quoted(node)} [{attributes(attrs)}]")
    return lines


def _issue_lines(argmap: ArgumentMap, style: Style, shown: set[str]) -> list[str]:
    """The lines between the positions of each issue that are `shown`, one after another."""
    theme = THEMES[style.theme]
    lang = style.lang or argmap.lang
    lines = []
    for ident, issue in argmap.issues.items():
        tip = text_in(issue.text, lang, argmap.lang) if issue.text is not None else ident
        attrs = {
            "class": f"issue issue-{ident}",
            **ISSUE,
            "tooltip": tooltip(f"exclusive positions: {tip}"),
            **theme["issue"],
        }
        drawn = [position for position in issue.positions if position in shown]
        for a, b in pairwise(drawn):
            lines.append(f"\t{quoted(a)} -> {quoted(b)} [{attributes(attrs)}]")
    return lines


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
    # From the main conclusions' own lines: the other lines of a big map are not walked.
    linked = {
        (junction, premise, conclusion)
        for premise in main
        for junction, line in graph.succ[premise].items()
        if line["kind"] == PREMISE
        for conclusion in graph.successors(junction)
        if conclusion in main
    }
    return {node for link in linked for node in link}


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
        attrs.update(theme["main"], **MAIN)
    if claim.implicit:
        classes.append("implicit")
        attrs.update(IMPLICIT)
    if claim.quote is not None:
        source = argmap.sources[claim.quote.source]
        attrs["tooltip"] = tooltip(f"“{claim.quote.text}” ({source.title})")
        if claim.quote.source in links:
            attrs.update(URL=links[claim.quote.source], target="_blank")
    elif claim.note is not None:
        attrs["tooltip"] = tooltip(claim.note)
    # The id is a slug (checked by the model); "claim-" keeps it apart from Graphviz's own ids.
    return {"id": f"claim-{ident}", "class": " ".join(classes), **attrs}


def junction_attrs(
    argmap: ArgumentMap,
    ident: str,
    lang: str,
    style: Style,
    theme: Theme,
    found: Questions | None = None,
) -> dict[str, Any]:
    """An inference's junction: a dot, or a small box naming its scheme (a dot in an
    overview, whose small print would not be read); for a scheme of the catalogue, its name
    in `lang` and a badge counting its open critical questions (`found`, the map's
    questions), which its tooltip lists with its label and note."""
    inference = argmap.inferences[ident]
    ids = {"id": f"inference-{ident}", "class": "inference"}
    scheme, questions = inference.scheme, []
    if scheme is not None and found is not None:
        scheme = scheme_name(found, scheme, lang, argmap.lang)
        questions = [question_text(q, lang, argmap.lang) for q in found.open(ident)]
    label = text_in(inference.label, lang, argmap.lang) if inference.label is not None else None
    still = f"open questions: {'; '.join(questions)}" if questions else None
    tip = " — ".join(t for t in (scheme, label, inference.note, still) if t)
    common: dict[str, Any] = {"tooltip": tooltip(tip or ident), **theme["junction"]}
    if scheme is None or style.depth is not None:
        # A dot is filled with its frame's colour.
        return {**ids, **JUNCTIONS["dot"], **common, "fillcolor": theme["junction"]["color"]}
    shown = wrapped(scheme, max(12, style.width // 2))
    if questions:
        shown += "\\n" + badge(len(questions), lang)
    return {**ids, "label": shown, **JUNCTIONS["scheme"], **common}


def labelled(theme: Theme, label: str, claim: bool, role: Role | None = None) -> dict[str, str]:
    """The look of a node by its label: a claim's frame (its fill stays its voice's, so that
    the drawing still tells who says what), a junction's fill and frame.

    >>> labelled(THEMES["print"], "out", claim=True)["style"]
    'rounded,filled,dashed'
    >>> "fillcolor" in labelled(THEMES["light"], "in", claim=True)
    False
    """
    attrs = dict(theme["labels"][label])
    if not claim:
        attrs["style"] = attrs["style"].replace("rounded,", "")
        return attrs
    del attrs["fillcolor"]
    return attrs | (LABELLED_MAIN if role is Role.MAIN else LABELLED)


def line_kind(data: Mapping[str, Any]) -> str:
    """An edge's kind of line (a row of :data:`LINES`): a premise line into a junction, a
    conclusion arrow, or an attack by its type.

    >>> line_kind({"kind": "attack", "type": "undercut"}), line_kind({"kind": "premise"})
    ('undercut', 'premise')
    """
    return str(data["type"]) if data["kind"] == ATTACK else str(data["kind"])


def line_looks(theme: Theme) -> dict[str, str]:
    """The DOT attributes of each kind of line in `theme`, written once for all the lines
    of a drawing.

    >>> line_looks(THEMES["light"])["premise"]
    'class="support premise" arrowhead="none" color="#2e7d32"'
    """
    return {kind: attributes({**line.attrs, **theme[line.colour]}) for kind, line in LINES.items()}
