"""One gate: every map that leaves `read` is validated and resolved; the API raises only
argmap's errors; a map built in code is resolved by the stage that needs it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import argmap
from argmap.errors import ArgmapError, FormatError, MapError, UnresolvedReferences
from argmap.formats import FORMATS
from argmap.graph import build
from argmap.model import ArgumentMap

DANGLING = "claims:\n  a: {text: A}\ninferences:\n  i: {premises: [a], conclusion: zz}\n"
CLEAN = (
    "claims:\n  a: {text: A}\n  b: {text: B}\ninferences:\n  i: {premises: [a], conclusion: b}\n"
)


def in_code(data: dict[str, object]) -> ArgumentMap:
    return ArgumentMap.model_validate(data)


def test_every_reader_is_a_function_in_the_table() -> None:
    assert all(callable(f.read) or f.read is None for f in FORMATS)
    assert all(callable(f.write) or f.write is None for f in FORMATS)
    assert {f.name for f in FORMATS if f.read is None} == {"graphml"}


def test_a_map_that_leaves_read_is_resolved(write_map: Callable[..., Path]) -> None:
    m, diags = argmap.read.read_path(write_map(DANGLING))
    assert m is None and [(d.code, d.line, d.column) for d in diags] == [("AM106", 4, 34)]
    with pytest.raises(MapError) as err:
        argmap.load(write_map(DANGLING))
    assert "AM106" in {d.code for d in err.value.diagnostics}
    assert str(err.value).endswith("no claim `zz` (in inference `i`'s `conclusion`)")


def test_every_validation_error_is_reported_with_its_position(
    write_map: Callable[..., Path],
) -> None:
    path = write_map("claims:\n  a: {text: 1}\n  b: {text: B, by: [x]}\n  c: {txt: C}\n")
    found = {(d.code, d.line) for d in argmap.check_path(path)}
    assert {("AM102", 2), ("AM102", 3), ("AM101", 4)} <= found


def test_graph_build_refuses_a_map_built_in_code_with_a_dangling_reference() -> None:
    m = in_code({"claims": {"a": {"text": "A"}}, "attacks": [{"from": "a", "to": "nosuch"}]})
    with pytest.raises(UnresolvedReferences) as err:
        build(m)
    assert [d.code for d in err.value.diagnostics] == ["AM106"]
    assert str(err.value).startswith("<map built in code>: attack #1's `to`: no claim")


def test_evaluate_and_render_raise_argmap_errors_on_unresolved_maps() -> None:
    """Regression (#10): evaluate gave an IndexError on a dangling conclusion."""
    m = in_code(
        {
            "claims": {"a": {"text": "A"}},
            "inferences": {"i": {"premises": ["a"], "conclusion": "nosuch"}},
        }
    )
    with pytest.raises(UnresolvedReferences):
        argmap.evaluate(m)
    with pytest.raises(MapError):
        argmap.render(m, "dot")
    with pytest.raises(UnresolvedReferences):
        argmap.dump(m)
    assert [d.code for d in argmap.check(m)] == ["AM106"]


def test_a_claim_and_an_inference_with_one_id_are_unresolved() -> None:
    m = in_code(
        {
            "claims": {"a": {"text": "A"}, "i": {"text": "I"}},
            "inferences": {"i": {"premises": ["a"], "conclusion": "a"}},
        }
    )
    with pytest.raises(UnresolvedReferences):
        build(m)


@pytest.mark.parametrize("target", ["bad.argdown", "bad.graphml", "bad.json", "bad.yaml"])
def test_convert_writes_nothing_when_the_input_has_errors(
    write_map: Callable[..., Path], target: str
) -> None:
    """Regression (#10): graphml gave a KeyError, argdown wrote `(2) [zz]` with exit 0."""
    source = write_map(DANGLING, "bad.yml")
    out = source.parent / target
    diags = argmap.convert(source, out)
    assert "AM106" in {d.code for d in diags} and not out.exists()


def test_api_round_trip_loads_dump() -> None:
    m = argmap.loads(CLEAN)
    assert argmap.loads(argmap.dump(m)).model_dump() == m.model_dump()
    assert argmap.loads(argmap.dump(m, "json"), "json").model_dump() == m.model_dump()
    with pytest.raises(FormatError):
        argmap.dump(m, "kialo")
    with pytest.raises(FormatError):
        argmap.loads(CLEAN, "graphml")
    with pytest.raises(FormatError):
        argmap.dump(m, "nosuch")


def test_losses_name_the_kind_and_count_and_strict_refuses(
    write_map: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every format argmap writes carries everything today: a GraphML that could not carry
    notes stands in for a format that loses data."""

    import argmap.formats
    from argmap.formats.base import EVERYTHING

    lossy = [
        f._replace(carries=EVERYTHING - {"claim notes"}) if f.name == "graphml" else f
        for f in FORMATS
    ]
    monkeypatch.setattr(argmap.formats, "FORMATS", lossy)
    source = write_map(CLEAN.replace("{text: A}", "{text: A, note: why}"))
    assert argmap.losses(argmap.load(source), "graphml") == [("claim notes", 1)]
    out = source.parent / "m.graphml"
    (warning,) = argmap.convert(source, out)
    assert warning.code == "AM643" and warning.severity is argmap.Severity.WARNING
    assert "claim notes (1)" in warning.message and out.exists()
    out.unlink()
    (error,) = argmap.convert(source, out, strict=True)
    assert error.severity is argmap.Severity.ERROR and not out.exists()


def test_map_error_of_a_map_built_in_code_names_it() -> None:
    err = MapError([argmap.diagnostics.diagnostic("AM104", "empty", ("claims", "a", "text"))])
    assert str(err) == "<map built in code>: claim `a`'s `text`: empty"
    assert isinstance(err, ArgmapError)


def test_str_of_a_diagnostic_family_error_is_not_a_dataclass_repr() -> None:
    with pytest.raises(MapError) as err:
        argmap.loads("claims: {a: {text: A}}\nmain: [b]\n", name="m.yaml")
    assert str(err.value) == "m.yaml:2:8: no claim `b` (in `main` #1)"


def test_a_lone_surrogate_is_refused_at_the_gate(write_map: Callable[..., Path]) -> None:
    """Regression (#11): a JSON text "\\ud800" crashed render and evaluate (UnicodeEncodeError)."""
    path = write_map('{"claims": {"a": {"text": "x\\ud800"}}}', "m.json")
    (d,) = argmap.check_path(path)
    assert (d.code, d.line) == ("AM102", 1) and "lone surrogate" in d.message
    for command in (
        ["render", str(path), "-o", str(path.with_suffix(".svg"))],
        ["evaluate", str(path)],
    ):
        done = run_cli(*command)
        assert done.returncode == 1 and "AM102" in done.stderr, done.stderr


def test_the_element_limit_holds_for_small_files(write_map: Callable[..., Path]) -> None:
    """Regression (#11): ARGMAP_MAX_ELEMENTS was checked only past ARGMAP_MAX_TEXT bytes."""
    path = write_map(CLEAN)
    done = run_cli("check", str(path), env={"ARGMAP_MAX_ELEMENTS": "2"})
    assert done.returncode == 1 and "AM008" in done.stdout


def run_cli(
    *args: str, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=120,
    )
