"""Coverage-guided fuzzing of one reader with atheris (libFuzzer for Python).

Run, for instance:
    python -m tests.fuzz.harness yaml -runs=200000
    python -m tests.fuzz.harness json -max_total_time=120

It feeds the reader of the named format (see ``argmap.formats.FORMATS``) mutated inputs,
starting from the seed files of that format, and fails on any exception escaping the reader
or any malformed diagnostic. At the end it prints how many inputs the reader survived.
"""

from __future__ import annotations

import atexit
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["argmap"]):
    from argmap.formats import by_name
    from tests.fuzz.property import fuzz_one, tried

from tests.fuzz.seeds import seeds


def main() -> None:
    fmt, options = sys.argv[1], sys.argv[2:]
    by_name(fmt)  # fail early on an unknown format
    folder = Path(tempfile.mkdtemp(prefix=f"argmap-fuzz-{fmt}-"))
    for i, seed in enumerate(seeds(by_name(fmt))):
        (folder / f"seed{i}").write_bytes(seed)
    atexit.register(lambda: print(f"{fmt}: {tried[0]:,} inputs tried", file=sys.stderr))
    # A crashing input is written to the temporary folder, never into the work tree.
    prefix = f"-artifact_prefix={folder}/"
    atheris.Setup([sys.argv[0], prefix, *options, str(folder)], lambda data: fuzz_one(fmt, data))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
