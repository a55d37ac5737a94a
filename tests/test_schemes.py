"""Argumentation schemes: the catalogue, answers to critical questions, their checks and
their weight in the evaluation.

The fixtures are generated from the catalogue: for every scheme and every question of it,
an inference of that scheme whose question is answered by an attack of the kind the
catalogue says, with one other question left open and the rest dismissed. `check
--questions` must name exactly the open one at the inference's line, and `evaluate` give the
labels the rules of docs/schemes.md imply for the question's type.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pydantic import BaseModel

import argmap
from argmap.cli import main
from argmap.model import Catalogue, Question, Role, Scheme
from argmap.schemes import builtin
from tests.conftest import shared

ROOT = Path(__file__).resolve().parents[1]

REQUIRED = [
    "expert-opinion",
    "witness-testimony",
    "popular-opinion",
    "example",
    "analogy",
    "cause-to-effect",
    "correlation-to-cause",
    "sign",
    "positive-consequences",
    "negative-consequences",
    "practical-reasoning",
    "values",
    "verbal-classification",
    "definition-to-verbal-classification",
    "commitment",
    "ad-hominem",
    "bias",
    "precedent",
    "established-rule",
    "sunk-costs",
    "slippery-slope",
    "best-explanation",
    "evidence-to-hypothesis",
    "lack-of-knowledge",
    "alternatives",
    "circumstantial-ad-hominem",
    "waste",
    "position-to-know",
]

CASES = [
    (key, q.id, scheme.questions[(n + 1) % len(scheme.questions)].id)
    for key, scheme in builtin().items()
    for n, q in enumerate(scheme.questions)
]


def test_the_catalogue_has_every_scheme_asked_for_in_two_languages() -> None:
    schemes = builtin()
    assert set(REQUIRED) <= set(schemes)
    for key, scheme in schemes.items():
        assert scheme.cite and "Walton, Reed & Macagno 2008" in scheme.cite, key
        texts = [scheme.name, scheme.conclusion, *(r.text for r in scheme.premises)]
        texts += [q.text for q in scheme.questions]
        for text in texts:
            assert isinstance(text, dict) and set(text) == {"en", "pt"}, (key, text)
            assert all(t.strip() for t in text.values()), key
        assert len(scheme.questions) >= 2 and scheme.premises, key
        kinds = {q.type for q in scheme.questions}
        assert "assumption" in kinds, f"{key}: no assumption, nothing an analyst must defend"


def test_every_catalogue_field_is_documented() -> None:
    page = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    models: list[type[BaseModel]] = [Catalogue, Scheme, Role, Question]
    names = {f.alias or n for model in models for n, f in model.model_fields.items()}
    assert sorted(n for n in names if f"| `{n}` |" not in page) == []


def _fixture(key: str, answered: str, left_open: str, defended: bool = False) -> str:
    """A map with one inference of scheme `key`: `answered` answered by an attack of the
    kind the catalogue says, `left_open` open, every other question dismissed."""
    scheme = builtin()[key]
    question = next(q for q in scheme.questions if q.id == answered)
    roles = [r.role for r in scheme.premises if not r.optional]
    target = {"undercut": "arg", "undermine": roles[0], "rebut": "conclusion"}[question.attack]
    dismissed = [q.id for q in scheme.questions if q.id not in (answered, left_open)]
    lines = ["claims:"]
    lines += [f"  {r}: {{text: premise {r}}}" for r in roles]
    lines += ["  conclusion: {text: the conclusion}", "  objection: {text: the objection}"]
    if defended:
        lines.append(f"  defence: {{text: the defence, answers: {answered}}}")
    premises = [*roles, "defence"] if defended else roles
    lines += ["inferences:", "  arg:", f"    premises: [{', '.join(premises)}]"]
    lines += ["    conclusion: conclusion", f"    scheme: {key}"]
    if dismissed:
        lines.append("    dismissed:")
        lines += [f"      {q}: not at issue here" for q in dismissed]
    lines += ["attacks:", f"  - {{from: objection, to: {target}, answers: {answered}}}"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("key", "answered", "left_open"), CASES)
def test_check_names_exactly_the_open_question_at_the_inference(
    key: str, answered: str, left_open: str, write_map: Callable[..., Path]
) -> None:
    path = write_map(_fixture(key, answered, left_open))
    m = argmap.load(path)
    assert argmap.check(m) == []
    notes = argmap.check(m, questions=True)
    assert [(d.code, d.line) for d in notes] == [("AM314", _line(path, "  arg:"))]
    named = re.findall(r"(?:: |; )([a-z0-9-]+) \(", notes[0].message)
    assert named == [left_open]


def _line(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line == start)


@pytest.mark.parametrize(("key", "answered", "left_open"), CASES)
def test_evaluate_gives_the_answer_the_weight_of_its_type(
    key: str, answered: str, left_open: str
) -> None:
    scheme = builtin()[key]
    question = next(q for q in scheme.questions if q.id == answered)
    roles = [r.role for r in scheme.premises if not r.optional]
    m = argmap.loads(_fixture(key, answered, left_open))
    labels = {k: str(v) for k, v in argmap.evaluate(m).labels.items()}
    attacked_premise = roles[0] if question.attack == "undermine" else None
    if question.type == "exception":
        # Raised and standing: the inference is undercut, and the attack hits its target too.
        assert labels["arg"] == "out" and labels["conclusion"] == "out"
        if attacked_premise:
            assert labels[attacked_premise] == "out"
    else:
        # Questioned and not defended: undecided; the questioned claim itself keeps its label.
        assert labels["arg"] == "undecided" and labels["conclusion"] == "undecided"
        assert all(labels[r] == "in" for r in roles)
    assert labels["objection"] == "in"
    rejected = {k: str(v) for k, v in argmap.evaluate(m, reject=["objection"]).labels.items()}
    assert rejected["arg"] == "in" and rejected["conclusion"] == "in"
    defended = argmap.loads(_fixture(key, answered, left_open, defended=True))
    labels = {k: str(v) for k, v in argmap.evaluate(defended).labels.items()}
    # A defence answers an assumption; an exception shown stands whatever defends it.
    assert labels["arg"] == ("in" if question.type == "assumption" else "out")


@pytest.mark.parametrize(("key", "answered", "left_open"), CASES[::7])
def test_explain_names_the_question(key: str, answered: str, left_open: str) -> None:
    question = next(q for q in builtin()[key].questions if q.id == answered)
    m = argmap.loads(_fixture(key, answered, left_open))
    from argmap.evaluate import evaluate_graph, explain
    from argmap.graph import build

    graph = build(m)
    why = explain(m, graph, evaluate_graph(m, graph), "arg")
    assert f"{question.type} `{answered}`" in why and "`objection`" in why


def test_a_map_without_answers_is_labelled_as_before() -> None:
    m = argmap.load(ROOT / "maps" / "example.yaml")
    evaluation = argmap.evaluate(m)
    assert evaluation.burden is None and evaluation.doubts == {}


def test_an_unknown_scheme_gets_the_closest_id_and_a_free_name_is_silent(
    write_map: Callable[..., Path],
) -> None:
    text = """\
        claims: {a: {text: A}, b: {text: B}}
        inferences: {i: {premises: [a], conclusion: b, scheme: expert_opinion}}
        """
    diags = argmap.check(argmap.load(write_map(text)))
    assert [(d.code, d.line, d.column) for d in diags] == [("AM310", 2, 56)]
    assert diags[0].hint.startswith("did you mean `expert-opinion`?")
    free = text + "catalogue: {expert_opinion: {}}\n"
    assert argmap.check(argmap.load(write_map(free))) == []


def test_answers_that_fit_no_question_or_the_wrong_attack_are_warned(
    write_map: Callable[..., Path],
) -> None:
    path = write_map("""\
        claims: {a: {text: A}, b: {text: B}, x: {text: X}, y: {text: Y}, z: {text: Z}}
        inferences:
          i: {premises: [a], conclusion: b, scheme: sign, dismissed: {reliabilty: known}}
        attacks:
          - {from: x, to: i, answers: other-event}
          - {from: y, to: b, answers: other-events}
          - {from: z, to: b, answers: expertise}
        """)
    found = [(d.code, d.line, d.hint) for d in argmap.check(argmap.load(path))]
    assert found == [
        ("AM312", 3, "did you mean `reliability`?"),
        ("AM312", 5, "did you mean `other-events`?"),
        ("AM313", 6, "to answer it, attack the inference itself"),
        ("AM312", 7, "the questions it can answer here: other-events, reliability"),
    ]


def test_premises_that_do_not_fit_the_roles_are_warned_with_questions_only(
    write_map: Callable[..., Path],
) -> None:
    path = write_map("""\
        claims: {a: {text: A}, b: {text: B}}
        inferences: {i: {premises: [a], conclusion: b, scheme: analogy,
                         dismissed: {source-holds: x, differences: y, other-case: z}}}
        """)
    m = argmap.load(path)
    assert argmap.check(m) == []
    assert [d.code for d in argmap.check(m, questions=True)] == ["AM311"]


def test_a_role_that_repeats_takes_any_number_of_premises_but_none() -> None:
    claims = {c: {"text": c.upper()} for c in "abcd"}

    def premises_warned(premises: list[str]) -> list[str]:
        m = argmap.ArgumentMap.model_validate(
            {
                "claims": claims,
                "inferences": {"i": {"premises": premises, "conclusion": "d", "scheme": "example"}},
            }
        )
        return [d.message for d in argmap.check(m, questions=True) if d.code == "AM311"]

    assert premises_warned(["a"]) == premises_warned(["a", "b", "c"]) == []
    catalogue = argmap.ArgumentMap.model_validate(
        {
            "claims": {},
            "catalogue": {
                "many": {
                    "premises": [
                        {"role": "one", "text": "x"},
                        {"role": "more", "text": "y", "repeats": True},
                    ]
                }
            },
        }
    ).catalogue
    assert isinstance(catalogue, dict) and catalogue["many"].premises[1].repeats
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": claims,
            "catalogue": catalogue,
            "inferences": {"i": {"premises": ["a"], "conclusion": "d", "scheme": "many"}},
        }
    )
    assert [d.message for d in argmap.check(m, questions=True) if d.code == "AM311"] == [
        "inference `i` has 1 premise; its scheme `many` has 2 or more: one, more (repeats)"
    ]


def test_a_catalogue_file_beside_the_map_adds_schemes(write_map: Callable[..., Path]) -> None:
    write_map(
        """\
        schemes:
          audit:
            name: {en: Argument from an audit, pt: Argumento de auditoria}
            premises: [{role: audited, text: An audit found S.}]
            questions:
              - {id: auditor, type: exception, attack: undercut, text: Was the auditor free?}
        """,
        "schemes.yaml",
    )
    path = write_map("""\
        catalogue: schemes.yaml
        claims: {a: {text: A}, b: {text: B}}
        inferences: {i: {premises: [a], conclusion: b, scheme: audit}}
        """)
    m = argmap.load(path)
    assert argmap.check(m) == []
    notes = argmap.check(m, questions=True)
    assert [(d.code, d.line) for d in notes] == [("AM314", 3)]
    assert "auditor (Was the auditor free?)" in notes[0].message


def test_a_broken_catalogue_file_is_reported_where_its_mistakes_are(
    write_map: Callable[..., Path],
) -> None:
    catalogue = write_map(
        """\
        schemes:
          audit:
            questions:
              - {id: auditor, type: exeption, attack: undercut, text: Free?}
              - {id: auditor, type: exception, attack: undercut, text: Paid?}
        """,
        "schemes.yaml",
    )
    small = (
        "claims: {a: {text: A}, b: {text: B}}\ninferences: {i: {premises: [a], conclusion: b}}\n"
    )
    path = write_map("catalogue: schemes.yaml\n" + small)
    diags = argmap.check(argmap.load(path))
    assert [(Path(d.file).name, d.line, d.code) for d in diags] == [("schemes.yaml", 4, "AM102")]
    assert "assumption or exception" in diags[0].message
    catalogue.write_text(catalogue.read_text().replace("exeption", "exception"))
    diags = argmap.check(argmap.load(path))
    assert [(Path(d.file).name, d.line, d.code) for d in diags] == [("schemes.yaml", 5, "AM107")]
    missing = write_map("catalogue: nowhere.yaml\n" + small)
    diags = argmap.check(argmap.load(missing))
    assert [(d.code, d.line, d.severity.value) for d in diags] == [("AM210", 1, "error")]


def test_check_questions_on_the_command_line_notes_without_failing() -> None:
    runner = CliRunner()
    path = str(ROOT / "docs" / "examples" / "every-field.yaml")
    quiet = runner.invoke(main, ["check", path])
    assert quiet.exit_code == 0 and "AM314" not in quiet.output
    asked = runner.invoke(main, ["check", "--questions", "--strict", path])
    assert "note AM314 inference `evidence` (example) has 5 open" in asked.output
    assert "0 error(s), 1 warning(s), 3 note(s)" in asked.output
    assert asked.exit_code == 1  # the AM311 warning fails --strict; notes alone do not
    notes_only = runner.invoke(
        main, ["check", "--questions", "--strict", str(ROOT / "maps" / "example.yaml")]
    )
    assert notes_only.output.count("note AM314") == 2


# For each Carneades scheme of walton.yml that the catalogue also has: the catalogue's
# scheme, and the role or question matching each Carneades premise, assumption, exception.
CARNEADES = {
    # in(T,H), "H is part of explanation T", has no role of its own in the catalogue: its
    # third premise is Walton, Reed & Macagno's "no other explanation is as good so far".
    "abduction": ("best-explanation", {
        "observed": "findings", "explanation": "explains", "in": "best-so-far",
        "more_coherent_explanation": "better-explanation"}),
    "analogy": ("analogy", {
        "similar_case": "similar", "in_case": "source-case",
        "relevant_differences": "differences", "more_on_point": "other-case"}),
    "cause_to_effect": ("cause-to-effect", {
        "has_occurred": "cause-occurs", "causes": "causal-rule", "interference": "interference"}),
    "correlation_to_cause": ("correlation-to-cause", {
        "correlated": "correlation", "explanatory_theory": "mechanism",
        "causes_both": "common-cause"}),
    "definition_to_verbal_classification": ("definition-to-verbal-classification", {
        "satisfies_definition": "fits-definition", "classified_as": "definition",
        "inadequate_definition": "adequate"}),
    "established_rule": ("established-rule", {
        "has_conclusion": "rule-requires", "applicable": "applies", "valid": "valid"}),
    "expert_opinion": ("expert-opinion", {
        "expert": "expert", "in_domain": "in-domain", "asserts": "asserts",
        "untrustworthy": "trustworthy", "inconsistent_with_other_experts": "consistency",
        "based_on_evidence": "evidence"}),
    "ignorance": ("lack-of-knowledge", {
        "would_be_known": "would-know", "known": "not-known", "uninvestigated": "searched"}),
    "negative_consequences": ("negative-consequences", {
        "brings_about": "brings-about", "bad": "bad"}),
    "positive_consequences": ("positive-consequences", {
        "brings_about": "brings-about", "good": "good"}),
    "position_to_know": ("position-to-know", {
        "position_to_know": "position", "asserts": "asserts", "in_domain": "in-domain",
        "dishonest": "honest"}),
    "practical_reasoning2": ("practical-reasoning", {
        "current_circumstances": "circumstances", "would_bring_about": "means",
        "would_be_realized": "goal", "possible(A)": "possible", "possible(G)": "goal-possible",
        "bring_about_more_effectively": "alternatives",
        "realize_more_effectively": "alternatives", "intervening_actions": "other-actions",
        "side_effects": "side-effects", "incompatible_goal": "conflicting-goals"}),
    "precedent": ("precedent", {
        "similar_case": "similar", "rule_of_case": "ruling", "has_conclusion": "rule-concludes",
        "relevant_differences": "differences", "inapplicable_rule": "inapplicable"}),
    "slippery_slope_base_case": ("slippery-slope", {
        "would_realize": "sequence", "horrible_costs": "horrible"}),
    "sunk_costs": ("sunk-costs", {
        "sunk_costs": "invested", "too_high_to_waste": "too-much", "feasible": "feasible",
        "future_losses_outweigh": "future-losses"}),
    "verbal_classification": ("verbal-classification", {
        "instance": "has-property", "subclass": "classification"}),
    "witness_testimony": ("witness-testimony", {
        "position_to_know": "position", "in_domain": "in-domain", "believes": "believes",
        "asserts": "asserts", "internally_consistent": "internal-consistency",
        "inconsistent_with_known_facts": "known-facts",
        "inconsistent_with_other_witnesses": "other-witnesses", "biased": "bias",
        "implausible": "plausible"}),
}  # fmt: skip

#: The differences the comparison finds, each with the reason it is kept.
KNOWN_DIFFERENCES = {
    # Walton, Reed & Macagno state a slippery slope as one scheme over the whole chain (a
    # first step, the sequence, the horrible end); Carneades splits it into a base case and
    # an inductive step, each of two premises.
    "slippery_slope_base_case: 2 premises, slippery-slope has 3",
}

#: Carneades schemes with no counterpart in the catalogue.
NOT_IN_CATALOGUE = {
    "appearance",  # not among the schemes the issue asks for
    "credible_source",  # Wyner 2016, a generalisation of expert opinion
    "defeasible_modus_ponens",  # no scheme: a rule form
    "ethotic1",  # argument from ethos, positive: not asked for
    "ethotic2",  # the negative form is close to `ad-hominem`, but concludes not-S
    "practical_reasoning1",  # value-based practical reasoning (Atkinson & Bench-Capon)
    "slippery_slope_inductive_step",  # part of `slippery-slope`
}


def _predicate(formula: str) -> tuple[str, str]:
    """A Carneades formula's predicate and arguments: ``¬known(S)`` -> (known, S)."""
    found = re.fullmatch(r"¬?(\w+)(?:\((.*)\))?", formula.strip())
    assert found is not None, formula
    return found[1], found[2] or ""


def test_the_catalogue_matches_carneades_walton_schemes() -> None:
    path = shared("corpora", "carneades", "walton.yml")
    carneades = {s["id"]: s for s in yaml.safe_load(path.read_text())["argument_schemes"]}
    assert set(carneades) == set(CARNEADES) | NOT_IN_CATALOGUE
    differences = set()
    for ident, (key, matching) in CARNEADES.items():
        theirs, ours = carneades[ident], builtin()[key]
        roles = {r.role for r in ours.premises}
        premises = [_predicate(p)[0] for p in theirs.get("premises", [])]
        if len(premises) != len(roles):
            differences.add(f"{ident}: {len(premises)} premises, {key} has {len(roles)}")
        for name in premises:
            assert matching[name] in roles, f"{ident}: premise {name} has no role in {key}"
        questions = {q.id: q for q in ours.questions}
        for kind in ("assumptions", "exceptions"):
            for formula in theirs.get(kind, []):
                name = _predicate(formula)[0]
                # One predicate asked twice (possible(A), possible(G)) is matched whole.
                question = questions[matching.get(formula, matching.get(name, ""))]
                if question.type != kind[:-1]:
                    differences.add(f"{ident}: {formula} is an {kind[:-1]}, `{question.id}` not")
    print("differences from Carneades' walton.yml:", *sorted(differences), sep="\n  ")
    assert differences == KNOWN_DIFFERENCES


# A map whose inferences name no scheme: an answer with nothing to answer (AM312), and one
# own scheme given twice a question (AM107).
_NO_SCHEME_NAMED = """\
claims: {a: {text: A}, b: {text: B, answers: expertise}, c: {text: C}}
inferences: {i: {premises: [a], conclusion: c}}
attacks: [{from: b, to: i, answers: field}]
catalogue:
  mine:
    questions:
      - {id: q, type: assumption, attack: rebut, text: Q?}
      - {id: q, type: exception, attack: rebut, text: R?}
"""


@pytest.mark.parametrize("questions", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        _NO_SCHEME_NAMED,
        _NO_SCHEME_NAMED.replace("conclusion: c}", "conclusion: c, scheme: expert-opinion}"),
        (ROOT / "maps" / "runway-letter.yaml").read_text("utf-8"),
        (ROOT / "maps" / "example.yaml").read_text("utf-8"),
    ],
)
def test_the_scheme_checks_read_argmaps_catalogue_only_for_a_map_naming_schemes(
    text: str, questions: bool
) -> None:
    """They find what they find with every scheme at hand, and read argmap's catalogue only
    when an inference names a scheme (a plain map's check need not parse it)."""
    from argmap.schemes import (
        asked,
        check_schemes,
        premise_counts,
        question_notes,
        schemes_of,
        unknown_schemes,
    )

    m = argmap.loads(text)
    builtin.cache_clear()
    found = check_schemes(m, questions=questions)
    read = builtin.cache_info().misses == 1
    assert read == any(i.scheme is not None for i in m.inferences.values())
    schemes, expected = schemes_of(m)
    every = asked(m, schemes)
    expected += unknown_schemes(m, schemes) + every.problems
    if questions:
        expected += premise_counts(m, schemes) + question_notes(m, every)
    assert found == expected
    if text == _NO_SCHEME_NAMED:
        assert sorted(d.code for d in found) == ["AM107", "AM312", "AM312"]
