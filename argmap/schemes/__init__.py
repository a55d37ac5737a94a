"""Argumentation schemes and their critical questions.

:mod:`argmap.schemes.catalogue` reads the catalogue (argmap's, and a map's own);
:mod:`argmap.schemes.questions` matches a map's answers to the questions of its inferences
and checks them; :mod:`argmap.schemes.burden` turns answered questions into the attacks that
evaluation labels. docs/schemes.md describes the catalogue and the rules.
"""

from __future__ import annotations

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap
from argmap.schemes.catalogue import builtin, read_catalogue, schemes_named, schemes_of
from argmap.schemes.questions import (
    Asked,
    Questions,
    asked,
    premise_counts,
    question_notes,
    unknown_schemes,
)

__all__ = [
    "Asked",
    "Questions",
    "asked",
    "builtin",
    "check_schemes",
    "premise_counts",
    "question_notes",
    "read_catalogue",
    "schemes_named",
    "schemes_of",
    "unknown_schemes",
]


def check_schemes(
    argmap: ArgumentMap,
    *,
    questions: bool = False,
) -> list[Diagnostic]:
    """What the checks report about schemes: the map's catalogue's problems, AM310, AM312
    and AM313 (see :mod:`argmap.schemes.questions`); with `questions` (``argmap check
    --questions``), AM311 and the AM314 notes too. The answers are matched to
    the questions once, for all of them; argmap's catalogue is read only for a map whose
    inferences name schemes (:func:`~argmap.schemes.catalogue.schemes_named`).

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b", "scheme": "sign"}}})
    >>> check_schemes(m), [d.code for d in check_schemes(m, questions=True)]
    ([], ['AM311', 'AM314'])
    """
    schemes, diags = schemes_named(argmap)
    found = asked(argmap, schemes)
    diags += unknown_schemes(argmap, schemes) + found.problems
    if questions:
        diags += premise_counts(argmap, schemes) + question_notes(argmap, found)
    return diags
