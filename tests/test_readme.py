"""The README and docs/ document what the code does: every diagnostic code, every map field,
the example map as it is, and links that lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

import argmap
from argmap.diagnostics import CODES
from argmap.model import ArgumentMap, Attack, Claim, Inference, Issue, Quote, Source, Voice

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")
MODELS: list[type[BaseModel]] = [ArgumentMap, Attack, Claim, Inference, Issue, Quote, Source, Voice]


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def test_every_code_is_in_the_table_of_diagnostics() -> None:
    table = page("diagnostics.md")
    missing = [
        code for code in CODES if f"| `{code}` | {CODES[code].severity.value} |" not in table
    ]
    assert not missing, f"codes missing from docs/diagnostics.md's table: {missing}"


def test_the_table_of_diagnostics_lists_no_code_argmap_lacks() -> None:
    listed = re.findall(r"^\| `(AM\d{3})` \|", page("diagnostics.md"), re.MULTILINE)
    assert sorted(set(listed) - set(CODES)) == []
    assert len(listed) == len(set(listed)), "a code listed twice"


def test_every_field_is_in_the_format_page() -> None:
    names = {f.alias or name for model in MODELS for name, f in model.model_fields.items()}
    format_page = page("format.md")
    missing = sorted(n for n in names if f"| `{n}` |" not in format_page)
    assert not missing, f"fields missing from docs/format.md's tables: {missing}"


def test_every_command_has_a_section_in_the_command_line_page() -> None:
    """Regression: `serve` and `diff` were missing from docs/cli.md, which says it has them all."""
    from argmap.cli import COMMANDS

    cli_page = page("cli.md")
    missing = [name for name in COMMANDS if f"## `argmap {name}`" not in cli_page]
    assert not missing, f"commands without a section in docs/cli.md: {missing}"


def test_every_format_render_draws_is_in_its_option_table() -> None:
    """Regression: `--format html` was missing from docs/render.md's table."""
    import click

    from argmap.cli import COMMANDS

    option = next(p for p in COMMANDS["render"]().params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    row = next(line for line in page("render.md").splitlines() if line.startswith("| `--format`"))
    missing = [fmt for fmt in option.type.choices if f"`{fmt}`" not in row]
    assert not missing, f"formats missing from docs/render.md's --format row: {missing}"


def test_the_every_field_example_uses_every_field() -> None:
    m = argmap.load(DOCS / "examples" / "every-field.yaml")
    used: dict[type[BaseModel], set[str]] = {model: set() for model in MODELS}
    elements: list[BaseModel] = [
        m,
        *m.sources.values(),
        *m.voices.values(),
        *m.claims.values(),
        *m.inferences.values(),
        *m.attacks,
        *m.issues.values(),
        *(c.quote for c in m.claims.values() if c.quote),
    ]
    for element in elements:
        used[type(element)] |= element.model_fields_set
    unused = sorted(
        f"{model.__name__}.{name}"
        for model in MODELS
        for name in model.model_fields
        if name not in used[model]
    )
    assert not unused, f"docs/examples/every-field.yaml does not use {unused}"
    assert argmap.check(m) == []


def test_the_small_map_shown_is_maps_example_yaml() -> None:
    example = (ROOT / "maps" / "example.yaml").read_text(encoding="utf-8")
    block = f"```yaml\n{example}```"
    assert block in README, "the README's small map differs from maps/example.yaml"
    assert block in page("format.md"), "docs/format.md's whole map differs from maps/example.yaml"


def test_the_readme_stays_short() -> None:
    """Reference material belongs in docs/: the README says what argmap is and how to start."""
    assert len(README.encode()) < 16_000


def test_every_relative_link_leads_to_a_file() -> None:
    pages = [ROOT / "README.md", *DOCS.glob("*.md")]
    broken = []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):  # https:, mailto:
                continue
            file, _, anchor = target.partition("#")
            resolved = (path.parent / file).resolve() if file else path
            if not resolved.exists():
                broken.append(f"{path.relative_to(ROOT)}: {target}")
            elif anchor and resolved.suffix == ".md":
                headings = re.findall(r"^#+ (.+)$", resolved.read_text(encoding="utf-8"), re.M)
                if anchor not in {_anchor(h) for h in headings}:
                    broken.append(f"{path.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, broken


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading.

    >>> _anchor("Exit statuses"), _anchor("`argmap check`: every problem")
    ('exit-statuses', 'argmap-check-every-problem')
    """
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
