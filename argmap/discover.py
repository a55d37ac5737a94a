"""Discover: which files named on the command line, or found in folders, are maps.

A folder is searched recursively. Hidden folders (``.git``, ``.venv``), ``node_modules`` and
files git ignores are passed over; a YAML or JSON file counts only when it looks like a map
(argmap's ``claims:``, AIF's nodes and edges, a Carneades graph), so a project's
``docker-compose.yml``, ``package.json`` or ``argmap.schema.json`` is skipped, not reported
as a broken map. Files named directly are always taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from argmap.formats import FORMATS

#: What a folder is searched for: maps in every format argmap reads, but for Kialo's `.txt`
#: (a folder of maps often holds the texts they analyse) and the abstract frameworks.
MAP_SUFFIXES = (".yaml", ".yml", ".json", ".argdown", ".ad", ".kialo")
#: Folders never searched: tools' and version control's own.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})

_CLAIMS = re.compile(r'^(?:claims:|\{\s*"?claims"?\s*:)|"claims"\s*:', re.MULTILINE)


class Found(NamedTuple):
    """The maps found, in order, and the files in the folders passed over: as not maps, and
    as ignored by git."""

    maps: list[Path]
    not_maps: list[Path]
    ignored: list[Path]


def find_maps(names: Iterable[str]) -> Found:
    """The files named, and the map files in the folders named (recursively, sorted).

    ``-`` (standard input) is taken as it is.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "m.yaml").write_text("claims: {a: {text: A}}")
    >>> _ = (folder / "docker-compose.yml").write_text("services: {}")
    >>> found = find_maps([str(folder)])
    >>> [p.name for p in found.maps], [p.name for p in found.not_maps]
    (['m.yaml'], ['docker-compose.yml'])
    """
    found = Found([], [], [])
    for name in names:
        path = Path(name)
        if name == "-" or not path.is_dir():
            found.maps.append(path)
            continue
        candidates = sorted(
            p
            for p in path.rglob("*")
            if p.suffix.lower() in MAP_SUFFIXES and p.is_file() and not _hidden(p.relative_to(path))
        )
        ignored = _git_ignored(path, candidates)
        for candidate in candidates:
            if candidate in ignored:
                found.ignored.append(candidate)
            elif looks_like_map(candidate):
                found.maps.append(candidate)
            else:
                found.not_maps.append(candidate)
    return found


def looks_like_map(path: Path) -> bool:
    """Whether a file found in a folder is a map: any Argdown or Kialo file, and YAML or
    JSON that holds argmap's `claims`, or is AIF or a Carneades graph.

    Only the first 64 KiB are read; a JSON file that small is parsed, so that a JSON Schema
    that describes `claims` is not taken for a map.
    """
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json"):
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16).decode("utf-8", errors="replace")
    except OSError:
        return True  # reading it will say what is wrong
    if suffix == ".json" and len(head) < 1 << 16:
        import json  # here: a YAML map is told without it

        try:
            data = json.loads(head)
        except ValueError:
            return True  # a broken JSON map is reported as one
        return isinstance(data, dict) and ("claims" in data or {"nodes", "edges"} <= data.keys())
    if _CLAIMS.search(head):
        return True
    return any(form.sniff(head) for form in FORMATS if form.sniff is not None)


def _hidden(relative: Path) -> bool:
    parts = relative.parts[:-1]
    return any(part.startswith(".") or part in SKIPPED_FOLDERS for part in parts)


def _git_ignored(folder: Path, paths: list[Path]) -> set[Path]:
    """The paths git ignores, when `folder` is in a git work tree (else none)."""
    if not paths:
        return set()
    import subprocess  # here: checking a file needs no process of git's

    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "check-ignore", "--stdin", "-z"],
            input="\0".join(str(p.resolve()) for p in paths).encode(),
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return set()
    if done.returncode not in (0, 1):  # 128: not a git work tree
        return set()
    ignored = {Path(p) for p in done.stdout.decode().split("\0") if p}
    return {p for p in paths if p.resolve() in ignored}
