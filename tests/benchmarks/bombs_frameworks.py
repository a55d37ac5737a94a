"""Hostile abstract frameworks and how ``argmap check`` answers them: code, time, peak memory.

Run: ``python -m tests.benchmarks.bombs_frameworks [--scale 1.0] [--raised]``

Each file is written to a temporary folder and checked in a process of its own, measured as
:mod:`tests.benchmarks.bombs` measures (GNU time's maximum resident set size). With the
default limits every bomb but the comments is refused; ``--raised`` sets
``ARGMAP_MAX_ELEMENTS=2000000``, under which the 16 MB frameworks are read whole.
``p af 3000000`` (13 bytes) took 3 GB and 24 s; a 16 MB ``.apx``, 2.4 GB.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path
from tempfile import TemporaryDirectory

from tests.benchmarks.bombs import answer

MB = 1_000_000


def iccma_header(scale: float) -> str:
    """Thirteen bytes that declare three million arguments."""
    return f"p af {int(3_000_000 * scale)}\n"


def apx_arguments_and_attacks(scale: float) -> str:
    """16 MB of ASPARTIX: 400,000 arguments, then random attacks between them."""
    rng = random.Random(1)
    count = max(2, int(400_000 * scale))
    lines = [f"arg(a{i}).\n" for i in range(count)]
    size = sum(map(len, lines))
    while size < 16 * MB * scale:
        lines.append(f"att(a{rng.randrange(count)},a{rng.randrange(count)}).\n")
        size += len(lines[-1])
    return "".join(lines)


def apx_short_attacks(scale: float) -> str:
    """16 MB of ASPARTIX: two arguments, 1.6 million attacks between them."""
    return "arg(a).\narg(b).\n" + "att(a,b).\n" * int(1_600_000 * scale)


def apx_comments(scale: float) -> str:
    """16 MB of comments around one argument (under every limit: read)."""
    return "% a comment\n" * int(1_330_000 * scale) + "arg(a).\n"


def apx_long_name(scale: float) -> str:
    """One argument named with 60 MB (an id has at most 200 characters)."""
    return "arg(" + "x" * int(60 * MB * scale) + ").\n"


def tgf_edges(scale: float) -> str:
    """16 MB of TGF: two arguments, four million attacks."""
    return "a\nb\n#\n" + "a b\n" * int(4_000_000 * scale)


def iccma_edges(scale: float) -> str:
    """16 MB of ICCMA: two arguments, four million attacks."""
    return "p af 2\n" + "1 2\n" * int(4_000_000 * scale)


#: name, file name, generator.
BOMBS: list[tuple[str, str, Callable[[float], str]]] = [
    ("p af 3000000", "big.af", iccma_header),
    ("16 MB apx, 400k arguments", "args.apx", apx_arguments_and_attacks),
    ("16 MB apx, short attacks", "attacks.apx", apx_short_attacks),
    ("16 MB apx of comments", "comments.apx", apx_comments),
    ("60 MB argument name", "name.apx", apx_long_name),
    ("16 MB tgf", "edges.tgf", tgf_edges),
    ("16 MB iccma", "edges.af", iccma_edges),
]


def main(
    argv: list[str] | None = None, env: dict[str, str] | None = None
) -> list[tuple[str, str, float, int]]:
    """Print and return (bomb, first code or "ok", seconds, peak MB) for each bomb."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--raised", action="store_true", help="ARGMAP_MAX_ELEMENTS=2000000")
    args = parser.parse_args(argv)
    limits = dict(env or {})
    if args.raised:
        limits["ARGMAP_MAX_ELEMENTS"] = "2000000"
    rows = []
    with TemporaryDirectory() as tmp:
        print(f"{'bomb':28} {'size':>10} {'answer':>7} {'time':>8} {'peak':>8}")
        for name, file_name, make in BOMBS:
            path = Path(tmp) / file_name
            path.write_text(make(args.scale), encoding="utf-8")
            code, elapsed, peak = answer(path, limits)
            size = path.stat().st_size
            print(f"{name:28} {size / MB:>8.1f}MB {code:>7} {elapsed:>7.2f}s {peak:>6}MB")
            rows.append((name, code, elapsed, peak))
            path.unlink()
    return rows


if __name__ == "__main__":
    main()
