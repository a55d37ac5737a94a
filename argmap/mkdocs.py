"""MkDocs: ``argmap`` fences drawn as inline SVG, through pymdownx.superfences.

In ``mkdocs.yml`` (see docs/documents.md)::

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: argmap
              class: argmap
              validator: !!python/name:argmap.mkdocs.validator
              format: !!python/name:argmap.mkdocs.fence

A broken block stops the build (a :class:`mkdocs.exceptions.PluginError`, which MkDocs
prints without a traceback) with argmap's diagnostics, located in the page; a map's
warnings are MkDocs warnings (``mkdocs build --strict`` fails on them).
"""

from __future__ import annotations

import logging
import os
import weakref
from collections import Counter
from typing import Any

from markdown import Markdown
from mkdocs.exceptions import PluginError
from pymdownx.superfences import SuperFencesException

from argmap.diagnostics import format_text
from argmap.embed import draw_block, failure, fence_line
from argmap.errors import ArgmapError

LOG = logging.getLogger("mkdocs.argmap")

#: How many blocks of each text each page (its Markdown converter) has drawn so far: the
#: n-th block with a text is the n-th fence holding it.
_SEEN: weakref.WeakKeyDictionary[Markdown, Counter[str]] = weakref.WeakKeyDictionary()


class BlockFailed(SuperFencesException, PluginError):  # type: ignore[misc]
    """A block that cannot be drawn: superfences lets it through, MkDocs prints it."""


def validator(
    language: str, inputs: dict[str, str], options: dict[str, str], attrs: Any, md: Markdown
) -> bool:
    """Take every attribute of the fence as an option: :func:`fence` checks them.

    >>> options: dict[str, str] = {}
    >>> validator("argmap", {"theme": "dark"}, options, {}, Markdown()), options
    (True, {'theme': 'dark'})
    """
    options.update(inputs)
    return True


def fence(
    source: str,
    language: str,
    css_class: str,
    options: dict[str, str],
    md: Markdown,
    **kwargs: Any,
) -> str:
    """The HTML of one fence: the map drawn as a figure with inline SVG.

    Raises
    ------
    BlockFailed
        When the block cannot be drawn: argmap's diagnostics, located in the page.
    """
    document, page = _page(md)
    seen = _SEEN.setdefault(md, Counter())
    line = fence_line(page, source, seen[source]) if page else 0
    seen[source] += 1
    try:
        figure = draw_block(source, options, "html", document=document, line=line)
    except ArgmapError as err:  # a broken map; or Graphviz missing or failing
        raise BlockFailed(failure(err, document, line)) from None
    if figure.warnings:
        LOG.warning(format_text(figure.warnings))
    return figure.content.decode("utf-8")


def _page(md: Markdown) -> tuple[str, str]:
    """The page being converted (its path, relative to the working folder) and its text.

    MkDocs hands a fence no page; its own link rewriter, registered on the same converter
    as ``relpath``, holds the page's file.
    """
    try:
        path = md.treeprocessors["relpath"].file.abs_src_path  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return "<page>", ""
    with open(path, encoding="utf-8-sig") as handle:
        return os.path.relpath(path), handle.read()
