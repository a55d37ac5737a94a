"""DOT: a checked map's graph as the DOT source that Graphviz lays out.

Each node and line gets its look from :mod:`argmap.draw.style` and its text from
:mod:`argmap.draw.text`; what is built here is which element is which.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from argmap.draw.legend import legend, voice_fills
from argmap.draw.style import (
    DEFAULT_STYLE,
    EDGE,
    GRAPH,
    ISSUE,
    JUNCTIONS,
    LINES,
    MAIN,
    NODE,
    THEMES,
    Style,
    Theme,
)
from argmap.draw.text import attributes, quoted, safe_url, tooltip, wrapped
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
    style = style or DEFAULT_STYLE
    theme = THEMES[style.theme]
    lang = style.lang or argmap.lang
    graph_attrs = {**GRAPH, "rankdir": style.rankdir, **theme["graph"]}
    if style.legend:
        key = legend(argmap, graph, theme, style, labelled=bool(labels))
        graph_attrs.update(label=key, labelloc="t", labeljust="l")
    lines = [
        "digraph argmap {",
        f"\tgraph [{attributes(graph_attrs)}]",
        f"\tnode [{attributes({**NODE, **theme['claim']})}]",
        f"\tedge [{attributes(EDGE)}]",
    ]
    fills = voice_fills(argmap, theme)
    links = {
        ident: url
        for ident, source in argmap.sources.items()
        if (url := safe_url(source.url)) is not None
    }
    straight = spine(graph)
    found = map_questions(argmap)
    for node, data in graph.nodes(data=True):
        attrs = (
            claim_attrs(argmap, node, data["role"], lang, style, fills, links)
            if data["kind"] == CLAIM
            else junction_attrs(argmap, node, style.width, theme, (found, lang))
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
            **ISSUE,
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
    width: int,
    theme: Theme,
    asked: tuple[Questions, str] | None = None,
) -> dict[str, Any]:
    """An inference's junction: a dot, or a small box naming its scheme; for a scheme of the
    catalogue, its name in the drawn language and a badge counting its open critical
    questions, which its tooltip lists. `asked`: the map's questions, and the language."""
    inference = argmap.inferences[ident]
    ids = {"id": f"inference-{ident}", "class": "inference"}
    scheme, questions = inference.scheme, []
    if scheme is not None and asked is not None:
        found, lang = asked
        scheme = scheme_name(found, scheme, lang, argmap.lang)
        questions = [question_text(q, lang, argmap.lang) for q in found.open(ident)]
    still = f"open questions: {'; '.join(questions)}" if questions else None
    tip = " — ".join(t for t in (scheme, inference.label, inference.note, still) if t)
    common: dict[str, Any] = {"tooltip": tooltip(tip or ident), **theme["junction"]}
    if scheme is None:
        # A dot is filled with its frame's colour.
        return {**ids, **JUNCTIONS["dot"], **common, "fillcolor": theme["junction"]["color"]}
    label = wrapped(scheme, max(12, width // 2))
    if questions:
        label += "\\n" + badge(len(questions), asked[1] if asked else "en")
    return {**ids, "label": label, **JUNCTIONS["scheme"], **common}


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
    """A premise line into a junction, a conclusion arrow, or an attack ending at its target.

    >>> edge_attrs({"kind": "attack", "type": "undercut"}, THEMES["light"])["style"]
    'dashed'
    """
    line = LINES[data["type"] if data["kind"] == ATTACK else data["kind"]]
    return {**line.attrs, **theme[line.colour]}
