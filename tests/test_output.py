"""Writing never destroys a good file: failed, interrupted and killed writes leave it intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.output import write_atomic
from tests.benchmarks.generate import map_yaml


def test_failed_rename_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.svg"
    target.write_bytes(b"good")

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]  # no temporary file left


def test_interrupted_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.svg"
    target.write_bytes(b"good")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]


def test_render_killed_midway_leaves_the_old_drawing(tmp_path: Path) -> None:
    source = tmp_path / "big.yaml"
    source.write_text(map_yaml(1500), encoding="utf-8")
    target = tmp_path / "big.svg"
    target.write_bytes(b"<svg>the previous, good drawing</svg>")
    command = [sys.executable, "-m", "argmap", "render", str(source), "-o", str(target)]
    for delay in (0.2, 0.6, 1.0):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Killed before the rename: the old file; after it: a whole new drawing. Never half.
        data = target.read_bytes()
        assert data == b"<svg>the previous, good drawing</svg>" or data.rstrip().endswith(b"</svg>")
