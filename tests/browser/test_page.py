"""The flagship's interactive page (maps/runway-letter.html) in a real Chromium.

Every test loads the page through :class:`~tests.browser.conftest.Offline`, which fails any
request but the page itself; each ends by checking that none was made, and that the page
logged no error (a blocked script or style would be one).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap
from argmap.evaluate import evaluate_graph
from argmap.graph import build
from argmap.model import texts
from argmap.schemes.catalogue import builtin
from tests.browser.conftest import Offline
from tests.conftest import MAPS

FLAGSHIP = MAPS / "runway-letter.yaml"
PAGE = MAPS / "runway-letter.html"
VISIBLE = "#map .drawing:not([hidden])"


def node(ident: str) -> str:
    """The selector of a node of the drawing shown, by its id (Graphviz writes it as title)."""
    return f'{VISIBLE} g.node:has(> title:text-is("{ident}"))'


@pytest.fixture
def flagship(offline: Offline) -> Iterator[Offline]:
    offline.open(PAGE.read_bytes())
    yield offline
    assert offline.elsewhere == [], "the page asked for something besides itself"
    assert offline.errors == []


def marked(offline: Offline, mark: str) -> set[str]:
    """The ids of the nodes of the drawing shown that carry a class."""
    found: list[str] = offline.page.eval_on_selector_all(
        f"{VISIBLE} g.node.{mark}", "gs => gs.map(g => g.querySelector('title').textContent)"
    )
    return set(found)


def test_a_claim_shows_its_portuguese_quote_and_its_supporters_and_attackers(
    flagship: Offline,
) -> None:
    m = argmap.load(FLAGSHIP)
    ident = "runway-not-ai-company"
    claim = m.claims[ident]
    assert claim.quote is not None
    page = flagship.page
    page.click(node(ident))
    panel = page.locator("#panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert claim.quote.text in text  # "Runway não é uma empresa de IA."
    assert m.sources[claim.quote.source].title in text
    assert "Cristóbal Valenzuela" in text
    assert m.text_of(ident, "pt") in text and m.text_of(ident, "en") in text
    junctions = {i for i, inf in m.inferences.items() if inf.conclusion == ident}
    premises = {p for i in junctions for p in m.inferences[i].premises}
    attackers = {a.from_ for a in m.attacks if a.to == ident}
    assert junctions and attackers
    assert marked(flagship, "selected") == {ident}
    assert marked(flagship, "supporter") == junctions | premises
    assert marked(flagship, "attacker") == attackers
    # A supporter can be followed from the panel.
    follow = sorted(premises)[0]
    page.click(f'#panel button.follow[data-id="{follow}"]')
    assert marked(flagship, "selected") == {follow}
    assert follow in page.locator("#panel h2").inner_text()


def test_a_junction_shows_its_inference(flagship: Offline) -> None:
    m = argmap.load(FLAGSHIP)
    ident, inference = next((i, inf) for i, inf in m.inferences.items() if inf.scheme)
    flagship.page.click(node(ident))
    text = flagship.page.locator("#panel").inner_text()
    assert inference.scheme is not None
    # a catalogue scheme is shown by its name (in the map's language, English here)
    name = builtin()[inference.scheme].name
    assert name is not None and texts(name, "en")["en"] in text
    for premise in inference.premises:
        assert premise in text
    assert inference.conclusion in text
    assert marked(flagship, "supporter") == set(inference.premises)


def explained(ident: str, reject: list[str]) -> str:
    """What `argmap evaluate --explain` says of `ident`, rejecting `reject`."""
    options = [f"--reject={c}" for c in reject]
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "evaluate", str(FLAGSHIP), *options, "--explain", ident],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.removeprefix(f"{ident}: ").strip()


def test_switching_the_scenario_changes_the_labels_and_explains_as_the_cli(
    flagship: Offline,
) -> None:
    m = argmap.load(FLAGSHIP)
    graph = build(m)
    page = flagship.page
    assert marked(flagship, "label-out") == set()  # the page opens coloured by voice
    options = page.eval_on_selector_all("#scenario option", "os => os.map(o => o.textContent)")
    index = next(
        i for i, text in enumerate(options) if "Rejecting the claims of the article" in text
    )
    page.select_option("#scenario", str(index - 1))  # the first option is "none"
    rejected = ["by:journalist"]  # every claim of the voice, but the facts the map accepts
    labels = evaluate_graph(m, graph, reject=rejected).labels
    assert all(labels[c] == "in" for c, claim in m.claims.items() if claim.status == "accepted")
    before = evaluate_graph(m, graph).labels
    changed = {n for n in labels if labels[n] != before[n]}
    assert changed, "rejecting the journalist's claims changes some labels"
    for label in ("in", "out", "undecided"):
        assert marked(flagship, f"label-{label}") == {
            n for n, lab in labels.items() if lab == label
        }
    ident = "runway-not-ai-company"
    page.click(node(ident))
    shown = page.locator("#panel .explanation").inner_text()
    assert shown == explained(ident, rejected)
    page.select_option("#scenario", "0")
    assert page.locator("#panel .explanation").inner_text() == explained(ident, [])
    assert marked(flagship, "label-in") == {n for n, lab in before.items() if lab == "in"}


def test_keyboard_tab_enter_escape(flagship: Offline) -> None:
    page = flagship.page
    page.focus("#about")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('g.node')"):
            break
    focused = page.evaluate("document.activeElement.querySelector('title').textContent")
    page.keyboard.press("Enter")
    assert page.locator("#panel").is_visible()
    assert focused in page.locator("#panel h2").inner_text()
    page.keyboard.press("Escape")
    assert not page.locator("#panel").is_visible()
    assert page.evaluate("document.activeElement.querySelector('title').textContent") == focused


def test_search_finds_a_claim_by_text_and_opens_it(flagship: Offline) -> None:
    page = flagship.page
    page.fill("#search", "obsolet")
    assert "pure-ai-obsolete" in page.locator("#results").inner_text()
    page.press("#search", "Enter")
    assert "pure-ai-obsolete" in page.locator("#panel h2").inner_text()
    page.fill("#search", "mídia e entretenimento")  # a Portuguese text, accents and all
    assert "runway-is-media-company" in page.locator("#results").inner_text()


def test_the_language_switch_shows_the_portuguese_drawing(flagship: Offline) -> None:
    m = argmap.load(FLAGSHIP)
    page = flagship.page
    assert page.locator(VISIBLE).get_attribute("lang") == "en"
    page.click(node("era-ai-companies-over"))
    page.select_option("#lang", "pt")
    assert page.locator(VISIBLE).get_attribute("lang") == "pt"
    lines = page.eval_on_selector_all(
        f"{node('era-ai-companies-over')} text", "ts => ts.map(t => t.textContent)"
    )
    assert " ".join(lines) == m.text_of("era-ai-companies-over", "pt")
    assert marked(flagship, "selected") == {"era-ai-companies-over"}
    assert page.locator("#title").inner_text() == "Runway: “a era das empresas de IA acabou”"


def test_fit_and_zoom(flagship: Offline) -> None:
    page = flagship.page
    zoom = "window.argmapPage.state().view.realZoom"
    fitted = page.evaluate(zoom)
    page.click("#zoom-in")
    assert page.evaluate(zoom) > fitted * 1.1
    page.click("#fit")
    assert page.evaluate(zoom) == pytest.approx(fitted)


def test_the_page_is_the_committed_one(tmp_path: Path) -> None:
    """The tests above read the committed page: it must be today's (test_rendered_maps
    compares its bytes where Graphviz is the same version; here its data at least)."""
    fresh = argmap.render(argmap.load(FLAGSHIP), "html", legend=True, width=26)
    start = b'id="argmap-data">'
    data = [page.split(start)[1].split(b"</script>")[0] for page in (fresh, PAGE.read_bytes())]
    assert data[0] == data[1], "maps/runway-letter.html is out of date: run `make maps`"


#: Every node's explanation as the panel shows it, in every scenario: {scenario: {id: text}}.
EVERY_EXPLANATION = """() => {
  const found = {};
  const chosen = document.querySelector('#scenario');
  for (const option of [...chosen.options].filter(o => o.value !== '')) {
    chosen.value = option.value;
    chosen.dispatchEvent(new Event('change'));
    found[option.value] = {};
    for (const g of document.querySelectorAll('#map .drawing:not([hidden]) g.node')) {
      g.dispatchEvent(new MouseEvent('click', {bubbles: true}));
      const shown = document.querySelector('#panel .explanation');
      found[option.value][g.querySelector('title').textContent] = shown.textContent;
    }
  }
  return found;
}"""


def assert_explained_as_evaluate(offline: Offline, m: argmap.ArgumentMap) -> None:
    from argmap.draw.pagedata import assumptions
    from argmap.evaluate import explain

    graph = build(m)
    shown = offline.page.evaluate(EVERY_EXPLANATION)
    scenarios = assumptions(m, None)
    assert len(shown) == len(scenarios)
    for index, (accept, reject, _, _) in enumerate(scenarios):
        evaluation = evaluate_graph(m, graph, accept, reject)
        expected = {node: explain(m, graph, evaluation, node) for node in graph}
        assert shown[str(index)] == expected


def test_every_explanation_of_every_scenario_is_evaluates(flagship: Offline) -> None:
    assert_explained_as_evaluate(flagship, argmap.load(FLAGSHIP))


def test_explanations_that_go_round_in_a_circle(offline: Offline) -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "voices": {"v": {"name": "V"}},
            "claims": {
                "a": {"text": "A", "by": "v"},
                "b": {"text": "B"},
                "c": {"text": "C"},
                "d": {"text": "D"},
            },
            "inferences": {"i": {"premises": ["a"], "conclusion": "c"}},
            "attacks": [
                {"from": "a", "to": "b"},
                {"from": "b", "to": "a"},
                {"from": "d", "to": "i"},
            ],
            "issues": {"q": {"positions": ["c", "d"]}},
        }
    )
    offline.open(argmap.render(m, "html"))
    assert_explained_as_evaluate(offline, m)
    shown = offline.page.evaluate(EVERY_EXPLANATION)["0"]
    assert any(text.endswith("(and so round in a circle)") for text in shown.values())
    assert offline.elsewhere == [] and offline.errors == []
