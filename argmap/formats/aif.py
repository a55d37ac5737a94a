"""AIF JSON (AIFdb, OVA): read and write; argmap's own AIF comes back as the map it was.

The Argument Interchange Format is a graph of nodes and edges. Information nodes (I) are
claims; scheme nodes join them: an RA node is an inference (its premises point into it, its
one conclusion out of it; its ``scheme`` is the inference's scheme), a CA node a conflict
(into an I-node: rebuttal or undermining; into an RA node: undercut), an MA node a rephrase
(kept as the claim's ``equivalent``), a PA node a preference. The dialogue layer gives each
claim its speaker: a locution (L, ``"Speaker : words"``) asserts it through a YA node, and
the file's ``locutions`` list names the locution's speaker (``personID``). The rest of the
dialogue layer (TA transitions, other illocutions) is reported, not kept.

What AIF has no place for travels in extra keys, which AIF tools keep or ignore:

- ``"argmap"`` on an I, RA or CA node: the claim's, inference's or attack's other fields, as
  in argmap's own format (a claim's ``quote``, ``tags``, ``note``, ``aliases``, ``status``,
  and its ``text`` in every language when it has several, the node's ``text`` being the one
  in the map's language; an inference's ``weight``, ``label``, ``note``, and its ``scheme``
  when that reads as AIF's default; an attack's ``note``).
- ``"argmap"`` at the top: the map's own fields (``title``, ``description``, ``lang``,
  ``languages``, ``sources``, ``voices``, ``issues``, ``main``). A locution's ``personID``
  that names one of these voices gives the claim that voice; otherwise the voice is made
  from the speaker's name.

So a map written here reads back equal, ids and voices included (it carries every kind of
data, :data:`argmap.formats.base.EVERYTHING`). The
text of a node wins over its extras: a claim edited in an AIF tool keeps the edit.

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
from argmap.formats.argdown import slug
from argmap.formats.base import Parsed
from argmap.formats.native import parse
from argmap.limits import Limits
from argmap.model import SLUG_RE, ArgumentMap, Origin, Position, Positions, dump, text_in

SCHEME_NODES = ("RA", "CA", "MA", "PA")
DIALOGUE_NODES = ("L", "YA", "TA")
#: The key of argmap's extras, on a node and at the top of the file.
EXTRAS = "argmap"
#: Per node type: the fields the AIF graph itself gives, which extras cannot change.
_STRUCTURE = {"I": {"by", "equivalent"}, "RA": {"premises", "conclusion"}, "CA": {"from", "to"}}
_MAP_STRUCTURE = {"claims", "inferences", "attacks"}
_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]+)')
_CLAIMS_KEY = re.compile(r'"claims"\s*:')
_EXTRAS_KEY = re.compile(r'"argmap"\s*:')
_ELEMENT_TYPE = re.compile(r'"type"\s*:\s*"(?:I|RA|CA)"')
_SPEAKER = re.compile(r"\s*([^:]{1,80}?)\s+:\s+\S")
#: RA texts that only say "an inference", not which scheme.
_PLAIN_RA = {"RA", "Default Inference", ""}
#: An id made from a name is cut to this length, leaving room for a ``-2`` suffix.
_BASE_LENGTH = 80


def sniff(text: str) -> bool:
    """Whether a JSON text is AIF: a mapping with top-level "nodes" and "edges".

    >>> sniff('{"nodes": [], "edges": []}'), sniff('{"claims": {}}')
    (True, False)
    """
    return '"nodes"' in text and '"edges"' in text and not _CLAIMS_KEY.search(text)


@dataclass
class _Graph:
    """The AIF graph, indexed: nodes by id, and each node's edges in and out."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    into: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    out: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def kind(self, ident: str) -> str:
        return self.kinds[ident]


class UniqueIds:
    """Ids made unique: `base`, else ``base-2``, ``base-3``..., in time linear in the ids
    made; a suffix never makes an id longer than 200 characters.

    >>> ids = UniqueIds({"a", "x" * 200})
    >>> ids.new("a"), ids.new("a"), ids.new("b"), len(ids.new("x" * 200))
    ('a-2', 'a-3', 'b', 200)
    """

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)
        self.tried: dict[str, int] = {}

    def new(self, base: str) -> str:
        ident, n = base, self.tried.get(base, 1)
        while ident in self.taken:
            n += 1
            ident = f"{base[: 199 - len(str(n))]}-{n}"
        self.tried[base] = n
        self.taken.add(ident)
        return ident


def is_id(text: str) -> bool:
    """Whether a text is an argmap id: a slug of at most 200 characters.

    >>> is_id("a-1"), is_id("a\\n"), is_id("x" * 201)
    (True, False, False)
    """
    return len(text) <= 200 and SLUG_RE.fullmatch(text) is not None


def made_id(name: str) -> str:
    """An id made from a name: the name itself when it is an id, else a slug of it.

    >>> made_id("c1"), made_id("Claim 1"), made_id("a\\n")
    ('c1', 'claim-1', 'a')
    """
    # slug() keeps a text its pattern matches, and `$` matches before a final newline.
    return name if is_id(name) else slug(name.replace("\n", " "))[:_BASE_LENGTH]


@dataclass
class _Reading:
    """One file being read: its graph, the ids given to its nodes, and what is found."""

    graph: _Graph
    at: dict[str, Position]
    path: str
    out: dict[str, Any]
    diags: list[Diagnostic]
    ids: dict[str, str] = field(default_factory=dict)
    positions: Positions = field(default_factory=dict)

    def problem(self, code: str, message: str, hint: str, node: str | None = None) -> None:
        line, column = self.at.get(node or "", (1, 1))
        self.diags.append(
            diagnostic(code, message, hint=hint, file=self.path, line=line, column=column)
        )

    def place(self, pointer: tuple[str | int, ...], node: str) -> None:
        where = self.at.get(node, (1, 1))
        self.positions[pointer] = (where, where)


def read(text: str, path: str, limits: Limits) -> Parsed:
    """Read an AIF JSON document.

    >>> m = read('{"nodes": [{"nodeID": 1, "text": "A", "type": "I"},'
    ...     '{"nodeID": 2, "text": "B", "type": "I"}, {"nodeID": 3, "text": "RA", "type": "RA"}],'
    ...     '"edges": [{"fromID": 1, "toID": 3}, {"fromID": 3, "toID": 2}]}', "x.json", Limits())
    >>> m.data["inferences"]["3"]["premises"], m.data["inferences"]["3"]["conclusion"]
    (['1'], '2')
    """
    counted = _element_nodes(text, limits)
    if counted > limits.max_elements:  # refused before the parse builds every node
        return Parsed(None, [_too_many(counted, limits, path)])
    data, diags = parse(Origin(path, text, "json"), limits)
    if data is None:
        return Parsed(None, diags)
    if not (isinstance(data, dict) and isinstance(data.get("nodes"), list)):
        hint = 'AIF JSON is {"nodes": [...], "edges": [...]}'
        message = "this is not AIF JSON: no list of `nodes`"
        return Parsed(None, [diagnostic("AM621", message, hint=hint, file=path, line=1, column=1)])
    nodes = data["nodes"]
    elements = sum(isinstance(n, dict) and n.get("type") in ("I", "RA", "CA") for n in nodes)
    if elements > limits.max_elements:
        return Parsed(None, [*diags, _too_many(elements, limits, path)])
    r = _Reading(_Graph(), node_positions(text), path, {}, diags)
    if _long_texts(nodes, limits, r):
        return Parsed(None, r.diags)
    _index(data, r)
    r.out = _extras(data, EXTRAS, _MAP_STRUCTURE, r, None)
    where = _extras_position(text)
    r.positions = {(): ((1, 1), (1, 1))} | {(key,): (where, where) for key in r.out}
    r.out.update(claims={}, inferences={}, attacks=[])
    nodes = [i for i in r.graph.nodes if r.graph.kind(i) in ("I", "RA")]
    made = UniqueIds(i for i in nodes if is_id(i))
    r.ids = {i: i if is_id(i) else made.new(made_id(i)) for i in nodes}
    _claims(r)
    _scheme_nodes(r)
    _speakers(r, _persons(data.get("locutions")))
    return Parsed(r.out, r.diags, r.positions)


def node_positions(text: str) -> dict[str, Position]:
    """The line and column where each node id is given, by id; in one pass over the text.

    >>> node_positions('{"nodes": [\\n {"nodeID": "7"}]}')
    {'7': (2, 3)}
    """
    out: dict[str, Position] = {}
    line, line_start, scanned = 1, 0, 0
    for match in _NODE_ID.finditer(text):
        start = match.start()
        newlines = text.count("\n", scanned, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", scanned, start) + 1
        scanned = start
        out.setdefault(match[1], (line, start - line_start + 1))
    return out


def _extras_position(text: str) -> Position:
    """Where the top-level extras are: argmap writes them before the nodes."""
    match = _EXTRAS_KEY.search(text, 0, max(text.find('"nodes"'), 0))
    if match is None:
        return (1, 1)
    line = text.count("\n", 0, match.start()) + 1
    return (line, match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1)


def _element_nodes(text: str, limits: Limits) -> int:
    """How many I, RA and CA nodes a text has, counted in the text (a key ``"type"`` is not
    found inside a JSON string, whose quotes are escaped): when a quick upper bound is over
    the limit, so that a file over it is refused before its parse builds every node.

    >>> _element_nodes('{"nodes": [{"type": "I"}, {"type": "L"}]}', Limits(max_elements=1))
    1
    """
    upper = text.count('"type"')
    if upper <= limits.max_elements:
        return upper
    return sum(1 for _ in _ELEMENT_TYPE.finditer(text))


def _too_many(count: int, limits: Limits, path: str) -> Diagnostic:
    message = (
        f"the file has {count:,} I, RA and CA nodes (claims, inferences and attacks), "
        f"more than the limit of {limits.max_elements:,}"
    )
    hint = "split the map, or raise the limit with ARGMAP_MAX_ELEMENTS"
    return diagnostic("AM008", message, hint=hint, file=path, line=1, column=1)


def _long_texts(nodes: list[Any], limits: Limits, r: _Reading) -> bool:
    """AM108 for each node whose text is longer than the limit; whether there is one."""
    found = False
    for node in nodes:
        text = node.get("text") if isinstance(node, dict) else None
        if isinstance(text, str) and len(text) > limits.max_text:
            message = (
                f"node {node.get('nodeID')}'s text has {len(text):,} characters, more than "
                f"the limit of {limits.max_text:,}"
            )
            hint = "shorten it, or raise the limit with ARGMAP_MAX_TEXT"
            r.problem("AM108", message, hint, str(node.get("nodeID")))
            found = True
    return found


def _index(data: dict[str, Any], r: _Reading) -> None:
    """Nodes by id (ids as strings) and the edges between known nodes, in r.graph."""
    graph, nameless = r.graph, 0
    for node in data["nodes"]:
        if not (isinstance(node, dict) and "nodeID" in node):
            nameless += 1
        elif graph.nodes.setdefault(ident := str(node["nodeID"]), node) is node:
            graph.kinds[ident] = str(node.get("type", ""))
        else:
            message = f"node {ident} is given twice; the second is left out"
            r.problem("AM623", message, "give each node its own nodeID", ident)
    if nameless:
        message = f"{nameless} node(s) without a nodeID are left out"
        r.problem("AM623", message, 'a node is {"nodeID": ..., "type": ..., "text": ...}')
    for edge in data.get("edges") or []:
        if not isinstance(edge, dict):
            continue
        source, target = str(edge.get("fromID")), str(edge.get("toID"))
        missing = [i for i in (source, target) if i not in graph.nodes]
        if missing:
            r.problem(
                "AM623",
                f"edge {edge.get('edgeID', '?')} joins {source} to {target}, but there is "
                f"no node {', '.join(missing)}; the edge is left out",
                "remove the edge or add the node",
            )
            continue
        graph.out[source].append(target)
        graph.into[target].append(source)
    known = {"I", *SCHEME_NODES, *DIALOGUE_NODES}
    unknown = sorted(i for i in graph.nodes if graph.kind(i) not in known)
    if unknown:
        r.problem(
            "AM626",
            f"nodes of types argmap does not know are left out: {_ids(unknown)}",
            "AIF node types are I, RA, CA, MA, PA, L, YA and TA",
            unknown[0],
        )


def _ids(idents: Iterable[str]) -> str:
    items = list(idents)
    shown = ", ".join(items[:8])
    return f"{shown} and {len(items) - 8} more" if len(items) > 8 else shown


def _extras(
    holder: dict[str, Any], key: str, structure: set[str], r: _Reading, node: str | None
) -> dict[str, Any]:
    """The fields argmap keeps under `key` in a node (or the file), less those the graph gives."""
    extra = holder.get(key)
    if extra is None:
        return {}
    where = f"node {node}" if node is not None else "the file"
    if not isinstance(extra, dict):
        hint = "argmap writes its extras as a mapping of the element's fields"
        r.problem("AM623", f"`{key}` in {where} is not a mapping; it is left out", hint, node)
        return {}
    fields = {k: v for k, v in extra.items() if k not in structure}
    if len(fields) < len(extra):
        given = ", ".join(f"`{k}`" for k in extra if k in structure)
        hint = "change the AIF graph instead: its nodes and edges give these"
        r.problem("AM623", f"{given} in `{key}` of {where} are left out", hint, node)
    return fields


def _claims(r: _Reading) -> None:
    """Each I-node as a claim; the node's text wins over the text in its extras."""
    given = r.out.get("lang")
    lang = given if isinstance(given, str) else "en"
    for ident, node in r.graph.nodes.items():
        if r.graph.kind(ident) != "I":
            continue
        claim = _extras(node, EXTRAS, _STRUCTURE["I"], r, ident)
        text = "" if node.get("text") is None else str(node["text"])
        translations = claim.get("text")
        if isinstance(translations, dict) and text_in(translations, lang, lang) == text:
            pass  # the node shows the text in the map's language, unchanged
        elif not text.strip():
            r.problem("AM623", f"I-node {ident} has no text; its id stands in", "", ident)
            claim["text"] = ident
        elif isinstance(translations, dict) and translations:
            shown = lang if lang in translations else next(iter(translations))
            claim["text"] = {**translations, shown: text}
        else:
            claim["text"] = text
        r.out["claims"][r.ids[ident]] = claim
        r.place(("claims", r.ids[ident]), ident)


def _scheme_nodes(r: _Reading) -> None:
    """RA nodes as inferences, CA as attacks, MA as equivalents; PA reported."""
    claims, inferences, attacks = r.out["claims"], r.out["inferences"], r.out["attacks"]
    for ident, node in r.graph.nodes.items():
        kind = r.graph.kind(ident)
        ends = _ends(r, ident) if kind in SCHEME_NODES else None
        if ends is None:
            continue
        sources, target = [r.ids[s] for s in ends[0]], r.ids[ends[1]]
        if kind == "RA":
            scheme = str(node.get("scheme") or node.get("text") or "")
            inference = {"premises": sources, "conclusion": target}
            if scheme not in _PLAIN_RA:
                inference["scheme"] = scheme
            inferences[r.ids[ident]] = inference | _extras(node, EXTRAS, _STRUCTURE["RA"], r, ident)
            r.place(("inferences", r.ids[ident]), ident)
        elif kind == "CA":
            extra = _extras(node, EXTRAS, _STRUCTURE["CA"], r, ident)
            for source in sources:
                r.place(("attacks", len(attacks)), ident)
                attacks.append({"from": source, "to": target, **extra})
        elif kind == "MA":
            for source in sources:
                claims[source].setdefault("equivalent", []).append(target)
        else:
            r.problem(
                "AM624",
                f"preference PA {ident} ({', '.join(ends[0])} over {ends[1]}) is not kept",
                "argmap has no preferences; weigh an inference with `weight` instead",
                ident,
            )


def _ends(r: _Reading, ident: str) -> tuple[list[str], str] | None:
    """The I-nodes an S-node joins (sources, target), or None with a diagnostic why not.

    Edges from the dialogue layer (YA, TA) anchor an S-node in the dialogue and are not
    premises; nor is a CA node pointing at an RA node: it undercuts it. A CA node may point
    at an RA node; nothing else but I-nodes.
    """
    graph, kind = r.graph, r.graph.kind(ident)
    anchors = ("YA", "TA", "CA") if kind == "RA" else ("YA", "TA")
    sources = [s for s in graph.into[ident] if graph.kind(s) not in anchors]
    targets = [t for t in graph.out[ident] if graph.kind(t) not in ("YA", "TA")]
    allowed_targets = ("I", "RA") if kind == "CA" else ("I",)
    strays = [s for s in sources if graph.kind(s) != "I"]
    strays += [t for t in targets if graph.kind(t) not in allowed_targets]
    for stray in strays:
        r.problem(
            "AM623",
            f"{graph.kind(stray)}-node {stray} is joined to {kind} {ident}, which joins "
            f"I-nodes{' (and RA nodes it undercuts)' if kind == 'CA' else ''}; "
            "this edge is left out",
            "fix the annotation",
            ident,
        )
    stray_set = set(strays)
    if len(targets) > 1:
        kept = [t for t in targets if t not in stray_set]
        what = f"{len(targets)} conclusions ({_ids(targets)})"
        fate = f"argmap keeps {kept[0]}" if len(kept) == 1 else "it is left out"
        r.problem("AM622", f"{kind} {ident} has {what}; {fate}", _ONE_CONCLUSION, ident)
    sources = [s for s in sources if s not in stray_set]
    targets = [t for t in targets if t not in stray_set]
    if len(targets) != 1 or not sources:
        if len(targets) <= 1:
            what = "no premise" if not sources else "no conclusion"
            r.problem("AM622", f"{kind} {ident} has {what}; it is left out", _JOINS, ident)
        return None
    return sources, targets[0]


_ONE_CONCLUSION = "an S-node has exactly one conclusion"
_JOINS = "an S-node joins one or more I-nodes to exactly one I-node"


def speaker(locution: str, said: str) -> str | None:
    """The speaker of a locution ``"Speaker : words"`` that asserts a claim saying `said`.

    Where the locution ends with the claim's text, all before it is the name, colons and
    all; otherwise the name is what comes before the first ``" : "``.

    >>> speaker("Dr. Bob: economist : Taxes rise.", "Taxes rise.")
    'Dr. Bob: economist'
    >>> speaker("Ana : the CEO : We grow.", "We grow."), speaker("Ana : we grow", "We grow.")
    ('Ana : the CEO', 'Ana')
    """
    for separator in (" : ", ": "):
        if said and locution.endswith(separator + said):
            return locution[: -len(separator + said)].strip() or None
    match = _SPEAKER.match(locution)
    return match[1].strip() if match else None


def _persons(locutions: Any) -> dict[str, str]:
    """The speaker's id of each locution, from the file's ``locutions`` list."""
    if not isinstance(locutions, list):
        return {}
    return {
        str(entry["nodeID"]): str(entry["personID"])
        for entry in locutions
        if isinstance(entry, dict) and "nodeID" in entry and "personID" in entry
    }


def _speakers(r: _Reading, persons: dict[str, str]) -> None:
    """Give each claim the speaker of the locution that asserts it (L -> YA -> I); report
    the dialogue nodes that do not serve this."""
    graph, claims = r.graph, r.out["claims"]
    given = r.out.get("voices")
    declared: dict[str, Any] = given if isinstance(given, dict) else {}
    made = UniqueIds(declared)
    names: dict[str, str] = {}  # a speaker's name -> the voice made for it
    kept: set[str] = set()
    for ident in (i for i in graph.nodes if graph.kind(i) == "L"):
        for ya in (y for y in graph.out[ident] if graph.kind(y) == "YA"):
            for target in (t for t in graph.out[ya] if graph.kind(t) == "I"):
                claim = claims[r.ids[target]]
                if "by" in claim:
                    continue
                if persons.get(ident) in declared:
                    claim["by"] = persons[ident]
                else:
                    said = str(graph.nodes[target].get("text", ""))
                    name = speaker(str(graph.nodes[ident].get("text", "")), said)
                    if name is None:
                        continue
                    if name not in names:
                        names[name] = made.new(made_id(name))
                    claim["by"] = names[name]
                kept.update((ident, ya))
    if names:
        r.out["voices"] = {**declared, **{v: {"name": n} for n, v in names.items()}}
    dialogue = [i for i in graph.nodes if graph.kind(i) in DIALOGUE_NODES and i not in kept]
    if dialogue:
        counts = {k: sum(graph.kind(i) == k for i in dialogue) for k in DIALOGUE_NODES}
        summary = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
        spoken = sum("by" in c for c in claims.values())
        r.problem(
            "AM625",
            f"the dialogue layer ({summary} nodes) is not kept; {spoken} of {len(claims)} "
            "claims keep their speaker",
            "argmap maps arguments, not dialogues",
            dialogue[0],
        )


def write(argmap: ArgumentMap) -> str:
    """The map as AIF JSON: I, RA, CA and MA nodes, L and YA nodes for claims' speakers, and
    argmap's extras for what AIF has no place for (see the module's description).

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "attacks": [{"from": "a", "to": "b", "note": "why"}]})
    >>> [(n["type"], n.get("argmap")) for n in json.loads(write(m))["nodes"]]
    [('I', None), ('I', None), ('CA', {'note': 'why'})]
    """
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, str]] = []
    locutions: list[dict[str, str]] = []
    ids = UniqueIds([*argmap.claims, *argmap.inferences, *argmap.issues])

    def node(ident: str, text: str, kind: str, extra: dict[str, Any], **more: str) -> None:
        nodes.append({"nodeID": ident, "text": text, "type": kind, **more})
        if extra:
            nodes[-1][EXTRAS] = extra

    def edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target})

    for ident, claim in argmap.claims.items():
        extra = _fields(
            claim, _STRUCTURE["I"] | ({"text"} if isinstance(claim.text, str) else set())
        )
        node(ident, argmap.text_of(ident), "I", extra)
    for ident, inference in argmap.inferences.items():
        scheme = inference.scheme or "Default Inference"
        plain = inference.scheme is None or inference.scheme not in _PLAIN_RA
        extra = _fields(inference, _STRUCTURE["RA"] | ({"scheme"} if plain else set()))
        node(ident, scheme, "RA", extra, scheme=scheme)
        for premise in inference.premises:
            edge(premise, ident)
        edge(ident, inference.conclusion)
    for attack in argmap.attacks:
        ident = ids.new(f"{attack.from_}-attacks-{attack.to}")
        node(ident, "Default Conflict", "CA", _fields(attack, _STRUCTURE["CA"]))
        edge(attack.from_, ident)
        edge(ident, attack.to)
    for source, claim in argmap.claims.items():
        for target in claim.equivalent:
            ident = ids.new(f"{source}-rephrases-{target}")
            node(ident, "Default Rephrase", "MA", {})
            edge(source, ident)
            edge(ident, target)
    for claim_id, claim in argmap.claims.items():
        if claim.by is not None:
            name = text_in(argmap.voices[claim.by].name, argmap.lang)
            locution, asserting = ids.new(f"{claim_id}-said"), ids.new(f"{claim_id}-asserting")
            node(locution, f"{name} : {argmap.text_of(claim_id)}", "L", {})
            node(asserting, "Asserting", "YA", {})
            locutions.append({"nodeID": locution, "personID": claim.by})
            edge(locution, asserting)
            edge(asserting, claim_id)
    head = {k: v for k, v in dump(argmap).items() if k not in _MAP_STRUCTURE}
    document = ({EXTRAS: head} if head else {}) | {"nodes": nodes, "edges": edges}
    if locutions:
        document["locutions"] = locutions
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _fields(element: Any, structure: set[str]) -> dict[str, Any]:
    """An element's fields as argmap's format writes them, less those AIF carries itself."""
    fields = element.model_dump(by_alias=True, exclude_defaults=True, mode="json")
    return {k: v for k, v in fields.items() if k not in structure}
