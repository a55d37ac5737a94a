"""Where a diagnostic's file is, as CI tools name it: relative to the repository's root.

Code scanning, annotations and reviewdog all place a file by its path from the root of the
repository they run in. That root is the git work tree around the current folder, or the
current folder itself outside git.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def repository_root(start: Path | None = None) -> Path:
    """The git work tree around `start` (default: the current folder), else `start`.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()).resolve()
    >>> (folder / ".git").mkdir(); (folder / "maps").mkdir()
    >>> repository_root(folder / "maps") == folder
    True
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def relative_path(file: str, root: Path) -> str | None:
    """`file`'s path from `root` with forward slashes; None when it lies outside `root`.

    >>> relative_path("/repo/maps/a.yaml", Path("/repo")), relative_path("/etc/x", Path("/repo"))
    ('maps/a.yaml', None)
    """
    return _relative_path(file, root, os.getcwd())


@lru_cache(maxsize=4096)
def _relative_path(file: str, root: Path, cwd: str) -> str | None:
    """:func:`relative_path`, once per file: a report names one file thousands of times.

    `cwd` is in the key because a relative `file` is resolved from it.
    """
    try:
        return Path(file).resolve().relative_to(root).as_posix()
    except ValueError:
        return None
