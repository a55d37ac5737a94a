"""Abstract argumentation frameworks -> argument maps of claims and attacks.

Three line formats, told apart by their content (so the file's extension does not matter):

- ASPARTIX (``.apx``): ``arg(a).`` declares an argument, ``att(a,b).`` says a attacks b;
  ``%`` starts a comment.
- Trivial Graph Format (``.tgf``): one argument a line (``a`` or ``a label``), a line ``#``,
  then one attack a line (``a b``).
- ICCMA 2023 (``.af``, ``.i23``): ``p af N`` declares the arguments 1 to N, then each line
  ``i j`` says i attacks j; lines starting with ``#`` are comments.

Each argument becomes a claim whose text is its name, each attack an attack. No claim is
concluded by an inference, so every claim is assumed and :func:`argmap.evaluate` gives Dung's
grounded labelling. Frameworks run to hundreds of thousands of arguments, so the map is built
with ``model_construct``: the reader has already checked every id and reference itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.formats.base import Parsed
from argmap.limits import Limits
from argmap.memory import gc_paused
from argmap.model import SLUG_RE, ArgumentMap, Attack, Claim, Positions

_APX = re.compile(r"\s*(arg|att)\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*(?:%.*)?")


def sniff(text: str) -> bool:
    """Whether a text is an abstract framework in one of the three formats."""
    return _flavour(text) is not None


def _flavour(text: str) -> str | None:
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("%"):
            continue
        if stripped.startswith("p af"):
            return "iccma"
        if stripped.startswith(("arg(", "att(")):
            return "apx"
        if not stripped.startswith("#"):
            return "tgf"
    return None


def read(text: str, path: str, limits: Limits) -> Parsed:
    """Read a framework: a map's data of claims and attacks, or None and located diagnostics.

    >>> parsed = read("arg(a).\\narg(b).\\natt(a,b).\\n", "af.apx", Limits())
    >>> parsed.data["claims"], parsed.data["attacks"], parsed.diagnostics
    ({'a': {'text': 'a'}, 'b': {'text': 'b'}}, [{'from': 'a', 'to': 'b'}], [])
    >>> read("p af 2\\n1 2\\n", "af.af", Limits()).data["attacks"]
    [{'from': '1', 'to': '2'}]
    """
    flavour = _flavour(text) or "tgf"
    parse = {"apx": _apx, "tgf": _tgf, "iccma": _iccma}[flavour]
    arguments, attacks, diags = parse(text, path)
    if diags:
        return Parsed(None, diags)
    with gc_paused():  # hundreds of thousands of objects, none of them garbage
        data = {
            "claims": {name: {"text": name} for name in arguments},
            "attacks": [{"from": u, "to": v} for u, v, _ in attacks],
        }
        positions: Positions = {
            ("claims", ident): ((line, 1), (line, 1)) for ident, line in arguments.items()
        }
        for k, (_, _, line) in enumerate(attacks):
            positions[("attacks", k)] = ((line, 1), (line, 1))
    return Parsed(data, [], positions)


def framework(arguments: Iterable[str], attacks: Iterable[tuple[str, str]]) -> ArgumentMap:
    """The map of a framework given as trusted lists: every name a valid id, every attack
    between declared arguments. Built with ``model_construct``, which skips validation.

    >>> m = framework(["a", "b"], [("a", "b")])
    >>> m.claims["b"].text, m.attacks[0].from_
    ('b', 'a')
    """
    # Every list field is given: for a missing one, model_construct would inspect the
    # signature of its default factory on each call (seconds at 100,000 claims).
    with gc_paused():  # hundreds of thousands of objects, none of them garbage
        claims = {
            name: Claim.model_construct(text=name, tags=[], aliases=[], equivalent=[])
            for name in arguments
        }
        edges = [Attack.model_construct(from_=u, to=v, note=None) for u, v in attacks]
        return ArgumentMap.model_construct(claims=claims, attacks=edges)


#: The arguments (name -> line), the attacks (attacker, target, line) and the problems.
Lines = tuple[dict[str, int], list[tuple[str, str, int]], list[Diagnostic]]


def _problem(code: str, message: str, hint: str, path: str, line: int) -> Diagnostic:
    return diagnostic(code, message, hint=hint, file=path, line=line, column=1)


def _name_problem(name: str, path: str, line: int) -> Diagnostic | None:
    if SLUG_RE.match(name):
        return None
    return _problem(
        "AM520",
        f"argument name `{name}` is not an argmap id",
        "names are letters, digits, '-', '_' and '.', starting with a letter or digit",
        path,
        line,
    )


def _resolve(
    arguments: dict[str, int], pairs: list[tuple[str, str, int]], path: str
) -> tuple[list[tuple[str, str, int]], list[Diagnostic]]:
    """The attacks with each name replaced by the declared one, and undeclared names.

    The graph's adjacency then holds the very string objects that key the claims, so the
    evaluation's dictionary look-ups compare pointers instead of strings.
    """
    names = {name: name for name in arguments}
    attacks, diags = [], []
    for u, v, line in pairs:
        known = (names.get(u), names.get(v))
        if known[0] is None or known[1] is None:
            missing = u if known[0] is None else v
            diags.append(
                _problem(
                    "AM521",
                    f"an attack names `{missing}`, which is not declared as an argument",
                    "declare every argument an attack names",
                    path,
                    line,
                )
            )
        else:
            attacks.append((known[0], known[1], line))
    return attacks, diags


def _apx(text: str, path: str) -> Lines:
    arguments: dict[str, int] = {}
    pairs: list[tuple[str, str, int]] = []
    diags: list[Diagnostic] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("%"):
            continue
        match = _APX.fullmatch(line)
        if match is None or (match[1] == "att") != (match[3] is not None):
            diags.append(
                _problem(
                    "AM520",
                    f"not an ASPARTIX statement: `{stripped[:60]}`",
                    "write `arg(a).` or `att(a,b).`, one a line",
                    path,
                    number,
                )
            )
        elif match[1] == "arg":
            problem = _name_problem(match[2], path, number)
            if problem:
                diags.append(problem)
            arguments.setdefault(match[2], number)
        else:
            pairs.append((match[2], match[3], number))
    attacks, more = _resolve(arguments, pairs, path)
    return arguments, attacks, diags + more


def _tgf(text: str, path: str) -> Lines:
    arguments: dict[str, int] = {}
    pairs: list[tuple[str, str, int]] = []
    diags: list[Diagnostic] = []
    edges = False
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields:
            continue
        if fields == ["#"]:
            edges = True
        elif not edges:
            problem = _name_problem(fields[0], path, number)
            if problem:
                diags.append(problem)
            arguments.setdefault(fields[0], number)
        elif len(fields) >= 2:
            pairs.append((fields[0], fields[1], number))
        else:
            diags.append(
                _problem(
                    "AM520",
                    f"not a TGF edge: `{line.strip()[:60]}`",
                    "after the `#` line, each line is `attacker target`",
                    path,
                    number,
                )
            )
    attacks, more = _resolve(arguments, pairs, path)
    return arguments, attacks, diags + more


def _iccma(text: str, path: str) -> Lines:
    lines = text.splitlines()
    header = next(
        ((n, line) for n, line in enumerate(lines, 1) if line.strip() and line[0] != "#"),
        (1, ""),
    )
    size = header[1].split()
    if size[:2] != ["p", "af"] or len(size) != 3 or not size[2].isdigit():
        hint = "the first line that is not a comment is `p af N`, N the number of arguments"
        return {}, [], [_problem("AM520", "no `p af N` header", hint, path, header[0])]
    arguments = {str(i): header[0] for i in range(1, int(size[2]) + 1)}
    pairs: list[tuple[str, str, int]] = []
    diags: list[Diagnostic] = []
    for number in range(header[0], len(lines)):
        line = lines[number]
        if not line or line[0] == "#":
            continue
        fields = line.split()
        if len(fields) == 2:
            pairs.append((fields[0], fields[1], number + 1))
        elif fields:
            diags.append(
                _problem(
                    "AM520",
                    f"not an ICCMA attack: `{line.strip()[:60]}`",
                    "each line after `p af N` is `i j`: argument i attacks argument j",
                    path,
                    number + 1,
                )
            )
    attacks, more = _resolve(arguments, pairs, path)
    return arguments, attacks, diags + more
