"""`argmap check` as a user runs it: output lines, JSON, exit status."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main
from tests.conftest import MAPS

CLEAN = (
    "claims:\n  a: {text: A}\n  b: {text: B}\ninferences:\n  i: {premises: [a], conclusion: b}\n"
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_clean_maps_exit_zero() -> None:
    code, out = run("check", str(MAPS))
    assert code == 0, out
    assert "0 error(s), 0 warning(s)" in out


def test_error_line_format_and_exit_one(write_map: Callable[..., Path]) -> None:
    path = write_map(CLEAN.replace("conclusion: b", "conclusion: bb"))
    code, out = run("check", str(path))
    assert code == 1
    first = out.splitlines()[0]
    assert first == f"{path}:5:34: error AM106 no claim `bb` (in inference `i`'s `conclusion`)"
    assert out.splitlines()[1] == "  hint: did you mean `b`?"
    assert "\x1b[" not in out  # no colour when not on a terminal


def test_warnings_fail_only_with_strict(write_map: Callable[..., Path]) -> None:
    path = write_map(CLEAN + "  j: {premises: [a], conclusion: b}\nsources:\n  s: {title: S}\n")
    assert run("check", str(path))[0] == 0
    code, out = run("check", "--strict", str(path))
    assert code == 1 and "warning AM306" in out


def test_json_output_carries_the_same_records(write_map: Callable[..., Path]) -> None:
    path = write_map(CLEAN + "attacks:\n  - {from: a, to: a}\n")
    code, out = run("check", "--format", "json", str(path))
    assert code == 1
    records = json.loads(out)
    assert [r["code"] for r in records] == ["AM204"]
    assert records[0]["line"] == 7 and records[0]["severity"] == "error"
    assert records[0]["pointer"] == ["attacks", 0]


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert run("check")[0] == 2
    assert run("check", str(tmp_path))[0] == 2  # a folder without maps
    assert run("check", str(tmp_path / "absent.yaml"))[0] == 2


def test_python_m_argmap_runs() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(MAPS / "example.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "1 file checked" in done.stdout


def test_render_never_overwrites_its_input(tmp_path: Path) -> None:
    source = tmp_path / "map.yaml"
    source.write_bytes((MAPS / "example.yaml").read_bytes())
    code, out = run("render", str(source), "-o", str(source), "--format", "svg")
    assert code == 2 and "never overwrites its input" in out
    assert source.read_bytes() == (MAPS / "example.yaml").read_bytes()


def test_convert_never_overwrites_its_input(tmp_path: Path) -> None:
    source = tmp_path / "map.yaml"
    source.write_bytes((MAPS / "example.yaml").read_bytes())
    code, out = run("convert", str(source), str(source))
    assert code == 2 and "AM642" in out and "never overwrites its input" in out
    assert source.read_bytes() == (MAPS / "example.yaml").read_bytes()
    code, out = run("convert", str(source), str(tmp_path / "missing" / "map.json"))
    assert code == 2 and "AM642" in out


def test_jobs_give_the_same_output_and_status_as_one_process(tmp_path: Path) -> None:
    # Maps that finish in any order on two processes: a broken one among clean ones, each
    # message located in its own file, in the order of the files.
    for i in range(6):
        text = CLEAN.replace("conclusion: b", "conclusion: bb") if i in (1, 4) else CLEAN
        (tmp_path / f"m{i}.yaml").write_text(text, encoding="utf-8")
    one = run("check", "--jobs", "1", str(tmp_path))
    two = run("check", "--jobs", "2", str(tmp_path))
    assert one == two
    code, out = two
    assert code == 1
    located = [line.split(":")[0] for line in out.splitlines() if "AM106" in line]
    assert located == [str(tmp_path / "m1.yaml"), str(tmp_path / "m4.yaml")]
    assert out.splitlines()[-1] == "6 files checked: 2 error(s), 0 warning(s)"


def test_jobs_must_be_positive() -> None:
    code, out = run("check", "--jobs", "0", str(MAPS))
    assert code == 2 and "--jobs" in out
