"""The two maps of a diff, read from what the command line names.

- ``OLD NEW``: two files, in any format argmap reads;
- ``--git REV PATH``: PATH as revision REV holds it, against the working copy;
- ``REV1..REV2 PATH``: PATH as two revisions hold it (an empty side is ``HEAD``);
- the seven arguments git gives an external diff command (``path old-file old-hex
  old-mode new-file new-hex new-mode``), when ``diff.<driver>.command`` names argmap.

A map read from git has no folder of its own: the texts of its sources (for the quotes'
check) are read beside PATH in the working copy, so that both maps find the same ones.
"""

from __future__ import annotations

import difflib
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.diagnostics import Diagnostic, diagnostic
from argmap.formats import detect
from argmap.limits import Limits
from argmap.memory import gc_paused
from argmap.model import ArgumentMap
from argmap.read import read_bytes, read_path

#: The number of arguments git gives an external diff command.
GIT_EXTERNAL_ARGS = 7


@dataclass(frozen=True)
class Sides:
    """The two maps (None: unreadable, or with errors), their names, the diagnostics of
    the sides that failed, and their texts where they were read as bytes."""

    old: ArgumentMap | None
    new: ArgumentMap | None
    old_name: str
    new_name: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    texts: tuple[str, str] = ("", "")
    external: bool = False


#: One side as read: the map (None when it has errors), its diagnostics, and its text ("":
#: not kept).
Read = tuple[ArgumentMap | None, list[Diagnostic], str]


def read_sides(args: Sequence[str], rev: str | None = None) -> Sides:
    """Read the two maps that the command line's arguments name (see the module's text).

    >>> read_sides(["a.yaml"])
    Traceback (most recent call last):
    ValueError: give two maps (OLD NEW), --git REV PATH, or REV1..REV2 -- PATH

    Raises
    ------
    ValueError
        When the arguments name no pair of maps, or a revision looks like an option.
    """
    with gc_paused():  # the first map's objects stay alive while the second is read
        return _read_sides(args, rev, Limits.from_env())


def _read_sides(args: Sequence[str], rev: str | None, limits: Limits) -> Sides:
    if rev is not None:
        if len(args) != 1:
            raise ValueError("--git REV takes one PATH, the map in the working copy")
        path = args[0]
        return _sides(_from_git(rev, path, limits), _from_path(path, limits), f"{rev}:{path}", path)
    if len(args) == GIT_EXTERNAL_ARGS:
        path, old_file, _, _, new_file, _, _ = args
        old, new = (_from_file(f, path, limits) for f in (old_file, new_file))
        return _sides(old, new, f"a/{path}", f"b/{path}", external=True)
    if len(args) == 2 and ".." in args[0] and not os.path.exists(args[0]):
        first, _, second = args[0].partition("..")
        if second.startswith("."):
            raise ValueError("REV1...REV2 (three dots) is not supported: give REV1..REV2")
        revs, path = (first or "HEAD", second or "HEAD"), args[1]
        old, new = (_from_git(r, path, limits) for r in revs)
        return _sides(old, new, f"{revs[0]}:{path}", f"{revs[1]}:{path}")
    if len(args) == 2:
        first, second = args
        return _sides(_from_path(first, limits), _from_path(second, limits), first, second)
    raise ValueError("give two maps (OLD NEW), --git REV PATH, or REV1..REV2 -- PATH")


def _sides(old: Read, new: Read, old_name: str, new_name: str, external: bool = False) -> Sides:
    failed = [d for m, diags, _ in (old, new) if m is None for d in diags]
    return Sides(old[0], new[0], old_name, new_name, failed, (old[2], new[2]), external)


def _from_path(path: str, limits: Limits) -> Read:
    argmap, diags = read_path(path, None, limits)
    return argmap, diags, ""


def _folder(path: str) -> str | None:
    """The folder of `path` in the working copy, where a map's sources' texts are."""
    folder = Path(path).resolve().parent
    return str(folder) if folder.is_dir() else None


def _from_git(rev: str, path: str, limits: Limits) -> Read:
    """`path` (relative to the working folder) as revision `rev` holds it."""
    if rev.startswith("-"):
        raise ValueError(f"{rev} is not a revision (it reads as an option of git)")
    name = f"{rev}:{path}"
    where = Path(path).parent
    command = ["git", "-C", str(where), "show", f"{rev}:./{Path(path).name}"]
    try:
        done = subprocess.run(command, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as err:
        return None, [_unreadable(name, f"git could not be run ({err})")], ""
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, [_unreadable(name, said[-1] if said else "git failed")], ""
    return _from_bytes(done.stdout, name, path, limits)


def _from_file(file: str, path: str, limits: Limits) -> Read:
    """A file git gave an external diff command: /dev/null for a map added or deleted."""
    if file == os.devnull:
        return ArgumentMap(claims={}), [], ""
    try:
        with open(file, "rb") as handle:
            raw = handle.read(limits.max_bytes + 1)
    except OSError as err:
        return None, [_unreadable(file, err.strerror or str(err))], ""
    return _from_bytes(raw, path, path, limits)


def _from_bytes(raw: bytes, name: str, path: str, limits: Limits) -> Read:
    """A map's bytes, read as the format `path` names, sources found beside `path`."""
    text = raw.decode("utf-8", "replace")
    if len(raw) > limits.max_bytes:
        message = f"the file is larger than the limit of {limits.max_bytes:,} bytes"
        hint = "raise the limit with ARGMAP_MAX_BYTES"
        return None, [diagnostic("AM007", message, hint=hint, file=name, line=1, column=1)], text
    fmt = detect(path, text).name
    argmap, diags = read_bytes(raw, name, fmt, limits, _folder(path))
    return argmap, diags, text


def _unreadable(name: str, reason: str) -> Diagnostic:
    return diagnostic(
        "AM001",
        f"cannot read {name}: {reason}",
        hint="check the path and the revision (git log --follow PATH lists them)",
        file=name,
    )


def line_diff(sides: Sides) -> str:
    """The two maps' texts as a unified diff of lines: what git would show, for a side argmap
    cannot read as a map.

    >>> print(line_diff(Sides(None, None, "a", "b", texts=("x\\n", "y\\n"))), end="")
    --- a
    +++ b
    @@ -1 +1 @@
    -x
    +y
    """
    old, new = (text.splitlines(keepends=True) for text in sides.texts)
    return "".join(difflib.unified_diff(old, new, sides.old_name, sides.new_name))
