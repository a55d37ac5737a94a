"""argmap convert: formats by extension or by name, exit codes, and what is written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.formats import FORMATS, Format, detect
from argmap.formats.graphml import write as graphml
from tests.conftest import MAPS

EXAMPLE = MAPS / "example.yaml"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("form", [f for f in FORMATS if f.write and f.name != "graphml"])
def test_every_writable_format_round_trips_the_example(form: Format, tmp_path: Path) -> None:
    name = form.name
    target = tmp_path / f"out{form.suffixes[0]}"
    code, _ = _run("convert", str(EXAMPLE), str(target), "--to", name)
    assert code == 0 and target.exists()
    again, diags = argmap.read.read_path(target, name)
    assert again is not None and not argmap.diagnostics.has_errors(diags)
    original = argmap.load(EXAMPLE)
    assert again.claims.keys() == original.claims.keys()
    assert again.inferences.keys() == original.inferences.keys()
    assert [(a.from_, a.to) for a in again.attacks] == [(a.from_, a.to) for a in original.attacks]


def test_json_is_argmap_json(tmp_path: Path) -> None:
    target = tmp_path / "m.json"
    assert argmap.convert(EXAMPLE, target) == []
    assert detect(str(target), target.read_text()).name == "json"
    assert argmap.load(target).model_dump() == argmap.load(EXAMPLE).model_dump()


def test_check_reads_argdown_directly(write_map: Callable[..., Path]) -> None:
    path = write_map("[a]: A\n  + [b]: B\n", "m.argdown")
    code, output = _run("check", str(path))
    assert code == 0 and "0 error(s)" in output


def test_convert_refuses_input_with_errors(write_map: Callable[..., Path]) -> None:
    path = write_map("[a]: A\n  +\n", "bad.argdown")
    target = path.with_suffix(".yaml")
    code, _ = _run("convert", str(path), str(target))
    assert code == 1 and not target.exists()


def test_convert_to_a_read_only_format_is_a_usage_error(tmp_path: Path) -> None:
    code, output = _run("convert", str(EXAMPLE), str(tmp_path / "x.kialo"))
    assert code == 2 and "cannot write" in output


def test_graphml_has_every_node_and_edge() -> None:
    import networkx as nx

    m = argmap.load(EXAMPLE)
    graph = nx.parse_graphml(graphml(m))
    assert set(graph.nodes) == set(m.claims) | set(m.inferences)
    kinds = {d["kind"] for _, _, d in graph.edges(data=True)}
    assert kinds == {"premise", "conclusion", "attack"}


def test_am641_graphml_is_not_read(write_map: Callable[..., Path]) -> None:
    path = write_map("<graphml/>", "g.graphml")
    _, diags = argmap.read.read_path(path)
    assert [(d.code, d.line, d.column) for d in diags] == [("AM641", 1, 1)]


def test_aif_output_is_aif(tmp_path: Path) -> None:
    target = tmp_path / "m.json"
    diags = argmap.convert(EXAMPLE, target, to="aif")
    assert {d.code for d in diags} <= {"AM643"}
    assert all(d.message.startswith("AIF JSON (AIFdb, OVA) cannot carry") for d in diags)
    data = json.loads(target.read_text())
    assert {n["type"] for n in data["nodes"]} == {"I", "RA", "CA", "L", "YA"}


def test_convert_many_maps_into_a_folder(tmp_path: Path) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    for name in ("a", "b", "c"):
        (sources / f"{name}.argdown").write_text(f"[{name}]: {name.upper()}\n  + [x]: X\n")
    (sources / "broken.yaml").write_text("claims: {a: {text: A}}\nmain: [zz]\n")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = CliRunner().invoke(
            main, ["convert", "--jobs", jobs, "--to", "yaml", "--out-dir", str(out), str(sources)]
        )
        outputs.append((result.exit_code, result.output))
        assert sorted(p.name for p in out.iterdir()) == ["a.yaml", "b.yaml", "c.yaml"]
        assert argmap.load(out / "b.yaml").text_of("b") == "B"
    assert outputs[0] == outputs[1]
    code, text = outputs[0]
    assert code == 1
    assert text.startswith(f"{sources / 'broken.yaml'}:2:8: error AM106 no claim `zz`")


def test_convert_out_dir_refuses_two_maps_of_one_name(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "m.argdown").write_text("[a]: A\n  + [b]: B\n")
    args = ["convert", "--to", "yaml", "--out-dir", str(tmp_path / "out")]
    result = CliRunner().invoke(main, [*args, str(tmp_path / "x"), str(tmp_path / "y")])
    assert result.exit_code == 2
    assert "would both be written to" in result.output
    assert not (tmp_path / "out").exists()


def test_convert_without_out_dir_takes_two_paths(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", "a.yaml", "b.yaml", "c.yaml"])
    assert result.exit_code == 2 and "--out-dir" in result.output


def test_convert_out_dir_to_a_read_only_format_is_a_usage_error(tmp_path: Path) -> None:
    maps = [str(MAPS / "example.yaml"), str(MAPS / "runway-letter.yaml")]
    args = ["convert", "--jobs", "2", "--to", "kialo", "--out-dir", str(tmp_path / "out")]
    result = CliRunner().invoke(main, [*args, *maps])
    assert result.exit_code == 2
    assert "argmap cannot write Kialo debate (text export)" in result.output


def test_an_error_raised_in_a_worker_process_arrives_whole() -> None:
    import pickle

    from argmap.diagnostics import diagnostic
    from argmap.errors import RenderError

    error = RenderError(diagnostic("AM501", "dot failed", hint="install Graphviz"))
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is RenderError
    assert (back.diagnostic, str(back)) == (error.diagnostic, str(error))
