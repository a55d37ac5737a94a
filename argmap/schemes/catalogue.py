"""The catalogue: argmap's schemes (package data), and those a map adds.

argmap's own catalogue, ``catalogue.yaml`` beside this module, restates the schemes of
Walton, Reed & Macagno, *Argumentation Schemes* (2008), each with its premises' roles and its
critical questions. A map adds schemes, or replaces some, with its ``catalogue:`` field: the
path of a catalogue file relative to the map's folder, or schemes written in the map itself.
Either is validated as a map is (:func:`argmap.validate.validate_as`): every problem a
located diagnostic, in the file where it is.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path

from argmap.diagnostics import Diagnostic, Pointer, diagnostic, sort_key
from argmap.errors import MapError
from argmap.limits import Limits
from argmap.model import ArgumentMap, Catalogue, Origin, Scheme
from argmap.validate import validate_as

#: The package's catalogue, as diagnostics name it.
BUILTIN = "argmap/schemes/catalogue.yaml"


@functools.cache
def builtin() -> dict[str, Scheme]:
    """argmap's own schemes by id, read once.

    Raises
    ------
    MapError
        When the package's catalogue is broken (a test keeps it valid).

    >>> builtin()["expert-opinion"].questions[0].id
    'expertise'
    """
    text = resources.files("argmap.schemes").joinpath("catalogue.yaml").read_text("utf-8")
    catalogue, diags = read_catalogue(text, BUILTIN)
    if catalogue is None:
        raise MapError(diags)
    return catalogue.schemes


def read_catalogue(
    text: str, name: str, limits: Limits | None = None
) -> tuple[Catalogue | None, list[Diagnostic]]:
    """A catalogue file's schemes (None when it has errors) and its located diagnostics.

    >>> c, diags = read_catalogue("schemes: {s: {questions: [{id: q, type: maybe}]}}", "c.yaml")
    >>> [(d.line, d.message) for d in diags][-1]
    (1, "scheme `s`'s `questions` #1 `type` should be assumption or exception, not a text")
    """
    from argmap.formats.native import parse

    origin = Origin(name, text)
    data, diags = parse(origin, limits or Limits.from_env())
    catalogue = None
    if data is not None:
        catalogue, problems = validate_as(data, Catalogue)
        if catalogue is not None:
            problems = repeated_ids(catalogue.schemes, ("schemes",))
        diags += problems
    if not diags:
        return catalogue, []
    from argmap.locate import locate  # only for a catalogue with problems

    return None, sorted(locate(diags, origin), key=sort_key)


def repeated_ids(schemes: dict[str, Scheme], at: Pointer) -> list[Diagnostic]:
    """AM107: two questions, or two premises, of one scheme with the same id.

    >>> s = Scheme.model_validate({"questions": [
    ...     {"id": "q", "type": "assumption", "attack": "rebut", "text": "Q?"},
    ...     {"id": "q", "type": "exception", "attack": "rebut", "text": "R?"}]})
    >>> [d.message for d in repeated_ids({"s": s}, ("schemes",))]
    ['question `q` is asked twice in scheme `s`']
    """
    diags = []
    for key, scheme in schemes.items():
        for field, what, ids in (
            ("questions", "question", [q.id for q in scheme.questions]),
            ("premises", "premise role", [p.role for p in scheme.premises]),
        ):
            seen: set[str] = set()
            for i, ident in enumerate(ids):
                if ident in seen:
                    verb = "asked" if field == "questions" else "given"
                    message = f"{what} `{ident}` is {verb} twice in scheme `{key}`"
                    leaf = "id" if field == "questions" else "role"
                    pointer = (*at, key, field, i, leaf)
                    diags.append(diagnostic("AM107", message, pointer, "rename one of them"))
                seen.add(ident)
    return diags


def schemes_of(
    argmap: ArgumentMap, limits: Limits | None = None
) -> tuple[dict[str, Scheme], list[Diagnostic]]:
    """Every scheme a map can name: argmap's, then the map's own (which replace argmap's of
    the same id), and the problems of the map's catalogue.

    >>> m = ArgumentMap.model_validate({"claims": {}, "catalogue": {"rhetoric": {}}})
    >>> schemes, diags = schemes_of(m)
    >>> "rhetoric" in schemes and "analogy" in schemes, diags
    (True, [])
    """
    own, diags = own_schemes(argmap, limits)
    return {**builtin(), **own}, diags


def schemes_named(
    argmap: ArgumentMap, limits: Limits | None = None
) -> tuple[dict[str, Scheme], list[Diagnostic]]:
    """:func:`schemes_of` when an inference of the map names a scheme; else the map's own
    schemes alone, and argmap's catalogue is not read: an inference without a scheme is
    asked no question and names no unknown scheme, so the checks find the same either way.

    >>> m = ArgumentMap.model_validate({"claims": {}, "catalogue": {"rhetoric": {}}})
    >>> sorted(schemes_named(m)[0])
    ['rhetoric']
    """
    if any(inference.scheme is not None for inference in argmap.inferences.values()):
        return schemes_of(argmap, limits)
    return own_schemes(argmap, limits)


def own_schemes(
    argmap: ArgumentMap, limits: Limits | None = None
) -> tuple[dict[str, Scheme], list[Diagnostic]]:
    """The schemes of a map's own ``catalogue:`` (none when it has none, or when its file is
    broken), and the catalogue's problems.

    >>> m = ArgumentMap.model_validate({"claims": {}, "catalogue": {"rhetoric": {}}})
    >>> list(own_schemes(m)[0]), own_schemes(m)[1]
    (['rhetoric'], [])
    """
    own = argmap.catalogue
    if own is None:
        return {}, []
    if isinstance(own, dict):
        return own, repeated_ids(own, ("catalogue",))
    from argmap.read import read_source

    origin = argmap.origin
    # A map built in code finds its catalogue from the working folder, as it does sources.
    folder = os.getcwd() if origin is None else origin.folder
    limits = limits or Limits.from_env()
    try:
        text = read_source(folder, own, limits)
    except OSError as err:
        hint = "the path is relative to the map's folder; the file must be a UTF-8 YAML file"
        message = f"cannot read the scheme catalogue `{own}`: {err.strerror or err}"
        return {}, [diagnostic("AM210", message, ("catalogue",), hint)]
    name = str(Path(origin.path).parent / own) if origin is not None else own
    catalogue, diags = read_catalogue(text, name, limits)
    return ({} if catalogue is None else catalogue.schemes), diags
