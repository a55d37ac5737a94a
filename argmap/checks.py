"""Check: the graph -> diagnostics about the reasoning.

One function per check. Each takes the map (for texts and sources) and the graph built from
it, reads both and changes neither. :data:`CHECKS` lists them in the order they run; adding a
check is adding a function here, a row to :data:`argmap.diagnostics.CODES`, and a test. The
checks of schemes and critical questions, which ``--questions`` widens, are
:func:`argmap.schemes.check_schemes`, run after these.
"""

from __future__ import annotations

import os
import weakref
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable

import networkx as nx

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.evaluate.labelling import CompactGraph, compile_graph
from argmap.graph import CLAIM, Role, roles
from argmap.model import ArgumentMap, texts
from argmap.passages import as_written, closest_span, normalise

Check = Callable[[ArgumentMap, nx.DiGraph], Iterable[Diagnostic]]


#: The compact view of each frozen graph (as :func:`argmap.graph.build` makes), derived once
#: for every check that walks the whole graph: lists of integers are walked several times
#: faster than networkx's dicts of dicts.
_VIEWS: weakref.WeakKeyDictionary[nx.DiGraph, CompactGraph] = weakref.WeakKeyDictionary()


def compact(graph: nx.DiGraph) -> CompactGraph:
    """The graph as a :class:`~argmap.evaluate.labelling.CompactGraph`, derived once for a
    frozen graph (a graph that can change is derived anew each time).

    >>> from argmap.graph import build
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> graph = build(m)
    >>> compact(graph).supports, compact(graph) is compact(graph)
    ([(2,), (), (1,)], True)
    """
    if not nx.is_frozen(graph):
        return compile_graph(graph)
    view = _VIEWS.get(graph)
    if view is None:
        view = _VIEWS[graph] = compile_graph(graph)
    return view


def circular_reasoning(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM201: a claim that supports itself through a chain of inferences.

    Such a claim can only stand if it already stands. An inference that lists its own
    conclusion as a premise is left to AM202.
    """
    view = compact(graph)
    successors = view.supports
    # Kahn's algorithm peels off every node not on a cycle in linear time; only what is left
    # (usually nothing) is searched for the cycles themselves.
    indegree = [0] * len(successors)
    for targets in successors:
        for v in targets:
            indegree[v] += 1
    ready = [n for n, d in enumerate(indegree) if d == 0]
    while ready:
        for v in successors[ready.pop()]:
            indegree[v] -= 1
            if indegree[v] == 0:
                ready.append(v)
    left = {n for n, d in enumerate(indegree) if d > 0}
    if not left:
        return
    names = view.nodes
    support = nx.DiGraph(
        (names[u], names[v]) for u in sorted(left) for v in successors[u] if v in left
    )
    for component in sorted(nx.strongly_connected_components(support), key=min):
        if len(component) <= 2:
            continue  # one claim and one inference: AM202
        start = min(c for c in component if graph.nodes[c]["kind"] == CLAIM)
        cycle = nx.find_cycle(support.subgraph(component), source=start)
        path = [u for u, _ in cycle] + [cycle[0][0]]
        yield diagnostic(
            "AM201",
            f"circular reasoning: {' -> '.join(path)}",
            ("claims", path[0]),
            "a claim cannot support itself; remove one inference of the cycle or split a claim",
        )


def conclusion_among_premises(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM202: an inference whose conclusion is one of its own premises (begging the question)."""
    for ident, inference in argmap.inferences.items():
        if inference.conclusion in inference.premises:
            i = inference.premises.index(inference.conclusion)
            yield diagnostic(
                "AM202",
                f"inference `{ident}` concludes its own premise `{inference.conclusion}`",
                ("inferences", ident, "premises", i),
                "remove the conclusion from the premises",
            )


def no_premises(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM203: an inference without premises supports nothing."""
    for ident, inference in argmap.inferences.items():
        if not inference.premises:
            yield diagnostic(
                "AM203",
                f"inference `{ident}` has no premises",
                ("inferences", ident, "premises"),
                "list the claims that support the conclusion: premises: [a, b]",
            )


def self_attack(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM204: a claim that attacks itself."""
    for i, attack in enumerate(argmap.attacks):
        if attack.from_ == attack.to:
            yield diagnostic(
                "AM204",
                f"claim `{attack.to}` attacks itself",
                ("attacks", i),
                "an attack goes from one claim to another; remove this one",
            )


def premise_undercuts(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM208: a premise of an inference that also undercuts it: the inference denies itself."""
    premises: dict[str, set[str]] = {}  # of each inference attacked, made once
    for i, attack in enumerate(argmap.attacks):
        inference = argmap.inferences.get(attack.to)
        if inference is None:
            continue
        if attack.to not in premises:
            premises[attack.to] = set(inference.premises)
        if attack.from_ in premises[attack.to]:
            yield diagnostic(
                "AM208",
                f"claim `{attack.from_}` is a premise of `{attack.to}` and undercuts it",
                ("attacks", i),
                "a premise cannot deny that the premises support the conclusion; split the claim",
            )


def exclusive_premises(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM205: premises that include two positions of one issue can never hold together."""
    issues_of: dict[str, list[str]] = defaultdict(list)  # sorted, since the issues are
    for issue_id, issue in sorted(argmap.issues.items()):
        for position in dict.fromkeys(issue.positions):
            issues_of[position].append(issue_id)
    for ident, inference in argmap.inferences.items():
        seen: dict[str, str] = {}
        for i, premise in enumerate(inference.premises):
            for issue_id in issues_of.get(premise, ()):
                if issue_id in seen and seen[issue_id] != premise:
                    yield diagnostic(
                        "AM205",
                        f"inference `{ident}` has premises `{seen[issue_id]}` and "
                        f"`{premise}`, which are exclusive positions of issue `{issue_id}`",
                        ("inferences", ident, "premises", i),
                        "split the inference, or drop one of the two premises",
                    )
                seen.setdefault(issue_id, premise)


def quotes(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM206, AM207, AM209: every quote occurs in its source's text file.

    A source's file must lie in the map's folder (or below): a map from elsewhere must not
    make argmap read, and echo passages of, any file on the machine.

    Compared after normalising whitespace, quote marks, dashes and case, so that re-wrapped
    lines and typographic quotes do not matter; a near miss names the closest passage.
    """
    from argmap.limits import Limits
    from argmap.read import OutsideFolder, read_source

    # A map built in code finds its sources from the working folder; one read from a pipe
    # has no folder at all.
    folder = argmap.origin.folder if argmap.origin else os.getcwd()
    limits = Limits.from_env()
    cache: dict[str, str | None] = {}  # normalised
    raw: dict[str, str] = {}  # as written, to quote a near miss
    for ident, source in argmap.sources.items():
        if source.path is None:
            continue
        cache[ident] = None
        try:
            raw[ident] = read_source(folder, source.path, limits)
            cache[ident] = normalise(raw[ident])
        except OutsideFolder:
            yield diagnostic(
                "AM209",
                f"the text of source `{ident}` lies outside the map's folder",
                ("sources", ident, "path"),
                "put the text beside the map, or allow it with ARGMAP_SOURCES_OUTSIDE=1",
            )
        except OSError as err:
            yield diagnostic(
                "AM207",
                f"cannot read the text of source `{ident}`: {err.strerror or err}",
                ("sources", ident, "path"),
                "the path is relative to the map's folder; the file must be a UTF-8 text file",
            )
    for ident, claim in argmap.claims.items():
        quote = claim.quote
        if quote is None or cache.get(quote.source) is None:
            continue
        wanted, source_text = normalise(quote.text), cache[quote.source]
        assert source_text is not None
        if wanted in source_text:
            continue
        ratio, start, stop = closest_span(wanted, source_text)
        hint = (
            f"the closest passage ({ratio:.0%} alike) reads: "
            f'"{as_written(raw[quote.source], start, stop, wanted)}" (** marks what differs)'
            if ratio >= 0.6
            else "copy the passage from the source exactly"
        )
        yield diagnostic(
            "AM206",
            f"the quote of claim `{ident}` does not occur in source `{quote.source}`",
            ("claims", ident, "quote", "text"),
            hint,
        )


def unused_claims(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM301: a claim that neither supports, attacks, is concluded, is attacked nor is a
    position of an issue."""
    view = compact(graph)
    positions = {p for issue in argmap.issues.values() for p in issue.positions}
    for node, role in roles(graph).items():
        if role is not Role.UNUSED or node in positions:
            continue
        n = view.numbers[node]
        if not (view.supports[n] or view.attacks[n] or view.unmet[n] or view.pending[n]):
            yield diagnostic(
                "AM301",
                f"claim `{node}` is used nowhere",
                ("claims", node),
                "use it as a premise, conclusion, attacker or position of an issue, or remove it",
            )


def pieces(graph: nx.DiGraph, issues: Iterable[Iterable[str]] = ()) -> list[list[int]]:
    """The weakly connected pieces of two or more nodes, the positions of each issue linked,
    as node numbers of :func:`compact` (each piece in the graph's order), largest first.

    >>> from argmap.graph import build
    >>> m = ArgumentMap.model_validate({"claims": {c: {"text": c} for c in "abcd"},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> pieces(build(m)), pieces(build(m), [["b", "c"]])
    ([[0, 1, 4]], [[0, 1, 2, 4]])
    """
    view = compact(graph)
    size = len(view.nodes)
    # Union-find, each root the smallest node number of its piece.
    root = list(range(size))

    def find(n: int) -> int:
        while root[n] != n:
            root[n] = root[root[n]]
            n = root[n]
        return n

    def link(u: int, targets: Iterable[int]) -> None:
        """Join `u`'s piece and the pieces of `targets`: one call for all of a node's edges
        (a call for each edge was half the time of AM302)."""
        ru = find(u)
        for v in targets:
            rv = find(v)
            if rv < ru:
                root[ru] = ru = rv
            elif rv > ru:
                root[rv] = ru

    supports, attacks = view.supports, view.attacks
    for u in range(size):
        link(u, supports[u])
        if attacks[u]:
            link(u, attacks[u])
    for positions in issues:
        numbers = [view.numbers[p] for p in positions if p in view.numbers]
        if numbers:
            link(numbers[0], numbers[1:])
    members: dict[int, list[int]] = defaultdict(list)
    for n in range(size):
        # A root is the smallest node of its piece, so root[n] <= n: taken in order, the
        # node root[n] points at already points at its root.
        root[n] = root[root[n]]
        members[root[n]].append(n)
    found = [piece for piece in members.values() if len(piece) > 1]
    found.sort(key=lambda piece: (-len(piece), piece[0]))
    return found


def disconnected(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM302: a map in several pieces is usually two maps, or a link forgotten.

    The positions of an issue are linked to each other.
    """
    found = pieces(graph, (issue.positions for issue in argmap.issues.values()))
    if len(found) <= 1:
        return
    names = compact(graph).nodes
    for piece in found[1:]:
        first = names[piece[0]]
        section = "claims" if graph.nodes[first]["kind"] == CLAIM else "inferences"
        yield diagnostic(
            "AM302",
            f"the map falls apart: `{first}` and {len(piece) - 1} other element(s) are "
            f"not linked to the largest piece ({len(found)} pieces in all)",
            (section, first),
            "link the pieces with an inference, an attack or an issue, or make two maps",
        )


def supports_and_attacks(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM303: a claim that both supports and attacks the same target contradicts itself."""
    # (attacker, target) -> the attacks between them: one look-up per premise of each
    # inference, where walking the attacker's edges cost its degree (a claim attacking
    # 50,000 claims made 2.5 billion steps). Keyed by the attacks, fewer than the premises:
    # a table of (premise, conclusion) pairs was 19 MiB at 100,000 claims.
    attacks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, attack in enumerate(argmap.attacks):
        attacks[attack.from_, attack.to].append(i)
    found: list[tuple[int, str]] = []  # (attack, inference), in the map's order of each
    for ident, inference in argmap.inferences.items():
        for premise in dict.fromkeys(inference.premises):
            for i in attacks.get((premise, inference.conclusion), ()):
                found.append((i, ident))
    found.sort(key=lambda pair: pair[0])  # stable: the inferences stay in the map's order
    for i, joint in found:
        attack = argmap.attacks[i]
        yield diagnostic(
            "AM303",
            f"claim `{attack.from_}` supports `{attack.to}` (through "
            f"`{joint}`) and attacks `{attack.to}`",
            ("attacks", i),
            "a claim cannot be a reason for and against the same thing; split it",
        )


def duplicate_texts(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM304: two claims with the same text are one claim under two ids."""
    # Texts are told apart by the hashes of their normalised forms, not the forms: a table
    # of 100,000 forms was a peak of 21 MiB, of their hashes 8. Two texts with one hash are
    # compared; should they differ (a collision), the texts themselves are the keys.
    found = _same_texts(argmap, hash)
    if found is None:
        found = _same_texts(argmap, lambda key: key)
        assert found is not None  # equal keys, equal texts
    return found


def _same_texts(
    argmap: ArgumentMap, keyed: Callable[[tuple[str, str]], Hashable]
) -> list[Diagnostic] | None:
    """AM304 for each claim with the text of an earlier one, each (language, normalised text)
    known by its `keyed`; None when two different texts share one."""
    first: dict[Hashable, str] = {}
    found = []
    for ident, claim in argmap.claims.items():
        for lang, text in texts(claim.text, argmap.lang).items():
            key = (lang, normalise(text))
            earlier = first.get(known := keyed(key))
            if earlier is None:
                first[known] = ident
                continue
            same = texts(argmap.claims[earlier].text, argmap.lang)
            if earlier == ident or lang not in same or normalise(same[lang]) != key[1]:
                return None
            found.append(
                diagnostic(
                    "AM304",
                    f"claims `{earlier}` and `{ident}` have the same text",
                    ("claims", ident, "text"),
                    f"use `{earlier}` wherever `{ident}` is used, and remove it",
                )
            )
            break
    return found


def no_main_conclusion(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM305: a map whose reasoning leads nowhere.

    Not said of a map with circular reasoning: the cycle (AM201) is why, and the fix.
    """
    if Role.MAIN not in roles(graph).values() and not any(circular_reasoning(argmap, graph)):
        yield diagnostic(
            "AM305",
            "the map has no main conclusion",
            ("main",) if argmap.main is not None else (),
            "add an inference that concludes a claim, or list `main: [id]`",
        )


def uncited_sources(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM306: a source that no quote cites."""
    cited = {c.quote.source for c in argmap.claims.values() if c.quote is not None}
    for ident in argmap.sources:
        if ident not in cited:
            yield diagnostic(
                "AM306",
                f"source `{ident}` is never cited",
                ("sources", ident),
                "quote it in a claim (`quote: {source: ..., text: ...}`) or remove it",
            )


def missing_languages(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM307: claims without a text in one of the languages the map declares.

    One warning a language, at the first such claim, with the count and the first ids: a
    map translated in part would otherwise get one near-identical warning per claim.
    """
    lacking: dict[str, list[str]] = {lang: [] for lang in argmap.languages}
    for ident, claim in argmap.claims.items():
        have = texts(claim.text, argmap.lang)
        for lang in lacking:
            if lang not in have:
                lacking[lang].append(ident)
    for lang, idents in lacking.items():
        if not idents:
            continue
        if len(idents) == 1:
            message = f"claim `{idents[0]}` has no text in {lang}"
        else:
            shown = ", ".join(f"`{i}`" for i in idents[:MISSING_SHOWN])
            more = f" and {len(idents) - MISSING_SHOWN} more" if len(idents) > MISSING_SHOWN else ""
            message = (
                f"{len(idents)} of {len(argmap.claims)} claims have no text in {lang}: "
                f"{shown}{more}"
            )
        yield diagnostic(
            "AM307",
            message,
            ("claims", idents[0], "text"),
            f"add `{lang}: ...` under each text, as in {{{argmap.lang}: ..., {lang}: ...}}",
        )


#: How many claims an AM307 warning names.
MISSING_SHOWN = 5


def repeated_premises(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM308: a premise listed twice in one inference: once is enough, twice is a slip."""
    for ident, inference in argmap.inferences.items():
        seen: set[str] = set()
        for i, premise in enumerate(inference.premises):
            if premise in seen:
                yield diagnostic(
                    "AM308",
                    f"inference `{ident}` lists premise `{premise}` twice",
                    ("inferences", ident, "premises", i),
                    f"remove the second `{premise}`; if another premise was meant, name it",
                )
            seen.add(premise)


def repeated_attacks(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM309: the same attack (same `from` and `to`) written twice."""
    first: dict[tuple[str, str], int] = {}
    for i, attack in enumerate(argmap.attacks):
        key = (attack.from_, attack.to)
        if key in first:
            yield diagnostic(
                "AM309",
                f"attack #{i + 1} repeats attack #{first[key] + 1} "
                f"(`{attack.from_}` against `{attack.to}`)",
                ("attacks", i),
                "remove the repeat; a note on the first one can say more",
            )
        else:
            first[key] = i


CHECKS: list[Check] = [
    circular_reasoning,
    conclusion_among_premises,
    premise_undercuts,
    no_premises,
    self_attack,
    exclusive_premises,
    quotes,
    unused_claims,
    disconnected,
    supports_and_attacks,
    duplicate_texts,
    no_main_conclusion,
    uncited_sources,
    missing_languages,
    repeated_premises,
    repeated_attacks,
]
