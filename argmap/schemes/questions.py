"""Critical questions: which ones a map answers, dismisses or leaves open, and its checks.

An inference whose ``scheme`` is in the catalogue is asked that scheme's critical questions.
A question is *answered* by an attack that says so (``answers: expertise``; a claim's
``answers`` stands for each of its attacks), which reaches the inference by undercutting
it, undermining one of its premises or rebutting its conclusion; it is *defended* by a
claim that says it answers it and supports the inference (a premise of it, or of an
inference concluding one of its premises); it is *dismissed* by the inference's
``dismissed: {question: reason}``. Any other question is *open*.

:func:`asked` works this out for a whole map in one pass over its attacks and premises;
its problems (AM312, AM313), :func:`unknown_schemes` (AM310), :func:`premise_counts`
(AM311) and :func:`question_notes` (AM314) are what :func:`argmap.schemes.check_schemes`
reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from argmap.diagnostics import Diagnostic, Pointer, diagnostic
from argmap.model import ArgumentMap, Question, Scheme, text_in
from argmap.suggest import Vocabulary


@dataclass
class Asked:
    """One critical question of one inference, and what the map does with it."""

    question: Question
    #: The claims whose attacks answer it (each once, in the map's order of attacks).
    answered_by: list[str] = field(default_factory=list)
    #: The claims that answer it in its defence: premises of the inference, or premises
    #: of an inference concluding one of them.
    defended_by: list[str] = field(default_factory=list)
    #: Why it was set aside, when it was.
    dismissed: str | None = None

    @property
    def open(self) -> bool:
        return not (self.answered_by or self.defended_by or self.dismissed is not None)


class Questions(NamedTuple):
    """The critical questions of every inference with a catalogue scheme, and the problems
    found while matching answers to questions (AM312, AM313).

    Only the questions a map answers, defends or dismisses get an :class:`Asked` record
    (in `settled`); the others are open, and cost nothing until they are listed.
    """

    schemes: dict[str, Scheme]
    #: inference -> the catalogue scheme it names (inferences without one are left out)
    scheme_of: dict[str, Scheme]
    #: inference -> question id -> what the map does with it
    settled: dict[str, dict[str, Asked]]
    problems: list[Diagnostic]

    def has(self, inference: str, question: str) -> bool:
        """Whether the inference's scheme asks this question."""
        scheme = self.scheme_of.get(inference)
        return scheme is not None and question in _ids(scheme)

    def entry(self, inference: str, question: str) -> Asked:
        """The record of a question the inference's scheme asks, made when first needed."""
        table = self.settled.setdefault(inference, {})
        if question not in table:
            scheme = self.scheme_of[inference]
            table[question] = Asked(next(q for q in scheme.questions if q.id == question))
        return table[question]

    def all(self, inference: str) -> list[Asked]:
        """Every question of the inference's scheme, in the scheme's order."""
        scheme = self.scheme_of.get(inference)
        table = self.settled.get(inference, {})
        return [table.get(q.id) or Asked(q) for q in scheme.questions] if scheme else []

    def open(self, inference: str) -> list[Question]:
        """The open questions of an inference (none when its scheme is not catalogued)."""
        scheme = self.scheme_of.get(inference)
        if scheme is None:
            return []
        table = self.settled.get(inference)
        if not table:
            return list(scheme.questions)
        return [q for q in scheme.questions if q.id not in table or table[q.id].open]


def _ids(scheme: Scheme) -> frozenset[str]:
    """The ids of a scheme's questions, kept with the scheme (schemes are not hashable)."""
    ids: frozenset[str] | None = scheme.__dict__.get("_question_ids")
    if ids is None:
        ids = frozenset(q.id for q in scheme.questions)
        scheme.__dict__["_question_ids"] = ids
    return ids


def asked(argmap: ArgumentMap, schemes: dict[str, Scheme]) -> Questions:
    """Match every `answers` and `dismissed` of a map to the questions of its inferences.

    >>> m = ArgumentMap.model_validate({
    ...     "claims": {"e": {"text": "E says so"}, "c": {"text": "C"}, "b": {"text": "E is paid"}},
    ...     "inferences": {"i": {"premises": ["e"], "conclusion": "c", "scheme": "sign",
    ...                          "dismissed": {"reliability": "a textbook sign"}}},
    ...     "attacks": [{"from": "b", "to": "i", "answers": "other-events"}]})
    >>> from argmap.schemes.catalogue import builtin
    >>> found = asked(m, builtin())
    >>> [(a.question.id, a.answered_by, a.dismissed) for a in found.all("i")]
    [('reliability', [], 'a textbook sign'), ('other-events', ['b'], None)]
    >>> found.open("i"), found.problems
    ([], [])
    """
    scheme_of: dict[str, Scheme] = {}
    premise_of: dict[str, list[str]] = {}
    concluding: dict[str, list[str]] = {}
    for ident, inference in argmap.inferences.items():
        scheme = schemes.get(inference.scheme) if inference.scheme is not None else None
        if scheme is None:
            continue
        scheme_of[ident] = scheme
        for p in inference.premises:
            premise_of.setdefault(p, []).append(ident)
        concluding.setdefault(inference.conclusion, []).append(ident)
    found = Questions(schemes, scheme_of, {}, [])
    used = _answer_attacks(argmap, found, premise_of, concluding)
    _answer_defences(argmap, found, premise_of, concluding, used)
    for ident, inference in argmap.inferences.items():
        for question, reason in inference.dismissed.items():
            if found.has(ident, question):
                found.entry(ident, question).dismissed = reason
            else:
                where = ("inferences", ident, "dismissed", question)
                found.problems.append(_unknown_question(question, [ident], found, where))
    return found


def _answer_attacks(
    argmap: ArgumentMap,
    found: Questions,
    premise_of: dict[str, list[str]],
    concluding: dict[str, list[str]],
) -> set[str]:
    """Record the questions the map's attacks answer (AM312, AM313 for those that fit none,
    or fit by another kind of attack); the claims whose own `answers` found a question."""
    used: set[str] = set()
    for k, attack in enumerate(argmap.attacks):
        own = attack.answers
        question = own or argmap.claims[attack.from_].answers
        if question is None:
            continue
        reached = _reached(attack.to, argmap, premise_of, concluding)
        hits = [(i, kind) for i, kind in reached if found.has(i, question)]
        for i, kind in hits:
            entry = found.entry(i, question)
            if attack.from_ not in entry.answered_by:
                entry.answered_by.append(attack.from_)
            if not _fits(entry.question.attack, kind):
                found.problems.append(_wrong_kind(k, i, entry.question, kind))
        if hits:
            used.add(attack.from_)
        elif own is not None:
            where: Pointer = ("attacks", k, "answers")
            found.problems.append(
                _unknown_question(question, [i for i, _ in reached], found, where)
            )
    return used


def _answer_defences(
    argmap: ArgumentMap,
    found: Questions,
    premise_of: dict[str, list[str]],
    concluding: dict[str, list[str]],
    used: set[str],
) -> None:
    """Record the questions claims answer in defence of the inferences they support; AM312
    for a claim whose `answers` is used neither so nor by its attacks (`used`)."""
    answering = {c: q for c, claim in argmap.claims.items() if (q := claim.answers) is not None}
    supported = _supported(argmap, answering)
    for ident, question in answering.items():
        # It defends the inferences it is a premise of, and those of the claims it supports.
        supports: list[str] = list(premise_of.get(ident, []))
        for conclusion in supported.get(ident, []):
            supports += premise_of.get(conclusion, [])
        defends = [s for s in dict.fromkeys(supports) if found.has(s, question)]
        for defended in defends:
            found.entry(defended, question).defended_by.append(ident)
        if not defends and ident not in used:
            where = ("claims", ident, "answers")
            reach = _claim_reach(ident, argmap, premise_of, concluding)
            targets = [target for target, _ in reach] + supports
            found.problems.append(_unknown_question(question, targets, found, where))


def _supported(argmap: ArgumentMap, answering: dict[str, str]) -> dict[str, list[str]]:
    """The claims each claim that answers a question supports: the conclusions of the
    inferences it is a premise of."""
    supported: dict[str, list[str]] = {}
    if not answering:
        return supported
    for inference in argmap.inferences.values():
        for p in answering.keys() & inference.premises:
            supported.setdefault(p, []).append(inference.conclusion)
    return supported


def _reached(
    target: str,
    argmap: ArgumentMap,
    premise_of: dict[str, list[str]],
    concluding: dict[str, list[str]],
) -> list[tuple[str, str]]:
    """The inferences an attack on `target` reaches, and how: undercut, undermine, rebut."""
    if target in argmap.inferences:
        return [(target, "undercut")]
    undermined = [(i, "undermine") for i in premise_of.get(target, ())]
    return undermined + [(i, "rebut") for i in concluding.get(target, ())]


def _claim_reach(
    claim: str,
    argmap: ArgumentMap,
    premise_of: dict[str, list[str]],
    concluding: dict[str, list[str]],
) -> list[tuple[str, str]]:
    """The inferences a claim's `answers` could be about: those it is a premise of, and
    those its attacks reach."""
    reached = [(i, "premise") for i in premise_of.get(claim, ())]
    for attack in argmap.attacks:
        if attack.from_ == claim:
            reached += _reached(attack.to, argmap, premise_of, concluding)
    return reached


def _fits(wanted: str, kind: str) -> bool:
    """Whether an attack of this kind answers a question answered by `wanted`: the same
    kind, or an undercut for a question about a premise the inference leaves unsaid."""
    return kind == wanted or (kind == "undercut" and wanted == "undermine")


def _wrong_kind(k: int, inference: str, question: Question, kind: str) -> Diagnostic:
    """AM313: an attack answers a question that another kind of attack answers."""
    how = {
        "undercut": "attack the inference itself",
        "undermine": "attack one of its premises",
        "rebut": "attack its conclusion",
    }[question.attack]
    message = (
        f"attack #{k + 1} answers question `{question.id}` of inference `{inference}` by "
        f"{_ING[kind]}, but the question is answered by {_ING[question.attack]}"
    )
    return diagnostic("AM313", message, ("attacks", k, "to"), f"to answer it, {how}")


_ING = {"undercut": "undercutting", "undermine": "undermining", "rebut": "rebutting"}


def _unknown_question(
    question: str, inferences: Iterable[str], found: Questions, where: Pointer
) -> Diagnostic:
    """AM312: `answers` or `dismissed` names a question none of these inferences has."""
    candidates = {a.question.id for i in inferences for a in found.all(i)}
    close = Vocabulary(candidates).closest(question) if candidates else None
    if close is not None:
        hint = f"did you mean `{close}`?"
    elif candidates:
        hint = f"the questions it can answer here: {', '.join(sorted(candidates))}"
    else:
        hint = (
            "it answers a question of the inferences it attacks, or supports as a premise: "
            "give them a scheme from the catalogue (docs/schemes.md)"
        )
    message = f"no critical question `{question}` here (in {_describe(where)})"
    return diagnostic("AM312", message, where, hint)


def _describe(pointer: Pointer) -> str:
    from argmap.diagnostics import describe

    return describe(pointer)


def unknown_schemes(argmap: ArgumentMap, schemes: dict[str, Scheme]) -> list[Diagnostic]:
    """AM310: the schemes the catalogue lacks.

    A scheme outside the catalogue is allowed (a free name, drawn as it is): declaring it in
    the map's ``catalogue:`` silences the warning.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b", "scheme": "analogie"}}})
    >>> from argmap.schemes.catalogue import builtin
    >>> [(d.code, d.hint) for d in unknown_schemes(m, builtin())][0][1][:26]
    'did you mean `analogy`? Or'
    """
    diags = []
    known: Vocabulary | None = None  # built only when a name is unknown
    for ident, inference in argmap.inferences.items():
        name = inference.scheme
        if name is None or name in schemes:
            continue
        known = known or Vocabulary(schemes)
        close = known.closest(name.lower().replace("_", "-").replace(" ", "-"))
        declare = f"declare it in the map's catalogue to keep it as a free name: {_free(name)}"
        hint = f"did you mean `{close}`? Or {declare}" if close else "D" + declare[1:]
        message = f"scheme `{name}` of inference `{ident}` is not in the catalogue"
        diags.append(diagnostic("AM310", message, ("inferences", ident, "scheme"), hint))
    return diags


def _free(name: str) -> str:
    """The `catalogue:` entry that declares a free scheme name."""
    return f"catalogue: {{{name}: {{}}}}"


def premise_counts(argmap: ArgumentMap, schemes: dict[str, Scheme]) -> list[Diagnostic]:
    """AM311: an inference with fewer premises than its scheme's required roles, or more
    than all its roles.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b", "scheme": "analogy"}}})
    >>> from argmap.schemes.catalogue import builtin
    >>> [d.message for d in premise_counts(m, builtin())]
    ['inference `i` has 1 premise; its scheme `analogy` has 2: similar, source-case']
    """
    diags = []
    for ident, inference in argmap.inferences.items():
        scheme = schemes.get(inference.scheme) if inference.scheme is not None else None
        if scheme is None or not scheme.premises:
            continue
        roles = scheme.premises
        least = sum(not r.optional for r in roles)
        most = None if any(r.repeats for r in roles) else len(roles)
        count = len(set(inference.premises))
        if least <= count and (most is None or count <= most):
            continue
        wanted = (
            f"{least} or more"
            if most is None
            else f"{least} to {most}"
            if least < most
            else str(least)
        )
        noun = "premise" if count == 1 else "premises"
        names = ", ".join(
            r.role + (" (optional)" if r.optional else "") + (" (repeats)" if r.repeats else "")
            for r in roles
        )
        message = (
            f"inference `{ident}` has {count} {noun}; its scheme `{inference.scheme}` has "
            f"{wanted}: {names}"
        )
        hint = (
            "add the premises the text leaves unsaid (`implicit: true`)"
            if count < least
            else "split the inference: each argument of the scheme is an inference"
        )
        diags.append(diagnostic("AM311", message, ("inferences", ident, "premises"), hint))
    return diags


def question_notes(
    argmap: ArgumentMap, found: Questions, lang: str | None = None
) -> list[Diagnostic]:
    r"""AM314: one note per inference with open critical questions, listing them.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b", "scheme": "sign",
    ...                          "dismissed": {"reliability": "a textbook sign"}}}})
    >>> from argmap.schemes.catalogue import builtin
    >>> print(question_notes(m, asked(m, builtin()), "pt")[0].message.replace(": ", ":\n", 1))
    inference `i` (sign) has 1 open critical question:
    other-events (Outra coisa que não A poderia explicar F?)
    """
    lang = lang or argmap.lang
    diags = []
    untouched: dict[str, str] = {}  # the listing of a scheme none of whose questions is settled
    for ident, inference in argmap.inferences.items():
        questions = found.open(ident)
        if not questions:
            continue
        name = str(inference.scheme)  # a catalogue scheme's, since it has questions
        if ident in found.settled:
            listed = _listed(questions, lang)
        elif name in untouched:
            listed = untouched[name]
        else:
            listed = untouched[name] = _listed(questions, lang)
        noun = "question" if len(questions) == 1 else "questions"
        message = (
            f"inference `{ident}` ({inference.scheme}) has {len(questions)} open critical "
            f"{noun}: {listed}"
        )
        hint = (
            "answer one with an attack (`answers: ID`), defend it with a premise that "
            "answers it, or set it aside: `dismissed: {ID: reason}`"
        )
        diags.append(diagnostic("AM314", message, ("inferences", ident), hint))
    return diags


def _listed(questions: list[Question], lang: str) -> str:
    """Questions as a note lists them: each id and its text in `lang`."""
    return "; ".join(f"{q.id} ({text_in(q.text, lang, 'en')})" for q in questions)
