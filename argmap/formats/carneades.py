"""Carneades 4 argument graphs (CAES YAML) -> argument maps.

A Carneades statement becomes a claim, an argument an inference, an undercutter an attack on
that inference, an issue an issue. Assumptions (``assumptions:`` or ``assumed: true``) become
``status: accepted`` and every other statement ``status: open``: Carneades assumes nothing
else. A ``convergent`` argument becomes one inference per premise (any one premise suffices),
a scheme's constant weight the inference's weight, and a ``linked`` or unnamed scheme a plain
inference. Statement ids such as ``¬app(a1)`` are not argmap ids; :func:`slug` turns them into
ones (``not-app_a1``).

Whatever changes the labels and argmap does not evaluate (other weighing functions,
criteria, proof standards other than PE, argument schemes applied as rules, issue schemes) is
reported as AM513, by name; the rest of the graph is still read. ``tests:``, ``meta:`` and
``language:`` do not change the labels and are not part of the map.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from argmap.diagnostics import Diagnostic, Pointer, diagnostic
from argmap.formats.base import Parsed
from argmap.limits import Limits
from argmap.locate import locate, parse_located
from argmap.model import Attack, Claim, Inference, Issue, Origin, Status

#: Top-level keys that do not change the labels.
_IGNORED = {"meta", "tests", "language", "references"}
_KNOWN = {"statements", "issues", "arguments", "assumptions", "argument_schemes"}
_ARGUMENT_KEYS = {"scheme", "premises", "conclusion", "undercutter", "meta"}
_BASIC_SCHEMES = {"linked", "convergent"}
_UNSUPPORTED_SCHEMES = {"cumulative", "factorized"}


def slug(ident: str) -> str:
    """An argmap id for a Carneades statement or argument id.

    >>> slug("¬app(a1)"), slug("holdsAt(wfh_required,3)"), slug("a1.2")
    ('not-app_a1', 'holdsAt_wfh_required_3', 'a1.2')
    """
    text = re.sub(r"[^A-Za-z0-9_.-]+", "_", ident.replace("¬", "not-")).strip("_")
    return text if re.match(r"^[A-Za-z0-9]", text) else f"s-{text}"


def term(ident: Any) -> str:
    """A Carneades id as Carneades compares them: without white space.

    >>> term("happens(wfh_order, 1)")
    'happens(wfh_order,1)'
    """
    return re.sub(r"\s+", "", str(ident))


def sniff(text: str) -> bool:
    """Whether a YAML text looks like a Carneades argument graph rather than an argmap map."""
    return re.search(
        r"^(statements|arguments|argument_schemes):", text, re.MULTILINE
    ) is not None and (re.search(r"^claims:", text, re.MULTILINE) is None)


def read(text: str, path: str, limits: Limits) -> Parsed:
    """Read a Carneades argument graph as a map's data; diagnostics are located in the file."""
    origin = Origin(path=path, text=text, format="carneades")
    data, diags, positions = parse_located(origin, limits.max_nodes)
    if data is None and diags:
        return Parsed(None, diags)
    if not isinstance(data, dict) or not _KNOWN & data.keys():
        found = "none of " + ", ".join(f"`{k}`" for k in sorted(_KNOWN))
        return Parsed(
            None,
            locate(
                [
                    diagnostic(
                        "AM510",
                        f"not a Carneades argument graph: {found}"
                        if isinstance(data, dict)
                        else "not a Carneades argument graph: the document is not a mapping",
                        hint="a Carneades graph has `statements:` (id: text) and `arguments:`",
                    )
                ],
                origin,
            ),
        )
    graph, where, diags = translate(data)
    ours = {mine: positions[theirs] for mine, theirs in where.items() if theirs in positions}
    diags = locate(diags, Origin(path=path, text=text, positions=positions))
    if any(d.code in ("AM511", "AM512") for d in diags):
        return Parsed(None, diags)
    return Parsed(_plain(graph), diags, ours)


def _plain(value: Any) -> Any:
    """Plain data of what :func:`translate` built, so that it is validated like any map."""
    if isinstance(value, BaseModel):
        return _plain(value.model_dump(by_alias=True, exclude_none=True))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def translate(
    data: dict[str, Any],
) -> tuple[dict[str, Any], dict[Pointer, Pointer], list[Diagnostic]]:
    """The fields of an ArgumentMap from a Carneades graph's data, where each came from, and
    diagnostics pointing into the Carneades document.

    >>> fields, _, diags = translate({"statements": {"p": "P", "q": "Q"},
    ...     "arguments": {"a1": {"premises": ["p"], "conclusion": "q"}}, "assumptions": ["p"]})
    >>> fields["claims"]["p"].status, fields["inferences"]["a1"].premises, diags
    ('accepted', ['p'], [])
    """
    diags: list[Diagnostic] = []
    where: dict[Pointer, Pointer] = {}

    def unsupported(what: str, pointer: Pointer) -> None:
        diags.append(
            diagnostic(
                "AM513",
                f"Carneades feature not evaluated by argmap: {what}",
                pointer,
                "the labels argmap computes may differ from Carneades' here",
            )
        )

    def malformed(what: str, pointer: Pointer, hint: str) -> None:
        diags.append(diagnostic("AM511", what, pointer, hint))

    for key in data:
        if key not in _KNOWN | _IGNORED:
            unsupported(f"`{key}`", (key,))
    ids: dict[str, str] = {}

    def ours(ident: Any, pointer: Pointer) -> str:
        """The argmap id of a Carneades id, reporting two ids that become one."""
        text = term(ident)
        mine = slug(text)
        if ids.setdefault(mine, text) != text:
            diags.append(
                diagnostic(
                    "AM512",
                    f"`{text}` and `{ids[mine]}` both become the argmap id `{mine}`",
                    pointer,
                    "rename one of them in the Carneades file",
                )
            )
        return mine

    listed = data.get("assumptions") or []
    if not isinstance(listed, list):
        malformed("`assumptions` is not a list", ("assumptions",), "write `assumptions: [p, q]`")
        listed = []
    assumed = {term(a) for a in listed}
    claims: dict[str, Claim] = {}
    statements = data.get("statements") or {}
    if not isinstance(statements, dict):
        malformed("`statements` is not a mapping", ("statements",), "write `statements: {p: P}`")
        statements = {}
    # Carneades lets an assumption name a statement declared nowhere (its rules use it).
    statements.update({a: a for a in sorted(assumed - {term(k) for k in statements})})
    for ident, value in statements.items():
        pointer: Pointer = ("statements", ident)
        if isinstance(value, dict):
            text, accepted = value.get("text"), value.get("assumed") is True
        else:
            text, accepted = value, False
        if not isinstance(text, str) or not text.strip():
            text = str(ident)
        mine = ours(ident, pointer)
        where[("claims", mine)] = pointer
        status: Status = "accepted" if accepted or term(ident) in assumed else "open"
        claims[mine] = Claim.model_construct(text=text, status=status)

    weights, schemes = _schemes(data.get("argument_schemes") or [], unsupported)
    inferences: dict[str, Inference] = {}
    attacks: list[Attack] = []
    arguments = data.get("arguments") or {}
    if not isinstance(arguments, dict):
        malformed("`arguments` is not a mapping", ("arguments",), "write `arguments: {a1: ...}`")
        arguments = {}
    for ident, arg in arguments.items():
        pointer = ("arguments", ident)
        if not isinstance(arg, dict) or "conclusion" not in arg:
            malformed(
                f"argument `{ident}` has no conclusion",
                pointer,
                "an argument is a mapping with `conclusion:` and `premises:`",
            )
            continue
        for key in sorted(set(arg) - _ARGUMENT_KEYS):
            unsupported(f"`{key}` of argument `{ident}`", (*pointer, key))
        premises = arg.get("premises") or []
        if isinstance(premises, dict):
            premises = list(premises.values())
        if not isinstance(premises, list):
            malformed(
                f"argument `{ident}`: premises are not a list or a role map",
                (*pointer, "premises"),
                "write `premises: [p, q]` or `premises: {major: p, minor: q}`",
            )
            continue
        scheme = arg.get("scheme")
        weight = weights.get(scheme) if isinstance(scheme, str) else None
        if scheme in _UNSUPPORTED_SCHEMES:
            unsupported(f"weighing function `{scheme}` of argument `{ident}`", (*pointer, "scheme"))
        elif scheme is not None and scheme not in _BASIC_SCHEMES | schemes:
            unsupported(f"unknown scheme `{scheme}`", (*pointer, "scheme"))
        mine = ours(ident, pointer)
        premise_ids = [slug(term(p)) for p in premises]
        groups = (
            [[p] for p in premise_ids] if scheme == "convergent" and premises else [premise_ids]
        )
        conclusion = slug(term(arg["conclusion"]))
        for n, group in enumerate(groups, 1):
            name = mine if len(groups) == 1 else f"{mine}.convergent-{n}"
            where[("inferences", name)] = pointer
            where[("inferences", name, "conclusion")] = (*pointer, "conclusion")
            for k in range(len(group)):
                where[("inferences", name, "premises", k)] = (*pointer, "premises")
            inferences[name] = Inference.model_construct(
                premises=group,
                conclusion=conclusion,
                scheme=scheme if isinstance(scheme, str) else None,
                weight=weight,
            )
            if arg.get("undercutter") is not None:
                where[("attacks", len(attacks))] = (*pointer, "undercutter")
                attacks.append(
                    Attack.model_construct(from_=slug(term(arg["undercutter"])), to=name)
                )

    issues: dict[str, Issue] = {}
    declared = data.get("issues") or {}
    if not isinstance(declared, dict):
        malformed(
            "`issues` is not a mapping", ("issues",), "write `issues: {i1: {positions: [p, q]}}`"
        )
        declared = {}
    for ident, issue in declared.items():
        pointer = ("issues", ident)
        if not isinstance(issue, dict) or not isinstance(issue.get("positions"), list):
            malformed(
                f"issue `{ident}` has no list of positions", pointer, "write `positions: [p, q]`"
            )
            continue
        standard = issue.get("standard", "PE")
        if standard != "PE":
            unsupported(f"proof standard `{standard}` of issue `{ident}`", (*pointer, "standard"))
        mine = ours(ident, pointer)
        where[("issues", mine)] = pointer
        issues[mine] = Issue.model_construct(positions=[slug(term(p)) for p in issue["positions"]])
    fields = {
        "argmap": 1,
        "title": meta.get("title") if isinstance(meta := data.get("meta"), dict) else None,
        "claims": claims,
        "inferences": inferences,
        "attacks": attacks,
        "issues": issues,
    }
    return fields, where, diags


def _schemes(
    schemes: Any, unsupported: Callable[[str, Pointer], None]
) -> tuple[dict[str, float], set[str]]:
    """The constant weight of each argument scheme that has one, and every scheme's id.

    Carneades also applies a scheme with conclusions as a rule, deriving arguments from the
    assumptions; argmap evaluates only the arguments the file states, and says so.
    """
    weights: dict[str, float] = {}
    ids: set[str] = set()
    for i, scheme in enumerate(schemes if isinstance(schemes, list) else []):
        if not isinstance(scheme, dict) or "id" not in scheme:
            continue
        ident = str(scheme["id"])
        ids.add(ident)
        weight = scheme.get("weight")
        if isinstance(weight, dict) and isinstance(weight.get("constant"), int | float):
            weights[ident] = float(weight["constant"])
        elif weight is not None:
            kind = next(iter(weight), "?") if isinstance(weight, dict) else weight
            unsupported(f"weighing function `{kind}` of scheme `{ident}`", ("argument_schemes", i))
        if scheme.get("conclusions"):
            unsupported(
                f"scheme `{ident}` applied as a rule to derive arguments",
                ("argument_schemes", i),
            )
    return weights, ids
