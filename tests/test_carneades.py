"""The Carneades importer, checked against the labels Carneades 4 computes itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from argmap import convert
from argmap.evaluate import evaluate
from argmap.finish import references
from argmap.formats.carneades import slug, term, translate
from argmap.limits import Limits
from argmap.read import read_path
from tests.conftest import shared


def corpus() -> list[Path]:
    return sorted(shared("corpora", "carneades").glob("*.yml"))


def expected(path: Path) -> dict[str, str]:
    """The `tests:` block of a Carneades file: statement id -> label."""
    tests = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("tests") or {}
    return {term(ident): label for label, ids in tests.items() for ident in ids or []}


def outcome(path: Path) -> str:
    """`agree`, `differ` or `unsupported: <features>` for one file with a tests block."""
    argmap, diags = read_path(path)
    assert argmap is not None and not references(argmap), diags
    unsupported = sorted({d.message.split(": ", 1)[1] for d in diags if d.code == "AM513"})
    labels = evaluate(argmap).labels
    agree = all(labels[slug(i)] == want for i, want in expected(path).items())
    if unsupported:
        return "unsupported: " + "; ".join(unsupported)
    return "agree" if agree else "differ"


def test_every_test_block_agrees_or_is_reported_unsupported() -> None:
    results = {p.name: outcome(p) for p in corpus() if expected(p)}
    assert "differ" not in results.values(), results
    agree = [name for name, result in results.items() if result == "agree"]
    # Only argument schemes applied as rules and weighing functions other than constant,
    # linked and convergent are outside argmap; the rest must agree.
    assert len(agree) >= 15, results


def test_files_without_tests_read_cleanly() -> None:
    for path in corpus():
        argmap, diags = read_path(path)
        assert argmap is not None, path
        assert all(d.severity == "warning" for d in diags), diags


def test_ids_become_slugs_and_statuses_follow_assumptions(write_map: Callable[..., Path]) -> None:
    path = write_map(
        """
        statements:
          bird: Tweety is a bird.
          ¬flies: Tweety does not fly.
        arguments:
          a1: {conclusion: ¬flies, premises: {minor: bird}}
        assumptions: [bird]
        """,
        "graph.yml",
    )
    argmap, diags = read_path(path)
    assert argmap is not None and diags == []
    assert argmap.claims["bird"].status == "accepted"
    assert argmap.claims["not-flies"].status == "open"
    assert argmap.inferences["a1"].premises == ["bird"]


def test_convergent_argument_becomes_one_inference_per_premise(
    write_map: Callable[..., Path],
) -> None:
    path = write_map(
        """
        statements: {p: P, q: Q, t: T}
        arguments:
          a1: {scheme: convergent, conclusion: t, premises: [p, q], undercutter: q}
        """,
        "graph.yml",
    )
    argmap, _ = read_path(path)
    assert argmap is not None
    assert [i.premises for i in argmap.inferences.values()] == [["p"], ["q"]]
    assert sorted(a.to for a in argmap.attacks) == sorted(argmap.inferences)


def test_constant_weight_of_a_scheme(write_map: Callable[..., Path]) -> None:
    path = write_map(
        """
        argument_schemes:
          - {id: s1, weight: {constant: 0.25}}
        statements: {p: P, q: Q}
        arguments:
          a1: {scheme: s1, conclusion: q, premises: [p]}
        """,
        "graph.yml",
    )
    argmap, diags = read_path(path)
    assert argmap is not None and diags == []
    assert argmap.inferences["a1"].weight == 0.25


def test_am510_not_a_carneades_graph(write_map: Callable[..., Path]) -> None:
    path = write_map("- statements\n", "graph.yml")
    argmap, diags = read_path(path, "carneades")
    assert argmap is None
    assert [(d.code, d.line, d.column) for d in diags] == [("AM510", 1, 1)]


def test_am511_argument_without_conclusion(write_map: Callable[..., Path]) -> None:
    path = write_map("statements: {p: P}\narguments:\n  a1: {premises: [p]}\n", "graph.yml")
    argmap, diags = read_path(path)
    assert argmap is None
    assert [(d.code, d.line, d.column) for d in diags] == [("AM511", 3, 3)]


def test_am512_two_ids_one_slug(write_map: Callable[..., Path]) -> None:
    path = write_map("statements:\n  a(b): X\n  a_b: Y\n", "graph.yml")
    argmap, diags = read_path(path)
    assert argmap is None
    assert [(d.code, d.line, d.column) for d in diags] == [("AM512", 3, 3)]


@pytest.mark.parametrize(
    ("text", "line", "column", "name"),
    [
        (
            "statements: {p: P}\narguments:\n  a1: {scheme: cumulative, conclusion: p}\n",
            3,
            16,
            "cumulative",
        ),
        ("statements: {p: P}\nissues:\n  i1: {positions: [p, p], standard: BRD}\n", 3, 37, "BRD"),
        ("statements: {p: P}\nweighing_functions: {}\n", 2, 1, "weighing_functions"),
    ],
)
def test_am513_unsupported_feature_is_named(
    write_map: Callable[..., Path], text: str, line: int, column: int, name: str
) -> None:
    argmap, diags = read_path(write_map(text, "graph.yml"))
    assert argmap is not None
    assert [(d.code, d.line, d.column) for d in diags] == [("AM513", line, column)]
    assert name in diags[0].message


def test_translate_gives_plain_data() -> None:
    """The map's data is plain, so that finish validates every value of the file."""
    data = yaml.safe_load(shared("corpora", "carneades", "mcda-porsche.yml").read_text("utf-8"))
    graph, _, _ = translate(data)
    stack = [graph]
    while stack:
        node = stack.pop()
        assert type(node) in (dict, list, str, int, float, bool), type(node)
        stack.extend(
            node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
        )


SCHEME_WITH_WEIGHT = """\
argument_schemes:
  - id: s1
    weight:
      constant: {}
statements: {{p: P, q: Q}}
arguments:
  a1: {{scheme: s1, conclusion: q, premises: [p]}}
"""


@pytest.mark.parametrize("weight", ["7", "5", "-1", ".nan", ".inf", "true", '"0.5"', "[1]", "{}"])
def test_am511_constant_weight_outside_0_to_1(write_map: Callable[..., Path], weight: str) -> None:
    """Carneades weighs from 0 to 1, as argmap does: `constant: 7` was written `weight: 7.0`."""
    argmap, diags = read_path(write_map(SCHEME_WITH_WEIGHT.format(weight), "graph.yml"))
    assert argmap is None
    assert [(d.code, d.line, d.column) for d in diags] == [("AM511", 4, 17)]
    assert "from 0 to 1" in diags[0].message


@pytest.mark.parametrize(("weight", "kept"), [("0", 0.0), ("1", 1.0), ("0.8", 0.8)])
def test_constant_weights_from_0_to_1_are_kept(
    write_map: Callable[..., Path], weight: str, kept: float
) -> None:
    argmap, diags = read_path(write_map(SCHEME_WITH_WEIGHT.format(weight), "graph.yml"))
    assert argmap is not None and diags == []
    assert argmap.inferences["a1"].weight == kept


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # A list as a scheme raised "unhashable type: 'list'".
        ("statements: {p: P}\narguments:\n  a1: {scheme: [x], conclusion: p}\n", 3, 16),
        ("statements: {p: P}\narguments:\n  a1: {conclusion: [p]}\n", 3, 20),
        ("statements: {p: P}\narguments:\n  a1: {conclusion: p, premises: [{p: 1}]}\n", 3, 34),
        ("statements: {p: P}\narguments:\n  a1: {conclusion: p, undercutter: [p]}\n", 3, 36),
        ("statements: {p: P}\narguments:\n  a1: {conclusion: p, premises: 5}\n", 3, 33),
        ("statements: {p: P, q: Q}\nissues:\n  i1: {positions: [p, [q]]}\n", 3, 23),
        ("statements: {p: P}\nargument_schemes:\n  - weight: {constant: 0.5}\n", 3, 5),
        ("statements: {p: P}\nargument_schemes:\n  - {id: s1, weight: 0.5}\n", 3, 22),
        ("statements: {p: P}\nargument_schemes: {s1: {}}\n", 2, 1),
    ],
)
def test_am511_wrong_shapes_are_located(
    write_map: Callable[..., Path], text: str, line: int, column: int
) -> None:
    argmap, diags = read_path(write_map(text, "graph.yml"))
    assert argmap is None
    assert [(d.code, d.line, d.column) for d in diags] == [("AM511", line, column)]


def test_values_are_validated_and_located_by_the_gate(write_map: Callable[..., Path]) -> None:
    path = write_map(
        "meta: {title: [1, 2]}\nstatements: {p: P}\nissues:\n  i1: {positions: [p]}\n",
        "graph.yml",
    )
    argmap, diags = read_path(path)
    assert argmap is None
    assert {(d.code, d.line) for d in diags} == {("AM102", 1), ("AM102", 4)}


def test_am008_convergent_argument_past_the_limit(write_map: Callable[..., Path]) -> None:
    """A convergent argument is one inference per premise: counted before any is built."""
    premises = ", ".join(["p"] * 50)
    text = (
        "statements: {p: P, q: Q}\narguments:\n  a0: {conclusion: q, premises: [p]}\n"
        f"  a1: {{scheme: convergent, conclusion: q, premises: [{premises}], undercutter: p}}\n"
    )
    argmap, diags = read_path(write_map(text, "graph.yml"), limits=Limits(max_elements=60))
    assert argmap is None
    assert [(d.code, d.line, d.column) for d in diags] == [("AM008", 4, 3)]


def test_what_convert_writes_reads_back(tmp_path: Path) -> None:
    """`convert` wrote `weight: 7.0` from `constant: 7`, which `check` then rejected."""
    for path in corpus():
        target = tmp_path / f"{path.stem}.yaml"
        assert not [d for d in convert(path, target) if d.severity == "error"], path.name
        argmap, diags = read_path(target)
        assert argmap is not None, diags
