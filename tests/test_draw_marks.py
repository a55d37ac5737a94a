"""What a drawing marks: implicit premises, inference labels per language, the legend's
samples and words, and the overview (`--depth`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.draw import LEGEND_WORDS
from tests.conftest import MAPS
from tests.test_maps import european

SMALL = """
lang: en
languages: [en, pt]
voices:
  author: {name: The author}
  analyst: {name: {en: The analyst, pt: O analista}}
claims:
  c: {text: {en: C, pt: C}, by: author}
  p: {text: {en: P, pt: P}, by: author}
  gap: {text: {en: G, pt: G}, by: analyst, implicit: true}
inferences:
  i:
    premises: [p, gap]
    conclusion: c
    scheme: analogy
    label: {en: as the camera, pt: como a câmera}
"""


def node_line(dot: str, ident: str, kind: str = "claim") -> str:
    (line,) = [x for x in dot.splitlines() if f'id="{kind}-{ident}"' in x]
    return line


def test_implicit_premise_has_a_double_frame_italics_and_a_legend_row() -> None:
    m = argmap.loads(SMALL)
    dot = argmap.render(m, "dot", legend=True).decode()
    gap, p = node_line(dot, "gap"), node_line(dot, "p")
    assert 'peripheries="2"' in gap and "Helvetica-Oblique" in gap and "implicit" in gap
    assert "peripheries" not in p and "Oblique" not in p
    assert LEGEND_WORDS["en"]["implicit"] in dot
    # Evaluated, its label shows by the frame's colour and dashes, the double frame kept.
    judged = node_line(argmap.render(m, "dot", evaluated=True, reject=["gap"]).decode(), "gap")
    assert 'peripheries="2"' in judged and "dashed" in judged
    plain = argmap.loads(SMALL.replace(", implicit: true", ""))
    assert LEGEND_WORDS["en"]["implicit"] not in argmap.render(plain, "dot", legend=True).decode()


def test_inference_label_follows_the_language() -> None:
    m = argmap.loads(SMALL)
    en = node_line(argmap.render(m, "dot").decode(), "i", "inference")
    pt = node_line(argmap.render(m, "dot", lang="pt").decode(), "i", "inference")
    # the scheme's name from the catalogue, then the label, both in the drawn language
    assert "Argument from analogy — as the camera" in en and "como a câmera" not in en
    assert "Argumento por analogia — como a câmera" in pt and "as the camera" not in pt
    assert argmap.loads(SMALL.replace("label: {en: as the camera, pt: como a câmera}", "label: L"))


def test_inference_label_languages_are_checked_like_claim_texts(
    write_map: Callable[..., Path],
) -> None:
    path = write_map(SMALL.replace("label: {en:", "label: {EN:"))
    done = CliRunner().invoke(main, ["check", str(path)])
    assert done.exit_code == 1
    assert "invalid language code `EN` in inference `i`'s `label`" in done.output


def test_legend_samples_are_shapes_and_explain_junctions_and_schemes() -> None:
    m = argmap.load(MAPS / "runway-letter.yaml")
    for lang in ("en", "pt"):
        dot = argmap.render(m, "dot", legend=True, lang=lang).decode()
        legend = re.search(r"label=<(.*?)> labelloc", dot)
        assert legend is not None
        key = legend.group(1)
        # No box-drawing characters, arrows or geometric shapes: renderers without the glyph
        # (cairosvg) draw an empty box.
        assert not re.search("[\u2190-\u21ff\u2500-\u25ff]", key)
        assert key.count('FIXEDSIZE="TRUE"') > 10
        words = LEGEND_WORDS[lang]
        for word in ("junction", "scheme", "attack", "undercut", "implicit"):
            assert words[word] in key, word


def test_legend_portuguese_is_brazilian() -> None:
    assert {w: european(w) for w in LEGEND_WORDS["pt"].values() if european(w)} == {}


FLAGSHIP = MAPS / "runway-letter.yaml"


def test_overview_draws_the_main_conclusions_and_one_step_below() -> None:
    m = argmap.load(FLAGSHIP)
    dot = argmap.render(m, "dot", depth=1, legend=True).decode()
    drawn = set(re.findall(r'id="claim-([^"]+)"', dot))
    assert set(m.main or ()) <= drawn
    assert {"ai-infrastructure", "runway-focus-media", "next-wave-not-research"} <= drawn
    assert "models-commodity" not in drawn and "runway-ai-company" not in drawn
    # What is left out is counted: models-commodity and everything below it, and more.
    count = re.search(r"\(\+(\d+)\)", node_line(dot, "next-wave-not-research"))
    assert count is not None and int(count.group(1)) >= 4
    # Junctions are dots, and no line leads to a claim not drawn.
    junctions = [line for line in dot.splitlines() if 'class="inference' in line]
    assert junctions and all('shape="circle"' in line for line in junctions)
    ends = set(re.findall(r'"([^"]+)" -> "([^"]+)"', dot))
    assert all(u in drawn or u in m.inferences for pair in ends for u in pair)
    assert "+N" in dot and LEGEND_WORDS["en"]["attack"] not in dot
    only_main = argmap.render(m, "dot", depth=0).decode()
    assert set(re.findall(r'id="claim-([^"]+)"', only_main)) == set(m.main or ())


def test_depth_must_not_be_negative() -> None:
    done = CliRunner().invoke(main, ["render", str(FLAGSHIP), "--depth", "-1", "-o", "-"])
    assert done.exit_code == 2 and "--depth" in done.output
    with pytest.raises(ValueError, match="depth"):
        argmap.render(argmap.load(FLAGSHIP), "dot", depth=-1)
