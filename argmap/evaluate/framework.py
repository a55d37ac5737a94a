"""Evaluate an abstract framework straight from its file: no map, no graph.

An ASPARTIX, TGF or ICCMA file that reads without a problem is labelled from integer pairs
(:func:`argmap.formats.dung.framework`) by the same rules as any map
(:func:`~argmap.evaluate.labelling.propagate`), and reported in the rows of
:func:`~argmap.evaluate.reasons.report`. A 100,000-argument framework takes a fraction of
the time and memory its map and graph would: 400,000 validated objects, their positions and
a networkx graph are never built. Any file that needs a diagnostic, and any question the
rows do not answer (``--explain``, an id that is not an argument), goes the general way.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from argmap.evaluate.labelling import LABELS, compile_framework, propagate
from argmap.formats.dung import Framework
from argmap.memory import gc_paused

#: The two roles an argument of a framework can have (:class:`argmap.graph.Role`, whose
#: module is not imported here: it brings networkx).
OBJECTION, UNUSED = "objection", "unused"


def framework_report(
    framework: Framework, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> list[dict[str, str]] | None:
    """The rows of :func:`~argmap.evaluate.reasons.report` for a framework, or None when an
    id to accept or reject is not an argument or is both (the general way says why).

    Every argument is assumed (no inference concludes it); a rejected one is out.

    >>> from argmap.formats.dung import framework
    >>> from argmap.limits import Limits
    >>> fw = framework("arg(a).\\narg(b).\\natt(a,b).\\n", Limits())
    >>> [(row["id"], row["label"], row["role"]) for row in framework_report(fw)]
    [('a', 'in', 'objection'), ('b', 'out', 'unused')]
    >>> framework_report(fw, reject=["a"])[1]["label"]
    'in'
    """
    numbers = framework.numbers
    accept, reject = set(accept), set(reject)
    if not accept | reject <= numbers.keys() or accept & reject:
        return None
    with gc_paused():  # hundreds of thousands of small lists, none of them garbage
        view = compile_framework(numbers, framework.attackers, framework.targets)
        rejected = [numbers[r] for r in reject]
        assumed = set(range(len(numbers))).difference(rejected)
        label = propagate(view, assumed, rejected)
    names = [str(value) for value in LABELS]
    roles = (UNUSED, OBJECTION)
    return [
        {"id": name, "label": names[value], "role": roles[bool(attacked)], "text": name}
        for name, value, attacked in zip(view.nodes, label, view.attacks, strict=True)
    ]


def read_framework(path: str | Path) -> Framework | None:
    """The framework in a file, when the file is an abstract framework that reads without a
    problem; None for any other file, or one with a problem (then
    :func:`argmap.read.read_path` reads it and says what is wrong).

    >>> read_framework("map.yaml") is None
    True
    """
    from argmap.formats import detect, dung, read_dung
    from argmap.limits import Limits
    from argmap.read import decoded, read_bounded

    if str(path) == "-" or detect(str(path)).read is not read_dung:
        return None
    limits = Limits.from_env()
    raw = read_bounded(path, limits.max_bytes, str(path))[0]
    text = decoded(raw, str(path)) if raw is not None else None
    if not isinstance(text, str):
        return None
    with gc_paused():
        return dung.framework(text, limits)
