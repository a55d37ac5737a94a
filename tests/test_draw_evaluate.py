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


def test_legend_shows_the_labels_instead_of_voices() -> None:
    m = argmap.load(EXAMPLE)
    dot = argmap.render(m, "dot", legend=True, evaluated=True).decode()
    assert "undecided (dotted frame)" in dot and "Town council" not in dot
    plain = argmap.render(m, "dot", legend=True).decode()
    assert "Town council" in plain and "dotted frame" not in plain


def test_unknown_claim_is_a_usage_error(tmp_path: object) -> None:
    result = CliRunner().invoke(main, ["render", str(EXAMPLE), "--evaluate", "--accept", "nope"])
    assert result.exit_code == 2 and "AM501" in result.output
