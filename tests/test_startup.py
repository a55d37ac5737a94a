"""A command imports only what it needs: start-up is most of a small command's time.

Each test runs the command line in a fresh interpreter and reads which modules it imported.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "maps" / "example.yaml"

#: Runs the command line on its arguments in this process, then prints every module loaded.
PROBE = """
import sys
from argmap.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("\\nMODULES", *sorted(sys.modules))
"""

#: What drawing, the other formats and the reports load, none of which a check of a YAML
#: map uses.
NOT_FOR_CHECK = {
    "argmap.draw",
    "argmap.draw.source",
    "argmap.evaluate.framework",
    "argmap.formats.aif",
    "argmap.formats.argdown",
    "argmap.formats.dung",
    "argmap.formats.graphml",
    "argmap.formats.kialo",
    "argmap.reports.sarif",
    "argmap.reports.rdjson",
    "argmap.reports.github",
}

#: Beyond those, the heavy libraries: the graph, the model (Pydantic), PyYAML.
HEAVY = {"networkx", "pydantic", "argmap.model", "yaml", "argmap.graph"}


def imported(*args: str, cwd: Path = REPO) -> set[str]:
    """The modules loaded by ``argmap ARGS``."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )
    line = done.stdout.rpartition("\nMODULES ")[2]
    assert line, done.stderr
    return set(line.split())


def test_version_imports_neither_the_graph_nor_the_model_nor_drawing() -> None:
    modules = imported("--version")
    assert "argmap.draw.engine" in modules  # it asks Graphviz for its version
    assert "graphviz" not in modules  # by running `dot -V` itself
    assert modules.isdisjoint(HEAVY | (NOT_FOR_CHECK - {"argmap.draw"}))


def test_help_imports_every_command_but_nothing_heavy() -> None:
    modules = imported("--help")
    assert {"argmap.cli.render", "argmap.cli.check", "argmap.cli.serve"} <= modules
    assert modules.isdisjoint(HEAVY | (NOT_FOR_CHECK - {"argmap.draw"}))


def test_init_imports_nothing_heavy(tmp_path: Path) -> None:
    modules = imported("init", "m.yaml", cwd=tmp_path)
    assert (tmp_path / "m.yaml").is_file()
    assert modules.isdisjoint(HEAVY | NOT_FOR_CHECK)
    assert "argmap.cli.check" not in modules


def test_check_of_a_yaml_map_imports_no_drawing_and_no_other_format() -> None:
    modules = imported("check", str(EXAMPLE))
    assert {"networkx", "argmap.checks", "argmap.formats.native"} <= modules
    assert modules.isdisjoint(NOT_FOR_CHECK)


def test_checking_a_clean_map_with_schemes_needs_no_pyyaml() -> None:
    # the flagship names catalogue schemes: the catalogue is read, and nothing is located
    modules = imported("check", str(REPO / "maps" / "runway-letter.yaml"))
    assert "argmap.schemes.catalogue" in modules
    assert modules.isdisjoint({"yaml", "argmap.locate"})


def test_converting_a_clean_yaml_map_to_json_needs_no_graph_nor_pyyaml(tmp_path: Path) -> None:
    modules = imported("convert", str(EXAMPLE), str(tmp_path / "m.json"))
    assert (tmp_path / "m.json").is_file()
    assert "pydantic" in modules
    assert modules.isdisjoint({"networkx", "yaml", "argmap.locate"} | NOT_FOR_CHECK)


@pytest.mark.parametrize("name", ["ArgumentMap", "Claim", "Label", "evaluate", "check"])
def test_the_api_keeps_its_names_imported_later(name: str) -> None:
    """`import argmap` is light, yet every name of the API is there; ``argmap.evaluate`` stays
    the function after its package's modules are imported."""
    code = (
        "import sys, argmap\n"
        "light = 'pydantic' not in sys.modules and 'networkx' not in sys.modules\n"
        "import argmap.evaluate.framework, argmap.draw.source\n"
        f"value = getattr(argmap, {name!r})\n"
        "print(light, callable(argmap.evaluate), value.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", name]


def test_an_unknown_name_of_the_api_is_an_attribute_error() -> None:
    import argmap

    with pytest.raises(AttributeError, match="no attribute 'Nonesuch'"):
        argmap.Nonesuch  # noqa: B018


def test_the_models_default_factories_are_python_functions() -> None:
    """Pydantic reads each factory's signature as it builds a class: a builtin's (``list``) is
    parsed from text by Python's tokenizer, whose first use costs every command 6 ms."""
    from pydantic import BaseModel

    from argmap import model

    classes = [c for c in vars(model).values() if inspect.isclass(c) and issubclass(c, BaseModel)]
    factories = [
        (cls.__name__, name, field.default_factory)
        for cls in classes
        for name, field in cls.model_fields.items()
        if field.default_factory is not None
    ]
    assert len(factories) >= 10
    assert [f for f in factories if not inspect.isfunction(f[2])] == []


def test_building_the_model_compiles_no_tokenizer_pattern() -> None:
    code = (
        "import argmap.model, sys; print('tokenize' in sys.modules and "
        "sys.modules['tokenize']._compile.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() in (["False"], ["0"])


def test_the_models_annotations_are_objects_not_strings() -> None:
    """Written as strings (``from __future__ import annotations``), each of the model's ~60
    annotations is compiled and evaluated by Pydantic as it builds the classes."""
    from pydantic import BaseModel

    from argmap import model

    classes = [c for c in vars(model).values() if inspect.isclass(c) and issubclass(c, BaseModel)]
    written = [
        (c.__name__, name, annotation)
        for c in classes
        for name, annotation in vars(c).get("__annotations__", {}).items()
    ]
    assert len(written) >= 50
    assert [w for w in written if isinstance(w[2], str)] == []


def test_the_model_is_built_when_first_used_and_only_what_is_used() -> None:
    """Pydantic builds a class's validator on first use (``defer_build``): a check builds
    the map's, and a map whose inferences name no scheme needs no catalogue's."""
    code = (
        "import sys\n"
        "from argmap import model\n"
        "built = lambda: sorted(c.__name__ for c in vars(model).values()\n"
        "    if getattr(c, '__pydantic_complete__', False))\n"
        "print(built())\n"
        "from argmap.cli import main\n"
        "try:\n"
        "    main(['check', sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(built())\n"
    )
    mapped = "claims: {a: {text: A}, b: {text: B}}\ninferences: {i: {premises: [a], conclusion: b}}"
    done = subprocess.run(
        [sys.executable, "-c", code, "-"], input=mapped, capture_output=True, text=True, check=True
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "[]"
    assert lines[-1] == "['ArgumentMap']"


def test_checking_a_clean_yaml_map_loads_no_json_difflib_nor_carneades_reader() -> None:
    """JSON, difflib's suggestions and the Carneades reader are for other maps and outputs;
    the core schema's patterns, for the located parser and the writer; a TypeAdapter, for
    the long sections of a big map."""
    for path in (EXAMPLE, REPO / "maps" / "runway-letter.yaml"):
        code = PROBE.replace(
            'print("\\nMODULES"',
            "import argmap.yaml12\n"
            "print(argmap.yaml12.core_schema.cache_info().currsize)\n"
            'print("\\nMODULES"',
        )
        done = subprocess.run(
            [sys.executable, "-c", code, "check", str(path)],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        )
        before, _, modules = done.stdout.rpartition("\nMODULES ")
        assert before.split()[-1] == "0"
        unused = {"json", "difflib", "argmap.formats.carneades", "pydantic.type_adapter"}
        assert unused.isdisjoint(modules.split())


def test_a_carneades_graph_is_still_told_from_a_yaml_map() -> None:
    from argmap.formats import detect

    assert detect("g.yml", "statements:\n  s: {text: S}\n").name == "carneades"
    assert detect("m.yml", "statements: x\nclaims: {a: {text: A}}\n").name == "yaml"


def test_a_check_makes_no_dataclass_of_the_tables_rows() -> None:
    """The tables of codes and of formats, the compact graph and its issues' tally, the
    limits, the maps found, a map's origin, a reader's result and a map's critical questions
    are named tuples: each dataclass costs the start-up of every command the compiling of
    its methods (about 4 M instructions for a frozen one)."""
    from dataclasses import is_dataclass

    from argmap.diagnostics import CODES
    from argmap.discover import find_maps
    from argmap.evaluate.labelling import IssueTally, compile_framework
    from argmap.formats import FORMATS
    from argmap.formats.base import Parsed
    from argmap.limits import Limits
    from argmap.model import ArgumentMap, Origin
    from argmap.schemes import asked

    view = compile_framework({"a": 0}, [], [])
    rows = [
        next(iter(CODES.values())),
        FORMATS[0],
        view,
        IssueTally.of(view),
        Limits(),
        find_maps([str(EXAMPLE)]),
        Origin("m.yaml", ""),
        Parsed(None, []),
        asked(ArgumentMap.model_validate({"claims": {}}), {}),
    ]
    assert [is_dataclass(row) or not isinstance(row, tuple) for row in rows] == [False] * 9
