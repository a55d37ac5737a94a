"""`--lang` draws the whole map in one language: claims, title, voices and the legend's words."""

from __future__ import annotations

import argmap
from argmap.draw import LEGEND_WORDS
from tests.conftest import MAPS


def test_portuguese_drawing_has_portuguese_title_voices_and_legend() -> None:
    m = argmap.load(MAPS / "runway-letter.yaml")
    pt = argmap.render(m, "dot", lang="pt", legend=True).decode()
    en = argmap.render(m, "dot", legend=True).decode()
    assert "a era das empresas de IA acabou" in pt and "the era of AI companies" not in pt
    assert "o analista do mapa" in pt and "the map&#x27;s analyst" in en
    assert LEGEND_WORDS["pt"]["attack"] in pt and LEGEND_WORDS["en"]["attack"] in en


def test_every_language_has_every_legend_word() -> None:
    assert all(words.keys() == LEGEND_WORDS["en"].keys() for words in LEGEND_WORDS.values())
