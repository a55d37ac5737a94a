"""Argdown (``.argdown``, ``.ad``): read and write.

Reading is two passes: :mod:`~argmap.formats.argdown.parse` walks the lines once and finds
the statements, arguments, reconstructions and relations with their positions (comments, data
blocks and markup are Argdown 1.7.5's, :mod:`~argmap.formats.argdown.inline`);
:mod:`~argmap.formats.argdown.build` turns that document into the map's data. Writing is
:mod:`~argmap.formats.argdown.write`. What argmap cannot hold (support of a reconstructed
argument as a whole, Argdown settings in the front matter, unknown data) is reported with its
line and column.
"""

from __future__ import annotations

from argmap.formats.argdown.build import new_id, slug, to_map
from argmap.formats.argdown.parse import parse
from argmap.formats.argdown.write import write
from argmap.formats.base import Parsed
from argmap.limits import Limits

__all__ = ["new_id", "read", "slug", "write"]


def read(text: str, path: str, limits: Limits) -> Parsed:
    """Read an Argdown document as a map's data.

    >>> m = read("[A]: Apples are fruit.\\n  + [B]: Fruit is healthy.\\n", "x.argdown", Limits())
    >>> m.data["claims"]["A"], list(m.data["inferences"].values())[0]["premises"]
    ({'text': 'Apples are fruit.'}, ['B'])
    """
    document = parse(text, path, limits)
    if not document.complete:
        return Parsed(None, document.diagnostics)
    data, diags, positions = to_map(document, path, limits)
    return Parsed(data, document.diagnostics + diags, positions)
