"""Argumentation schemes and their critical questions.

:mod:`argmap.schemes.catalogue` reads the catalogue (argmap's, and a map's own);
:mod:`argmap.schemes.questions` matches a map's answers to the questions of its inferences
and checks them; :mod:`argmap.schemes.burden` turns answered questions into the attacks that
evaluation labels. docs/schemes.md describes the catalogue and the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap
from argmap.schemes.catalogue import builtin, read_catalogue, schemes_of
from argmap.schemes.questions import (
    Asked,
    Questions,
    asked,
    premise_counts,
    question_notes,
    scheme_problems,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "Asked",
    "Questions",
    "asked",
    "builtin",
    "check_questions",
    "check_schemes",
    "premise_counts",
    "question_notes",
    "read_catalogue",
    "scheme_problems",
    "schemes_of",
]


def check_schemes(argmap: ArgumentMap, graph: nx.DiGraph | None = None) -> list[Diagnostic]:
    """What every check reports about schemes: the map's catalogue's problems, AM310, AM312
    and AM313 (see :func:`scheme_problems`).

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}}})
    >>> check_schemes(m)
    []
    """
    schemes, diags = schemes_of(argmap)
    return diags + scheme_problems(argmap, schemes)


def check_questions(
    argmap: ArgumentMap, graph: nx.DiGraph | None = None, lang: str | None = None
) -> list[Diagnostic]:
    """What ``argmap check --questions`` adds: AM311 and the AM314 notes, in `lang`.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b", "scheme": "sign"}}})
    >>> [d.code for d in check_questions(m)]
    ['AM311', 'AM314']
    """
    schemes, _ = schemes_of(argmap)
    return premise_counts(argmap, schemes) + question_notes(argmap, asked(argmap, schemes), lang)
