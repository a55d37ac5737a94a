"""Read: bytes -> a resolved ArgumentMap plus located diagnostics.

This stage owns the file: its size limit, its encoding, and which format it is. It hands the
text to the format's reader (a function in the table :data:`argmap.formats.FORMATS`; argmap's
own YAML and JSON are formats like the others), then to :func:`argmap.finish.finish`, the one
gate every map goes through. It also reads the text files that a map's sources name
(:func:`read_source`), under the same rules.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from argmap.diagnostics import Diagnostic, diagnostic, sort_key
from argmap.finish import finish
from argmap.formats import detect
from argmap.limits import Limits
from argmap.model import ArgumentMap, Origin

#: How a map read from standard input is named in diagnostics.
STDIN = "<stdin>"


def read_path(
    path: str | Path, fmt: str | None = None, limits: Limits | None = None
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map file: the resolved map (None when it has errors) and located diagnostics.

    The format is `fmt` (a name from :data:`argmap.formats.FORMATS`) or else chosen by the
    file's extension and, where two formats share one, by its content. A map read from a
    pipe or a device (``/dev/stdin``) has no folder: its sources' texts cannot be found.
    ``-`` reads standard input.

    >>> read_path("/nonexistent/m.yaml")[1][0].code
    'AM001'
    """
    limits = limits or Limits.from_env()
    name = STDIN if str(path) == "-" else str(path)
    raw, problem, regular = read_bounded(path, limits.max_bytes, name)
    if raw is None:
        assert problem is not None
        return None, [problem]
    folder = str(Path(path).resolve().parent) if regular else None
    text = decoded(raw, name)
    del raw  # not kept while the map is read: as large as the file (11 MiB at 100,000 claims)
    if isinstance(text, Diagnostic):
        return None, [text]
    return read_text(text, name, fmt, limits, folder)


def read_bounded(
    path: str | Path, limit: int, name: str
) -> tuple[bytes | None, Diagnostic | None, bool]:
    """At most `limit` bytes of a file, a pipe or standard input; a problem; whether the file
    is a regular file. Refused: folders, and anything larger than `limit`."""
    raw: bytes | None
    try:
        if str(path) == "-":
            import sys

            raw, regular = _read_stream(sys.stdin.buffer, limit), False
        else:
            # O_NONBLOCK: opening a FIFO with no writer must not hang; reads block again below.
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
            with open(fd, "rb", buffering=0) as handle:
                info = os.fstat(fd)
                if stat.S_ISDIR(info.st_mode):
                    raise IsADirectoryError(21, "it is a folder, not a file")
                regular = stat.S_ISREG(info.st_mode)
                os.set_blocking(fd, True)
                if regular:  # its size is known: nothing is read from a file too large
                    raw = handle.read(info.st_size + 1) if info.st_size <= limit else None
                else:
                    raw = _read_stream(handle, limit)
    except OSError as err:
        hint = "check the path and its permissions"
        message = f"cannot read the file: {err.strerror or err}"
        return None, diagnostic("AM001", message, hint=hint, file=name), False
    if raw is None or len(raw) > limit:
        message = f"the file is larger than the limit of {limit:,} bytes"
        hint = "split the map, or raise the limit with ARGMAP_MAX_BYTES"
        return None, diagnostic("AM007", message, hint=hint, file=name, line=1, column=1), False
    return raw, None, regular


def _read_stream(stream: BinaryIO, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a stream, in pieces: a pipe's size is known only by
    reading it, and a buffer of `limit` bytes must not be allocated up front."""
    pieces, size = [], 0
    while size <= limit:
        piece = stream.read(min(1 << 20, limit + 1 - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def read_bytes(
    raw: bytes,
    name: str,
    fmt: str | None = None,
    limits: Limits | None = None,
    folder: str | None = None,
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Decode and read a map given as bytes; `name` is used in diagnostics.

    >>> m, _ = read_bytes(b"claims: {a: {text: A}}", "m.yaml")
    >>> m.text_of("a")
    'A'
    """
    text = decoded(raw, name)
    if isinstance(text, Diagnostic):
        return None, [text]
    return read_text(text, name, fmt, limits, folder)


def decoded(raw: bytes, name: str) -> str | Diagnostic:
    """A file's bytes as text (UTF-8, a byte order mark dropped), or where they are not UTF-8.

    >>> decoded(b"\\xef\\xbb\\xbfclaims:", "m.yaml"), decoded(b"a\\xff", "m.yaml").code
    ('claims:', 'AM002')
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        message = f"byte 0x{raw[err.start]:02x} is not valid UTF-8"
        hint = "save the file as UTF-8 (most editors: 'Save with encoding')"
        return diagnostic("AM002", message, hint=hint, file=name, line=line, column=column)


def read_text(
    text: str,
    name: str = "<map>",
    fmt: str | None = None,
    limits: Limits | None = None,
    folder: str | None = None,
) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map from its text, in format `fmt` or the one `name` and `text` suggest.

    `folder` is where the map's sources' texts are looked for (None: they cannot be read).

    >>> read_text("claims: {a: {text: A}}\\nmain: [b]\\n", "m.yaml")[1][0].code
    'AM106'
    """
    limits = limits or Limits.from_env()
    if not text.strip():
        hint = "a map needs at least `claims:`"
        empty = diagnostic("AM003", "the file is empty", hint=hint, file=name, line=1, column=1)
        return None, [empty]
    form = detect(name, text, fmt)
    if form.read is None:
        hint = f"convert from the map the {form.description} file was written from"
        message = f"argmap writes {form.description} but does not read it"
        return None, [diagnostic("AM641", message, hint=hint, file=name, line=1, column=1)]
    parsed = form.read(text, name, limits)
    origin = Origin(name, text, form.name, parsed.positions, folder)
    argmap, diags = finish(parsed, origin, limits)
    if argmap is None and form.name == "yaml":
        from argmap.recover import SHAPE, rest

        if any(d.code == "AM004" or d.code in SHAPE for d in diags):
            diags += rest(origin, limits, diags)  # check what is left without the broken part
    return argmap, sorted(diags, key=sort_key)


class OutsideFolder(OSError):
    """A source's file lies outside the map's folder (AM209)."""


def read_source(folder: str | None, relative: str, limits: Limits) -> str:
    """The text of a source's file, `relative` to the map's `folder`.

    Only a regular UTF-8 file, inside `folder` (unless ``ARGMAP_SOURCES_OUTSIDE=1``) and no
    larger than the limit on one file, is read. Raises OSError with a reason a person
    understands; :class:`OutsideFolder` when the file lies outside the folder.

    >>> read_source(None, "article.txt", Limits())
    Traceback (most recent call last):
    ...
    OSError: the map was not read from a file in a folder, so its sources cannot be found
    """
    if folder is None:
        raise OSError(
            "the map was not read from a file in a folder, so its sources cannot be found"
        )
    if "\0" in relative:
        raise OSError("the path holds a NUL character")
    base = Path(folder).resolve()
    target = (base / relative).resolve()
    if not target.is_relative_to(base) and os.environ.get("ARGMAP_SOURCES_OUTSIDE") != "1":
        raise OutsideFolder("it lies outside the map's folder")
    fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK)
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError("it is not a regular file (a folder, a device or a pipe)")
        if info.st_size > limits.max_bytes:
            raise OSError(f"it is larger than the limit of {limits.max_bytes:,} bytes")
        raw = handle.read(info.st_size + 1)
    if len(raw) > limits.max_bytes:
        raise OSError(f"it is larger than the limit of {limits.max_bytes:,} bytes")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise OSError(f"it is not UTF-8 (byte 0x{raw[err.start]:02x} at {err.start})") from None


def source_files(argmap: ArgumentMap) -> list[Path]:
    """The files a map's sources name, where they can be found: a run must not write them.

    >>> source_files(ArgumentMap.model_validate({"claims": {"a": {"text": "A"}}}))
    []
    """
    folder = argmap.origin.folder if argmap.origin else None
    if folder is None:
        return []
    return [
        Path(folder) / source.path
        for source in argmap.sources.values()
        if source.path is not None and "\0" not in source.path
    ]
