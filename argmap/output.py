"""Writing files safely: a failed or interrupted write never destroys an existing good file."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: str | Path, data: bytes, inputs: Iterable[str | Path] = ()) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    The rename is atomic on POSIX and Windows, so readers see the old file or the new one,
    never half of one; if anything fails, the temporary file is removed and `path` is as it was.
    A `path` that is one of the `inputs` (the same file, by any name) is refused with an
    OSError: argmap never overwrites what it reads.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> write_atomic(target, b"hello")
    >>> target.read_bytes()
    b'hello'
    """
    target = Path(path)
    for source in inputs:
        if target.exists() and target.samefile(source):
            raise OSError(errno.EEXIST, "it is the input; argmap never overwrites its input")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
