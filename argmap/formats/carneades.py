"""Carneades 4 argument graphs (CAES YAML) -> argument maps.

A Carneades statement becomes a claim, an argument an inference, an undercutter an attack on
that inference, an issue an issue. Assumptions (``assumptions:`` or ``assumed: true``) become
``status: accepted`` and every other statement ``status: open``: Carneades assumes nothing
else. A ``convergent`` argument becomes one inference per premise (any one premise suffices),
a scheme's constant weight the inference's weight (both weigh from 0 to 1; another number is
AM511), and a ``linked`` or unnamed scheme a plain inference. Statement ids such as
``¬app(a1)`` are not argmap ids; :func:`slug` turns them into ones (``not-app_a1``).

Whatever changes the labels and argmap does not evaluate (other weighing functions,
criteria, proof standards other than PE, argument schemes applied as rules, issue schemes) is
reported as AM513, by name; the rest of the graph is still read. ``tests:``, ``meta:`` and
``language:`` do not change the labels and are not part of the map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.diagnostics import Diagnostic, Pointer, diagnostic
from argmap.formats.base import Parsed
from argmap.limits import Limits
from argmap.model import Origin

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


def read(text: str, path: str, limits: Limits) -> Parsed:
    """Read a Carneades argument graph as a map's data; diagnostics are located in the file."""
    from argmap.locate import locate
    from argmap.located_yaml import parse_located  # here: it loads PyYAML

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
    graph, where, diags = translate(data, limits)
    ours = {mine: positions[theirs] for mine, theirs in where.items() if theirs in positions}
    diags = locate(diags, Origin(path=path, text=text, positions=positions))
    if any(d.code in ("AM008", "AM511", "AM512") for d in diags):
        return Parsed(None, diags)
    return Parsed(graph, diags, ours)


@dataclass
class _Translation:
    """What translating one graph gathers: diagnostics pointing into the Carneades document,
    where each part of the map came from, and the Carneades id each argmap id was made of."""

    diags: list[Diagnostic] = field(default_factory=list)
    where: dict[Pointer, Pointer] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)

    def unsupported(self, what: str, pointer: Pointer) -> None:
        self.diags.append(
            diagnostic(
                "AM513",
                f"Carneades feature not evaluated by argmap: {what}",
                pointer,
                "the labels argmap computes may differ from Carneades' here",
            )
        )

    def malformed(self, what: str, pointer: Pointer, hint: str) -> None:
        self.diags.append(diagnostic("AM511", what, pointer, hint))

    def ours(self, ident: Any, pointer: Pointer) -> str:
        """The argmap id of an element's Carneades id, reporting two ids that become one."""
        text = term(ident)
        mine = slug(text)
        if self.ids.setdefault(mine, text) != text:
            self.diags.append(
                diagnostic(
                    "AM512",
                    f"`{text}` and `{self.ids[mine]}` both become the argmap id `{mine}`",
                    pointer,
                    "rename one of them in the Carneades file",
                )
            )
        return mine

    def named(self, value: Any, pointer: Pointer, what: str) -> str | None:
        """The argmap id of a statement that an argument or an issue names (AM511 and None
        when `value` is a list or a mapping instead of an id)."""
        if isinstance(value, dict | list):
            self.malformed(f"{what} is {_kind(value)}, not a statement id", pointer, "write the id")
            return None
        return slug(term(value))

    def section(self, data: dict[str, Any], key: str, kind: type, example: str) -> Any:
        """The section `key` of the graph (empty when absent), or AM511 and empty when it is
        not of `kind`."""
        value = data.get(key)
        if value is None:
            return kind()
        if not isinstance(value, kind):
            what = "a list" if kind is list else "a mapping"
            self.malformed(f"`{key}` is not {what}", (key,), f"write `{key}: {example}`")
            return kind()
        return value


def translate(
    data: dict[str, Any], limits: Limits | None = None
) -> tuple[dict[str, Any], dict[Pointer, Pointer], list[Diagnostic]]:
    """A map's data from a Carneades graph's data, where each part came from, and
    diagnostics pointing into the Carneades document.

    The map's data is plain, for :func:`argmap.finish.finish` to validate like any other.

    >>> graph, _, diags = translate({"statements": {"p": "P", "q": "Q"},
    ...     "arguments": {"a1": {"premises": ["p"], "conclusion": "q"}}, "assumptions": ["p"]})
    >>> graph["claims"]["p"], graph["inferences"]["a1"], diags
    ({'text': 'P', 'status': 'accepted'}, {'premises': ['p'], 'conclusion': 'q'}, [])
    """
    limits = limits or Limits()
    run = _Translation()
    for key in data:
        if key not in _KNOWN | _IGNORED:
            run.unsupported(f"`{key}`", (key,))
    statements = run.section(data, "statements", dict, "{p: P}")
    listed = run.section(data, "assumptions", list, "[p, q]")
    arguments = run.section(data, "arguments", dict, "{a1: ...}")
    declared = run.section(data, "issues", dict, "{i1: {positions: [p, q]}}")
    assumed = {term(a) for a in listed}
    # Carneades lets an assumption name a statement declared nowhere (its rules use it).
    statements = {**statements, **{a: a for a in sorted(assumed - {term(k) for k in statements})}}
    too_many = _too_many(statements, arguments, limits.max_elements)
    if too_many is not None:
        return {}, {}, [too_many]
    weights, schemes = _schemes(run.section(data, "argument_schemes", list, "[...]"), run)
    graph: dict[str, Any] = {
        "argmap": 1,
        "claims": _claims(statements, assumed, run),
        "inferences": {},
        "attacks": [],
        "issues": _issues(declared, run),
    }
    for ident, arg in arguments.items():
        _argument(ident, arg, weights, schemes, graph, run)
    meta = data.get("meta")
    if isinstance(meta, dict) and meta.get("title") is not None:
        graph["title"] = meta["title"]
        run.where[("title",)] = ("meta", "title")
    return graph, run.where, run.diags


def _too_many(
    statements: dict[Any, Any], arguments: dict[Any, Any], limit: int
) -> Diagnostic | None:
    """AM008 at the statement or argument whose claims, inferences and attacks pass `limit`,
    counted before any is built: a convergent argument is one inference per premise, and an
    undercutter one attack on each."""
    if len(statements) > limit:
        return _past(("statements", list(statements)[limit]), limit)
    count = len(statements)
    for ident, arg in arguments.items():
        inferences = 1
        if isinstance(arg, dict):
            premises = arg.get("premises")
            if arg.get("scheme") == "convergent" and isinstance(premises, dict | list):
                inferences = max(1, len(premises))
            count += inferences * (2 if arg.get("undercutter") is not None else 1)
        else:
            count += 1
        if count > limit:
            return _past(("arguments", ident), limit)
    return None


def _past(pointer: Pointer, limit: int) -> Diagnostic:
    return diagnostic(
        "AM008",
        f"the graph makes more than {limit:,} claims, inferences and attacks; the first past "
        "the limit is made here",
        pointer,
        "split the graph, or raise the limit with ARGMAP_MAX_ELEMENTS",
    )


def _claims(
    statements: dict[Any, Any], assumed: set[str], run: _Translation
) -> dict[str, dict[str, Any]]:
    """A claim for each statement: accepted when assumed, else open."""
    claims: dict[str, dict[str, Any]] = {}
    for ident, value in statements.items():
        pointer: Pointer = ("statements", ident)
        if isinstance(value, dict):
            text, accepted = value.get("text"), value.get("assumed") is True
        else:
            text, accepted = value, False
        if not isinstance(text, str) or not text.strip():
            text = str(ident)
        mine = run.ours(ident, pointer)
        run.where[("claims", mine)] = pointer
        accepted = accepted or term(ident) in assumed
        claims[mine] = {"text": text, "status": "accepted" if accepted else "open"}
    return claims


def _argument(
    ident: Any,
    arg: Any,
    weights: dict[str, float],
    schemes: set[str],
    graph: dict[str, Any],
    run: _Translation,
) -> None:
    """Add an argument to `graph`: one inference (one per premise if convergent), and an
    attack on each from its undercutter."""
    pointer: Pointer = ("arguments", ident)
    if not isinstance(arg, dict) or "conclusion" not in arg:
        hint = "an argument is a mapping with `conclusion:` and `premises:`"
        run.malformed(f"argument `{ident}` has no conclusion", pointer, hint)
        return
    for key in sorted(set(arg) - _ARGUMENT_KEYS, key=str):
        run.unsupported(f"`{key}` of argument `{ident}`", (*pointer, key))
    given = arg.get("premises") or []
    if not isinstance(given, dict | list):
        run.malformed(
            f"argument `{ident}`: premises are not a list or a role map",
            (*pointer, "premises"),
            "write `premises: [p, q]` or `premises: {major: p, minor: q}`",
        )
        return
    # Each premise with where it is: its index in a list, or its role in a role map.
    roles = list(given.items()) if isinstance(given, dict) else list(enumerate(given))
    premises = [
        run.named(p, (*pointer, "premises", role), f"premise `{role}` of argument `{ident}`")
        for role, p in roles
    ]
    conclusion = run.named(
        arg["conclusion"], (*pointer, "conclusion"), f"the conclusion of argument `{ident}`"
    )
    undercutter = arg.get("undercutter")
    if undercutter is not None:
        where: Pointer = (*pointer, "undercutter")
        undercutter = run.named(undercutter, where, f"the undercutter of argument `{ident}`")
        if undercutter is None:
            return
    scheme = _scheme(arg.get("scheme"), ident, schemes, run)
    if conclusion is None or None in premises:
        return
    indices = range(len(premises))
    groups = [[k] for k in indices] if scheme == "convergent" and premises else [list(indices)]
    mine = run.ours(ident, pointer)
    for n, group in enumerate(groups, 1):
        name = mine if len(groups) == 1 else f"{mine}.convergent-{n}"
        _trace(run, name, pointer, [roles[k][0] for k in group])
        inference: dict[str, Any] = {
            "premises": [premises[k] for k in group],
            "conclusion": conclusion,
        }
        if scheme is not None:
            inference["scheme"] = scheme
            if scheme in weights:
                inference["weight"] = weights[scheme]
        graph["inferences"][name] = inference
        if undercutter is not None:
            run.where[("attacks", len(graph["attacks"]))] = (*pointer, "undercutter")
            graph["attacks"].append({"from": undercutter, "to": name})


def _trace(run: _Translation, name: str, pointer: Pointer, roles: list[Any]) -> None:
    """Note that inference `name` comes from the argument at `pointer`, its premises from
    those of the argument's `roles` (indices in a list, or roles in a role map)."""
    run.where[("inferences", name)] = pointer
    run.where[("inferences", name, "conclusion")] = (*pointer, "conclusion")
    for k, role in enumerate(roles):
        run.where[("inferences", name, "premises", k)] = (*pointer, "premises", role)


def _scheme(scheme: Any, ident: Any, schemes: set[str], run: _Translation) -> str | None:
    """An argument's scheme as a name (None when absent or not a name), reporting the
    weighing functions and schemes argmap does not evaluate."""
    pointer: Pointer = ("arguments", ident, "scheme")
    if scheme is None:
        return None
    if isinstance(scheme, dict | list | bool):
        run.malformed(
            f"the scheme of argument `{ident}` is not a scheme's id",
            pointer,
            "write `scheme: linked`, `scheme: convergent` or the id of an argument scheme",
        )
        return None
    name = str(scheme)
    if name in _UNSUPPORTED_SCHEMES:
        run.unsupported(f"weighing function `{name}` of argument `{ident}`", pointer)
    elif name not in _BASIC_SCHEMES | schemes:
        run.unsupported(f"unknown scheme `{name}`", pointer)
    return name


def _issues(declared: dict[Any, Any], run: _Translation) -> dict[str, dict[str, Any]]:
    """An issue for each Carneades issue, reporting proof standards other than PE."""
    issues: dict[str, dict[str, Any]] = {}
    for ident, issue in declared.items():
        pointer: Pointer = ("issues", ident)
        if not isinstance(issue, dict) or not isinstance(issue.get("positions"), list):
            hint = "write `positions: [p, q]`"
            run.malformed(f"issue `{ident}` has no list of positions", pointer, hint)
            continue
        standard = issue.get("standard", "PE")
        if standard != "PE":
            what = f"proof standard `{standard}` of issue `{ident}`"
            run.unsupported(what, (*pointer, "standard"))
        positions = [
            run.named(p, (*pointer, "positions", k), f"position {k} of issue `{ident}`")
            for k, p in enumerate(issue["positions"])
        ]
        mine = run.ours(ident, pointer)
        run.where[("issues", mine)] = pointer
        for k in range(len(positions)):
            run.where[("issues", mine, "positions", k)] = (*pointer, "positions", k)
        if None not in positions:
            issues[mine] = {"positions": positions}
    return issues


def _schemes(schemes: list[Any], run: _Translation) -> tuple[dict[str, float], set[str]]:
    """The constant weight of each argument scheme that has one, and every scheme's id.

    Carneades also applies a scheme with conclusions as a rule, deriving arguments from the
    assumptions; argmap evaluates only the arguments the file states, and says so.
    """
    weights: dict[str, float] = {}
    ids: set[str] = set()
    for i, scheme in enumerate(schemes):
        if not isinstance(scheme, dict) or scheme.get("id") is None:
            hint = "an argument scheme is a mapping with an `id:`"
            run.malformed("an argument scheme without an id", ("argument_schemes", i), hint)
            continue
        ident = str(scheme["id"])
        ids.add(ident)
        weight = scheme.get("weight")
        if isinstance(weight, dict) and "constant" in weight:
            constant = _constant(weight["constant"], ident, ("argument_schemes", i), run)
            if constant is not None:
                weights[ident] = constant
        elif isinstance(weight, dict):
            kind = next(iter(weight), "?")
            pointer: Pointer = ("argument_schemes", i, "weight")
            run.unsupported(f"weighing function `{kind}` of scheme `{ident}`", pointer)
        elif weight is not None:
            run.malformed(
                f"the weight of scheme `{ident}` is not a weighing function",
                ("argument_schemes", i, "weight"),
                "write `weight: {constant: 0.5}`",
            )
        if scheme.get("conclusions"):
            run.unsupported(
                f"scheme `{ident}` applied as a rule to derive arguments",
                ("argument_schemes", i),
            )
    return weights, ids


def _constant(value: Any, ident: str, pointer: Pointer, run: _Translation) -> float | None:
    """A constant weight: Carneades weighs arguments from 0 to 1, as argmap does, so the
    number is kept as it is; anything else is AM511 and None."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    shown = repr(value) if isinstance(value, int | float | str) else _kind(value)
    run.malformed(
        f"the constant weight of scheme `{ident}` is {shown[:40]}, not a number from 0 to 1",
        (*pointer, "weight", "constant"),
        "Carneades weighs arguments from 0 to 1: write `constant: 0.5`",
    )
    return None


def _kind(value: Any) -> str:
    return (
        "a mapping"
        if isinstance(value, dict)
        else "a list"
        if isinstance(value, list)
        else (f"a {type(value).__name__}")
    )
