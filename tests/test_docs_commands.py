"""Every command and Python example of the README and of docs/ runs, as documented.

The rule for shell commands:

- A command is a line of a fenced block opened with ```sh in README.md or docs/*.md; a line
  ending in a backslash continues on the next. Blank lines and lines that start with ``#``
  are not commands.
- Each page's commands run in order in one bash session (so a command may use a file that an
  earlier command of the same page wrote, as a reader following the page would), in a fresh
  copy of the repository's files (those git tracks, and new ones it does not ignore), with
  the running environment's ``argmap`` and ``python3`` first on ``PATH`` and ``HOME`` inside
  the copy (and pypandoc-binary's pandoc, where it is installed).
- Each must exit with status 0, or with N when its line ends with a comment ``# exit N``
  (the documented failures).
- Not run, each for a reason (:data:`NOT_RUN`): ``make`` (CI runs ``make test`` itself, and
  ``make`` made the environment these tests run in); installing (``python3 -m venv``,
  ``pip``, ``apt-get``, ``brew``: they need the network or root, and ``make`` does them);
  benchmarks and fuzzing (they run for minutes; tests/test_benchmarks.py runs the benchmark
  scripts at a tiny size).

Python examples (``>>>`` lines) in the same pages run as doctests, from a copy of the
repository too.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: The pages with Python examples (``>>>``), run as doctests.
WITH_EXAMPLES = [p for p in PAGES if ">>> " in p.read_text(encoding="utf-8")]

#: Commands not run, by how they start, and why.
NOT_RUN: dict[str, str] = {
    "make": "CI runs `make test` itself; `make` made the environment these tests run in",
    "python3 -m venv": "installing needs the network; `make` does it",
    "pip ": "installing needs the network; `make` does it",
    ".venv/bin/pip ": "installing needs the network; `make` does it",
    "apt-get ": "installing needs root and the network; `make` does it",
    "brew ": "installing Graphviz on macOS",
    ".venv/bin/python -m tests.benchmarks.": "runs for minutes; test_benchmarks runs it small",
    ".venv/bin/python -m tests.fuzz.": "runs for minutes; test_fuzz runs the same property",
}

FENCE = re.compile(r"^```(\S*)\s*$")
EXPECTED = re.compile(r"(?:^|\s)#\s*exit (\d+)\b")


@dataclass(frozen=True)
class Command:
    """One documented command: its text, where it is, and the exit status it should have."""

    text: str
    page: str
    line: int
    status: int = 0


def commands(markdown: str, page: str = "page.md") -> list[Command]:
    """The commands of the ```sh blocks of a Markdown text that are run (see the module).

    >>> commands("```sh\\nargmap check a.yaml   # exit 1\\nmake test\\n```\\n")
    [Command(text='argmap check a.yaml   # exit 1', page='page.md', line=2, status=1)]
    """
    found: list[Command] = []
    in_sh = False
    pending: tuple[int, str] | None = None
    for number, line in enumerate(markdown.splitlines(), 1):
        fence = FENCE.match(line)
        if fence:
            in_sh = not in_sh and fence.group(1) == "sh"
            continue
        if not in_sh:
            continue
        start, text = pending if pending else (number, "")
        text += line
        if text.endswith("\\"):
            pending = (start, text[:-1] + " ")
            continue
        pending = None
        stripped = text.strip()
        if not stripped or stripped.startswith("#") or not_run(stripped):
            continue
        expected = EXPECTED.search(stripped)
        status = int(expected.group(1)) if expected else 0
        found.append(Command(stripped, page, start, status))
    return found


def not_run(command: str) -> str | None:
    """Why a command is not run, or None when it is."""
    for start, reason in NOT_RUN.items():
        if command.startswith(start):
            return reason
    return None


def copy_repository(target: Path) -> Path:
    """A copy of the repository's files (tracked, or new and not ignored) under `target`."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    copy = target / "repo"
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted but not yet committed is listed too
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


def run_page(page: Path, copy: Path) -> list[tuple[Command, int, str]]:
    """Run a page's commands in one bash session in `copy`: each with its status and output."""
    found = commands(page.read_text(encoding="utf-8"), page.relative_to(ROOT).as_posix())
    script = []
    for index, command in enumerate(found):
        script.append(f"echo '@@ {index}'; echo '@@ {index}' >&2")
        script.append(command.text)
        script.append(f'echo "@@ {index} status $?"')
    folders = [str(Path(sys.executable).parent), *pandoc_folder()]
    env = {**os.environ, "PATH": os.pathsep.join([*folders, os.environ.get("PATH", "")])}
    env.update(HOME=str(copy), NO_COLOR="1")
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)],
        cwd=copy,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )
    statuses = dict(re.findall(r"^@@ (\d+) status (\d+)$", done.stdout, re.MULTILINE))
    return [
        (command, int(statuses.get(str(index), -1)), _output(done.stdout, done.stderr, index))
        for index, command in enumerate(found)
    ]


def pandoc_folder() -> list[str]:
    """The folder of the pandoc that pypandoc-binary ships (not on PATH), when installed: the
    pandoc commands of docs/documents.md run with it."""
    try:
        import pypandoc

        return [str(Path(pypandoc.get_pandoc_path()).parent)]
    except (ImportError, OSError):
        return []


def _output(stdout: str, stderr: str, index: int) -> str:
    """What command `index` printed, on both streams."""
    parts = []
    for stream in (stdout, stderr):
        match = re.search(rf"^@@ {index}\n(.*?)(?=^@@ |\Z)", stream, re.MULTILINE | re.DOTALL)
        parts.append(match.group(1) if match else "")
    return "".join(parts)


def test_the_rule_reads_blocks_continuations_statuses_and_skips() -> None:
    page = "\n".join(
        [
            "```sh",
            "# a comment line",
            "argmap render a.yaml \\",
            "  -o a.png        # exit 2",
            "argmap render a.yaml --tag-colour x=#ffffff",
            ".venv/bin/pip install -e .",
            "```",
            "```text",
            "argmap not-run",
            "```",
            "```python",
            "argmap not-run",
            "```",
        ]
    )
    assert commands(page) == [
        Command("argmap render a.yaml    -o a.png        # exit 2", "page.md", 3, 2),
        Command("argmap render a.yaml --tag-colour x=#ffffff", "page.md", 5, 0),
    ]


def test_the_readme_and_every_page_with_commands_are_covered() -> None:
    with_commands = {p.name for p in PAGES if commands(p.read_text(encoding="utf-8"))}
    assert {"README.md", "cli.md", "diagnostics.md", "formats.md"} <= with_commands
    assert {"api.md", "evaluate.md"} <= {p.name for p in WITH_EXAMPLES}
    readme = commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert any(c.text.startswith("argmap init") for c in readme)


def test_every_documented_command_runs(tmp_path: Path) -> None:
    assert shutil.which("argmap", path=str(Path(sys.executable).parent)), "argmap not installed"
    pages = [p for p in PAGES if commands(p.read_text(encoding="utf-8"))]
    # The pages are independent (a copy each): run them side by side, one core each.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        runs = pool.map(lambda p: run_page(p, copy_repository(tmp_path / p.stem)), pages)
        results = [result for run in runs for result in run]
    wrong = [
        f"{c.page}:{c.line}: `{c.text}` exited {status}, the page says {c.status}\n{out}"
        for c, status, out in results
        if status != c.status
    ]
    assert not wrong, "\n\n".join(wrong)


def test_shell_completion_completes_as_documented(tmp_path: Path) -> None:
    """docs/cli.md's bash completion script, loaded, completes `--theme` with its values."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    script = (
        'eval "$(_ARGMAP_COMPLETE=bash_source argmap)"\n'
        'COMP_WORDS=(argmap render --theme ""); COMP_CWORD=3\n'
        '_argmap_completion argmap; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        ["bash", "-c", script], env=env, cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["light", "dark", "print"]


@pytest.mark.parametrize("page", WITH_EXAMPLES, ids=lambda p: p.name)
def test_every_python_example_runs(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(copy_repository(tmp_path))
    result = doctest.testfile(
        str(page), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False
    )
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {page.name}'s examples failed (above)"


def test_shlex_reads_every_command() -> None:
    """Every documented command is well-formed shell (quotes closed): a typo shows here first."""
    for page in PAGES:
        for command in commands(page.read_text(encoding="utf-8"), page.name):
            shlex.split(command.text, comments=True)
