"""`render --evaluate`: claims and junctions coloured by their labels, in every theme."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.draw import THEMES
from tests.conftest import MAPS

EXAMPLE = MAPS / "example.yaml"


def node_line(dot: str, ident: str, kind: str = "claim") -> str:
    (line,) = [x for x in dot.splitlines() if f'id="{kind}-{ident}"' in x]
    return line


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_labels_become_classes_and_frames(theme: str) -> None:
    m = argmap.load(EXAMPLE)
    dot = argmap.render(m, "dot", theme=theme, evaluated=True).decode()
    labels = argmap.evaluate(m).labels
    assert labels["build-lane"] == "out" and labels["lose-parking"] == "in"
    out, good = node_line(dot, "build-lane"), node_line(dot, "lose-parking")
    assert "label-out" in out and "label-in" in good
    # The frame tells the label apart without colour, in the print theme too.
    assert re.search(r'style="[^"]*dashed', out) and not re.search(r'style="[^"]*dashed', good)
    assert "label-out" in node_line(dot, "trade", "inference")


def test_accept_and_reject_change_the_drawing() -> None:
    m = argmap.load(EXAMPLE)
    dot = argmap.render(m, "dot", evaluated=True, reject=["lose-parking", "study-other-town"])
    assert "label-in" in node_line(dot.decode(), "build-lane")


def test_evaluated_drawing_keeps_the_voices_and_shows_the_labels_by_the_frame() -> None:
    m = argmap.load(EXAMPLE)
    dot = argmap.render(m, "dot", legend=True, evaluated=True).decode()
    plain = argmap.render(m, "dot", legend=True).decode()
    # The legend keys both: who says what, and what stands.
    assert "Town council" in dot and "undecided (dotted frame)" in dot
    assert "dotted frame" not in plain
    # A claim keeps its voice's fill; its frame tells the label.
    fill = re.search(r'fillcolor="([^"]+)"', node_line(plain, "build-lane"))
    out = node_line(dot, "build-lane")
    assert fill is not None and f'fillcolor="{fill.group(1)}"' in out
    assert f'color="{THEMES["light"]["labels"]["out"]["color"]}"' in out


def test_evaluated_drawing_states_its_scenario() -> None:
    m = argmap.load(EXAMPLE)
    own = argmap.render(m, "dot", legend=True, evaluated=True).decode()
    assert "Scenario: the map&#x27;s own assumptions" in own
    judged = argmap.render(m, "dot", evaluated=True, reject=["by:shops"], accept=["lane-cheap"])
    # Without a legend the scenario is the drawing's label.
    caption = "Scenario: accepted: lane-cheap; rejected: the claims of Shop owners' association"
    assert f'label="{caption}"' in judged.decode()
    flagship = argmap.load(MAPS / "runway-letter.yaml")
    pt = argmap.render(
        flagship, "dot", legend=True, lang="pt", evaluated=True, reject=["by:analyst"]
    ).decode()
    assert "Cenário: rejeitadas: as afirmações da voz “o analista do mapa (objeções)”" in pt
    own = argmap.render(flagship, "dot", legend=True, lang="pt", evaluated=True).decode()
    assert "Cenário: os pressupostos do próprio mapa" in own


def test_unknown_claim_is_a_usage_error(tmp_path: object) -> None:
    result = CliRunner().invoke(main, ["render", str(EXAMPLE), "--evaluate", "--accept", "nope"])
    assert result.exit_code == 2 and "AM501" in result.output
