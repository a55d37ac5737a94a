"""A real browser for the tests: Debian's Chromium, driven by Playwright for Python.

Playwright's own browser download is not used (it needs a network this project does not
assume): Chromium is the system's (`apt-get install chromium`, which `make` does), or the one
named by ARGMAP_CHROMIUM. Every test skips, saying why, where either is missing.

:class:`Offline` serves a page to the browser itself and fails every other request, so a
test sees any load the page attempts.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

#: Chromium's switches for a machine without a display, a sandbox or a network.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Where a page is served to the browser: a name that never reaches a network.
ORIGIN = "http://argmap.test"


def chromium() -> str | None:
    """The Chromium to drive: ARGMAP_CHROMIUM, else the system's."""
    named = os.environ.get("ARGMAP_CHROMIUM")
    if named:
        return named
    return next(
        (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))),
        None,
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session, each test in its own context."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed: pip install 'argmap[browser]' (make does it)")
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium: apt-get install chromium (make does it), or ARGMAP_CHROMIUM")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        yield launched
        launched.close()


@dataclass
class Offline:
    """A browser page that is given its documents, and that fails every other request."""

    page: Page
    documents: dict[str, bytes] = field(default_factory=dict)
    elsewhere: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, document: bytes, name: str = "map.html") -> Page:
        """Serve `document` at ORIGIN/name, load it and wait until its script is ready."""
        url = f"{ORIGIN}/{name}"
        self.documents[url] = document
        self.page.goto(url)
        self.page.wait_for_selector("html[data-ready=true]", state="attached", timeout=10_000)
        return self.page

    def route(self, route: Route) -> None:
        url = route.request.url.split("#")[0]
        if url in self.documents:
            route.fulfill(body=self.documents[url], content_type="text/html; charset=utf-8")
        else:
            self.elsewhere.append(route.request.url)
            route.abort()


@pytest.fixture
def offline(browser: Browser) -> Iterator[Offline]:
    """A fresh context and page that load nothing but what the test gives them."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    watched = Offline(page)
    context.route("**/*", watched.route)
    page.on("console", lambda m: _console(watched, m))
    page.on("pageerror", lambda error: watched.errors.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: _dialog(watched, dialog))
    yield watched
    context.close()


def _dialog(watched: Offline, dialog: Any) -> None:
    """A dialog (alert, confirm) is a script that ran: noted, and dismissed."""
    watched.dialogs.append(dialog.message)
    dialog.dismiss()


def _console(watched: Offline, message: Any) -> None:
    if message.type in ("error", "warning"):
        watched.errors.append(f"console {message.type}: {message.text}")
