"""`--accept by:VOICE` and `--reject by:VOICE`: every claim of a voice at once, but the claims
whose status in the map says otherwise."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.errors import IdError
from tests.conftest import MAPS

CRITIC = """
voices:
  author: {name: The author}
  critic: {name: The critic}
claims:
  thesis: {text: T, by: author}
  reason: {text: R, by: author}
  fact: {text: F, by: critic, status: accepted}
  objection: {text: O, by: critic}
  other-objection: {text: P, by: critic}
inferences:
  i: {premises: [reason], conclusion: thesis}
  j: {premises: [fact], conclusion: objection}
attacks:
  - {from: objection, to: i}
  - {from: other-objection, to: thesis}
"""


def labels(**assumed: list[str]) -> dict[str, str]:
    m = argmap.loads(CRITIC)
    return {ident: str(label) for ident, label in argmap.evaluate(m, **assumed).labels.items()}


def test_rejecting_a_voice_rejects_its_claims_but_keeps_its_accepted_facts() -> None:
    assert labels()["thesis"] == "out"
    rejected = labels(reject=["by:critic"])
    assert rejected["thesis"] == "in"
    assert rejected["objection"] == "out" and rejected["other-objection"] == "out"
    assert rejected["fact"] == "in"  # status: accepted: rejecting the critic does not deny it


def test_a_claim_named_by_its_id_wins_over_its_voice() -> None:
    one = labels(reject=["by:critic"], accept=["other-objection"])
    assert one["other-objection"] == "in" and one["objection"] == "out"
    assert one["thesis"] == "out"


def test_accepting_a_voice_keeps_its_rejected_claims() -> None:
    m = argmap.loads(
        CRITIC.replace("{text: P, by: critic}", "{text: P, by: critic, status: rejected}")
    )
    accepted = argmap.evaluate(m, accept=["by:critic"]).labels
    assert str(accepted["other-objection"]) == "out" and str(accepted["objection"]) == "in"


def test_unknown_voice_and_voice_both_ways_are_usage_errors() -> None:
    m = argmap.loads(CRITIC)
    with pytest.raises(IdError) as unknown:
        argmap.evaluate(m, reject=["by:critc"])
    (diag,) = unknown.value.diagnostics
    assert diag.code == "AM501" and "voice `critc`" in diag.message
    assert diag.hint == "did you mean `critic`?"
    with pytest.raises(IdError) as both:
        argmap.evaluate(m, accept=["by:critic"], reject=["by:critic"])
    assert [d.code for d in both.value.diagnostics] == ["AM502"]


def test_cli_evaluate_and_render_take_voices(
    write_map: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_map(CRITIC)
    done = CliRunner().invoke(main, ["evaluate", str(path), "--reject", "by:critic"])
    assert done.exit_code == 0
    assert [line.split()[:2] for line in done.output.splitlines()[1:3]] == [
        ["in", "thesis"],
        ["in", "reason"],
    ]
    bad = CliRunner().invoke(main, ["evaluate", str(path), "--reject", "by:nobody"])
    assert bad.exit_code == 2 and "AM501" in bad.output and "no voice `nobody`" in bad.output
    dot = tmp_path / "judged.dot"
    drawn = CliRunner().invoke(main, ["render", str(path), "--reject", "by:critic", "-o", str(dot)])
    assert drawn.exit_code == 0
    assert "Scenario: rejected: the claims of The critic, but those the map marks accepted" in (
        dot.read_text(encoding="utf-8")
    )


def test_flagship_critics_rejected_leaves_the_facts_and_the_letter_standing() -> None:
    m = argmap.load(MAPS / "runway-letter.yaml")
    assert m.main is not None
    standing = argmap.evaluate(m).labels
    rejected = argmap.evaluate(m, reject=["by:analyst"]).labels
    assert {str(standing[c]) for c in m.main} == {"out"}
    assert {str(rejected[c]) for c in m.main} == {"in"}
    facts = [i for i, c in m.claims.items() if c.status == "accepted"]
    assert "act-one" in facts
    # Rejecting the journalist's claims does not deny the facts they report.
    journalist = argmap.evaluate(m, reject=["by:journalist"]).labels
    assert all(str(journalist[f]) == "in" for f in facts)
    # Nor does rejecting the critics reject the premises the reconstruction adds.
    implicit = [i for i, c in m.claims.items() if c.implicit]
    assert all(m.claims[i].by == "reconstruction" for i in implicit)
    assert str(rejected["infra-ends-its-companies"]) == "in"
