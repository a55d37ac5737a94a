"""Argdown, pass 2: document -> the map's data.

Statements are merged into equivalence classes by title, and:

- an equivalence class is a claim (its other wordings are the claim's ``aliases``);
- a reconstructed argument is one inference per step (the last one has the argument's id);
- an argument without a reconstruction is a claim of its own (its description), so that
  what supports it or what it supports can be drawn;
- ``+``/``<+``/``+>`` is an inference, ``-``/``->`` an attack, ``_`` an attack on an
  inference (undercut, also ``<_`` under an inference line) and ``><`` an issue of two
  positions. An argument's outgoing relations are its main conclusion's, as in Argdown, and
  an argument's support of its own conclusion is its own inference, not another one.
- The front matter holds the map's own fields. An attack or an issue it lists is the same
  one as a relation ``-``/``><`` between the same claims, so a map written with notes on its
  attacks (which a relation cannot hold) reads back with both.

What argmap cannot hold is reported with its line and column; so is each element, in the
positions, for the diagnostics of :func:`argmap.finish.finish`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from argmap import model
from argmap.diagnostics import Diagnostic, diagnostic
from argmap.formats.argdown.inline import MARKER, block_body, markup
from argmap.formats.argdown.parse import (
    Document,
    Inference,
    Node,
    Reconstruction,
    Relation,
    load_yaml,
)
from argmap.limits import Limits
from argmap.model import SLUG_RE, Position, Positions

#: Front-matter keys that are fields of the map; Argdown's own settings are reported.
MAP_KEYS = (
    "title",
    "description",
    "lang",
    "languages",
    "sources",
    "voices",
    "issues",
    "main",
    "attacks",
    "catalogue",
)
#: Data of a statement that argmap keeps; ``text``, ``aliases`` and ``tags`` there stand for
#: the ones written inline (argmap's writer puts them there when inline would change them).
#: Every field of the model, so that a field added to the format is carried without a word here.
CLAIM_DATA = tuple(model.Claim.model_fields)
INFERENCE_DATA = tuple(
    f for f in model.Inference.model_fields if f not in ("premises", "conclusion")
)
#: The longest id a map allows.
MAX_ID = 200


@dataclass
class Cleaned:
    """A node's text split into what argmap keeps apart: text, tags and data."""

    text: str
    tags: list[str]
    data: dict[str, Any]
    data_at: Position | None
    data_positions: Positions = field(default_factory=dict)


def clean(parts: list[tuple[int, int, str]], doc: Document, path: str, limits: Limits) -> Cleaned:
    """A node's text, tags and data: the last data block ``{...}`` of the node, read as YAML.

    Like Argdown, a data block must end the node's text (AM611 otherwise).
    """
    data: dict[str, Any] = {}
    data_at: Position | None = None
    positions: Positions = {}
    last: tuple[int, int] | None = None  # (part, offset) of the last data block
    for index, (line, column, part) in enumerate(parts):
        start = 0
        while (k := part.find(MARKER, start)) >= 0:
            start = k + 1
            block = doc.blocks.get((line, column + k))
            if block is not None:
                data, data_at, positions = _data(block, doc, path, limits)
                last = (index, k)
    if last is not None and data_at is not None:
        index, k = last
        after = parts[index][2][k + 1 :] + "".join(p[2] for p in parts[index + 1 :])
        if after.replace(MARKER, " ").strip():
            _error(
                doc,
                path,
                data_at,
                "text after a data block `{...}`",
                "put the data block at the end of the text",
            )
    text, tags = markup(" ".join(part for _, _, part in parts).replace(MARKER, " "))
    return Cleaned(text, tags, data, data_at, positions)


def _error(doc: Document, path: str, at: Position, message: str, hint: str) -> None:
    doc.diagnostics.append(
        diagnostic("AM611", message, hint=hint, file=path, line=at[0], column=at[1])
    )


def _data(
    block: Any, doc: Document, path: str, limits: Limits
) -> tuple[dict[str, Any], Position, Positions]:
    """A data block's mapping (empty when it is none, with a diagnostic), where it is, and
    where each of its keys is."""
    at = (block.line, block.column)
    body, below = block_body(block.text)
    start = (block.line + below, 1) if below else at
    loaded, diags, positions = load_yaml(body, path, start, limits.max_nodes)
    doc.diagnostics.extend(diags)
    if isinstance(loaded, dict):
        return loaded, at, positions
    if not diags:
        _error(
            doc,
            path,
            at,
            "the data block `{...}` is not a YAML mapping",
            "data is a YAML mapping: {key: value, other: [1, 2]}",
        )
    return {}, at, {}


def slug(title: str) -> str:
    """An argmap id for an Argdown title: the title itself when it is one already.

    >>> slug("Statement 1"), slug("c1"), slug("Übermaß!")
    ('statement-1', 'c1', 'ubermass')
    """
    if SLUG_RE.match(title) and len(title) <= MAX_ID:
        return title
    ascii_text = unicodedata.normalize("NFKD", title[: MAX_ID * 4].replace("ß", "ss"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80] or "x"


def new_id(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`...: the first not in `used`, which it joins; at most
    200 characters, `base` shortened when need be.

    >>> used = {"a"}
    >>> new_id("a", used), new_id("a", used), len(new_id("b" * 300, used))
    ('a-2', 'a-3', 200)
    """
    base = base[:MAX_ID]
    ident, n = base, 1
    while ident in used:
        n += 1
        suffix = f"-{n}"
        ident = base[: MAX_ID - len(suffix)] + suffix
    used.add(ident)
    return ident


def _warn(code: str, message: str, hint: str, path: str, at: Position) -> Diagnostic:
    return diagnostic(code, message, hint=hint, file=path, line=at[0], column=at[1])


@dataclass
class _Build:
    """The map under construction, with where each element came from."""

    path: str
    cleaned: dict[int, Cleaned]
    reconstructed: dict[str, Reconstruction]
    used: set[str] = field(default_factory=set)
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    claim_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, title) -> id
    inferences: dict[str, dict[str, Any]] = field(default_factory=dict)
    supports: set[tuple[str, str]] = field(default_factory=set)  # one-premise (from, to)
    attacks: list[Any] = field(default_factory=list)
    listed_attacks: dict[tuple[str, str], int] = field(default_factory=dict)  # front matter
    issues: dict[Any, Any] = field(default_factory=dict)
    main_of: dict[str, str] = field(default_factory=dict)  # argument title -> last inference
    step_of: dict[int, str] = field(default_factory=dict)  # id(inference line) -> inference
    positions: Positions = field(default_factory=dict)
    diags: list[Diagnostic] = field(default_factory=list)

    def at(self, pointer: tuple[str, str | int], where: Position) -> None:
        self.positions.setdefault(pointer, (where, where))

    def data_at(self, pointer: tuple[str, str], found: Cleaned, keys: tuple[str, ...]) -> None:
        """Where each kept key of a node's data block is."""
        for inner, where in found.data_positions.items():
            if inner and inner[0] in keys:
                self.positions.setdefault((*pointer, *inner), where)

    def endpoint(self, node: Node) -> str | None:
        """The claim a relation starts from: an argument's is its main conclusion."""
        if node.kind == "argument" and node.title in self.main_of:
            return str(self.inferences[self.main_of[node.title]]["conclusion"])
        return self.claim_of.get((node.kind, node.title))


def to_map(
    doc: Document, path: str = "<argdown>", limits: Limits | None = None
) -> tuple[dict[str, Any], list[Diagnostic], Positions]:
    """The map of a parsed document, what it could not hold, and where each element is."""
    limits = limits or Limits()
    cleaned = {id(n): clean(n.parts, doc, path, limits) for n in doc.nodes}
    build = _Build(path, cleaned, _reconstructions(doc, path))
    data = _front(doc, build)
    for node in doc.nodes:
        if node.kind == "heading":
            _unknown(cleaned[id(node)], (), "a heading", path, build.diags)
    _claims(doc, build)
    _arguments(doc, build, limits)
    # An undercut of an argument that is not reconstructed attacks the inferences it
    # supports, which relations further down may add: those undercuts come last.
    later = [
        r
        for r in doc.relations
        if r.kind == "undercut"
        and r.target.kind == "argument"
        and r.target.title not in build.main_of
    ]
    postponed = {id(r) for r in later}
    for rel in doc.relations:
        if id(rel) not in postponed:
            _relation_to_map(rel, build)
    by_premise: dict[str, list[str]] = defaultdict(list)
    for ident, inference in build.inferences.items():
        if len(inference["premises"]) == 1:
            by_premise[inference["premises"][0]].append(ident)
    for rel in later:
        _undercut_gist(rel, build, by_premise)
    data.update(claims=build.claims, inferences=build.inferences)
    data.setdefault("attacks", build.attacks)
    data.setdefault("issues", build.issues)
    build.positions[()] = ((1, 1), (1, 1))
    return data, build.diags, build.positions


def _reconstructions(doc: Document, path: str) -> dict[str, Reconstruction]:
    """The reconstructed arguments by title; a second reconstruction of a title stands alone."""
    out: dict[str, Reconstruction] = {}
    for rec in doc.reconstructions:
        if rec.argument.title in out:
            doc.diagnostics.append(
                _warn(
                    "AM613",
                    f"argument <{rec.argument.title}> is reconstructed twice; the second "
                    "reconstruction is read as an argument of its own",
                    "give each reconstruction its own title",
                    path,
                    (rec.argument.line, rec.argument.column),
                )
            )
            rec.argument.title = new_id(f"{rec.argument.title} (2)", set(out))
        out[rec.argument.title] = rec
    return out


def _front(doc: Document, build: _Build) -> dict[str, Any]:
    """The map's own fields from the front matter; Argdown's settings are reported.

    Issues and attacks listed there are kept as they are (a list of issues, or ``attacks:
    true``, is left for the validation to report at its line).
    """
    front = doc.front if isinstance(doc.front, dict) else {}
    for key in front:
        if key not in MAP_KEYS:
            build.diags.append(
                _warn(
                    "AM612",
                    f"front matter `{key}` is an Argdown setting that argmap does not keep",
                    f"argmap keeps {', '.join(MAP_KEYS)}",
                    build.path,
                    doc.front_positions.get((key,), ((1, 1), (1, 1)))[0],
                )
            )
    for pointer, where in doc.front_positions.items():
        if pointer and pointer[0] in MAP_KEYS:
            build.positions[pointer] = where
    data = {key: front[key] for key in MAP_KEYS if front.get(key) is not None}
    issues, attacks = data.pop("issues", {}), data.pop("attacks", [])
    if isinstance(issues, dict):
        build.issues.update(issues)
        build.used.update(str(k) for k in issues)
    else:
        data["issues"] = issues
    if isinstance(attacks, list):
        build.attacks.extend(attacks)
        for attack in attacks:
            if isinstance(attack, dict):
                pair = (str(attack.get("from")), str(attack.get("to")))
                build.listed_attacks[pair] = build.listed_attacks.get(pair, 0) + 1
    else:
        data["attacks"] = attacks
    return data


def _claims(doc: Document, build: _Build) -> None:
    """One claim per equivalence class of statements, and per argument not reconstructed."""
    inline: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"aliases": [], "tags": []})
    for node in doc.nodes:
        if node.kind == "heading" or (
            node.kind == "argument" and node.title in build.reconstructed
        ):
            continue
        found = build.cleaned[id(node)]
        key = (node.kind, node.title)
        if key not in build.claim_of:
            build.claim_of[key] = new_id(slug(node.title), build.used)
            build.claims[build.claim_of[key]] = {"text": ""}
        ident = build.claim_of[key]
        claim, seen = build.claims[ident], inline[ident]
        if found.text and claim["text"] == "":
            claim["text"] = found.text
            build.positions[("claims", ident)] = ((node.line, node.column),) * 2
            if node.section is not None:
                _add(seen["tags"], [slug(build.cleaned[id(node.section)].text)])
        elif found.text and found.text != claim["text"]:
            _add(seen["aliases"], [found.text])
        build.at(("claims", ident), (node.line, node.column))
        _add(seen["tags"], [slug(t) for t in found.tags])
        claim.update({k: v for k, v in found.data.items() if k in CLAIM_DATA})
        build.data_at(("claims", ident), found, CLAIM_DATA)
        _unknown(found, CLAIM_DATA, f"[{node.title}]", build.path, build.diags)
    for (kind, title), ident in build.claim_of.items():
        claim = build.claims[ident]
        aliases = [text for text in inline[ident]["aliases"] if text != claim["text"]]
        for name, items in (("aliases", aliases), ("tags", inline[ident]["tags"])):
            if items and name not in claim:  # data (the exact ones) wins
                claim[name] = items
        if claim["text"] == "":
            claim["text"] = title
            if kind == "statement":
                build.diags.append(
                    _warn(
                        "AM613",
                        f"statement [{title}] is never given a text; its title stands in",
                        "define it somewhere: [Title]: text",
                        build.path,
                        build.positions[("claims", ident)][0],
                    )
                )


def _arguments(doc: Document, build: _Build, limits: Limits) -> None:
    """One inference per step of each reconstruction; the last has the argument's id."""
    descriptions: dict[str, tuple[Node, Cleaned]] = {}
    for node in doc.nodes:
        found = build.cleaned[id(node)]
        if node.kind == "argument" and (node.title not in descriptions or found.text):
            descriptions[node.title] = (node, found)
    for title, rec in build.reconstructed.items():
        steps = _steps(rec)
        base = new_id(slug(title), build.used)
        described = descriptions.get(title)
        where = (described[0].line, described[0].column) if described else None
        for number, (premises, conclusion, inference) in enumerate(steps, start=1):
            ident = base if number == len(steps) else new_id(f"{base}.{number}", build.used)
            entry: dict[str, Any] = {
                "premises": _unique([build.claim_of[("statement", p.title)] for p in premises]),
                "conclusion": build.claim_of[("statement", conclusion.title)],
            }
            if len(entry["premises"]) == 1:
                build.supports.add((entry["premises"][0], entry["conclusion"]))
            rules = clean(inference.parts, doc, build.path, limits)
            _unknown(rules, INFERENCE_DATA, "an inference", build.path, build.diags)
            if rules.text:
                entry["scheme"] = rules.text
            entry.update({k: v for k, v in rules.data.items() if k in INFERENCE_DATA})
            build.data_at(("inferences", ident), rules, INFERENCE_DATA)
            build.inferences[ident] = entry
            build.step_of[id(inference)] = ident
            spot = where if ident == base and where else (conclusion.line, conclusion.column)
            build.at(("inferences", ident), spot)
        last = build.inferences[base]
        if rec.argument.titled and slug(title) != title:
            last["label"] = title
        if described is not None:
            description = described[1]
            if description.text:
                last["note"] = description.text
            last.update({k: v for k, v in description.data.items() if k in INFERENCE_DATA})
            build.data_at(("inferences", base), description, INFERENCE_DATA)
            _unknown(description, INFERENCE_DATA, f"<{title}>", build.path, build.diags)
        build.main_of[title] = base


def _relation_to_map(rel: Relation, build: _Build) -> None:
    """An explicit relation as an inference, an attack or an issue, or a report why not."""
    at = (rel.line, rel.column)
    source = build.endpoint(rel.source)
    target_title = rel.target.kind, rel.target.title
    if rel.kind == "undercut" and rel.target.kind == "inference" and source is not None:
        step = build.step_of.get(id(rel.target.inference))
        # No step: the reconstruction has no conclusion after the line (reported, AM611).
        return None if step is None else _attack(source, step, at, build)
    if rel.source.kind == "inference" or rel.target.kind == "inference":
        why = f"{_article(rel.kind)} {rel.kind} from or to an inference line"
        return _left_out(why, "under an inference line, write an undercut: <_ [Title]", at, build)
    assert source is not None
    into_argument = rel.target.kind == "argument"
    if rel.kind == "undercut":
        if not into_argument:
            why = f"statement [{target_title[1]}] cannot be undercut, only an argument"
            return _left_out(why, "attack it with - instead", at, build)
        return _attack(source, build.main_of[target_title[1]], at, build)
    if into_argument and target_title[1] in build.main_of:
        why = (
            f"{_article(rel.kind)} {rel.kind} of argument <{target_title[1]}> as a whole: "
            "argmap needs the premise it is aimed at"
        )
        return _left_out(why, "aim the relation at that premise: [Premise title]", at, build)
    target = build.endpoint(rel.target)
    assert target is not None
    if rel.kind == "support":
        # An argument supporting its own conclusion is its inference, not another one.
        if (source, target) not in build.supports and not (
            rel.source.kind == "argument" and rel.source.title in build.main_of and source == target
        ):
            build.supports.add((source, target))
            ident = new_id(f"{source}.{target}"[:190], build.used)
            build.inferences[ident] = {"premises": [source], "conclusion": target}
            build.at(("inferences", ident), at)
    elif rel.kind == "attack":
        _attack(source, target, at, build)
    elif not any(
        isinstance(i, dict)
        and isinstance(i.get("positions"), list)
        and {source, target} <= set(map(str, i["positions"]))
        for i in build.issues.values()
    ):
        ident = new_id(f"{source}.{target}.contradictory"[:190], build.used)
        build.issues[ident] = {"positions": [source, target]}
        build.at(("issues", ident), at)
    return None


def _attack(source: str, target: str, at: Position, build: _Build) -> None:
    """An attack, unless the front matter lists it already (with its note)."""
    listed = build.listed_attacks.get((source, target), 0)
    if listed:
        build.listed_attacks[(source, target)] = listed - 1
        return
    build.at(("attacks", len(build.attacks)), at)
    build.attacks.append({"from": source, "to": target})


def _undercut_gist(rel: Relation, build: _Build, by_premise: dict[str, list[str]]) -> None:
    """An undercut of an argument not reconstructed: of each inference it is the premise of."""
    at = (rel.line, rel.column)
    source = build.endpoint(rel.source)
    gist = build.claim_of[("argument", rel.target.title)]
    targets = sorted(by_premise.get(gist, []))
    if not targets or source is None:
        why = (
            f"argument <{rel.target.title}> supports nothing, so it has no inference to "
            "undercut (argmap can undercut an inference, not an attack)"
        )
        return _left_out(why, "say what the argument supports", at, build)
    for target in targets:
        _attack(source, target, at, build)
    return None


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _left_out(why: str, hint: str, at: Position, build: _Build) -> None:
    build.diags.append(_warn("AM614", f"{why}; the relation is left out", hint, build.path, at))


def _unknown(
    found: Cleaned, known: Iterable[str], what: str, path: str, diags: list[Diagnostic]
) -> None:
    extra = sorted(str(k) for k in found.data if k not in known)
    if extra and found.data_at is not None:
        keeps = ", ".join(known) or "nothing here"
        diags.append(
            _warn(
                "AM612",
                f"data `{', '.join(extra)}` of {what} is not kept by argmap",
                f"argmap keeps {keeps}",
                path,
                found.data_at,
            )
        )


def _steps(rec: Reconstruction) -> list[tuple[list[Node], Node, Inference]]:
    """The inferences of a reconstruction: each step's premises, conclusion and line.

    A step's premises are the previous step's conclusion and the statements since. (Argdown
    leaves a ``{uses: [1, 2]}`` in the inference's data uninterpreted, and so does argmap.)
    """
    steps: list[tuple[list[Node], Node, Inference]] = []
    since: list[Node] = []
    inference: Inference | None = None
    for item in rec.items:
        if isinstance(item, Inference):
            inference = item
        elif inference is None:
            since.append(item)
        else:
            steps.append((since, item, inference))
            since, inference = [item], None
    return steps


def _add(target: list[str], items: Iterable[str]) -> None:
    for item in items:
        if item and item not in target:
            target.append(item)


def _unique(items: list[str]) -> list[str]:
    out: list[str] = []
    _add(out, items)
    return out
