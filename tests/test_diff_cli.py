"""`argmap diff` on the command line: exit statuses, formats, git revisions, and real
`git diff` with argmap as the diff driver of maps."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import main

GOLDEN = Path(__file__).parent / "golden" / "diff"
OLD, NEW = GOLDEN / "objection-old.yaml", GOLDEN / "objection-new.yaml"


def diff(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["diff", *map(str, args)])


def test_exit_status_like_diff(tmp_path: Path) -> None:
    assert diff(OLD, OLD).exit_code == 0
    changed = diff(OLD, NEW)
    assert changed.exit_code == 1
    assert "main conclusion build-lane: in -> out" in changed.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("claims: {a: {text: A}}\nmain: [b]\n", encoding="utf-8")
    trouble = diff(OLD, broken)
    assert trouble.exit_code == 2 and "AM106" in trouble.stderr
    assert diff(OLD, tmp_path / "absent.yaml").exit_code == 2


def test_usage_errors_exit_two() -> None:
    for args in ([str(OLD)], [str(OLD), str(NEW), str(NEW)], ["--git", "HEAD", str(OLD), str(NEW)]):
        result = CliRunner().invoke(main, ["diff", *args])
        assert result.exit_code == 2 and "Usage" in result.output


def test_formats() -> None:
    data = json.loads(diff("--format", "json", OLD, NEW).output)
    assert data["flips"][0]["id"] == "build-lane" and data["summary"]["flips"] == 1
    markdown = diff("--format", "markdown", OLD, NEW).output
    assert markdown.startswith("### argmap diff") and "**main conclusion** `build-lane`" in markdown


def test_two_formats_compared(tmp_path: Path) -> None:
    argdown = tmp_path / "old.argdown"
    argdown.write_text("[a]: Cats purr.\n  + [b]: Cats are content.\n", encoding="utf-8")
    yaml = tmp_path / "new.yaml"
    yaml.write_text(
        "claims:\n  a: {text: Cats purr.}\n  b: {text: Cats are content.}\n"
        "inferences:\n  b.a: {premises: [b], conclusion: a}\n",
        encoding="utf-8",
    )
    result = diff(argdown, yaml)
    assert result.exit_code == 0, result.output


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(repo), "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1"}
    identity = ["-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "core.pager=cat"]
    return subprocess.run(
        ["git", *identity, *args], cwd=repo, capture_output=True, text=True, env=env, check=False
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository where map.yaml was committed twice: before and after an objection."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    assert git(tmp_path, "init", "-q").returncode == 0
    for side in (OLD, NEW):
        shutil.copy(side, tmp_path / "map.yaml")
        git(tmp_path, "add", "map.yaml")
        assert git(tmp_path, "commit", "-qm", side.stem).returncode == 0
    return tmp_path


def test_working_copy_against_a_revision(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    assert diff("--git", "HEAD", "map.yaml").exit_code == 0
    result = diff("--git", "HEAD~1", "map.yaml")
    assert result.exit_code == 1 and "argmap diff HEAD~1:map.yaml map.yaml" in result.output
    assert "+ added lose-parking" in result.output
    missing = diff("--git", "no-such-rev", "map.yaml")
    assert missing.exit_code == 2 and "AM001" in missing.stderr
    assert diff("--git", "--output=x", "map.yaml").exit_code == 2


def test_two_revisions(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo.parent)  # the path is relative to the working folder, not the repo
    result = diff("HEAD~1..HEAD", "--", repo / "map.yaml")
    assert result.exit_code == 1 and "build-lane: in -> out" in result.output
    assert diff("HEAD..", "--", repo / "map.yaml").exit_code == 0
    assert diff("HEAD...HEAD~1", "--", repo / "map.yaml").exit_code == 2


def driver(repo: Path) -> None:
    """Make argmap the diff driver of YAML maps, as docs/diff.md says."""
    (repo / ".gitattributes").write_text("*.yaml diff=argmap\n", encoding="utf-8")
    git(repo, "config", "diff.argmap.command", f"'{sys.executable}' -m argmap diff")


def test_git_diff_shows_argmaps_diff(repo: Path) -> None:
    driver(repo)
    shown = git(repo, "diff", "HEAD~1", "HEAD")
    assert shown.returncode == 0, shown.stderr
    assert "argmap diff a/map.yaml b/map.yaml" in shown.stdout
    assert "main conclusion build-lane: in -> out" in shown.stdout
    assert "attacked by `lose-parking`" in shown.stdout
    # git log needs --ext-diff to use a driver
    assert "argmap diff" in git(repo, "log", "-p", "--ext-diff", "-1").stdout


def test_git_diff_of_a_new_map_and_of_a_broken_one(repo: Path) -> None:
    driver(repo)
    shutil.copy(OLD, repo / "other.yaml")
    git(repo, "add", "other.yaml")
    added = git(repo, "diff", "--cached")
    assert added.returncode == 0 and "+ added build-lane" in added.stdout
    (repo / "map.yaml").write_text("claims: {a: {text: [unclosed\n", encoding="utf-8")
    broken = git(repo, "diff", "map.yaml")
    # git goes on; the map's problem is said, and its lines shown as git would
    assert broken.returncode == 0
    assert "AM004" in broken.stderr and "+claims: {a: {text: [unclosed" in broken.stdout
