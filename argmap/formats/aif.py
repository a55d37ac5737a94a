"""AIF JSON (AIFdb, OVA): read and write the argument layer; keep the speakers of claims.

The Argument Interchange Format is a graph of nodes and edges. Information nodes (I) are
claims; scheme nodes join them: an RA node is an inference (its premises point into it, its
one conclusion out of it), a CA node a conflict (into an I-node: rebuttal or undermining;
into an RA node: undercut), an MA node a rephrase (kept as the claim's ``equivalent``), a PA
node a preference. The dialogue layer (L locutions, YA illocutions, TA transitions) gives
each claim its speaker where one can be found; the rest of it is reported, not kept.

Annotation errors (an RA with two conclusions, an L-node used as a premise, a CA pointing at
a CA) become diagnostics naming the node ids; the element is left out, nothing else is.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.formats.argdown import new_id, slug
from argmap.formats.base import Parsed
from argmap.formats.native import parse
from argmap.limits import Limits
from argmap.model import ArgumentMap, Origin, Position, Positions, text_in

#: What the AIF writer keeps (see :data:`argmap.formats.base.KINDS`).
CARRIES = frozenset(
    {
        "claims",
        "claim voices",
        "voices",
        "inferences",
        "schemes",
        "attacks",
        "undercuts",
        "equivalents",
    }
)

SCHEME_NODES = ("RA", "CA", "MA", "PA")
DIALOGUE_NODES = ("L", "YA", "TA")
_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]+)')
_CLAIMS_KEY = re.compile(r'"claims"\s*:')
_SPEAKER = re.compile(r"^\s*([^:]{1,80}?)\s+:\s+\S")
#: RA texts that only say "an inference", not which scheme.
_PLAIN_RA = {"RA", "Default Inference", ""}


def sniff(text: str) -> bool:
    """Whether a JSON text is AIF: a mapping with top-level "nodes" and "edges".

    >>> sniff('{"nodes": [], "edges": []}'), sniff('{"claims": {}}')
    (True, False)
    """
    return '"nodes"' in text and '"edges"' in text and not _CLAIMS_KEY.search(text)


@dataclass
class _Graph:
    """The AIF graph, indexed: nodes by id, and each node's edges in and out."""

    nodes: dict[str, dict[str, Any]]
    into: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    out: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def kind(self, ident: str) -> str:
        return str(self.nodes[ident].get("type", ""))


def read(text: str, path: str, limits: Limits) -> Parsed:
    """Read an AIF JSON document.

    >>> m = read('{"nodes": [{"nodeID": 1, "text": "A", "type": "I"},'
    ...     '{"nodeID": 2, "text": "B", "type": "I"}, {"nodeID": 3, "text": "RA", "type": "RA"}],'
    ...     '"edges": [{"fromID": 1, "toID": 3}, {"fromID": 3, "toID": 2}]}', "x.json", Limits())
    >>> m.data["inferences"]["3"]["premises"], m.data["inferences"]["3"]["conclusion"]
    (['1'], '2')
    """
    at = node_positions(text)

    def problem(code: str, message: str, hint: str, ident: str | None = None) -> Diagnostic:
        line, column = at.get(ident or "", (1, 1))
        return diagnostic(code, message, hint=hint, file=path, line=line, column=column)

    data, diags = parse(Origin(path, text, "json"), limits)
    if data is None:
        return Parsed(None, diags)
    if not (isinstance(data, dict) and isinstance(data.get("nodes"), list)):
        hint = 'AIF JSON is {"nodes": [...], "edges": [...]}'
        return Parsed(None, [problem("AM621", "this is not AIF JSON: no list of `nodes`", hint)])
    graph, diags = _index(data, problem)
    ids = {ident: slug(ident) for ident in graph.nodes}
    if len(set(ids.values())) < len(ids):
        used: set[str] = set()
        ids = {ident: new_id(slug(ident), used) for ident in graph.nodes}
    claims: dict[str, dict[str, Any]] = {}
    for ident, node in graph.nodes.items():
        if graph.kind(ident) == "I":
            text_of = str(node.get("text") or "").strip()
            if not text_of:
                diags.append(
                    problem("AM623", f"I-node {ident} has no text; its id stands in", "", ident)
                )
            claims[ids[ident]] = {"text": text_of or ident}
    inferences: dict[str, dict[str, Any]] = {}
    attacks: list[dict[str, Any]] = []
    positions: Positions = {(): ((1, 1), (1, 1))}
    for ident, node in graph.nodes.items():
        kind = graph.kind(ident)
        if kind not in SCHEME_NODES:
            continue
        ends = _ends(graph, ident, problem, diags)
        if ends is None:
            continue
        sources, target = ends
        where = at.get(ident, (1, 1))
        if kind == "RA":
            scheme = str(node.get("scheme") or node.get("text") or "")
            inference: dict[str, Any] = {
                "premises": [ids[s] for s in sources],
                "conclusion": ids[target],
            }
            if scheme not in _PLAIN_RA:
                inference["scheme"] = scheme
            inferences[ids[ident]] = inference
            positions[("inferences", ids[ident])] = (where, where)
        elif kind == "CA":
            for source in sources:
                positions[("attacks", len(attacks))] = (where, where)
                attacks.append({"from": ids[source], "to": ids[target]})
        elif kind == "MA":
            for source in sources:
                claims[ids[source]].setdefault("equivalent", []).append(ids[target])
        else:
            diags.append(
                problem(
                    "AM624",
                    f"preference PA {ident} ({', '.join(sources)} over {target}) is not kept",
                    "argmap has no preferences; weigh an inference with `weight` instead",
                    ident,
                )
            )
    voices = _speakers(graph, claims, ids, problem, diags)
    for ident in claims:
        positions[("claims", ident)] = (at.get(ident, (1, 1)),) * 2
    data = {"claims": claims, "inferences": inferences, "attacks": attacks, "voices": voices}
    return Parsed(data, diags, positions)


def node_positions(text: str) -> dict[str, Position]:
    """The line and column where each node id is given, by id.

    >>> node_positions('{"nodes": [\\n {"nodeID": "7"}]}')
    {'7': (2, 3)}
    """
    out: dict[str, Position] = {}
    for match in _NODE_ID.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        out.setdefault(match[1], (line, column))
    return out


def _index(data: dict[str, Any], problem: Any) -> tuple[_Graph, list[Diagnostic]]:
    """Nodes by id (ids as strings) and the edges between known nodes."""
    diags: list[Diagnostic] = []
    graph = _Graph({})
    for node in data["nodes"]:
        if isinstance(node, dict) and "nodeID" in node:
            graph.nodes.setdefault(str(node["nodeID"]), node)
    for edge in data.get("edges") or []:
        if not isinstance(edge, dict):
            continue
        source, target = str(edge.get("fromID")), str(edge.get("toID"))
        missing = [i for i in (source, target) if i not in graph.nodes]
        if missing:
            diags.append(
                problem(
                    "AM623",
                    f"edge {edge.get('edgeID', '?')} joins {source} to {target}, but there is "
                    f"no node {', '.join(missing)}; the edge is left out",
                    "remove the edge or add the node",
                )
            )
            continue
        graph.out[source].append(target)
        graph.into[target].append(source)
    known = {"I", *SCHEME_NODES, *DIALOGUE_NODES}
    unknown = sorted(i for i in graph.nodes if graph.kind(i) not in known)
    if unknown:
        diags.append(
            problem(
                "AM626",
                f"nodes of types argmap does not know are left out: {_ids(unknown)}",
                "AIF node types are I, RA, CA, MA, PA, L, YA and TA",
                unknown[0],
            )
        )
    return graph, diags


def _ids(idents: Iterable[str]) -> str:
    items = list(idents)
    shown = ", ".join(items[:8])
    return f"{shown} and {len(items) - 8} more" if len(items) > 8 else shown


def _ends(
    graph: _Graph, ident: str, problem: Any, diags: list[Diagnostic]
) -> tuple[list[str], str] | None:
    """The I-nodes an S-node joins (sources, target), or None with a diagnostic why not.

    Edges from the dialogue layer (YA, TA) anchor an S-node in the dialogue and are not
    premises. A CA node may point at an RA node (an undercut); nothing else but I-nodes.
    """
    kind = graph.kind(ident)
    sources = [s for s in graph.into[ident] if graph.kind(s) not in ("YA", "TA")]
    targets = [t for t in graph.out[ident] if graph.kind(t) not in ("YA", "TA")]
    allowed_targets = ("I", "RA") if kind == "CA" else ("I",)
    strays = [s for s in sources if graph.kind(s) != "I"]
    strays += [t for t in targets if graph.kind(t) not in allowed_targets]
    for stray in strays:
        diags.append(
            problem(
                "AM623",
                f"{graph.kind(stray)}-node {stray} is joined to {kind} {ident}, which joins "
                f"I-nodes{' (and RA nodes it undercuts)' if kind == 'CA' else ''}; "
                "this edge is left out",
                "fix the annotation",
                ident,
            )
        )
    if len(targets) > 1:
        kept = [t for t in targets if t not in strays]
        what = f"{len(targets)} conclusions ({_ids(targets)})"
        fate = f"argmap keeps {kept[0]}" if len(kept) == 1 else "it is left out"
        hint = "an S-node has exactly one conclusion"
        diags.append(problem("AM622", f"{kind} {ident} has {what}; {fate}", hint, ident))
    sources = [s for s in sources if s not in strays]
    targets = [t for t in targets if t not in strays]
    if len(targets) != 1 or not sources:
        if len(targets) <= 1:
            what = "no premise" if not sources else "no conclusion"
            diags.append(
                problem(
                    "AM622",
                    f"{kind} {ident} has {what}; it is left out",
                    "an S-node joins one or more I-nodes to exactly one I-node",
                    ident,
                )
            )
        return None
    return sources, targets[0]


def _speakers(
    graph: _Graph,
    claims: dict[str, dict[str, Any]],
    ids: dict[str, str],
    problem: Any,
    diags: list[Diagnostic],
) -> dict[str, dict[str, str]]:
    """Give each claim the speaker of the locution that asserts it (L -> YA -> I)."""
    voices: dict[str, dict[str, str]] = {}
    for ident in graph.nodes:
        if graph.kind(ident) != "L":
            continue
        match = _SPEAKER.match(str(graph.nodes[ident].get("text", "")))
        if not match:
            continue
        name = match[1].strip()
        voice = slug(name)
        for ya in graph.out[ident]:
            for claim in graph.out[ya] if graph.kind(ya) == "YA" else ():
                if graph.kind(claim) == "I" and "by" not in claims[ids[claim]]:
                    claims[ids[claim]]["by"] = voice
                    voices.setdefault(voice, {"name": name})
    dialogue = [i for i in graph.nodes if graph.kind(i) in DIALOGUE_NODES]
    if dialogue:
        counts = {k: sum(graph.kind(i) == k for i in dialogue) for k in DIALOGUE_NODES}
        summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
        spoken = sum("by" in c for c in claims.values())
        diags.append(
            problem(
                "AM625",
                f"the dialogue layer ({summary} nodes) is not kept; {spoken} of {len(claims)} "
                "claims keep their speaker",
                "argmap maps arguments, not dialogues",
                dialogue[0],
            )
        )
    return voices


def write(argmap: ArgumentMap) -> str:
    """The map as AIF JSON: I, RA, CA and MA nodes, and L/YA nodes for claims' speakers.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b"}]})
    >>> [n["type"] for n in json.loads(write(m))["nodes"]]
    ['I', 'I', 'CA']
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, str]] = []
    used = set(argmap.claims) | set(argmap.inferences)

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target})

    for ident in argmap.claims:
        nodes.append({"nodeID": ident, "text": argmap.text_of(ident), "type": "I"})
    for ident, inference in argmap.inferences.items():
        scheme = inference.scheme or "Default Inference"
        nodes.append({"nodeID": ident, "text": scheme, "type": "RA", "scheme": scheme})
        for premise in inference.premises:
            edge(premise, ident)
        edge(ident, inference.conclusion)
    for attack in argmap.attacks:
        ident = new_id(f"{attack.from_}-attacks-{attack.to}", used)
        nodes.append({"nodeID": ident, "text": "Default Conflict", "type": "CA"})
        edge(attack.from_, ident)
        edge(ident, attack.to)
    for source, claim in argmap.claims.items():
        for target in claim.equivalent:
            ident = new_id(f"{source}-rephrases-{target}", used)
            nodes.append({"nodeID": ident, "text": "Default Rephrase", "type": "MA"})
            edge(source, ident)
            edge(ident, target)
    for claim_id, claim in argmap.claims.items():
        if claim.by is not None:
            voice = argmap.voices.get(claim.by)
            name = text_in(voice.name, argmap.lang) if voice is not None else claim.by
            locution = new_id(f"{claim_id}-said", used)
            asserting = new_id(f"{claim_id}-asserting", used)
            text = f"{name} : {argmap.text_of(claim_id)}"
            nodes.append({"nodeID": locution, "text": text, "type": "L"})
            nodes.append({"nodeID": asserting, "text": "Asserting", "type": "YA"})
            edge(locution, asserting)
            edge(asserting, claim_id)
    return json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False, indent=1) + "\n"
