"""Benchmark: the Argdown reader on adversarial inputs that were quadratic (issue #11).

Each pattern is read at the size that exposed it and at four times that size, in one process;
the table gives both times and their ratio (linear: about 4; the target is under 1 s and a
ratio of at most 5). The baseline row is a plain map of about the same size. Limits are
raised so that the reader, not a limit, is what is timed.

Run: ``python -m tests.benchmarks.argdown_corners [--scale 1.0]``
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from argmap.formats import argdown
from argmap.limits import Limits


def plain(n: int) -> str:
    """A plain map: `n` // 20 statements, each supported by the next."""
    count = max(n // 20, 2)
    lines = [f"[s{i}]: Statement number {i}.\n  + [s{i + 1}]\n" for i in range(count)]
    return "\n".join(lines)


def nested(n: int) -> str:
    """About `n` bytes of relations nested one level deeper a line (one space more):
    10,000 levels, 50 MB, is the nesting bomb."""
    levels = int((2 * n) ** 0.5)
    return "[a]: A\n" + "".join(f"{' ' * (i + 1)}+ [c{i}]: C\n" for i in range(levels))


#: name, generator of the input for a size n, and the size that exposed it.
CORNERS: list[tuple[str, Callable[[int], str], int]] = [
    ("plain map (baseline)", plain, 160_000),
    ("'[a]: ' + '<!--' * n", lambda n: "[a]: " + "<!--" * n, 40_000),
    ("' **a' * n", lambda n: " **a" * n, 20_000),
    ("' #(' * n", lambda n: " #(" * n, 20_000),
    ("' _a' * n", lambda n: " _a" * n, 20_000),
    ("' [' * n", lambda n: " [" * n, 20_000),
    ("'/*' * n", lambda n: "[a]: " + "/*" * n, 40_000),
    (
        "10 x '{' * n + '}'",
        lambda n: "\n\n".join(f"[s{i}]: " + "{" * n + "}" for i in range(10)),
        400,
    ),
    ("'{a: ' * n (unclosed data)", lambda n: "[a]: " + "{a: " * n, 20_000),
    ("'-- ' + '-a' * n", lambda n: "<r>\n\n(1) a\n-- " + "-a" * n + "\n(2) b\n", 20_000),
    ("nesting, n bytes", nested, 12_500_000),
]

LIMITS = Limits(max_bytes=10**10, max_elements=10**9, max_text=10**9)


def seconds(text: str, repeat: int = 1) -> float:
    """The best time of reading `text` as Argdown."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        argdown.read(text, "corner.argdown", LIMITS)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> list[dict[str, float | str]]:
    """Time each corner at n and 4n; print and return the rows."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every n")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    rows: list[dict[str, float | str]] = []
    print(f"{'pattern':<32} {'n':>8} {'bytes':>10} {'time n':>9} {'time 4n':>9} {'ratio':>6}")
    for name, make, size in CORNERS:
        n = max(int(size * args.scale), 1)
        small, large = make(n), make(4 * n)
        first, second = seconds(small, args.repeat), seconds(large, args.repeat)
        ratio = second / first if first > 0 else float("inf")
        rows.append({"pattern": name, "n": n, "time": first, "time 4n": second, "ratio": ratio})
        print(f"{name:<32} {n:>8,} {len(small):>10,} {first:>8.3f}s {second:>8.3f}s {ratio:>6.1f}")
    return rows


if __name__ == "__main__":
    main()
