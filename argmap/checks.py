"""Check: the graph -> diagnostics about the reasoning.

One function per check. Each takes the map (for texts and sources) and the graph built from
it, reads both and changes neither. :data:`CHECKS` lists them in the order they run; adding a
check is adding a function here, a row to :data:`argmap.diagnostics.CODES`, and a test.
"""

from __future__ import annotations

import difflib
import functools
import heapq
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

import networkx as nx

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.graph import CLAIM, SUPPORT, Role, roles
from argmap.model import ArgumentMap, texts
from argmap.schemes import check_schemes

Check = Callable[[ArgumentMap, nx.DiGraph], Iterable[Diagnostic]]


def support_successors(graph: nx.DiGraph) -> dict[str, list[str]]:
    """Each node's successors along support edges (premise and conclusion), attacks left out.

    >>> g = nx.DiGraph([("a", "i", {"kind": "premise"}), ("i", "b", {"kind": "conclusion"}),
    ...                 ("b", "a", {"kind": "attack"})])
    >>> support_successors(g)
    {'a': ['i'], 'i': ['b'], 'b': []}
    """
    successors: dict[str, list[str]] = {n: [] for n in graph}
    for u, v, kind in graph.edges(data="kind"):
        if kind in SUPPORT:
            successors[u].append(v)
    return successors


def circular_reasoning(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM201: a claim that supports itself through a chain of inferences.

    Such a claim can only stand if it already stands. An inference that lists its own
    conclusion as a premise is left to AM202.
    """
    successors = support_successors(graph)
    # Kahn's algorithm peels off every node not on a cycle in linear time; only what is left
    # (usually nothing) is searched for the cycles themselves.
    indegree = dict.fromkeys(successors, 0)
    for targets in successors.values():
        for v in targets:
            indegree[v] += 1
    ready = [n for n, d in indegree.items() if d == 0]
    while ready:
        for v in successors[ready.pop()]:
            indegree[v] -= 1
            if indegree[v] == 0:
                ready.append(v)
    left = {n for n, d in indegree.items() if d > 0}
    if not left:
        return
    support = nx.DiGraph((u, v) for u in left for v in successors[u] if v in left)
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


_QUOTES = str.maketrans(
    {c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛‹›′`"} | {c: "-" for c in "‐‑‒–—―"}
)


def normalise(text: str) -> str:
    """Text as quotes are compared: one kind of quote and dash, single spaces, lower case.

    >>> normalise("“A  IA”\\n– Ok")
    '"a ia" - ok'
    """
    if not text.isascii():  # ASCII has no typographic quotes or dashes: skip the table
        text = text.translate(_QUOTES)
    return " ".join(text.split()).casefold()


#: Bounds on the work of :func:`closest_passage`, whatever the sizes of quote and source:
#: how many votes the quote's words cast, how many passages are compared with it, and the
#: size of the blocks in which difflib compares them.
VOTES, CANDIDATES, BLOCK = 50_000, 3, 128


def closest_passage(quote: str, source: str) -> tuple[float, str]:
    """The passage of `source` most alike to `quote` (both normalised), and how alike (0..1).

    Comparing the quote with the passage at every word of the source is quadratic, and
    difflib is quadratic again on repetitive text (a 2 KB quote took minutes against 19 KB).
    So the quote's words, rarest in the source first, vote for where the quote would start
    (:data:`VOTES` votes at most), and the :data:`CANDIDATES` starts with the most votes are
    compared with it by :func:`align`. Best effort: a passage with no word of the quote is
    not found.

    >>> source = "a dog sat on a mat; the cat sat on a mat"
    >>> ratio, passage = closest_passage("the cat sat on the mat", source)
    >>> round(ratio, 2), passage
    (0.9, 'the cat sat on a mat')
    """
    starts, where = _words(source)
    positions: dict[str, list[int]] = defaultdict(list)
    for k, word in enumerate(quote.split(" ")):
        positions[word].append(k)
    rarest_first = sorted(positions, key=lambda w: (len(where.get(w, ())), w))
    votes: Counter[int] = Counter()
    cast = 0
    for k, found in ((k, where.get(w, [])) for w in rarest_first for k in positions[w]):
        if cast >= VOTES:
            break
        votes.update(j - k for j in found)  # the quote's word k is the source's word j
        cast += len(found)
    best = (0.0, "")
    for offset, _ in heapq.nsmallest(CANDIDATES, votes.items(), key=lambda v: (-v[1], v[0])):
        start = starts[min(max(offset, 0), len(starts) - 1)]
        matched, end = align(quote, source[start : start + len(quote) + len(quote) // 4 + BLOCK])
        ratio = 2 * matched / (len(quote) + end)
        if ratio > best[0]:
            best = (ratio, source[start : start + end])
    return best


def align(quote: str, text: str) -> tuple[int, int]:
    """How many characters of `quote` match `text` from its start, and where in `text` the
    last match ends: difflib's matches, counted block by block.

    Each :data:`BLOCK` characters of the quote are matched against the text around the place
    where the block before them ended, so that the work is linear in the length (difflib
    alone is quadratic on repetitive text) and words inserted or dropped do not lose the
    thread.

    >>> align("the cat sat", "the cat sat on a mat")
    (11, 11)
    >>> align("the cat sat", "a cat sits")
    (7, 9)
    """
    matcher = difflib.SequenceMatcher(autojunk=False)
    slack = BLOCK // 4
    matched = end = here = 0  # `here`: where in the text the next block should begin
    for at in range(0, len(quote), BLOCK):
        block = quote[at : at + BLOCK]
        low = max(0, here - slack)
        matcher.set_seqs(block, text[low : here + len(block) + slack])
        found = [m for m in matcher.get_matching_blocks() if m.size]
        matched += sum(m.size for m in found)
        here += len(block)
        if found:
            last = found[-1]
            end = low + last.b + last.size
            here = end + len(block) - last.a - last.size
    return matched, end


@functools.lru_cache(maxsize=4)
def _words(text: str) -> tuple[list[int], dict[str, list[int]]]:
    """Where each word of a normalised text starts, and the word numbers of each word.

    Cached: every near-miss quote of a source reads the same index.
    """
    starts, where = [], defaultdict(list)
    at = 0
    for number, word in enumerate(text.split(" ")):
        starts.append(at)
        where[word].append(number)
        at += len(word) + 1
    return starts, dict(where)


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
    cache: dict[str, str | None] = {}
    for ident, source in argmap.sources.items():
        if source.path is None:
            continue
        cache[ident] = None
        try:
            cache[ident] = normalise(read_source(folder, source.path, limits))
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
        ratio, passage = closest_passage(wanted, source_text)
        hint = (
            f'the closest passage ({ratio:.0%} alike) reads: "{passage}"'
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
    """AM301: a claim that neither supports, attacks, is concluded nor is attacked."""
    for node, role in roles(graph).items():
        if role is Role.UNUSED and graph.degree(node) == 0:
            yield diagnostic(
                "AM301",
                f"claim `{node}` is used nowhere",
                ("claims", node),
                "use it as a premise, conclusion or attacker, or remove it",
            )


def disconnected(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM302: a map in several pieces is usually two maps, or a link forgotten."""
    pieces = [p for p in nx.weakly_connected_components(graph) if len(p) > 1]
    if len(pieces) <= 1:
        return
    order = {n: i for i, n in enumerate(graph)}
    pieces.sort(key=lambda p: (-len(p), min(order[n] for n in p)))
    for piece in pieces[1:]:
        first = min(piece, key=order.__getitem__)
        section = "claims" if graph.nodes[first]["kind"] == CLAIM else "inferences"
        yield diagnostic(
            "AM302",
            f"the map falls apart: `{first}` and {len(piece) - 1} other element(s) are "
            f"not linked to the largest piece ({len(pieces)} pieces in all)",
            (section, first),
            "link the pieces with an inference or an attack, or make two maps",
        )


def supports_and_attacks(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM303: a claim that both supports and attacks the same target contradicts itself."""
    # (premise, conclusion) -> the inferences joining them, in the map's order: one look-up
    # per attack, where walking the attacker's edges cost its degree (a claim attacking
    # 50,000 claims made 2.5 billion steps).
    through: dict[tuple[str, str], list[str]] = defaultdict(list)
    for ident, inference in argmap.inferences.items():
        for premise in dict.fromkeys(inference.premises):
            through[premise, inference.conclusion].append(ident)
    for i, attack in enumerate(argmap.attacks):
        for joint in through.get((attack.from_, attack.to), ()):
            yield diagnostic(
                "AM303",
                f"claim `{attack.from_}` supports `{attack.to}` (through "
                f"`{joint}`) and attacks `{attack.to}`",
                ("attacks", i),
                "a claim cannot be a reason for and against the same thing; split it",
            )


def duplicate_texts(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM304: two claims with the same text are one claim under two ids."""
    first: dict[tuple[str, str], str] = {}
    for ident, claim in argmap.claims.items():
        for lang, text in texts(claim.text, argmap.lang).items():
            key = (lang, normalise(text))
            if key in first:
                yield diagnostic(
                    "AM304",
                    f"claims `{first[key]}` and `{ident}` have the same text",
                    ("claims", ident, "text"),
                    f"use `{first[key]}` wherever `{ident}` is used, and remove it",
                )
                break
            first[key] = ident


def no_main_conclusion(argmap: ArgumentMap, graph: nx.DiGraph) -> Iterable[Diagnostic]:
    """AM305: a map whose reasoning leads nowhere."""
    if Role.MAIN not in roles(graph).values():
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
    """AM307: a claim without a text in one of the languages the map declares."""
    for ident, claim in argmap.claims.items():
        have = texts(claim.text, argmap.lang)
        missing = [lang for lang in argmap.languages if lang not in have]
        if missing:
            yield diagnostic(
                "AM307",
                f"claim `{ident}` has no text in {', '.join(missing)}",
                ("claims", ident, "text"),
                f"add `{missing[0]}: ...` under its text, as in {{en: ..., pt: ...}}",
            )


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
    check_schemes,
]


def unsafe_links(argmap: ArgumentMap) -> list[Diagnostic]:
    """AM406: sources whose url is not an http(s) address; they are drawn without a link.

    Run when a map is drawn (see :func:`argmap.rendered`), not by :data:`CHECKS`.

    >>> m = ArgumentMap.model_validate({"claims": {},
    ...     "sources": {"s": {"title": "S", "url": "javascript:alert(1)"}}})
    >>> [d.code for d in unsafe_links(m)]
    ['AM406']
    """
    from argmap.draw import safe_url  # loads Graphviz: only when a map is drawn

    return [
        diagnostic(
            "AM406",
            f"source `{ident}`'s url is not an http(s) address; it is drawn without a link",
            ("sources", ident, "url"),
            "give an address that starts with https:// or http://",
        )
        for ident, source in argmap.sources.items()
        if source.url is not None and safe_url(source.url) is None
    ]


def missing_language(argmap: ArgumentMap, lang: str) -> list[Diagnostic]:
    """AM401: a language asked for that no text of the map is written in.

    Run when a map is drawn in `lang` (see :func:`argmap.rendered`), not by :data:`CHECKS`.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": {"en": "A"}}}})
    >>> [d.message for d in missing_language(m, "pt")]
    ['the map has no text in `pt`']
    """
    have = {code for claim in argmap.claims.values() for code in texts(claim.text, argmap.lang)}
    if lang in have:
        return []
    return [
        diagnostic(
            "AM401",
            f"the map has no text in `{lang}`",
            ("lang",),
            f"its languages: {', '.join(sorted(have))}",
        )
    ]
