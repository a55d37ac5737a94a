"""Evaluation: the labelling rules on the smallest maps, explanations, and `argmap evaluate`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.evaluate import Label, evaluate, explain, unknown_ids
from argmap.graph import build
from tests.conftest import MAPS

IN, OUT, UNDECIDED = Label.IN, Label.OUT, Label.UNDECIDED


def labels(data: dict[str, Any], **overrides: list[str]) -> dict[str, Label]:
    m = argmap.ArgumentMap.model_validate(data)
    return evaluate(m, **overrides).labels


def claims(*ids: str, **status: str) -> dict[str, Any]:
    return {c: {"text": c.upper(), **({"status": status[c]} if c in status else {})} for c in ids}


def test_premise_in_makes_conclusion_in() -> None:
    got = labels(
        {"claims": claims("a", "b"), "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}}
    )
    assert (got["a"], got["i"], got["b"]) == (IN, IN, IN)


def test_rebuttal_from_assumed_claim_defeats() -> None:
    got = labels({"claims": claims("a", "b"), "attacks": [{"from": "b", "to": "a"}]})
    assert (got["a"], got["b"]) == (OUT, IN)


def test_reinstatement() -> None:
    got = labels(
        {
            "claims": claims("a", "b", "c"),
            "attacks": [{"from": "b", "to": "a"}, {"from": "c", "to": "b"}],
        }
    )
    assert (got["a"], got["b"], got["c"]) == (IN, OUT, IN)


def test_cycle_is_undecided_and_so_is_what_it_touches() -> None:
    got = labels(
        {
            "claims": claims("a", "b", "c"),
            "attacks": [
                {"from": "a", "to": "b"},
                {"from": "b", "to": "a"},
                {"from": "b", "to": "c"},
            ],
        }
    )
    assert set(got.values()) == {UNDECIDED}


def test_undercut_makes_inference_and_conclusion_out() -> None:
    got = labels(
        {
            "claims": claims("a", "b", "u"),
            "inferences": {"i": {"premises": ["a"], "conclusion": "b"}},
            "attacks": [{"from": "u", "to": "i"}],
        }
    )
    assert (got["i"], got["b"], got["a"]) == (OUT, OUT, IN)


def test_status_and_overrides() -> None:
    data = {"claims": claims("a", "b", "c", a="rejected", b="open", c="accepted")}
    got = labels(data)
    assert (got["a"], got["b"], got["c"]) == (OUT, OUT, IN)
    got = labels(data, accept=["a", "b"], reject=["c"])
    assert (got["a"], got["b"], got["c"]) == (IN, IN, OUT)


def test_concluded_claim_is_not_assumed_by_default() -> None:
    data = {
        "claims": claims("a", "b"),
        "inferences": {"i": {"premises": ["a"], "conclusion": "b"}},
    }
    assert labels(data, reject=["a"])["b"] is OUT


def _issue(wa: float, wb: float) -> dict[str, Any]:
    return {
        "claims": claims("p", "q", "x", "y"),
        "inferences": {
            "i": {"premises": ["x"], "conclusion": "p", "weight": wa},
            "j": {"premises": ["y"], "conclusion": "q", "weight": wb},
        },
        "issues": {"k": {"positions": ["p", "q"]}},
    }


def test_heavier_position_wins_an_issue() -> None:
    got = labels(_issue(0.7, 0.4))
    assert (got["p"], got["q"]) == (IN, OUT)


def test_tie_leaves_every_position_out_as_in_carneades() -> None:
    got = labels(_issue(0.5, 0.5))
    assert (got["p"], got["q"]) == (OUT, OUT)


def test_assumed_position_beats_its_rivals() -> None:
    got = labels(_issue(0.5, 0.9), accept=["p"])
    assert (got["p"], got["q"]) == (IN, OUT)


@pytest.mark.parametrize(
    ("weights", "node", "want"),
    [
        ((0.7, 0.4), "q", "out: `p`, a rival position in issue `k`, is in, which is in because"),
        ((0.5, 0.5), "p", "out: no position of issue `k` has a strictly heavier argument than"),
        ((0.0, 0.0), "q", "out: its only inferences in weigh 0 (`j`)"),
    ],
)
def test_explain_says_how_an_issue_was_decided(
    weights: tuple[float, float], node: str, want: str
) -> None:
    m = argmap.ArgumentMap.model_validate(_issue(*weights))
    assert explain(m, build(m), evaluate(m), node).startswith(want)


def test_explain_names_the_heavier_rival_of_a_lighter_position() -> None:
    data = _issue(0.9, 0.9)
    data["claims"] |= claims("r", "z")
    data["inferences"]["l"] = {"premises": ["z"], "conclusion": "r", "weight": 0.2}
    data["issues"]["k"]["positions"].append("r")
    m = argmap.ArgumentMap.model_validate(data)
    assert explain(m, build(m), evaluate(m), "r") == (
        "out: `p`, a rival position in issue `k`, has a heavier argument, which is out because "
        "no position of issue `k` has a strictly heavier argument than its rivals"
    )


def test_explain_follows_the_chain() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": claims("a", "b", "c"),
            "inferences": {"i": {"premises": ["a"], "conclusion": "b"}},
            "attacks": [{"from": "c", "to": "a"}],
        }
    )
    text = explain(m, build(m), evaluate(m), "b")
    assert text.startswith("out: no inference for it is in (`i` is out)")
    assert "premise `a` is out" in text and "attacked by `c`, which is in" in text


def test_explain_names_a_circle() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": claims("a", "b"),
            "attacks": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}],
        }
    )
    assert explain(m, build(m), evaluate(m), "a").endswith("(and so round in a circle)")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_cli_text_lists_main_conclusions_first(write_map: Callable[..., Path]) -> None:
    path = write_map(
        """
        claims:
          a: {text: A}
          b: {text: B}
        inferences:
          i: {premises: [a], conclusion: b}
        """
    )
    result = run("evaluate", str(path))
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()
    assert rows[1].split()[:3] == ["in", "b", "main"]
    assert rows[2].split()[:2] == ["in", "a"]


def test_cli_json_and_explain(write_map: Callable[..., Path]) -> None:
    path = write_map("claims:\n  a: {text: A}\n  b: {text: B}\nattacks:\n  - {from: a, to: b}\n")
    result = run("evaluate", str(path), "--format", "json", "--explain", "b", "--reject", "a")
    data = json.loads(result.output)
    assert {r["id"]: r["label"] for r in data["claims"]} == {"a": "out", "b": "in"}
    assert data["explanations"]["b"] == "in: it is assumed and every attacker is out"


def test_cli_explain_prints_the_explanations_alone(write_map: Callable[..., Path]) -> None:
    """`--explain` answers the question asked: without the table of every claim before it."""
    path = write_map("claims:\n  a: {text: A}\n  b: {text: B}\nattacks:\n  - {from: a, to: b}\n")
    result = run("evaluate", str(path), "--explain", "b", "--explain", "a")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "b: out: attacked by `a`, which is in because it is assumed and unattacked\n\n"
        "a: in: it is assumed and unattacked\n"
    )


def test_am501_unknown_claim_on_the_command_line(write_map: Callable[..., Path]) -> None:
    path = write_map("claims:\n  a: {text: A}\n")
    result = run("evaluate", str(path), "--accept", "b")
    assert result.exit_code == 2
    assert "AM501" in result.output and "no claim `b` to accept" in result.output
    diags = unknown_ids(argmap.load(path), accept=["b"])
    assert [(d.code, d.line, d.column) for d in diags] == [("AM501", 0, 0)]


def test_am502_accepted_and_rejected(write_map: Callable[..., Path]) -> None:
    path = write_map("claims:\n  a: {text: A}\n")
    result = run("evaluate", str(path), "--accept", "a", "--reject", "a")
    assert result.exit_code == 2 and "AM502" in result.output
    diags = unknown_ids(argmap.load(path), accept=["a"], reject=["a"])
    assert [(d.code, d.line, d.column) for d in diags] == [("AM502", 0, 0)]


def test_cli_bad_map_exits_1_with_location(write_map: Callable[..., Path]) -> None:
    path = write_map("claims:\n  a: {text: A}\nattacks:\n  - {from: zz, to: a}\n")
    result = run("evaluate", str(path))
    assert result.exit_code == 1
    assert f"{path}:4:" in result.output and "AM106" in result.output


def objections(m: argmap.ArgumentMap) -> list[str]:
    """The critics' objections in the flagship map: the analyst's claims that attack."""
    return sorted({a.from_ for a in m.attacks if m.claims[a.from_].by == "analyst"})


def main_out(m: argmap.ArgumentMap, accept: list[str], reject: list[str]) -> set[str]:
    evaluation = evaluate(m, accept=accept, reject=reject)
    return {c for c in evaluation.main if evaluation.labels[c] is OUT}


@pytest.mark.parametrize("verdict", ["accept", "reject"])
def test_flagship_map_answers_follow_the_critics(verdict: str) -> None:
    m = argmap.load(MAPS / "runway-letter.yaml")
    ids = objections(m)
    assert len(ids) == 18
    evaluation = evaluate(m, **{verdict: ids})
    main_labels = {evaluation.labels[c] for c in evaluation.main}
    # Accepting the objections defeats every main conclusion; rejecting them lets all stand.
    assert main_labels == ({OUT} if verdict == "accept" else {IN})


def test_flagship_map_stands_when_every_claim_of_the_analyst_is_rejected() -> None:
    m = argmap.load(MAPS / "runway-letter.yaml")
    analyst = [c for c, claim in m.claims.items() if claim.by == "analyst"]
    evaluation = evaluate(m, reject=analyst)
    assert {evaluation.labels[c] for c in evaluation.main} == {IN}
    # Rejecting the critics does not deny the facts the article reports, nor its conclusions.
    reported = [c for c, claim in m.claims.items() if claim.status == "accepted"]
    assert {"act-one", "gen3-alpha", "openai-losses"} <= set(reported)
    journalist = [c for c, claim in m.claims.items() if claim.by == "journalist"]
    assert all(evaluation.labels[c] is IN for c in journalist)


def test_no_single_objection_but_runway_ai_company_defeats_a_main_conclusion() -> None:
    # The letter gives convergent reasons: each objection alone (the others rejected) leaves
    # every main conclusion standing, except the rebuttal of Runway's identity.
    m = argmap.load(MAPS / "runway-letter.yaml")
    ids = objections(m)
    defeated = {o: main_out(m, [o], [x for x in ids if x != o]) for o in ids}
    assert defeated.pop("runway-ai-company") == {"runway-not-ai-company"}
    assert {o: out for o, out in defeated.items() if out} == {}


def test_flagship_thesis_falls_only_to_one_objection_against_each_of_its_reasons() -> None:
    # Three reasons reach the thesis (infrastructure, the label comparison, obsolescence):
    # no two objections defeat it; one against each of the three does.
    m = argmap.load(MAPS / "runway-letter.yaml")
    ids = objections(m)
    pairs = [[a, b] for i, a in enumerate(ids) for b in ids[i + 1 :]]
    thesis = "era-ai-companies-over"
    assert not any(thesis in main_out(m, p, [x for x in ids if x not in p]) for p in pairs)
    three = ["ai-company-equivocation", "infra-firms-thrive", "scope-pure-to-all"]
    # The thesis falls, and with it the first of its consequences, not Runway's identity.
    assert main_out(m, three, [x for x in ids if x not in three]) == {thesis}


def test_flagship_defaults_let_the_objections_stand() -> None:
    # Nothing defeats the objections that no inference concludes, so by default they are
    # assumed. The rebuttal "Runway is an AI company" is concluded, and falls: the letter's
    # answer (its models serve its products) denies its warrant, and the equivocation the
    # premise that the article's framing needs. Accepting the critics' claims restores it.
    m = argmap.load(MAPS / "runway-letter.yaml")
    evaluation = evaluate(m)
    assert {evaluation.labels[c] for c in evaluation.main} == {OUT}
    assert evaluation.labels["model-makers-are-ai-companies"] is OUT
    assert evaluation.labels["inf-article-calls-ai"] is OUT
    assert evaluation.labels["runway-ai-company"] is OUT
    assert evaluate(m, accept=["by:analyst"]).labels["runway-ai-company"] is IN


def test_flagship_tagged_objections_carry_their_questions_burden() -> None:
    # An objection tagged with an exception undercuts as it did untagged; the one tagged
    # with an assumption (`imagined-to-certain`: possibility is no evidence of what will
    # happen) only asks, and nothing in the letter answers it: its inference is undecided.
    m = argmap.load(MAPS / "runway-letter.yaml")
    evaluation = evaluate(m)
    assert evaluation.labels["inf-redefine"] is UNDECIDED
    assert "assumption `evidence`" in explain(m, build(m), evaluation, "inf-redefine")
    for undercut in ("inf-era-infrastructure", "inf-era-label", "inf-ceo-said", "inf-next-wave"):
        assert evaluation.labels[undercut] is OUT
    # Rejected, the questioner asks nothing: the inference stands as it did.
    assert evaluate(m, reject=["imagined-to-certain"]).labels["inf-redefine"] is IN
    # Tagged or not, `media-redefined` falls to the rebuttal `personalised-vs-shared`.
    assert evaluation.labels["media-redefined"] is OUT


def test_benchmark_runs_at_a_tiny_size() -> None:
    from tests.benchmarks.bench_evaluate import run

    lines = run([200])
    assert lines[1].startswith("random 200") and len(lines[1].split()) >= 7


# ---------------------------------------------------------------------------------------
# The API is safe: ids it is given are checked, and every explanation is a sentence.

WEIGHT_0 = """
claims:
  p: {text: P}
  q: {text: Q}
inferences:
  i: {premises: [p], conclusion: q, weight: 0}
"""

POSITION_TWICE = """
claims:
  p: {text: P}
  q: {text: Q}
inferences:
  i: {premises: [p], conclusion: q}
issues:
  k: {positions: [q, q]}
"""


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (WEIGHT_0, "q: out: its only inferences in weigh 0 (`i`)"),
        # One claim twice is no competition: q stands on its inference like any claim.
        (POSITION_TWICE, "q: in: inference `i` concludes it, which is in because all its"),
    ],
    ids=["weight-0", "position-twice"],
)
def test_explain_q_from_the_command_line(
    text: str, want: str, write_map: Callable[..., Path]
) -> None:
    """Regression: both maps made `evaluate --explain q` end in an IndexError."""
    result = run("evaluate", str(write_map(text)), "--explain", "q")
    assert result.exit_code == 0, result.output
    assert want in result.output


@pytest.mark.parametrize("text", [WEIGHT_0, POSITION_TWICE], ids=["weight-0", "position-twice"])
def test_explain_q_from_the_api(text: str) -> None:
    m = argmap.loads(text)
    evaluation = evaluate(m)
    reason = explain(m, build(m), evaluation, "q")
    assert reason.startswith(f"{evaluation.labels['q']}: ")


def test_evaluate_names_an_unknown_id_and_the_closest_one() -> None:
    m = argmap.ArgumentMap.model_validate({"claims": claims("alpha", "beta")})
    with pytest.raises(argmap.IdError) as caught:
        evaluate(m, accept=["alpah"], reject=["gamma"])
    got = [(d.code, d.message, d.hint) for d in caught.value.diagnostics]
    assert got == [
        ("AM501", "no claim `alpah` to accept", "did you mean `alpha`?"),
        ("AM501", "no claim `gamma` to reject", "give the id of one of the map's claims"),
    ]
    assert isinstance(caught.value, argmap.ArgmapError) and isinstance(caught.value, ValueError)


def test_evaluate_refuses_a_claim_both_accepted_and_rejected() -> None:
    """Regression: accepting and rejecting one claim silently made it out."""
    m = argmap.ArgumentMap.model_validate({"claims": claims("a")})
    with pytest.raises(argmap.IdError) as caught:
        evaluate(m, accept=["a"], reject=["a"])
    assert [d.code for d in caught.value.diagnostics] == ["AM502"]


def test_explain_and_grounded_name_unknown_ids() -> None:
    from argmap.evaluate import grounded

    m = argmap.ArgumentMap.model_validate(
        {"claims": claims("a", "b"), "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}}
    )
    graph = build(m)
    with pytest.raises(argmap.IdError, match="no claim or inference `ii` to explain"):
        explain(m, graph, evaluate(m), "ii")
    with pytest.raises(argmap.IdError) as caught:
        grounded(graph, assumed={"a", "x"}, issues=[["a", "zz"]], weights={"j": 0.5})
    assert [d.message for d in caught.value.diagnostics] == [
        "no claim or inference `j` in the graph",
        "no claim or inference `zz` in the graph",
    ]


def test_explain_is_reachable_as_the_docs_say() -> None:
    """Regression: the docs gave `argmap.evaluate.explain(...)`, an AttributeError, since
    `argmap.evaluate` is the function. They now import it from the package; this runs that
    in a fresh interpreter (import order counts) next to the function."""
    import subprocess
    import sys

    docs = [MAPS.parent / "README.md", *sorted((MAPS.parent / "docs").glob("*.md"))]
    text = "".join(path.read_text(encoding="utf-8") for path in docs)
    assert "from argmap.evaluate import explain, grounded" in text
    assert "argmap.evaluate.explain(" not in text and "argmap.evaluate.grounded(" not in text
    program = (
        "import argmap\n"
        "from argmap.evaluate import explain, grounded\n"
        "import argmap.evaluate\n"
        "from argmap.graph import build\n"
        "m = argmap.loads('claims: {a: {text: A}}')\n"
        "assert callable(argmap.evaluate) and argmap.evaluate.__name__ == 'evaluate'\n"
        "print(explain(m, build(m), argmap.evaluate(m), 'a'))\n"
        "print(grounded(build(m), {'a'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "in: it is assumed and unattacked\n{'a': <Label.IN: 'in'>}\n"


def test_two_rivals_assumed_and_freed_in_one_round_both_stand() -> None:
    """Inconsistent assumptions leave both positions in, as in Carneades, whatever the
    map's order (the labelling used to depend on it)."""
    for order in (("p", "q", "a", "b"), ("b", "a", "q", "p")):
        got = labels(
            {
                "claims": claims(*order),
                "attacks": [{"from": "a", "to": "p"}, {"from": "b", "to": "q"}],
                "issues": {"k": {"positions": ["p", "q"]}},
            },
            reject=["a", "b"],
        )
        assert (got["p"], got["q"]) == (IN, IN)


def test_a_rival_that_stood_first_knocks_out_a_later_assumed_position() -> None:
    got = labels(
        {
            "claims": claims("p", "q", "a", "b"),
            "attacks": [{"from": "a", "to": "q"}, {"from": "b", "to": "a"}],
            "issues": {"k": {"positions": ["p", "q"]}},
        }
    )
    assert (got["p"], got["q"], got["a"]) == (IN, OUT, OUT)
