"""Sphinx: the ``argmap`` directive, in reST and in MyST.

In ``conf.py``: ``extensions = ["argmap.sphinx"]`` (with ``"myst_parser"`` for Markdown);
``argmap_root`` (optional) is the folder ``:file:`` paths start from (default: the
document's folder). The directive's options are those of :data:`argmap.embed.OPTIONS`;
its content is a map, unless ``:file:`` names one.

HTML builders get the map as inline SVG (``:view: html``: the interactive view); LaTeX gets
a PDF, every other builder a PNG, both written under the output folder. A broken block
is an error of the build (``sphinx-build -W`` fails on it) with argmap's diagnostics,
located in the document; the page shows them in place of the drawing.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from argmap.diagnostics import format_text
from argmap.embed import OPTIONS, draw_block, failure
from argmap.errors import ArgmapError

LOG = logging.getLogger(__name__)


class ArgmapDirective(SphinxDirective):
    """``.. argmap::`` with a map as content, or ``:file:``; options as in argmap.embed."""

    has_content = True
    option_spec = {name: directives.unchanged for name in OPTIONS}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        document = os.path.relpath(self.env.doc2path(self.env.docname))
        line = self._line_before_content()
        target = {"html": "html", "latex": "pdf"}.get(self.env.app.builder.format, "png")
        root = self.config.argmap_root or None
        if root is not None:
            root = str(Path(self.env.srcdir) / root)
        try:
            figure = draw_block(
                "\n".join(self.content), self.options, target,
                document=document, line=line, root=root,
            )  # fmt: skip
        except ArgmapError as err:  # a broken map; or Graphviz missing or failing
            # Sphinx's way: an error, located (it fails `sphinx-build -W`); the page shows it
            # in place of the drawing.
            message = failure(err)
            LOG.error(message, location=(self.env.docname, line))
            return [nodes.literal_block(message, message, classes=["argmap-error"])]
        for warning in figure.warnings:
            LOG.warning(format_text([warning]), location=(self.env.docname, warning.line))
        if target == "html":
            return [nodes.raw("", figure.content.decode("utf-8"), format="html")]
        return [self._image(figure.content, target, figure.caption)]

    def _line_before_content(self) -> int:
        """The line before the content's first (the directive's, when it has none).

        MyST does not give the content's offset in the file (reST does): it is found in the
        source, as the first line after the directive's that holds the content's first.
        """
        if not self.content:
            return self.lineno
        first = self.content[0].strip()
        source = Path(self.env.doc2path(self.env.docname)).read_text(encoding="utf-8-sig")
        lines = source.splitlines()
        following = range(self.lineno, len(lines))
        return next((i for i in following if lines[i].strip() == first), self.lineno)

    def _image(self, drawing: bytes, suffix: str, caption: str) -> nodes.Node:
        """A figure of the drawing, written under the output folder (by its content's hash,
        so that a rebuild rewrites nothing that has not changed)."""
        name = hashlib.sha256(drawing).hexdigest()[:16]
        path = Path(self.env.app.outdir) / "_argmap" / f"{name}.{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_bytes(drawing)
        folder = Path(self.env.doc2path(self.env.docname)).parent
        image = nodes.image(uri=os.path.relpath(path, folder), alt=caption or "argument map")
        if not caption:
            return image
        return nodes.figure("", image, nodes.caption(caption, caption))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive and the ``argmap_root`` setting."""
    from argmap import __version__

    app.add_config_value("argmap_root", "", "env", str)
    app.add_directive("argmap", ArgmapDirective)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
