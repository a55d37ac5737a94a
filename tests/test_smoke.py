from __future__ import annotations

import argmap
from tests.conftest import MAPS


def test_example_map_checks_clean() -> None:
    m = argmap.load(MAPS / "example.yaml")
    assert argmap.check(m) == []
    assert m.text_of("build-lane").startswith("The town should")
