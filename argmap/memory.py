"""Memory: how argmap keeps Python's cyclic garbage collector out of the way.

Reading a map builds hundreds of thousands of small objects that all stay alive; every few
hundred new objects the collector walks them all and finds nothing to free. A library caller
keeps its collector, paused only while a map is built (:func:`gc_paused`); the command line,
a short-lived process, runs without it altogether (see :func:`argmap.cli.run`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that all stay alive.

    Reading a 100,000-claim map took 1.5 s with the collector on and 1.0 s with it paused.

    >>> import gc
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
