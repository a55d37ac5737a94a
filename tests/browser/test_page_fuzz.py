"""Fuzzed texts in a real browser: every panel of a fuzzed map's page opened, in both
languages and under every evaluation, and no script of the map's runs, no dialog opens,
nothing is requested and nothing is logged as an error."""

from __future__ import annotations

import shutil
from itertools import count

import pytest
from hypothesis import HealthCheck, example, given, settings

from tests.browser.conftest import Offline
from tests.test_draw_fuzz import ONE_OF_EACH, drawn, fields
from tests.test_html_fuzz import PAYLOADS

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is absent")

#: Opens every panel: each node, in each language and each scenario, and the About panel.
CLICK_THROUGH = """() => {
  const opened = [];
  const langs = [...document.querySelectorAll('#lang option')].map(o => o.value);
  const scenarios = [...document.querySelectorAll('#scenario option')].map(o => o.value);
  for (const lang of langs) {
    const select = document.querySelector('#lang');
    select.value = lang; select.dispatchEvent(new Event('change'));
    for (const scenario of scenarios) {
      const chosen = document.querySelector('#scenario');
      chosen.value = scenario; chosen.dispatchEvent(new Event('change'));
      for (const g of document.querySelectorAll('#map .drawing:not([hidden]) g.node')) {
        g.dispatchEvent(new MouseEvent('click', {bubbles: true}));
        opened.push(document.querySelector('#panel-body').textContent.length > 0);
      }
    }
  }
  document.querySelector('#about').click();
  opened.push(document.querySelector('#panel-body').textContent.length > 0);
  return opened;
}"""

pages = count()


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(fields)
@example(ONE_OF_EACH)
@example(PAYLOADS)
def test_no_text_of_a_map_runs_in_the_browser(offline: Offline, text: dict[str, str]) -> None:
    page = offline.open(drawn(text, "dot", "en", False, "html"), f"fuzz{next(pages)}.html")
    opened = page.evaluate(CLICK_THROUGH)
    assert len(opened) == 2 * 4 * 4 + 1 and all(opened)  # 2 languages, 4 scenarios, 4 nodes
    assert page.evaluate("window.pwned") is None
    assert offline.dialogs == [] and offline.elsewhere == [] and offline.errors == []
