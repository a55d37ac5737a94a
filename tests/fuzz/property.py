"""The property every reader must keep, whatever the input: a map or diagnostics, no crash."""

from __future__ import annotations

from argmap import check
from argmap.diagnostics import CODES, has_errors
from argmap.formats import by_name
from argmap.read import read_bytes

tried = [0]


def fuzz_one(fmt: str, data: bytes) -> None:
    """Read one input; with a map and no errors, check it too. Raise on anything malformed."""
    tried[0] += 1
    form = by_name(fmt)
    argmap, diags = read_bytes(data, f"fuzz{form.suffixes[0]}", fmt)
    if argmap is None and not diags:
        raise AssertionError("no map and no diagnostic")
    for d in diags:
        if d.code not in CODES or not d.message:
            raise AssertionError(f"malformed diagnostic {d}")
    if argmap is not None and not has_errors(diags):
        check(argmap)
