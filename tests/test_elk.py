"""`render --engine elk`: ELK places, Graphviz draws; and big drawings announce themselves."""

from __future__ import annotations

import re

import pytest

from argmap import loads, render
from argmap.draw import engine
from argmap.draw.elk import elk_available
from argmap.errors import RenderError
from tests.benchmarks.generate import map_yaml

needs_elk = pytest.mark.skipif(
    not elk_available(),
    reason="--engine elk needs Node.js and elkjs (make setup installs elkjs into .elk/)",
)


def ids(svg: bytes) -> set[str]:
    return set(re.findall(r'<g id="((?:claim|inference)&#45;[^"]+)" class="node', svg.decode()))


@needs_elk
def test_elk_draws_what_dot_draws_in_its_own_places() -> None:
    m = loads(map_yaml(30))
    by_elk = render(m, "svg", engine="elk")
    by_dot = render(m, "svg")
    assert ids(by_elk) == ids(by_dot) and len(ids(by_elk)) == 30 + 14
    # Junctions, arrowheads and attack marks are Graphviz's own: the same shapes, by kind.
    for shape in ("<ellipse", "<polygon", "stroke-dasharray"):
        assert by_elk.count(shape.encode()) == by_dot.count(shape.encode()), shape
    assert by_elk != by_dot  # placed by ELK, not by dot


@needs_elk
def test_elk_is_deterministic_and_draws_every_format() -> None:
    m = loads(map_yaml(12))
    assert render(m, "svg", engine="elk") == render(m, "svg", engine="elk")
    assert render(m, "png", engine="elk").startswith(b"\x89PNG")
    assert render(m, "pdf", engine="elk") == render(m, "pdf", engine="elk")


def test_elk_without_node_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("argmap.draw.elk.shutil.which", lambda _: None)
    with pytest.raises(RenderError) as raised:
        render(loads(map_yaml(10)), "svg", engine="elk")
    assert raised.value.diagnostic.code == "AM402"
    assert "Node.js" in raised.value.diagnostic.message
    assert "make setup" in raised.value.diagnostic.hint


def test_a_big_drawing_says_its_size_first_then_each_phase(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "BIG", 10)  # a small map stands for a big one
    from argmap.draw import DEFAULT_STYLE
    from argmap.draw import dot as source
    from argmap.graph import build

    m = loads(map_yaml(10))
    told: list[str] = []
    svg = engine.layout(source(m, build(m), DEFAULT_STYLE), "svg", progress=told.append)
    assert svg.lstrip().startswith(b"<?xml")
    assert told[0].startswith("drawing 14 nodes and 14 edges with dot: dot may take minutes")
    assert "--engine elk" in told[0]
    assert any(t.startswith("dot: mincross") for t in told[1:])
    assert any(t.startswith("dot: routesplines") for t in told[1:])


def test_a_small_drawing_says_nothing() -> None:
    from argmap.draw import DEFAULT_STYLE
    from argmap.draw import dot as source
    from argmap.graph import build

    m = loads(map_yaml(10))
    told: list[str] = []
    engine.layout(source(m, build(m), DEFAULT_STYLE), "svg", progress=told.append)
    assert told == []
