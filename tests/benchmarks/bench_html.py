"""Benchmark: the interactive page, against the SVG drawing it is made around.

Run ``python -m tests.benchmarks.bench_html`` (``--sizes 100 1000``, ``--runs 5``). For
generated maps of each size (tests/benchmarks/generate.py) and for the flagship it prints:

- the page's size, and the SVG's (the baseline) with their ratio;
- the whole-process time of ``argmap render --format html`` and of ``--format svg``, best
  of ``--runs``, and what the page adds (target: under 0.2 s at 1,000 claims); then the
  same drawn in this process, svg and html in turn, best of ``--runs`` (less noisy);
- the time until the page is interactive in headless Chromium: from the start of navigation
  to the end of its script's start-up, best of three (target: under 1 s at 1,000 claims);

and, for the flagship, the time from saving its file to the updated page under
``argmap serve`` (target: under 1 s), median of ``--runs``. The browser figures need
Playwright and Chromium (see tests/browser/conftest.py); without them they print as ``-``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.benchmarks.generate import map_yaml
from tests.benchmarks.processes import best_time

MAPS = Path(__file__).resolve().parents[2] / "maps"
FLAGSHIP = ("runway-letter.yaml", "--legend", "--width", "26")


def render_times(source: Path, options: Sequence[str], folder: Path, runs: int) -> dict[str, Any]:
    """Sizes and best whole-process times of `argmap render` to HTML and to SVG."""
    argmap = str(Path(sys.executable).with_name("argmap"))
    row: dict[str, Any] = {}
    for fmt in ("svg", "html"):
        target = folder / f"{source.stem}.{fmt}"
        command = [argmap, "render", str(source), *options, "-o", str(target), "-q"]
        row[fmt] = best_time([*command, "--timeout", "0"], runs)
        row[f"{fmt} bytes"] = target.stat().st_size
        row[f"{fmt} path"] = target
    return row


def in_process(source: Path, options: Sequence[str], runs: int) -> dict[str, float]:
    """Best seconds of drawing a map read once to SVG and to HTML, in this process, the two
    taken in turn: what the page adds, with less noise than whole processes."""
    from argmap import load, rendered
    from argmap.draw import Style

    style = Style(legend="--legend" in options, width=26 if "--width" in options else 32)
    m = load(source)
    best = {"svg": float("inf"), "html": float("inf")}
    for _ in range(runs):
        for fmt in best:
            start = time.perf_counter()
            rendered(m, fmt, style, timeout=0)
            best[fmt] = min(best[fmt], time.perf_counter() - start)
    return best


@contextmanager
def chromium() -> Iterator[Any | None]:
    """A headless Chromium driven by Playwright, or None where either is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        yield None
        return
    from tests.browser.conftest import ARGS
    from tests.browser.conftest import chromium as executable

    found = executable()
    if found is None:
        yield None
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=found, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def interactive(browser: Any, page_path: Path, tries: int = 3) -> float:
    """Seconds from navigation to the page's script being ready, best of `tries`, each in a
    fresh context, the page opened from its file as a reader would."""
    best = float("inf")
    for _ in range(tries):
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("html[data-ready=true]", state="attached", timeout=60_000)
        best = min(best, page.evaluate("window.argmapReadyAt") / 1000)
        context.close()
    return best


def save_to_update(browser: Any, runs: int) -> float:
    """Median seconds from saving the flagship to its page showing the new drawing."""
    from tests.serving import serving

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in ("runway-letter.yaml", "runway-letter-article.pt.txt"):
            shutil.copy(MAPS / name, folder / name)
        path = folder / "runway-letter.yaml"
        with serving(path, _flagship_style()) as server:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            try:
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
                page.wait_for_selector("html[data-ready=true]", state="attached")
                text = path.read_text(encoding="utf-8")
                times = []
                for run in range(runs):
                    version = page.evaluate("window.argmapPage.state().version")
                    time.sleep(0.3)  # a save is a save, not a burst
                    start_at = time.perf_counter()
                    path.write_text(text + f"# edit {run}\n", encoding="utf-8")
                    page.wait_for_function(
                        "v => window.argmapPage.state().version > v &&"
                        " document.getElementById('problems').hidden",
                        arg=version,
                        timeout=10_000,
                    )
                    times.append(time.perf_counter() - start_at)
            finally:
                context.close()
    return statistics.median(times)


def _flagship_style() -> Any:
    from argmap.draw import Style

    return Style(legend=True, width=26)


def main(
    argv: Sequence[str] | None = None, say: Callable[..., None] = print
) -> list[dict[str, Any]]:
    """Measure each map and print one line for it; the rows are returned too."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true", help="Skip the browser figures.")
    options = parser.parse_args(argv)
    header = (
        f"{'map':>11} {'html':>8} {'svg':>8} {'x':>5} {'render html':>11} {'svg':>7} "
        f"{'adds':>7} {'in-process':>10} {'adds':>7} {'interactive':>11}"
    )
    say(header)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, _browser(options.no_browser) as browser:
        folder = Path(tmp)
        jobs: list[tuple[str, Path, Sequence[str]]] = []
        for size in options.sizes:
            source = folder / f"generated{size}.yaml"
            source.write_text(map_yaml(size), encoding="utf-8")
            jobs.append((f"{size} claims", source, ()))
        jobs.append(("flagship", MAPS / FLAGSHIP[0], FLAGSHIP[1:]))
        for name, source, flags in jobs:
            row = {"map": name, **render_times(source, flags, folder, options.runs)}
            inside = in_process(source, flags, options.runs)
            row["in-process html"], row["in-process svg"] = inside["html"], inside["svg"]
            row["interactive"] = interactive(browser, row["html path"]) if browser else None
            ready = "-" if row["interactive"] is None else f"{row['interactive']:.3f} s"
            say(
                f"{name:>11} {row['html bytes'] / 1000:>6.0f}kB {row['svg bytes'] / 1000:>6.0f}kB "
                f"{row['html bytes'] / row['svg bytes']:>5.2f} {row['html']:>9.3f} s "
                f"{row['svg']:>5.3f}s {row['html'] - row['svg']:>+6.3f}s "
                f"{inside['html']:>8.3f} s {inside['html'] - inside['svg']:>+6.3f}s {ready:>11}"
            )
            rows.append(row)
        if browser is not None:
            update = save_to_update(browser, options.runs)
            rows.append({"map": "flagship", "save to update": update})
            say(f"serve, flagship: save to updated page {update:.3f} s (median of {options.runs})")
    return rows


@contextmanager
def _browser(skip: bool) -> Iterator[Any | None]:
    if skip:
        yield None
        return
    with chromium() as browser:
        yield browser


if __name__ == "__main__":
    main()
