"""Argdown, writing: a map as Argdown that both argmap and Argdown 1.7.5 read back.

Every claim is a statement, every inference a reconstructed argument of its own, every attack
a relation (``->``, or ``_>`` for an undercut) and every issue its pairs of contradictory
statements (``><``, each pair once). What Argdown has no syntax for travels as data ``{...}``
or in the front matter (issues; attacks too when one has a note, read back as the same
attacks as the relations); a text that an inline Argdown text would change (a line break,
double spaces) travels exactly as data next to its one-line form. Data and front matter are
JSON with the characters Argdown's lexer reacts to (``}``, ``//``, ``<!--``, ``===``) written
as ``\\u`` escapes, so that no text can end a data block or the front matter, or start a
comment.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.formats.argdown.inline import MARKER, markup
from argmap.model import ArgumentMap, dump

_SPECIAL = re.compile(r"([\\\[\]<>#@{}*_/=])")
#: In an inference line, also what Argdown reads as its list of rules and their data.
_SCHEME_SPECIAL = re.compile(r"([\\\[\]<>#@{}*_/=,;:()-])")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
#: Inside a JSON string: what Argdown's lexer or a YAML reader would take for something else.
_RISKY = re.compile("[{}\\[\\]<>/*=#\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
#: Front-matter fields written as such; ``attacks`` too when some attack has a note or
#: answers a critical question.
_FRONT = (
    "title",
    "description",
    "lang",
    "languages",
    "sources",
    "voices",
    "main",
    "issues",
    "catalogue",
)


def escape(text: str, special: re.Pattern[str] = _SPECIAL) -> str:
    """A plain text as a one-line Argdown text: special characters escaped.

    >>> escape("a [b] <c> #d")
    'a \\\\[b\\\\] \\\\<c\\\\> \\\\#d'
    """
    return special.sub(r"\\\1", " ".join(text.split()))


def encode(value: Any) -> str:
    """Plain data as one line of JSON that YAML and Argdown's lexer read back unchanged.

    >>> print(encode({"note": "a } b // c"}))
    {"note": "a \\u007d b \\u002f\\u002f c"}
    """
    text = json.dumps(value, ensure_ascii=False)
    return _STRING.sub(
        lambda m: _RISKY.sub(lambda c: f"\\u{ord(c[0]):04x}", m[0]),
        text,
    )


def _survives(text: str, inline: str) -> bool:
    """Whether argmap reads the one-line `inline` back as `text` (an empty text: never)."""
    return text != "" and markup(inline.replace(MARKER, " "))[0] == text


def _head(title: str, inline: str) -> str:
    """A definition ``[title]: text``; a reference when there is no text (Argdown wants some
    text after a colon), its data then saying it all."""
    return f"{title}: {inline}" if inline else title


def _data(fields: dict[str, Any]) -> str:
    return f" {encode(fields)}" if fields else ""


def write(argmap: ArgumentMap) -> str:
    """The map as Argdown: claims, then one reconstructed argument per inference, then attacks
    and issues as relations.

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b"}}})
    >>> print(write(m))
    [a]: A
    <BLANKLINE>
    [b]: B
    <BLANKLINE>
    <i>
    <BLANKLINE>
    (1) [a]
    ----
    (2) [b]
    <BLANKLINE>
    """
    data = dump(argmap)
    front = {key: data[key] for key in _FRONT if key in data}
    attacks = data.get("attacks", [])
    if any("note" in attack or "answers" in attack for attack in attacks):
        front["attacks"] = attacks  # read back as the same attacks as the relations below
    blocks: list[str] = []
    if front:
        lines = "\n".join(f"{key}: {encode(value)}" for key, value in front.items())
        blocks.append(f"===\n{lines}\n===")
    for ident, claim in data["claims"].items():
        blocks.append(_claim(argmap, ident, claim))
    for ident, inference in data.get("inferences", {}).items():
        blocks.append(_inference(ident, inference))
    for attack in attacks:
        target = attack["to"]
        symbol, ref = (
            ("_>", f"<{target}>") if target in argmap.inferences else ("->", f"[{target}]")
        )
        blocks.append(f"[{attack['from']}]\n  {symbol} {ref}")
    pairs: dict[frozenset[str], tuple[str, str]] = {}
    for issue in data.get("issues", {}).values():
        positions = issue["positions"]
        for k, first in enumerate(positions):
            for other in positions[k + 1 :]:
                if other != first:
                    pairs.setdefault(frozenset((first, other)), (first, other))
    blocks += [f"[{first}]\n  >< [{other}]" for first, other in pairs.values()]
    return "\n\n".join(blocks) + "\n"


def _claim(argmap: ArgumentMap, ident: str, claim: dict[str, Any]) -> str:
    """A claim's definition, and one more per alias; what inline would change goes in data."""
    text = claim.pop("text")
    plain = text if isinstance(text, str) else argmap.text_of(ident)
    inline = escape(plain)
    if not isinstance(text, str) or not _survives(text, inline):
        claim["text"] = text
    tags = claim.pop("tags", [])
    if len(set(tags)) < len(tags):
        claim["tags"] = tags
        tags = []
    aliases = claim.pop("aliases", [])
    written = [escape(alias) for alias in aliases]
    if len(set(aliases)) < len(aliases) or not all(
        alias != plain and _survives(alias, line)
        for alias, line in zip(aliases, written, strict=True)
    ):
        claim["aliases"], written = aliases, []
    tag_marks = "".join(f" #({tag})" for tag in tags)
    lines = [f"{_head(f'[{ident}]', inline)}{tag_marks}{_data(claim)}"]
    lines += [f"[{ident}]: {line}" for line in written]
    return "\n\n".join(lines)


def _inference(ident: str, inference: dict[str, Any]) -> str:
    """An inference as an argument of its own: its note as the description, its scheme as
    the inference rule, the rest as data."""
    extra: dict[str, Any] = {
        k: inference[k] for k in ("label", "weight", "dismissed") if k in inference
    }
    note = inference.get("note")
    head = _head(f"<{ident}>", "" if note is None else escape(note))
    if note is not None and not _survives(note, escape(note)):
        extra["note"] = note
    scheme = inference.get("scheme")
    rule = "----"
    if scheme is not None:
        inline = escape(scheme, _SCHEME_SPECIAL)
        rule = f"-- {inline} --" if inline else rule  # Argdown rejects `--  --`
        if not _survives(scheme, inline):
            extra["scheme"] = scheme
    lines = [head + _data(extra), ""]
    premises = inference["premises"]
    lines += [f"({n}) [{p}]" for n, p in enumerate(premises, start=1)]
    lines += [rule, f"({len(premises) + 1}) [{inference['conclusion']}]"]
    return "\n".join(lines)
