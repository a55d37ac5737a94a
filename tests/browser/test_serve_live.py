"""`argmap serve` in a real Chromium: the page follows the file as it is edited.

An edit shows within 2 s and keeps the reader's zoom, pan and open panel; a broken file
shows its diagnostic, with its line, over the last good map; the fixed file brings the
map back. The page asks for nothing but its own server.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import argmap
from argmap.serve import Server
from tests.conftest import MAPS
from tests.serving import serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is absent")

CLAIM = "runway-not-ai-company"
OLD = "Runway is not an AI company."
NEW = "Runway is no AI company at all."
SHOWN = f'#map .drawing:not([hidden]) g.node:has(> title:text-is("{CLAIM}"))'

#: The longest wait for the page to follow a change of the file: a bound, not a speed
#: target (a loaded machine takes seconds; a quiet one, a fraction of one).
SETTLE_MS = 15_000


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    """The flagship, copied with its source's text, served on a free port."""
    for name in ("runway-letter.yaml", "runway-letter-article.pt.txt"):
        shutil.copy(MAPS / name, tmp_path / name)
    with serving(tmp_path / "runway-letter.yaml") as server:
        yield server, tmp_path / "runway-letter.yaml"


def view(page: Page) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate("window.argmapPage.state()")
    return state


def test_edit_break_and_fix_the_map_while_the_page_is_open(
    browser: Browser, served: tuple[Server, Path]
) -> None:
    server, path = served
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    asked: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(origin)
    page.wait_for_selector("html[data-ready=true]", state="attached")
    page.click(SHOWN)
    page.keyboard.press("+")
    page.keyboard.press("+")
    before = view(page)
    assert before["selected"] == CLAIM and before["view"]["realZoom"] > 0
    text = path.read_text(encoding="utf-8")
    assert OLD in text

    path.write_text(text.replace(OLD, NEW), encoding="utf-8")
    page.wait_for_function(
        "words => [...document.querySelectorAll('#panel dd')].some(d => d.textContent === words)",
        arg=NEW,
        timeout=SETTLE_MS,
    )
    after = view(page)
    assert after["selected"] == CLAIM and page.locator("#panel").is_visible()
    assert after["view"]["realZoom"] == pytest.approx(before["view"]["realZoom"])
    assert after["view"]["pan"] == pytest.approx(before["view"]["pan"])
    assert after["version"] > 1

    path.write_text(text.replace(OLD, NEW) + "attacks: [\n", encoding="utf-8")
    problem = next(d for d in argmap.check_path(path) if d.line)
    page.wait_for_selector("#problems:not([hidden])", timeout=SETTLE_MS)
    shown = page.locator("#problems").inner_text()
    assert f"{path}:{problem.line}:{problem.column}" in shown and problem.code in shown
    assert page.locator(SHOWN).count() == 1, "the last good map stays under the diagnostics"

    path.write_text(text, encoding="utf-8")
    page.wait_for_selector("#problems", state="hidden", timeout=SETTLE_MS)
    lines = page.eval_on_selector_all(f"{SHOWN} text", "ts => ts.map(t => t.textContent)")
    assert " ".join(lines) == OLD
    assert view(page)["view"]["realZoom"] == pytest.approx(before["view"]["realZoom"])
    assert all(url.startswith(origin) for url in asked), asked
    assert errors == []
    context.close()


def test_a_map_broken_from_the_start_shows_its_problems_then_the_map(
    browser: Browser, tmp_path: Path
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("claims:\n  a: {text: [A}\n", encoding="utf-8")
    with serving(path) as server:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            page.wait_for_selector("#problems:not([hidden])", timeout=SETTLE_MS)
            assert "The map has errors" in page.locator("#problems").inner_text()
            assert "No map to show yet." in page.locator("#map").inner_text()
            path.write_text("claims:\n  a: {text: Alpha}\n", encoding="utf-8")
            page.wait_for_selector("#problems", state="hidden", timeout=SETTLE_MS)
            page.click('#map g.node:has(> title:text-is("a"))')
            assert "Alpha" in page.locator("#panel").inner_text()
        finally:
            context.close()
