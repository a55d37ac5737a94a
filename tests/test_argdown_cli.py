"""argmap's Argdown, read by Argdown 1.7.5 itself: the same statements, arguments and relations.

Argdown's command line is found as the environment variable ARGDOWN, in ``.argdown/`` of the
repo (``npm install --prefix .argdown @argdown/cli@1.7.5``), or on the PATH; without it these
tests are skipped (nothing is downloaded at test time).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.formats import argdown
from argmap.model import ArgumentMap
from tests.conftest import MAPS
from tests.test_argdown_roundtrip import EXAMPLES

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "argdown"
INSTALL = "npm install --prefix .argdown @argdown/cli@1.7.5"
SOURCES = sorted(MAPS.glob("*.yaml")) + sorted(FIXTURES.glob("*.argdown"))
#: Maps whose texts hold what Argdown's lexer reacts to, by name.
TRICKY = {f"tricky-{k}": ArgumentMap.model_validate(data) for k, data in enumerate(EXAMPLES)}


def argdown_command() -> str | None:
    """Argdown 1.7.5's command line, if it is installed."""
    local = ROOT / ".argdown" / "node_modules" / ".bin" / "argdown"
    for candidate in (os.environ.get("ARGDOWN"), str(local), "argdown"):
        found = shutil.which(candidate) if candidate else None
        if found is None or shutil.which("node") is None:
            continue
        try:
            version = subprocess.run(
                [found, "--version"], capture_output=True, text=True, timeout=60
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if version.stdout.strip() == "1.7.5":
            return found
    return None


def argmap_counts(m: ArgumentMap) -> Counter[str]:
    """What Argdown should find in argmap's Argdown of `m`.

    Argdown keeps one relation of a kind between two elements, and (its ModelPlugin looks
    for the same target among all of the source's relations, incoming ones too) drops an
    attack of a claim on itself once something else attacks that claim. argmap writes each
    pair of an issue's positions once, as a contradiction.
    """
    count: Counter[str] = Counter(statements=len(m.claims), arguments=len(m.inferences))
    seen: set[tuple[str, str]] = set()
    attacked: set[str] = set()
    for attack in m.attacks:
        pair = (attack.from_, attack.to)
        if pair in seen or (attack.from_ == attack.to and attack.to in attacked):
            continue
        seen.add(pair)
        attacked.add(attack.to)
        count["undercut" if attack.to in m.inferences else "attack"] += 1
    count["contradictory"] = len(
        {
            frozenset((a, b))
            for issue in m.issues.values()
            for k, a in enumerate(issue.positions)
            for b in issue.positions[k + 1 :]
            if a != b
        }
    )
    return +count


def argdown_counts(reference: dict[str, object]) -> Counter[str]:
    """What Argdown found: its JSON export's statements, arguments and relations by kind."""
    statements, arguments, relations = (
        reference["statements"],
        reference["arguments"],
        reference["relations"],
    )
    assert isinstance(statements, dict) and isinstance(arguments, dict)
    assert isinstance(relations, list)
    count: Counter[str] = Counter(statements=len(statements), arguments=len(arguments))
    count.update(r["relationType"] for r in relations)
    return +count


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Counter[str], Path]]:
    """Each source written as Argdown by argmap and exported to JSON by Argdown, in one run."""
    command = argdown_command()
    if command is None:
        pytest.skip(f"Argdown 1.7.5 is not installed (to run these tests: {INSTALL})")
    folder = tmp_path_factory.mktemp("argdown")
    expected = {}
    maps = {**{source.stem: argmap.load(source) for source in SOURCES}, **TRICKY}
    for name, m in maps.items():
        written = folder / f"{name}.argdown"
        written.write_text(argdown.write(m), encoding="utf-8")
        expected[name] = (argmap_counts(m), written)
    out = folder / "json"
    run = subprocess.run(
        [command, "json", str(folder / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return expected


@pytest.mark.parametrize("name", [s.stem for s in SOURCES] + list(TRICKY))
def test_argdown_reads_what_argmap_writes(
    name: str, exported: dict[str, tuple[Counter[str], Path]]
) -> None:
    expected, written = exported[name]
    result = written.parent / "json" / f"{name}.json"
    assert result.exists(), f"Argdown rejected {written}"
    found = argdown_counts(json.loads(result.read_text(encoding="utf-8")))
    assert found == expected
