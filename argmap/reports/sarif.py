"""SARIF 2.1.0: the diagnostics as a log that code scanning (GitHub, Azure DevOps) reads.

Every code is a rule of the driver, so a rule's index is the same in every log; each
diagnostic is a result with its rule, level, message (and hint), its span in the file from
the repository's root, the other elements it is about as related locations, and a partial
fingerprint built from what does not move when lines are added above it: the code, the file
and the element's pointer.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from argmap.diagnostics import CODES, Diagnostic, Related, describe
from argmap.reports.paths import relative_path, repository_root
from argmap.reports.rules import full_description, help_url, home_page, rule_name

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
#: The name of the repository's root in a log's locations (SARIF's own convention).
ROOT_ID = "%SRCROOT%"
#: The key of argmap's partial fingerprint; a new version if what it hashes ever changes.
FINGERPRINT = "argmapElementHash/v1"
RULE_INDEX = {code: i for i, code in enumerate(CODES)}


def report(diags: Sequence[Diagnostic], files: int = 0, colour: bool = False) -> str:
    """The SARIF log of `diags`, as JSON text (`files` and `colour` are not used).

    >>> from argmap.diagnostics import diagnostic
    >>> log = json.loads(report([diagnostic("AM301", "claim `c` is used nowhere", line=4,
    ...     column=3, end_line=4, end_column=4, file="/nowhere/map.yaml")]))
    >>> result = log["runs"][0]["results"][0]
    >>> result["ruleId"], result["level"], result["locations"][0]["physicalLocation"]["region"]
    ('AM301', 'warning', {'startLine': 4, 'startColumn': 3, 'endLine': 4, 'endColumn': 4})
    """
    # On one line: the C encoder is what keeps a log of 10,000 results quick to write.
    return json.dumps(sarif_log(diags), ensure_ascii=False)


def sarif_log(diags: Sequence[Diagnostic], root: Path | None = None) -> dict[str, Any]:
    """The SARIF log of `diags` as plain data; paths are given from `root` (see
    :func:`~argmap.reports.paths.repository_root`, the default)."""
    from argmap import __version__

    root = root or repository_root()
    home = home_page()
    driver: dict[str, Any] = {"name": "argmap", "version": __version__}
    if home:
        driver["informationUri"] = home
    driver["rules"] = [_rule(code, help_url(home)) for code in CODES]
    seen: Counter[str] = Counter()
    artifacts: dict[str, dict[str, str]] = {}  # one per file, however many results it has
    results = []
    for d in diags:
        if d.file not in artifacts:
            artifacts[d.file] = _artifact(d.file, root)
        result = _result(d, artifacts[d.file])
        # Two results of one code on one element (or on none) stay apart by their order.
        key = _fingerprint(d, artifacts[d.file].get("uri", ""))
        seen[key] += 1
        result["partialFingerprints"] = {FINGERPRINT: f"{key}:{seen[key]}"}
        results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {ROOT_ID: {"uri": root.as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _rule(code: str, help_uri: str | None) -> dict[str, Any]:
    row = CODES[code]
    rule: dict[str, Any] = {
        "id": code,
        "name": rule_name(row),
        "shortDescription": {"text": row.title},
        "fullDescription": {"text": full_description(row)},
        "help": {
            "text": f"{full_description(row)} Every code is described in docs/diagnostics.md.",
            "markdown": f"{full_description(row)} Every code is described in "
            f"[docs/diagnostics.md]({help_uri or 'docs/diagnostics.md#codes'}).",
        },
        "defaultConfiguration": {"level": row.severity.value},
    }
    if help_uri:
        rule["helpUri"] = help_uri
    return rule


def _result(d: Diagnostic, artifact: dict[str, str]) -> dict[str, Any]:
    message = f"{d.message}\nhint: {d.hint}" if d.hint else d.message
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": RULE_INDEX[d.code],
        "level": d.severity.value,
        "message": {"text": message},
    }
    if d.file:
        result["locations"] = [_location(artifact, d, describe(d.pointer))]
    related = [r for r in d.related if r.line]
    if d.file and related:
        result["relatedLocations"] = [
            {"id": i, **_location(artifact, r, describe(r.pointer))}
            for i, r in enumerate(related, 1)
        ]
    return result


def _artifact(file: str, root: Path) -> dict[str, str]:
    """A file as SARIF names it: from the repository's root, else by its absolute URI."""
    if not file:
        return {}
    relative = relative_path(file, root)
    if relative is None:
        return {"uri": Path(file).resolve().as_uri()}
    return {"uri": quote(relative), "uriBaseId": ROOT_ID}


def _location(artifact: dict[str, str], at: Diagnostic | Related, name: str) -> dict[str, Any]:
    """A location: the file, the span where known, the element's name."""
    physical: dict[str, Any] = {"artifactLocation": dict(artifact)}
    if at.line:
        region = {"startLine": at.line, "startColumn": at.column or 1}
        if at.end_line:
            region |= {"endLine": at.end_line, "endColumn": at.end_column}
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if at.pointer:
        location["message"] = {"text": name}
    return location


def _fingerprint(d: Diagnostic, uri: str) -> str:
    """A hash of what identifies a problem whatever lines move: code, file, element."""
    identity = json.dumps([d.code, uri, list(d.pointer)], ensure_ascii=False)
    digest = hashlib.sha256(identity.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]
