"""The ids an evaluation is given from outside the map: each must name one of its nodes.

A claim to accept or reject is named by its id, or with every other claim of its voice by
``by:VOICE`` (ids are slugs, so no id has a colon). One function, :func:`unknown_ids`, serves
the API (which raises :class:`argmap.IdError` with its diagnostics) and the command line
(which prints them and exits with status 2); :func:`voice_claims` expands ``by:VOICE``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.suggest import Vocabulary

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


def unknown_ids(
    argmap: ArgumentMap,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    explain: Iterable[str] = (),
) -> list[Diagnostic]:
    """AM501 for an id to accept, reject or explain that the map lacks; AM502 for a claim
    both accepted and rejected.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"abc": {"text": "A"}}})
    >>> [(d.code, d.message, d.hint) for d in unknown_ids(m, accept=["abd"], reject=["abc"])]
    [('AM501', 'no claim `abd` to accept', 'did you mean `abc`?')]
    >>> [d.code for d in unknown_ids(m, accept=["abc"], reject=["abc"])]
    ['AM502']
    """
    accept, reject = list(accept), list(reject)
    claims, inferences = argmap.claims, argmap.inferences
    asked = [("accept", c) for c in accept] + [("reject", c) for c in reject]
    diags = [
        diagnostic(
            "AM501",
            f"no voice `{c.removeprefix(BY)}` to {verb} the claims of",
            hint=_hint(c.removeprefix(BY), Vocabulary(argmap.voices), "voice"),
        )
        for verb, c in asked
        if c.startswith(BY) and c.removeprefix(BY) not in argmap.voices
    ]
    asked = [(verb, c) for verb, c in asked if not c.startswith(BY)]
    missing = [(verb, c, "claim") for verb, c in asked if c not in claims]
    missing += [
        ("explain", c, "claim or inference")
        for c in explain
        if c not in claims and c not in inferences
    ]
    pools: dict[str, Vocabulary] = {}  # indexed once, and only when an id is missing
    for verb, c, what in missing:
        if what not in pools:
            pools[what] = Vocabulary([*claims, *(inferences if verb == "explain" else ())])
        hint = _hint(c, pools[what], what)
        diags.append(diagnostic("AM501", f"no {what} `{c}` to {verb}", hint=hint))
    diags += [
        diagnostic(
            "AM502",
            f"{'voice' if c.startswith(BY) else 'claim'} `{c.removeprefix(BY)}` is both "
            "accepted and rejected",
            hint="give it to --accept or to --reject, not both",
        )
        for c in sorted(set(accept) & set(reject))
    ]
    return diags


#: What names every claim of a voice, before the voice's id: ``by:critic``.
BY = "by:"


def voice_claims(
    argmap: ArgumentMap, names: Iterable[str], stance: Literal["accepted", "rejected"]
) -> list[str]:
    """The claims of each voice named ``by:VOICE`` in `names`, to accept or reject (`stance`).

    A claim whose status in the map is the other stance keeps it: rejecting the critics does
    not deny the facts they report, marked ``status: accepted``. Plain ids are left out.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"voices": {"v": {"name": "V"}}, "claims": {
    ...     "a": {"text": "A", "by": "v"}, "b": {"text": "B", "by": "v", "status": "accepted"},
    ...     "c": {"text": "C"}}})
    >>> voice_claims(m, ["by:v", "c"], "rejected"), voice_claims(m, ["by:v"], "accepted")
    (['a'], ['a', 'b'])
    """
    voices = {name.removeprefix(BY) for name in names if name.startswith(BY)}
    other = "accepted" if stance == "rejected" else "rejected"
    return [
        ident
        for ident, claim in argmap.claims.items()
        if claim.by in voices and claim.status != other
    ]


def not_in_graph(ids: Iterable[str], nodes_of_graph: Iterable[str]) -> list[Diagnostic]:
    """AM501 for each id handed to :func:`argmap.evaluate.grounded` that the graph lacks."""
    nodes = Vocabulary(nodes_of_graph)
    return [
        diagnostic("AM501", f"no claim or inference `{c}` in the graph", hint=_hint(c, nodes))
        for c in ids
    ]


def _hint(ident: str, ids: Vocabulary, what: str = "claim or inference") -> str:
    """Did you mean the closest id, or else which ids to give (`what`: the kinds of element,
    as in "claim or inference").

    >>> _hint("x", Vocabulary(["abc"]))
    "give the id of one of the map's claims or inferences"
    """
    close = ids.closest(ident)
    kinds = " or ".join(f"{kind}s" for kind in what.split(" or "))
    return f"did you mean `{close}`?" if close else f"give the id of one of the map's {kinds}"
