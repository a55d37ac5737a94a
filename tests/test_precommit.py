"""The pre-commit hooks of .pre-commit-hooks.yaml, run by pre-commit itself (`try-repo`) on a
git repository made for the test.

pre-commit installs argmap from this repository into a virtual environment of its own, from
PyPI: where that install cannot be done (no network), the test is skipped and says why;
everything after the install is asserted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_diagnostics import BASE

ROOT = Path(__file__).resolve().parents[1]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo` of this repository's hooks on every file of `repo`."""
    environ = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    environ.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files"],
        cwd=repo,
        env=environ,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _skip_unless_installed(done: subprocess.CompletedProcess[str]) -> None:
    """Skip when pre-commit could not build the hooks' environment (no network to PyPI)."""
    said = done.stdout + done.stderr
    if "An unexpected error has occurred: CalledProcessError" in said and "pip" in said:
        log = said[-1500:]
        pytest.skip(f"pre-commit could not install argmap's hooks here:\n{log}")


def _failing_hooks(repo: Path, home: Path) -> str:
    """What :func:`_try_repo` prints when a hook fails (pre-commit exits 1); a skip when the
    hooks could not be installed."""
    done = _try_repo(repo, home)
    _skip_unless_installed(done)
    assert done.returncode == 1, done.stdout
    return done.stdout


def _hook_line(out: str, hook: str) -> str:
    """The line of pre-commit's output that gives `hook`'s result (``... Passed``)."""
    return next(line for line in out.splitlines() if line.startswith(hook))


def test_hooks_check_maps_and_keep_drawings_in_step(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is in the `test` extra (make setup)")
    if shutil.which("dot") is None:
        pytest.skip("Graphviz (dot) is not installed: argmap-render needs it")
    repo = tmp_path / "project"
    (repo / "maps").mkdir(parents=True)
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / "maps" / "lane.yaml").write_text(BASE, encoding="utf-8")
    (repo / "maps" / "lane.svg").write_text("<svg>an old drawing</svg>\n", encoding="utf-8")
    # Not a map: a folder search passes it over, so neither hook reports it.
    (repo / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "maps")

    out = _failing_hooks(repo, tmp_path / "pre-commit")
    assert "argmap check" in out and "argmap render" in out
    assert _hook_line(out, "argmap check").endswith("Passed"), out
    assert _hook_line(out, "argmap render").endswith("Failed"), out
    assert "maps/lane.svg was out of date: drawn again" in out
    drawing = (repo / "maps" / "lane.svg").read_text(encoding="utf-8")
    assert drawing.startswith("<?xml") and "an old drawing" not in drawing

    # The drawing committed, a broken map added: check fails with the located diagnostic.
    (repo / "maps" / "broken.yaml").write_text(
        BASE.replace("conclusion: b}", "conclusion: bb}"), encoding="utf-8"
    )
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "drawn, and a broken map")
    out = _failing_hooks(repo, tmp_path / "pre-commit")
    assert "argmap check" in out
    assert _hook_line(out, "argmap check").endswith("Failed"), out
    assert "maps/broken.yaml:5:34: error AM106 no claim `bb`" in out
    assert (repo / "maps" / "lane.svg").read_text(encoding="utf-8") == drawing
