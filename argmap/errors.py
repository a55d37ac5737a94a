"""Errors: the one family of exceptions argmap's public API raises.

Every exception argmap raises on purpose is an :class:`ArgmapError`; a caller that wants to
handle argmap's failures and nothing else catches that. Each carries the diagnostics that
explain it, so a program can show them as the command line does::

    ArgmapError
    ├── MapError                   the map has errors (reading, validating or checking it)
    │   └── UnresolvedReferences   a map built in code names ids it does not have
    ├── IdError                    an id given to the API (accept, reject, explain) is not
    │                              in the map, or is both accepted and rejected
    ├── FormatError                a format cannot be told, read or written
    └── RenderError                Graphviz is missing, failed or ran past its time limit

>>> from argmap.diagnostics import diagnostic
>>> err = MapError([diagnostic("AM106", "no claim `x`", ("main", 0))])
>>> str(err)
'<map built in code>: `main` #1: no claim `x`'
>>> isinstance(err, ArgmapError)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from argmap.diagnostics import Diagnostic, describe

#: How a map that was not read from a file is named in messages.
IN_CODE = "<map built in code>"


def where(d: Diagnostic) -> str:
    """Where a diagnostic points, as a person reads it: ``file:line:col``, or the element.

    >>> from argmap.diagnostics import diagnostic
    >>> where(diagnostic("AM104", "empty", ("claims", "a", "text")))
    "<map built in code>: claim `a`'s `text`"
    >>> where(diagnostic("AM004", "bad", file="m.yaml", line=3, column=7))
    'm.yaml:3:7'
    """
    if d.line:
        return f"{d.file}:{d.line}:{d.column}"
    if d.file:
        return d.file
    return f"{IN_CODE}: {describe(d.pointer)}" if d.pointer else IN_CODE


class ArgmapError(Exception):
    """Base of every error argmap raises on purpose; carries the diagnostics behind it."""

    def __init__(self, diagnostics: Sequence[Diagnostic], message: str | None = None) -> None:
        self.diagnostics = list(diagnostics)
        if message is None:
            first = self.diagnostics[0] if self.diagnostics else None
            message = f"{where(first)}: {first.message}" if first else ""
            if len(self.diagnostics) > 1:
                message += f" (and {len(self.diagnostics) - 1} more)"
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its diagnostics, so that an error raised in another process (see
        :mod:`argmap.parallel`) arrives whole.

        >>> import pickle
        >>> pickle.loads(pickle.dumps(FormatError([], "no format `x`"))).args
        ('no format `x`',)
        """
        return _restore, (type(self), self.diagnostics, str(self))


def _restore(kind: type[ArgmapError], diagnostics: list[Diagnostic], message: str) -> ArgmapError:
    error = kind.__new__(kind)
    ArgmapError.__init__(error, diagnostics, message)
    return error


class MapError(ArgmapError):
    """The map cannot be used: it does not read, validate or pass the checks' errors."""


class UnresolvedReferences(MapError):
    """A map built in code names ids it does not declare (AM106, AM107).

    A map read by :func:`argmap.load` is resolved or not returned at all; a map built with
    ``ArgumentMap.model_validate`` is resolved by the first stage that needs it.
    """


class IdError(ArgmapError, ValueError):
    """An id handed to the API (to accept, reject or explain) is not in the map (AM501), or
    is both accepted and rejected (AM502)."""


class FormatError(ArgmapError, ValueError):
    """A format that cannot be told from a file name, or cannot be written or read."""


class RenderError(ArgmapError):
    """Graphviz is missing, failed, or ran past its time limit; carries the diagnostic."""

    def __init__(self, diag: Diagnostic) -> None:
        super().__init__([diag], diag.message)

    @property
    def diagnostic(self) -> Diagnostic:
        return self.diagnostics[0]
