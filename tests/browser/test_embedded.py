"""The interactive view of a map in a document (``view=html``): the page in a sandboxed
``<iframe srcdoc>`` of a host page, as argmap.embed makes it for MkDocs, Sphinx and pandoc."""

from __future__ import annotations

from argmap.embed import draw_block
from tests.browser.conftest import ORIGIN, Offline
from tests.test_embed import MAP


def test_the_framed_view_fits_its_map_and_opens_a_claim(offline: Offline) -> None:
    figure = draw_block(MAP, {"view": "html", "caption": "The lane"}).content
    host = b"<!DOCTYPE html><html><body><h1>Notes</h1>" + figure + b"</body></html>"
    offline.documents[f"{ORIGIN}/notes.html"] = host
    offline.page.goto(f"{ORIGIN}/notes.html")
    frame = offline.page.frame_locator("iframe.argmap-view")
    frame.locator("html[data-ready=true]").wait_for(state="attached", timeout=10_000)
    # The first fit may run before the frame is laid out (a zoom of 0): the view must fit
    # again once it is.
    (framed,) = [f for f in offline.page.frames if f.url == "about:srcdoc"]
    framed.wait_for_function(
        "() => document.querySelector('#map .drawing:not([hidden]) svg g[id^=viewport]')"
        ".transform.baseVal.consolidate().matrix.a > 0",
        timeout=10_000,
    )
    frame.locator('g.node:has(> title:text-is("safer"))').click()
    panel = frame.locator("#panel")
    assert panel.is_visible() and "Cyclists are safer" in panel.inner_text()
    frame.locator("#close").click()
    assert not panel.is_visible()
    assert offline.elsewhere == [] and offline.errors == []
