"""Drawing: the DOT argmap writes, the SVG Graphviz makes of it, and `argmap render`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.draw import engine_version, layout, wasm_available
from argmap.errors import RenderError
from tests.benchmarks import render as benchmark
from tests.conftest import MAPS

GOLDEN = Path(__file__).parent / "golden"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is absent")
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def svg_tree(data: bytes) -> ET.Element:
    """The SVG parsed as XML (a failure to parse fails the test)."""
    return ET.fromstring(data)


def texts_of(tree: ET.Element) -> str:
    return "\n".join(t.text or "" for t in tree.iter(f"{SVG}text"))


def test_dot_of_the_example_matches_the_golden_file() -> None:
    # After an intended change of style: argmap render maps/example.yaml -o tests/golden/example.dot
    drawn = argmap.render(argmap.load(MAPS / "example.yaml"), "dot")
    assert drawn.decode() == (GOLDEN / "example.dot").read_text(encoding="utf-8")


@needs_dot
def test_the_same_map_gives_byte_identical_svg_and_pdf() -> None:
    m = argmap.load(MAPS / "runway-letter.yaml")
    assert argmap.render(m) == argmap.render(m)
    assert argmap.render(m, "pdf") == argmap.render(m, "pdf")


def test_a_junction_joins_linked_premises_and_a_shared_premise_is_drawn_once() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": {c: {"text": c.upper()} for c in "abcd"},
            "inferences": {
                "linked": {"premises": ["a", "b"], "conclusion": "d", "scheme": "analogy"},
                "other": {"premises": ["a", "c"], "conclusion": "d"},
            },
        }
    )
    source = argmap.render(m, "dot").decode()
    assert source.count('\t"a" [') == 1
    assert '"a" -> "linked"' in source and '"a" -> "other"' in source
    assert '"linked" -> "d"' in source and '"other" -> "d"' in source
    # A catalogue scheme is drawn by its name, with the number of its open questions.
    assert 'label="Argument from\\nanalogy\\n3 open"' in source
    assert "newrank" in source and " size=" not in source


@needs_dot
def test_claims_carry_their_id_class_and_quote_as_tooltip() -> None:
    tree = svg_tree(argmap.render(argmap.load(MAPS / "runway-letter.yaml"), legend=True))
    groups = {g.get("id"): g for g in tree.iter(f"{SVG}g")}
    main_claim = groups["claim-runway-not-ai-company"]
    assert "main-conclusion" in (main_claim.get("class") or "").split()
    assert "voice-valenzuela" in (main_claim.get("class") or "").split()
    titles = [a.get(f"{XLINK}title") or "" for a in main_claim.iter(f"{SVG}a")]
    assert any("Runway não é uma empresa de IA" in t for t in titles)
    assert "Cristóbal Valenzuela" in texts_of(tree)  # the legend names the voices
    undercut = [g for g in groups.values() if "undercut" in (g.get("class") or "")]
    assert undercut and all("#c62828" in ET.tostring(g).decode() for g in undercut)


@needs_dot
def test_lang_picks_the_text_language() -> None:
    m = argmap.load(MAPS / "runway-letter.yaml")
    assert "entretenimento" in texts_of(svg_tree(argmap.render(m, lang="pt")))
    assert "media and entertainment" in texts_of(svg_tree(argmap.render(m)))


HOSTILE = [
    "<script>alert(1)</script>",
    "say \"hi\" and 'bye'",
    "Bread & butter &amp; jam",
    "<b>bold</b>",
    "]]> end of CDATA",
    "line one\nline two",
    "<<TABLE><TR><TD>x</TD></TR></TABLE>>",
    r"node \N graph \G left \l",
    "javascript:alert(1)",
    "Ação: “aspas” — travessão",
]


@needs_dot
@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_comes_out_as_inert_text(text: str) -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "title": text,
            "sources": {"s": {"title": text, "url": "javascript:alert(1)"}},
            "voices": {"v": {"name": text}},
            "claims": {
                "a": {"text": text, "by": "v", "note": text},
                "b": {"text": "B", "quote": {"source": "s", "text": text}},
            },
            "inferences": {"i": {"premises": ["a"], "conclusion": "b", "scheme": text}},
        }
    )
    data = argmap.render(m, legend=True)
    tree = svg_tree(data)
    for element in tree.iter():
        assert not element.tag.endswith("script")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            if name.endswith("href"):
                assert value.startswith("http")
    shown = " ".join(texts_of(tree).split())
    assert " ".join(text.split()) in shown  # the claim's text, wrapped, reads as written
    quoted = [(a.get(f"{XLINK}title") or "").replace("\u200b", "") for a in tree.iter(f"{SVG}a")]
    assert any(" ".join(text.split()) in t for t in quoted)


@needs_dot
def test_only_http_links_are_drawn_and_percent_encoded() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "sources": {"s": {"title": "S", "url": 'https://e.org/a b?q="x"<y>'}},
            "claims": {"a": {"text": "A", "quote": {"source": "s", "text": "A"}}},
        }
    )
    hrefs = [a.get(f"{XLINK}href") for a in svg_tree(argmap.render(m)).iter(f"{SVG}a")]
    assert "https://e.org/a%20b?q=%22x%22%3Cy%3E" in hrefs


def test_ids_that_could_be_markup_are_refused_before_drawing() -> None:
    with pytest.raises(ValueError, match=r"string_pattern_mismatch|pattern"):
        argmap.ArgumentMap.model_validate({"claims": {'a"><script>': {"text": "A"}}})


def test_a_map_with_errors_is_not_drawn() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": {"a": {"text": "A"}},
            "inferences": {"i": {"premises": ["a"], "conclusion": "x"}},
        }
    )
    with pytest.raises(argmap.MapError) as err:
        argmap.render(m, "dot")
    assert [d.code for d in err.value.diagnostics] == ["AM106"]


@needs_dot
def test_repr_svg_draws_the_map_in_jupyter() -> None:
    svg = argmap.load(MAPS / "example.yaml")._repr_svg_()
    assert svg is not None and svg_tree(svg.encode()).tag == f"{SVG}svg"


def test_repr_svg_is_none_when_the_map_cannot_be_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    # Jupyter then shows the map's text instead of a traceback.
    broken = argmap.ArgumentMap.model_validate({"claims": {"a": {"text": "A"}}, "main": ["x"]})
    assert broken._repr_svg_() is None  # MapError: AM106
    monkeypatch.setenv("PATH", "")
    assert argmap.load(MAPS / "example.yaml")._repr_svg_() is None  # RenderError: AM402


#: Code points that XML 1.0 forbids (C0 control, lone surrogate, U+FFFE, U+FFFF, and their
#: like in the last plane) or discourages (C1 control, noncharacter).
UNDRAWABLE = "\x01\ud800\udfff\ufffe\uffff\U0010fffe\x85\ufdd0"


def undrawable_map() -> argmap.ArgumentMap:
    text = f"a{UNDRAWABLE}b"
    return argmap.ArgumentMap.model_validate(
        {
            "title": text,
            "voices": {"v": {"name": text}},
            "claims": {"a": {"text": {"en": text}, "by": "v", "note": text}, "b": {"text": "B"}},
            "inferences": {"i": {"premises": ["a"], "conclusion": "b", "scheme": text}},
            "issues": {"q": {"positions": ["a", "b"], "text": text}},
        }
    )


@needs_dot
def test_code_points_xml_cannot_hold_are_drawn_as_replacement_characters() -> None:
    # Was: AM403 "Graphviz failed" (U+FFFE in the legend), an SVG that is not XML, or a
    # UnicodeEncodeError (a lone surrogate).
    tree = svg_tree(argmap.render(undrawable_map(), legend=True, tag_colours={"\ufffe": "red"}))
    assert "a" + "\ufffd" * len(UNDRAWABLE) + "b" in texts_of(tree)


@needs_dot
@pytest.mark.parametrize("theme", ["light", "dark", "print"])
def test_themes_tell_support_from_attack(theme: str) -> None:
    source = argmap.render(argmap.load(MAPS / "example.yaml"), "dot", theme=theme).decode()
    support = next(line for line in source.splitlines() if "support conclusion" in line)
    attack = next(line for line in source.splitlines() if "attack rebut" in line)
    assert 'arrowhead="normal"' in support and 'arrowhead="tee"' in attack


def test_main_conclusions_that_build_on_one_another_are_drawn_as_one_straight_spine() -> None:
    source = argmap.render(argmap.load(MAPS / "runway-letter.yaml"), "dot").decode()
    grouped = {line.split('"')[1] for line in source.splitlines() if 'group="spine"' in line}
    assert grouped == {
        "pure-ai-obsolete",
        "inf-era-obsolete",
        "era-ai-companies-over",
        "inf-not-ai-era",
        "runway-not-ai-company",
        "inf-media-not-ai",
        "runway-is-media-company",
    }
    example = argmap.render(argmap.load(MAPS / "example.yaml"), "dot").decode()
    assert "group=" not in example  # one main conclusion: no spine


def test_issue_positions_are_linked() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": {c: {"text": c.upper()} for c in "abc"},
            "inferences": {"i": {"premises": ["a"], "conclusion": "c"}},
            "attacks": [{"from": "b", "to": "c"}],
            "issues": {"q": {"positions": ["a", "b"], "text": "A or B?"}},
        }
    )
    line = next(x for x in argmap.render(m, "dot").decode().splitlines() if "issue-q" in x)
    assert line.strip().startswith('"a" -> "b"') and 'constraint="false"' in line


def test_tag_colours_fill_tagged_claims() -> None:
    m = argmap.ArgumentMap.model_validate(
        {
            "claims": {"a": {"text": "A", "tags": ["key"]}, "b": {"text": "B"}},
            "inferences": {"i": {"premises": ["a"], "conclusion": "b"}},
        }
    )
    source = argmap.render(m, "dot", tag_colours={"key": "#ffcc00"}).decode()
    assert 'fillcolor="#ffcc00"' in next(x for x in source.splitlines() if x.startswith('\t"a"'))
    with pytest.raises(ValueError, match="colour"):
        argmap.render(m, "dot", tag_colours={"key": '"red" URL="x"'})


# ---------------------------------------------------------------------------------------
# Diagnostics AM401-AM407


def test_am401_no_text_in_the_language(write_map: Callable[..., Path]) -> None:
    path = write_map("lang: en\nclaims:\n  a: {text: A}\n")
    result = CliRunner().invoke(main, ["render", str(path), "--lang", "pt"])
    assert result.exit_code == 1
    assert f"{path}:1:1: error AM401" in result.output


def test_am402_graphviz_missing_says_how_to_install(write_map: Callable[..., Path]) -> None:
    path = write_map("claims:\n  a: {text: A}\n")
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(path)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert f"{path}: error AM402 Graphviz is not installed" in done.stderr
    assert all(tool in done.stderr for tool in ("apt-get", "brew", "choco", "conda"))
    assert "Traceback" not in done.stderr and not path.with_suffix(".svg").exists()


@needs_dot
def test_am403_graphviz_failure() -> None:
    with pytest.raises(RenderError) as err:
        layout("digraph {", "svg")
    assert (err.value.diagnostic.code, err.value.diagnostic.line) == ("AM403", 0)
    assert "syntax error" in err.value.diagnostic.message


@needs_dot
def test_am404_time_limit_leaves_the_old_output(write_map: Callable[..., Path]) -> None:
    path = write_map("claims:\n  a: {text: A}\n")
    old = path.with_suffix(".svg")
    old.write_text("old drawing")
    result = CliRunner().invoke(main, ["render", str(path), "--timeout", "0.0001"])
    assert result.exit_code == 2
    assert f"{path}: error AM404 Graphviz took longer than 0.0001 s" in result.output
    assert old.read_text() == "old drawing"


@needs_dot
def test_am405_output_cannot_be_written(write_map: Callable[..., Path], tmp_path: Path) -> None:
    path = write_map("claims:\n  a: {text: A}\n")
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(tmp_path / "no/x.svg")])
    assert result.exit_code == 2
    assert f"{path}: error AM405 cannot write" in result.output


@needs_dot
def test_am406_a_javascript_url_is_not_linked(write_map: Callable[..., Path]) -> None:
    path = write_map(
        """
        sources:
          s: {title: S, url: "javascript:alert(1)"}
        claims:
          a: {text: A, quote: {source: s, text: A}}
        """
    )
    result = CliRunner().invoke(main, ["render", str(path)])
    assert result.exit_code == 0
    assert f"{path}:2:22: warning AM406" in result.output
    assert "javascript" not in path.with_suffix(".svg").read_text()


@needs_dot
@pytest.mark.parametrize("timeout", [0, 30, float("inf"), 1e308, 1e10])
def test_a_time_limit_of_zero_or_any_positive_length_is_taken(timeout: float) -> None:
    # Was: OverflowError for inf and for anything above about 24.8 days.
    assert layout("digraph { a }", "svg", timeout=timeout).startswith(b"<?xml")


@pytest.mark.parametrize("timeout", [float("nan"), -1.0, float("-inf")])
def test_a_time_limit_that_is_not_a_length_is_a_value_error(timeout: float) -> None:
    # Was: ValueError "cannot convert float NaN to integer" from deep in subprocess.
    with pytest.raises(ValueError, match=r"a time limit is a number of seconds from 0 \(0: none\)"):
        layout("digraph { a }", "svg", timeout=timeout)


def test_am407_the_wasm_engine_draws_svg_only() -> None:
    if not wasm_available():
        pytest.skip("the wasm extra is not installed (pip install 'argmap[wasm]')")
    with pytest.raises(RenderError) as err:
        layout("digraph { a }", "png", engine="wasm")
    assert (err.value.diagnostic.code, err.value.diagnostic.line) == ("AM407", 0)


def test_the_wasm_engine_draws_svg() -> None:
    if not wasm_available():
        pytest.skip("the wasm extra is not installed (pip install 'argmap[wasm]')")
    m = argmap.load(MAPS / "example.yaml")
    tree = svg_tree(argmap.render(m, engine="wasm"))
    assert "claim-build-lane" in {g.get("id") for g in tree.iter(f"{SVG}g")}


# ---------------------------------------------------------------------------------------
# The command


@needs_dot
def test_render_a_folder_writes_each_drawing_beside_its_map(tmp_path: Path) -> None:
    for name in ("example.yaml", "runway-letter.yaml", "runway-letter-article.pt.txt"):
        shutil.copy(MAPS / name, tmp_path / name)
    result = CliRunner().invoke(main, ["render", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for stem in ("example", "runway-letter"):
        assert svg_tree((tmp_path / f"{stem}.svg").read_bytes()).tag == f"{SVG}svg"


@needs_dot
@pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("dot", b"digraph")])
def test_render_infers_the_format_from_the_output(tmp_path: Path, fmt: str, magic: bytes) -> None:
    out = tmp_path / f"map.{fmt}"
    result = CliRunner().invoke(main, ["render", str(MAPS / "example.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic)


def test_render_refuses_a_map_with_errors(write_map: Callable[..., Path]) -> None:
    path = write_map("claims:\n  a: {text: A}\nattacks:\n  - {from: a, to: b}\n")
    result = CliRunner().invoke(main, ["render", str(path)])
    assert result.exit_code == 1
    assert f"{path}:4:19: error AM106" in result.output
    assert not path.with_suffix(".svg").exists()


def test_version_names_graphviz() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.output.startswith("argmap ") and "\nGraphviz " in result.output


@needs_dot
def test_engine_version_is_the_one_dot_prints() -> None:
    said = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=True).stderr
    version = engine_version()
    assert version is not None and re.fullmatch(r"\d+(\.\d+)+", version)
    assert f"version {version}" in said


def test_engine_version_without_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    assert engine_version() is None


@needs_dot
def test_benchmark_runs_at_a_tiny_size() -> None:
    lines = benchmark.main([10])
    figures = lines[-1].split()
    assert figures[0] == "10" and float(figures[4]) > 0  # the ratio; then Argdown's, if there
