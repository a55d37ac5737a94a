"""Draw the committed drawings of maps/: `python maps/render.py` (what `make maps` runs).

:data:`DRAWINGS` is the one list of the drawings and of the options that make them;
tests/test_rendered_maps.py draws each again with the same options and compares the bytes,
so that a committed drawing never drifts from its map or from argmap's style.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Each drawing in this folder: its file, the map it draws and the options of `argmap render`.
#: The flagship is drawn with its key, and narrower text, so that it is taller than wide.
FLAGSHIP = ("--legend", "--width", "26")
OVERVIEW = ("--legend", "--width", "14", "--depth", "1")
DRAWINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "example.svg": ("example.yaml", ()),
    "runway-letter.svg": ("runway-letter.yaml", FLAGSHIP),
    "runway-letter.pt.svg": ("runway-letter.yaml", (*FLAGSHIP, "--lang", "pt")),
    # Its evaluation, the critics' objections standing (they are assumed: nothing defeats them).
    "runway-letter.evaluated.svg": ("runway-letter.yaml", (*FLAGSHIP, "--evaluate")),
    # And with the critics rejected: every claim of the analyst's, the facts they use kept.
    "runway-letter.critics-rejected.svg": (
        "runway-letter.yaml",
        (*FLAGSHIP, "--reject", "by:analyst"),
    ),
    # The README's picture: the main conclusions and the head of each thread, readable at the
    # width of a page (880 px: tests/test_rendered_maps.py measures its smallest text).
    "runway-letter.overview.svg": ("runway-letter.yaml", OVERVIEW),
    # The interactive page: both languages, every evaluation scenario, a panel per claim.
    "runway-letter.html": ("runway-letter.yaml", FLAGSHIP),
}


def command(drawing: str, output: Path) -> list[str]:
    """The command line that draws `drawing` into `output`."""
    source, options = DRAWINGS[drawing]
    return [
        sys.executable,
        "-m",
        "argmap",
        "render",
        str(HERE / source),
        *options,
        "-o",
        str(output),
    ]


def main() -> int:
    """Draw every drawing in place; the exit status of the first that fails, else 0."""
    for drawing in DRAWINGS:
        done = subprocess.run(command(drawing, HERE / drawing), check=False)
        if done.returncode != 0:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
