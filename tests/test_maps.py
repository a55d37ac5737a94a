"""The maps shipped in maps/ check clean: no errors and no warnings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argmap
from tests.conftest import MAPS

MAP_FILES = sorted(p for p in MAPS.glob("*.yaml"))


@pytest.mark.parametrize("path", MAP_FILES, ids=lambda p: p.name)
def test_map_checks_without_diagnostics(path: Path) -> None:
    m = argmap.load(path)
    assert argmap.check(m) == []


FLAGSHIP = MAPS / "runway-letter.yaml"


def test_flagship_quotes_are_all_checked() -> None:
    # argmap.check (above) verifies each quote against the article; here, who has one: every
    # claim of the text's voices, and no claim the reconstruction adds.
    m = argmap.load(FLAGSHIP)
    assert {"en", "pt"} <= set(m.languages)
    assert all(
        isinstance(c.text, dict) and {"en", "pt"} <= c.text.keys() for c in m.claims.values()
    )
    added = {i for i, c in m.claims.items() if c.by in ("analyst", "reconstruction")}
    assert all(m.claims[i].quote is None for i in added)
    quoted = [c for i, c in m.claims.items() if i not in added]
    assert len(quoted) == 49 and all(c.quote is not None for c in quoted)


def test_flagship_implicit_premises_are_said_by_no_one_in_the_text() -> None:
    m = argmap.load(FLAGSHIP)
    implicit = {i for i, c in m.claims.items() if c.implicit}
    assert implicit == {
        "infra-ends-its-companies",
        "every-company-uses-ai",
        "model-makers-are-ai-companies",
        "barriers-keep-knowhow",
        "top-ai-video-is-ai-company",
        "value-in-new-media",
        "no-innovation-obsolete",
    }
    # The analyst's, in a voice of their own: rejecting the objections keeps them.
    assert {i for i, c in m.claims.items() if c.by == "reconstruction"} == implicit
    # "todos a utilizam" is said of the internet: the claim that quotes it is about the internet.
    quote = m.claims["internet-everyone-uses"].quote
    assert quote is not None and "todos a utilizam" in quote.text


def test_flagship_letter_gives_its_one_reason_and_its_comparison_apart() -> None:
    m = argmap.load(FLAGSHIP)
    into_thesis = [
        i.premises for i in m.inferences.values() if i.conclusion == "era-ai-companies-over"
    ]
    assert any("ai-infrastructure" in p and "ai-not-failed" in p for p in into_thesis)
    assert ["ai-label-meaningless"] in into_thesis


def test_flagship_inference_labels_are_bilingual() -> None:
    m = argmap.load(FLAGSHIP)
    labels = [i.label for i in m.inferences.values() if i.label is not None]
    assert len(labels) > 30
    assert all(isinstance(t, dict) and {"en", "pt"} <= t.keys() for t in labels)
    assert {
        str(t): european(t["pt"]) for t in labels if isinstance(t, dict) and european(t["pt"])
    } == {}


def test_flagship_journalist_supports_and_only_the_analyst_objects() -> None:
    m = argmap.load(FLAGSHIP)
    by = {i: c.by for i, c in m.claims.items()}
    # Every attack is the analyst's, but one: the letter's answer to the analyst's warrant.
    others = [a for a in m.attacks if by[a.from_] != "analyst"]
    assert [(a.from_, a.to) for a in others] == [
        ("models-serve-products", "model-makers-are-ai-companies")
    ]
    # The journalist's conclusions support the letter, up to a main conclusion.
    supports = {(p, i.conclusion) for i in m.inferences.values() for p in i.premises}
    reached, frontier = set(), {"runway-created-value", "application-direction"}
    while frontier:
        reached |= frontier
        frontier = {b for a, b in supports if a in frontier} - reached
    assert reached & set(m.main or ())


HEDGES = {
    "acho que": "I think",
    "simplesmente": "simply",
    "souberem": "know how",
    "talvez": "Perhaps",
}


def test_flagship_texts_keep_the_hedges_of_their_quotes() -> None:
    m = argmap.load(FLAGSHIP)
    for ident, claim in m.claims.items():
        assert isinstance(claim.text, dict)
        quote = claim.quote.text.lower() if claim.quote else ""
        for pt, en in HEDGES.items():
            if pt in quote:
                assert pt in claim.text["pt"].lower() and en in claim.text["en"], ident


#: European Portuguese forms that the map's own Brazilian texts avoid; the words of the article
#: they quote (between “ and ”) keep their spelling.
EUROPEAN = re.compile(
    r"\b(factos?|infra-estrutura|electricidade|mercadoria|equipa|investigação|partilhad\w*"
    r"|mil milhões|ecrã|utilizador\w*)\b|\bestá a \w+r(-se)?\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"“[^”]*”")


def european(text: str) -> list[str]:
    """The European forms in a Portuguese text, outside what it quotes.

    >>> european("Os factos: a IA está a tornar-se uma “infra-estrutura”.")
    ['factos', 'está a tornar-se']
    """
    return [m.group(0) for m in EUROPEAN.finditer(QUOTED.sub("", text))]


def test_flagship_portuguese_texts_are_brazilian() -> None:
    m = argmap.load(FLAGSHIP)
    texts = [
        m.title,
        *(v.name for v in m.voices.values()),
        *(c.text for c in m.claims.values()),
        *(i.label for i in m.inferences.values()),
    ]
    found = {t["pt"]: european(t["pt"]) for t in texts if isinstance(t, dict)}
    assert {text: forms for text, forms in found.items() if forms} == {}


def test_flagship_scenarios_script_prints_every_scenario() -> None:
    from maps.scenarios import objections, scenarios, table

    m = argmap.load(FLAGSHIP)
    rows = table(m).splitlines()
    assert rows[0].split() == ["scenario", *(m.main or ())]
    assert len(rows) == 1 + 3 + len(objections(m)) == 1 + len(scenarios(m))
    # Critics rejected: every main conclusion in; runway-ai-company alone defeats one.
    assert rows[3].split()[2:] == ["in"] * len(m.main or ())
    (alone,) = [r for r in rows if r.startswith("only runway-ai-company ")]
    assert alone.split()[2:].count("out") == 1
