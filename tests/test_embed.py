"""Maps in documents: :func:`argmap.embed.draw_block`, and each adapter run for real.

The adapters' tests build a fixture document with the tool itself: ``mkdocs build
--strict``, pandoc (the binary pypandoc-binary ships, else the system's) with the Lua filter
to HTML and LaTeX, and ``sphinx-build -W`` on reST and MyST. Each asserts that the drawing is
in the output and that a broken block fails the build with its line in the document.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.embed import draw_block, failure, fence_line
from argmap.errors import MapError

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is absent")

MAP = """\
claims:
  lane: {text: The street should get a bike lane}
  safer: {text: Cyclists are safer}
inferences:
  i: {premises: [safer], conclusion: lane}
main: [lane]
"""
#: MAP with an unknown field on its third line, at column 37.
BROKEN = MAP.replace("Cyclists are safer}", "Cyclists are safer, bogus: 1}")
#: MAP with a claim used nowhere (AM301) on its fourth line, at column 3.
LONELY = MAP.replace("inferences:", "  alone: {text: Nobody uses me}\ninferences:")
BIN = Path(sys.executable).parent
EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples" / "documents"


def errors(err: pytest.ExceptionInfo[MapError]) -> list[tuple[str, str, int, int]]:
    return [(d.code, d.file, d.line, d.column) for d in err.value.diagnostics]


# The core function.


def test_a_block_is_an_inline_svg_figure_with_ids_of_its_own() -> None:
    first = draw_block(MAP, {"caption": "A <lane>"}, document="d.md", line=3).content.decode()
    second = draw_block(MAP, {}, document="d.md", line=20).content.decode()
    assert first.startswith('<figure class="argmap">') and "<svg" in first
    assert "<figcaption>A &lt;lane&gt;</figcaption>" in first
    ids = [re.findall(r'\bid="([^"]+)"', page) for page in (first, second)]
    assert ids[0] and ids[1] and not set(ids[0]) & set(ids[1])
    assert all(i.startswith("argmap-3-") for i in ids[0])
    assert "<?xml" not in first and "<!DOCTYPE" not in first


def test_a_block_keeps_the_links_to_its_sources() -> None:
    """A document has no panel to show a claim's source, so its link stays in the drawing
    (argmap's own page drops it: :func:`argmap.draw.html.inline_svg`'s doctest)."""
    cited = MAP.replace(
        "claims:",
        "sources:\n  study: {title: A study, url: 'https://example.org/study'}\nclaims:",
    ).replace(
        "{text: Cyclists are safer}",
        "{text: Cyclists are safer, quote: {source: study, text: safer}}",
    )
    figure = draw_block(cited, {}).content.decode()
    assert 'xlink:href="https://example.org/study"' in figure


def test_the_same_block_gives_the_same_bytes() -> None:
    assert draw_block(MAP, {"theme": "dark"}) == draw_block(MAP, {"theme": "dark"})


def test_options_reach_the_drawing() -> None:
    plain = draw_block(MAP, {}).content
    assert draw_block(MAP, {"theme": "dark"}).content != plain
    assert draw_block(MAP, {"rankdir": "LR"}).content != plain
    evaluated = draw_block(MAP, {"evaluate": ""}).content
    assert evaluated != plain
    assert draw_block(MAP, {"reject": "safer"}).content not in (plain, evaluated)


def test_pdf_and_png_are_files_of_their_kind() -> None:
    assert draw_block(MAP, {}, "pdf").content.startswith(b"%PDF")
    assert draw_block(MAP, {}, "png").content.startswith(b"\x89PNG")


def test_view_html_is_the_interactive_page_in_a_sandboxed_frame() -> None:
    markup = draw_block(MAP, {"view": "html"}).content.decode()
    assert '<iframe class="argmap-view" sandbox="allow-scripts"' in markup
    assert 'srcdoc="&lt;!DOCTYPE html&gt;' in markup
    # Only HTML targets have it: a PDF is the static drawing.
    assert draw_block(MAP, {"view": "html"}, "pdf").content.startswith(b"%PDF")


def test_a_file_is_found_beside_the_document_or_under_the_root(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "lane.yaml").write_text(MAP)
    document = str(tmp_path / "page.md")
    assert b"<svg" in draw_block("", {"file": "maps/lane.yaml"}, document=document).content
    elsewhere = draw_block("", {"file": "lane.yaml"}, root=tmp_path / "maps").content
    assert b"<svg" in elsewhere
    (tmp_path / "maps" / "lane.yaml").write_text(BROKEN)
    with pytest.raises(MapError) as err:
        draw_block("", {"file": "maps/lane.yaml"}, document=document, line=9)
    assert errors(err) == [("AM101", str(tmp_path / "maps" / "lane.yaml"), 3, 37)]


def test_a_broken_map_is_located_in_the_document() -> None:
    with pytest.raises(MapError) as err:
        draw_block(BROKEN, {}, document="d.md", line=10)
    assert errors(err) == [("AM101", "d.md", 13, 37)]
    assert failure(err.value, "d.md", 10).startswith("d.md:10: the argmap block cannot be")


@pytest.mark.parametrize(
    ("body", "options", "message"),
    [
        (MAP, {"them": "dark"}, "no option `them`; did you mean `theme`?"),
        (MAP, {"theme": "blue"}, "`theme` must be one of light, dark, print, not `blue`"),
        (MAP, {"view": "live"}, "`view` must be one of static, html"),
        (MAP, {"evaluate": "maybe"}, "`evaluate` is true or false"),
        (MAP, {"file": "m.yaml"}, "names a map file and holds a map"),
        ("\n", {}, "the argmap block is empty"),
    ],
)
def test_a_wrong_option_is_am701_at_the_fence(
    body: str, options: dict[str, str], message: str
) -> None:
    with pytest.raises(MapError) as err:
        draw_block(body, options, document="d.md", line=7)
    assert errors(err) == [("AM701", "d.md", 7, 1)]
    assert message in err.value.diagnostics[0].message


def test_warnings_come_with_the_figure() -> None:
    figure = draw_block(LONELY, {}, document="d.md", line=1)
    assert [(d.code, d.line, d.column) for d in figure.warnings] == [("AM301", 5, 3)]


def test_fence_line_finds_each_occurrence() -> None:
    page = "```argmap\nclaims: {}\n```\n\n> ~~~ {.argmap}\n> claims: {}\n> ~~~\n"
    assert fence_line(page, "claims: {}\n", 0) == 1
    assert fence_line(page, "claims: {}\n", 1) == 5
    assert fence_line(page, "claims: {}\n", 2) == 0
    assert fence_line("```python\nclaims: {}\n```\n", "claims: {}") == 0


# The command the pandoc filter runs.


def test_embed_command_draws_a_block_and_says_where_the_filter_is(tmp_path: Path) -> None:
    runner = CliRunner()
    path = runner.invoke(main, ["embed", "--filter-path"])
    assert path.exit_code == 0 and Path(path.output.strip()).read_text().startswith("-- argmap")
    document = tmp_path / "notes.md"
    document.write_text(f"# Notes\n\n```{{.argmap}}\n{BROKEN}```\n")
    done = runner.invoke(main, ["embed", "--document", str(document)], input=BROKEN)
    assert done.exit_code == 1
    assert f"{document}:6:37: error AM101" in done.output
    done = runner.invoke(main, ["embed", "caption=Lane"], input=MAP)
    assert done.exit_code == 0 and "<figcaption>Lane</figcaption>" in done.output


# MkDocs.

#: The documented set-up (docs/documents.md shows it).
MKDOCS_YML = (EXAMPLES / "mkdocs" / "mkdocs.yml").read_text(encoding="utf-8")


def mkdocs_site(folder: Path, page: str) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(MKDOCS_YML)
    (folder / "docs" / "index.md").write_text(page)
    return folder


def mkdocs_build(site: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in the site's folder."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    return subprocess.run(command, cwd=site, capture_output=True, text=True, timeout=300)


def test_mkdocs_draws_each_fence_inline(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="the docs extra is not installed")
    page = f'# Maps\n\n```argmap caption="The lane"\n{MAP}```\n\n```argmap theme="dark"\n{MAP}```\n'
    site = mkdocs_site(tmp_path, page)
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr
    built = (site / "site" / "index.html").read_text()
    assert built.count('<figure class="argmap">') == 2 and built.count("-graph0") == 2
    assert 'id="argmap-3-graph0"' in built and 'id="argmap-12-graph0"' in built
    assert "<figcaption>The lane</figcaption>" in built


def test_mkdocs_fails_on_a_broken_block_with_its_line(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="the docs extra is not installed")
    page = f"# Maps\n\n```argmap\n{MAP}```\n\nText.\n\n```argmap\n{BROKEN}```\n"
    done = mkdocs_build(mkdocs_site(tmp_path, page))
    assert done.returncode != 0
    assert "docs/index.md:14: the argmap block cannot be drawn" in done.stderr
    assert "docs/index.md:17:37: error AM101 unknown field `bogus`" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_mkdocs_strict_fails_on_a_maps_warning(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="the docs extra is not installed")
    page = f"# Maps\n\n```argmap\n{LONELY}```\n"
    done = mkdocs_build(mkdocs_site(tmp_path, page))
    assert done.returncode != 0
    assert "docs/index.md:7:3: warning AM301" in done.stderr


# pandoc, with the Lua filter.


def pandoc() -> str:
    """The pandoc that pypandoc-binary ships, else the system's; skip without either."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if found is None:
            pytest.skip("no pandoc: pip install -e '.[docs]' (pypandoc-binary ships one)")
        return found


def pandoc_run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``pandoc --lua-filter $(argmap embed --filter-path) notes.md ARGS`` in `folder`."""
    lua = subprocess.run(
        [str(BIN / "argmap"), "embed", "--filter-path"], capture_output=True, text=True
    ).stdout.strip()
    command = [pandoc(), "--lua-filter", lua, "notes.md", *args]
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(folder)}
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)


NOTES = f'# Notes\n\n```{{.argmap caption="The lane"}}\n{MAP}```\n\nAfter.\n'


def test_pandoc_html_has_the_svg_inline(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(NOTES)
    done = pandoc_run(tmp_path, "-o", "notes.html")
    assert done.returncode == 0, done.stderr
    built = (tmp_path / "notes.html").read_text()
    assert '<figure class="argmap">' in built and 'id="argmap-3-graph0"' in built


def test_pandoc_latex_includes_a_pdf_that_exists(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(NOTES)
    done = pandoc_run(tmp_path, "-t", "latex", "-o", "notes.tex")
    assert done.returncode == 0, done.stderr
    latex = (tmp_path / "notes.tex").read_text()
    included = re.findall(r"\\includegraphics\[[^]]*\]\{([^}]+\.pdf)\}", latex)
    assert len(included) == 1, latex
    assert (tmp_path / included[0]).read_bytes().startswith(b"%PDF")
    assert "\\caption{The lane}" in latex


def test_pandoc_other_formats_get_a_png(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(NOTES)
    done = pandoc_run(tmp_path, "-t", "markdown", "-o", "out.md")
    assert done.returncode == 0, done.stderr
    (png,) = re.findall(r"\((argmap-figures/[0-9a-f]+\.png)\)", (tmp_path / "out.md").read_text())
    assert (tmp_path / png).read_bytes().startswith(b"\x89PNG")


def test_pandoc_fails_on_a_broken_block_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(NOTES + f"\n```{{.argmap theme=dark}}\n{BROKEN}```\n")
    done = pandoc_run(tmp_path, "-o", "notes.html")
    assert done.returncode != 0
    assert "notes.md:14: the argmap block cannot be drawn" in done.stderr
    assert "notes.md:17:37: error AM101" in done.stderr
    assert "traceback" not in done.stderr.lower()
    assert not (tmp_path / "notes.html").exists()


# Sphinx, reST and MyST.

RST = """\
Maps
====

.. toctree::

   page

.. argmap::
   :caption: The lane
   :evaluate:

{body}
"""


def sphinx_project(folder: Path, rst_body: str, myst_body: str) -> Path:
    (folder / "conf.py").write_text(
        'project = "Maps"\nextensions = ["myst_parser", "argmap.sphinx"]\n'
    )
    indented = "".join(f"   {line}\n" for line in rst_body.splitlines())
    (folder / "index.rst").write_text(RST.format(body=indented))
    (folder / "page.md").write_text(f"# MyST\n\n```{{argmap}}\n:theme: dark\n{myst_body}```\n")
    return folder


def sphinx_build(project: Path, builder: str = "html") -> subprocess.CompletedProcess[str]:
    """``sphinx-build -W -b BUILDER . _build/BUILDER`` in the project's folder."""
    command = [sys.executable, "-m", "sphinx", "-W", "-b", builder, ".", f"_build/{builder}"]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300)


def test_sphinx_draws_rest_and_myst_directives(tmp_path: Path) -> None:
    pytest.importorskip("myst_parser", reason="the docs extra is not installed")
    done = sphinx_build(sphinx_project(tmp_path, MAP, MAP))
    assert done.returncode == 0, done.stderr
    rest = (tmp_path / "_build" / "html" / "index.html").read_text()
    myst = (tmp_path / "_build" / "html" / "page.html").read_text()
    assert 'id="argmap-11-graph0"' in rest and "<figcaption>The lane</figcaption>" in rest
    assert 'id="argmap-4-graph0"' in myst


def test_sphinx_latex_includes_a_pdf(tmp_path: Path) -> None:
    pytest.importorskip("myst_parser", reason="the docs extra is not installed")
    done = sphinx_build(sphinx_project(tmp_path, MAP, MAP), "latex")
    assert done.returncode == 0, done.stderr
    latex = (tmp_path / "_build" / "latex" / "maps.tex").read_text()
    included = re.findall(r"\\sphinxincludegraphics\{\{([0-9a-f]+)\}\.pdf\}", latex)
    assert len(included) == 2, latex
    for name in included:
        pdf = tmp_path / "_build" / "latex" / f"{name}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("rst_body", "myst_body", "where"),
    [
        (BROKEN, MAP, "index.rst:14:37: error AM101"),
        (MAP, BROKEN, "page.md:7:37: error AM101"),
    ],
    ids=["rest", "myst"],
)
def test_sphinx_fails_on_a_broken_block_with_its_line(
    tmp_path: Path, rst_body: str, myst_body: str, where: str
) -> None:
    pytest.importorskip("myst_parser", reason="the docs extra is not installed")
    done = sphinx_build(sphinx_project(tmp_path, rst_body, myst_body))
    assert done.returncode != 0
    assert "ERROR: the argmap block cannot be drawn" in done.stderr
    assert where in done.stderr
    assert "Traceback" not in done.stderr
