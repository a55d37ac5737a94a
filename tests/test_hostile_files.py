"""Hostile files (#11): devices and pipes, sources that are not files, outputs that must not
be written, and crashes that must never pass for "the map has errors"."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_gate import CLEAN, run_cli

QUOTED = """\
sources:
  art: {title: Article, path: %s}
claims:
  a: {text: A, quote: {source: art, text: hello}}
  b: {text: B}
inferences:
  i: {premises: [a], conclusion: b}
"""

root = pytest.mark.skipif(os.geteuid() != 0, reason="only root can replace /dev/null")


@root
def test_render_to_dev_null_writes_into_it_and_leaves_it_a_device(
    write_map: Callable[..., Path],
) -> None:
    """Regression: as root, `render map.yaml -o /dev/null` replaced /dev/null with an SVG."""
    done = run_cli("render", str(write_map(CLEAN)), "-o", "/dev/null", "--format", "svg")
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_convert_to_dev_stdout_streams(write_map: Callable[..., Path]) -> None:
    """Regression: `convert map.yaml /dev/stdout --to json` replaced the /dev/stdout link."""
    done = run_cli("convert", str(write_map(CLEAN)), "/dev/stdout", "--to", "json")
    assert done.returncode == 0, done.stderr
    assert '"claims"' in done.stdout
    assert os.path.islink("/dev/stdout")


def test_dash_is_standard_input_and_output(write_map: Callable[..., Path]) -> None:
    done = run_cli("check", "-", stdin=CLEAN.encode())
    assert done.returncode == 0 and "1 file checked" in done.stdout, done.stderr
    done = run_cli("render", "-", "-o", "-", stdin=CLEAN.encode())
    assert done.returncode == 0 and done.stdout.startswith("<?xml"), done.stderr
    done = run_cli("convert", "-", "-", "--to", "json", stdin=CLEAN.encode())
    assert done.returncode == 0 and '"claims"' in done.stdout, done.stderr


def test_a_map_from_a_pipe_has_no_folder_for_its_sources() -> None:
    """Regression: a map piped through /dev/stdin had /dev as its folder (`path: zero`)."""
    done = run_cli("check", "/dev/stdin", stdin=(QUOTED % "zero").encode())
    assert done.returncode == 1 and "AM207" in done.stdout
    assert "not read from a file in a folder" in done.stdout


def test_a_source_that_is_a_fifo_does_not_hang(write_map: Callable[..., Path]) -> None:
    path = write_map(QUOTED % "fifo.txt")
    os.mkfifo(path.parent / "fifo.txt")
    done = run_cli("check", str(path))
    assert done.returncode == 1 and "AM207" in done.stdout and "not a regular file" in done.stdout


def test_a_source_larger_than_the_limit_is_refused(write_map: Callable[..., Path]) -> None:
    """Regression: an 8 GB sparse article.txt was read whole (3 GB)."""
    path = write_map(QUOTED % "big.txt")
    with open(path.parent / "big.txt", "wb") as big:
        big.truncate(8 * 1024**3)  # sparse: costs no disk
    done = run_cli("check", str(path))
    assert (
        done.returncode == 1 and "AM207" in done.stdout and "larger than the limit" in done.stdout
    )


def test_a_source_path_with_a_nul_byte_is_a_diagnostic(write_map: Callable[..., Path]) -> None:
    path = write_map(QUOTED % '"a\\0b.txt"')
    done = run_cli("check", str(path))
    assert done.returncode == 1 and "AM207" in done.stdout and "NUL" in done.stdout


def test_render_never_overwrites_a_source_text(write_map: Callable[..., Path]) -> None:
    """Regression: `render m.yaml -o article.txt --format svg` overwrote the map's source."""
    path = write_map(QUOTED % "article.txt")
    article = path.parent / "article.txt"
    article.write_text("hello world", encoding="utf-8")
    done = run_cli("render", str(path), "-o", str(article), "--format", "svg")
    assert done.returncode == 2 and "never overwrites its input" in done.stderr
    assert article.read_text(encoding="utf-8") == "hello world"


def test_two_inputs_into_one_output_are_refused(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "x.json").write_text('{"claims": {"a": {"text": "A"}}}', encoding="utf-8")
    done = run_cli("render", str(tmp_path))
    assert done.returncode == 2 and "would both be drawn into" in done.stderr
    assert not (tmp_path / "x.svg").exists()


def test_several_maps_need_a_folder(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(CLEAN, encoding="utf-8")
    maps = [str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]
    done = run_cli("render", *maps, "-o", "-")
    assert done.returncode == 2 and "need a folder" in done.stderr
    assert not Path("-").exists()
    existing = tmp_path / "existing"
    existing.write_text("keep", encoding="utf-8")
    done = run_cli("render", *maps, "-o", str(existing))
    assert (
        done.returncode == 2 and "need a folder" in done.stderr and "Traceback" not in done.stderr
    )


def test_a_read_only_folder_is_a_diagnostic(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    (tmp_path / "m.yaml").write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "ro"
    out.mkdir(mode=0o500)
    done = run_cli("render", str(tmp_path / "m.yaml"), "-o", str(out / "m.svg"))
    assert done.returncode == 2 and "AM405" in done.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ARGMAP_MAX_BYTES", "1e12"),
        ("ARGMAP_MAX_BYTES", "-5"),
        ("ARGMAP_RENDER_SECONDS", "nan"),
        ("ARGMAP_RENDER_SECONDS", "-1"),
    ],
)
def test_bad_limits_are_usage_errors(write_map: Callable[..., Path], name: str, value: str) -> None:
    done = run_cli("check", str(write_map(CLEAN)), env={name: value})
    assert done.returncode == 2 and name in done.stderr and "Traceback" not in done.stderr


def test_a_huge_byte_limit_allocates_nothing_up_front(write_map: Callable[..., Path]) -> None:
    """Regression: ARGMAP_MAX_BYTES=1000000000000 raised MemoryError."""
    done = run_cli("check", str(write_map(CLEAN)), env={"ARGMAP_MAX_BYTES": "1000000000000"})
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("seconds", ["inf", "1e308", "1e400", "0"])
def test_infinite_render_times_mean_no_limit(
    write_map: Callable[..., Path], tmp_path: Path, seconds: str
) -> None:
    out = tmp_path / "m.svg"
    done = run_cli("render", str(write_map(CLEAN)), "-o", str(out), "--timeout", seconds)
    assert done.returncode == 0 and out.exists(), done.stderr
    done = run_cli(
        "render", str(write_map(CLEAN)), "-o", str(out), env={"ARGMAP_RENDER_SECONDS": seconds}
    )
    assert done.returncode == 0, done.stderr


def test_a_nan_timeout_is_a_usage_error(write_map: Callable[..., Path]) -> None:
    done = run_cli("render", str(write_map(CLEAN)), "--timeout", "nan")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_an_unknown_drawing_extension_is_a_usage_error(write_map: Callable[..., Path]) -> None:
    """Regression (#12): `render -o x.jpg` wrote SVG into x.jpg."""
    path = write_map(CLEAN)
    done = run_cli("render", str(path), "-o", str(path.parent / "x.jpg"))
    assert done.returncode == 2 and ".svg" in done.stderr
    assert not (path.parent / "x.jpg").exists()


def test_an_internal_error_is_not_exit_one(tmp_path: Path) -> None:
    """A crash exits 70 with a request for a report, never 1 ("the map has errors")."""
    import subprocess
    import sys

    script = (
        "import argmap.cli as cli\n"
        "def boom():\n    raise RuntimeError('kaboom')\n"
        "cli.main = boom\ncli.run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 70
    assert "internal error: RuntimeError: kaboom" in done.stderr and "report" in done.stderr


def test_terminal_escapes_in_a_map_are_shown_not_obeyed(write_map: Callable[..., Path]) -> None:
    """Regression: a CSI or OSC sequence in a claim rewrote the terminal through evaluate."""
    path = write_map(
        'claims:\n  a: {text: "A\\e]0;pwned\\aB\\e[2J"}\n  b: {text: B}\n'
        "inferences:\n  i: {premises: [a], conclusion: b}\n"
    )
    done = run_cli("evaluate", str(path))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\\x1b]0;pwned" in done.stdout
    odd = write_map("claims: {a: {text: A}}\nmain: [b]\n", "odd\x1b[31m\nname.yaml")
    done = run_cli("check", str(odd))
    assert "\x1b" not in done.stdout and "odd\\x1b[31m\\x0aname.yaml" in done.stdout
