"""What CI tools show about each code: a name, a description and where it is documented.

The table of codes (:data:`argmap.diagnostics.CODES`) gives each code a severity and a
title; the reports that describe their rules (SARIF, reviewdog) add the rest from here.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import metadata

from argmap.diagnostics import Code

#: The page every code is listed on, from the root of argmap's repository.
DIAGNOSTICS_PAGE = "docs/diagnostics.md#codes"

#: What each hundred of codes is about, as docs/diagnostics.md groups them.
GROUPS = {
    "0": "a problem of the file itself",
    "1": "a problem of the map's format",
    "2": "an error of reasoning",
    "3": "a warning about the map's shape",
    "4": "a problem of drawing",
    "5": "a problem of evaluation, or of a format it reads",
    "6": "a problem of a foreign format",
}


def rule_name(code: Code) -> str:
    """A code's title as one CamelCase word, the form SARIF viewers show as a rule's name.

    >>> from argmap.diagnostics import CODES
    >>> rule_name(CODES["AM106"]), rule_name(CODES["AM634"])
    ('ReferenceToAnIdThatDoesNotExist', 'AKialoClaimOutOfPlace')
    """
    title = re.sub(r"\s*\(.*\)", "", code.title)
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", title))


def full_description(code: Code) -> str:
    """One paragraph about a code: its title, its group, and what it does to the exit status.

    >>> from argmap.diagnostics import CODES
    >>> print(full_description(CODES["AM301"]))  # doctest: +NORMALIZE_WHITESPACE
    A claim used nowhere: a warning about the map's shape (AM3xx). A warning: `argmap check`
      fails on it only with --strict.
    """
    group = GROUPS.get(code.code[2], "a problem")
    effect = (
        "An error: `argmap check` exits with status 1."
        if code.severity == "error"
        else "A warning: `argmap check` fails on it only with --strict."
    )
    title = code.title[:1].upper() + code.title[1:]
    return f"{title}: {group} ({code.code[:3]}xx). {effect}"


@cache
def home_page() -> str | None:
    """argmap's home page, from the installed package's metadata (None when it names none)."""
    try:
        urls = metadata.metadata("argmap").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "repository", "source"):
            return str(url).strip().rstrip("/")
    return None


def help_url(home: str | None) -> str | None:
    """Where the codes are documented, on argmap's home page (None without one).

    >>> help_url("https://example.org/argmap")
    'https://example.org/argmap/blob/HEAD/docs/diagnostics.md#codes'
    """
    return f"{home}/blob/HEAD/{DIAGNOSTICS_PAGE}" if home else None
