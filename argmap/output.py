"""Writing files safely: never over what argmap reads, never a torn file, never a device replaced.

:func:`write_output` is the one way argmap writes a file. It decides by what the target is:

- ``-``, and special files (``/dev/null``, ``/dev/stdout``, a pipe): written as a stream, in
  place, for nothing can be renamed over them;
- a regular file, or a name not yet taken: written through a temporary file in the same folder
  and a rename, so readers see the old file or the new one, never half of one (a symbolic
  link is followed, and stays a link);
- anything else (a folder, a socket), and any of the files the run reads: refused.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_output(path: str | Path, data: bytes, inputs: Iterable[str | Path] = ()) -> None:
    """Write `data` to `path` (``-``: standard output), never over one of `inputs`.

    `inputs` are every file the run reads: the maps, and the texts of their sources.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> write_output(target, b"hello")
    >>> target.read_bytes()
    b'hello'
    >>> write_output(target, b"again", inputs=[target])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    FileExistsError: [Errno 17] it is a file argmap reads in this run; ...

    Raises
    ------
    OSError
        When `path` cannot be written, is one of `inputs`, or is neither a regular file nor a
        special file that can take a stream (``IsADirectoryError`` for a folder).
    """
    if str(path) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        info: os.stat_result | None = os.stat(path)  # through links, as the kernel sees them
    except FileNotFoundError:
        info = None
    if info is not None:
        if any(_same(info, source) for source in inputs):
            raise FileExistsError(
                errno.EEXIST,
                "it is a file argmap reads in this run; argmap never overwrites its input",
            )
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            with open(path, "wb") as stream:
                stream.write(data)
            return
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "it is neither a regular file nor a device")
    # A link is followed, so that the file it points to is replaced and the link stays.
    write_atomic(Path(os.path.realpath(path)), data, None if info is None else info.st_mode)


def _same(info: os.stat_result, source: str | Path) -> bool:
    try:
        other = os.stat(source)
    except (OSError, ValueError):
        return False
    return (info.st_dev, info.st_ino) == (other.st_dev, other.st_ino)


def write_atomic(target: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `target` through a temporary file in the same folder, then rename.

    The new file takes `mode`'s permissions (the old file's), else the umask's. If anything
    fails, the temporary file is removed and `target` is as it was.
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode & 0o7777 if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
