"""GraphML, for yEd and Gephi: the map's graph, written only, with all of the map's data.

Nodes are claims and inferences, edges premises, conclusions and attacks (every attack of
the map, even two between the same claims). Every value is an attribute, a plain string
unless said otherwise, left out when the map has none:

- a claim: ``kind`` (``claim``), ``label`` (its text in the map's language; ``label_pt``
  and the like in its other languages), ``role``, ``tags`` and ``equivalent`` (ids,
  space-separated), ``aliases`` (a JSON list), ``note``, ``status``, ``by`` (the voice's id)
  and ``voice`` (its name), ``quote`` and ``quote_source``, ``answers``;
- an inference: ``kind`` (``inference``), ``label``, ``scheme``, ``weight`` (a number),
  ``note``, ``dismissed`` (JSON);
- an edge: ``kind`` (``premise``, ``conclusion``, ``attack``), an attack's ``type``
  (``rebut``, ``undermine``, ``undercut``), ``note`` and ``answers``;
- the graph: ``title`` and ``description`` (``title_pt``... in other languages), ``lang``,
  ``languages`` and ``main`` (space-separated), and ``voices``, ``sources``, ``issues`` and
  ``catalogue`` as JSON, in the shape of argmap's format.

Every text is made XML 1.0 (:func:`xml_text`): the file always parses.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import networkx as nx

from argmap.graph import ATTACK, CLAIM, CONCLUSION, INFERENCE, PREMISE, build
from argmap.model import ArgumentMap, Text, dump, text_in, texts

#: Code points XML 1.0 forbids: C0 controls but tab, newline and carriage return; lone
#: surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """The text with each code point XML 1.0 forbids replaced by U+FFFD.

    >>> xml_text("a\\x0bb\\x00c\\td")
    'a\\ufffdb\\ufffdc\\td'
    """
    return _NOT_XML.sub("\ufffd", text)


def write(argmap: ArgumentMap) -> str:
    """The map's graph as GraphML, every value an attribute any tool can show.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A", "status": "rejected"},
    ...     "b": {"text": "B"}}, "attacks": [{"from": "a", "to": "b"}]})
    >>> 'attr.name="status"' in write(m) and "rebut" in write(m)
    True
    """
    graph = build(argmap)
    out = nx.MultiDiGraph(**_graph_attributes(argmap))
    for ident in argmap.claims:
        out.add_node(ident, **_claim_attributes(argmap, ident, str(graph.nodes[ident]["role"])))
    for ident, inference in argmap.inferences.items():
        fields: dict[str, Any] = {"kind": INFERENCE}
        fields |= (
            _texts("label", inference.label, argmap.lang) if inference.label is not None else {}
        )
        fields |= {"scheme": inference.scheme, "weight": inference.weight, "note": inference.note}
        if inference.dismissed:
            fields["dismissed"] = json.dumps(inference.dismissed, ensure_ascii=False)
        out.add_node(ident, **_present(fields))
    for ident, inference in argmap.inferences.items():
        for premise in inference.premises:
            out.add_edge(premise, ident, kind=PREMISE)
        out.add_edge(ident, inference.conclusion, kind=CONCLUSION)
    for attack in argmap.attacks:
        # The graph holds one edge a pair: a premise edge where a premise also undercuts.
        kind = graph.edges[attack.from_, attack.to].get("type", "undercut")
        fields = {"kind": ATTACK, "type": kind, "note": attack.note, "answers": attack.answers}
        out.add_edge(attack.from_, attack.to, **_present(fields))
    # Not nx.generate_graphml: it splits lines at \v, \x85, \u2028 and the like, in texts too.
    buffer = io.BytesIO()
    nx.write_graphml(out, buffer)
    # XML parsers read a carriage return in a text as a newline, unless it is a reference.
    return buffer.getvalue().decode("utf-8").replace("\r", "&#13;") + "\n"


def _claim_attributes(argmap: ArgumentMap, ident: str, role: str) -> dict[str, Any]:
    claim = argmap.claims[ident]
    voice = argmap.voices[claim.by].name if claim.by is not None else None
    quote = claim.quote
    fields = {
        "kind": CLAIM,
        **_texts("label", claim.text, argmap.lang),
        "role": role,
        "tags": " ".join(claim.tags) or None,
        "equivalent": " ".join(claim.equivalent) or None,
        "aliases": json.dumps(claim.aliases, ensure_ascii=False) if claim.aliases else None,
        "note": claim.note,
        "status": claim.status,
        "by": claim.by,
        "voice": text_in(voice, argmap.lang) if voice is not None else None,
        "quote": quote.text if quote else None,
        "quote_source": quote.source if quote else None,
        "answers": claim.answers,
    }
    return _present(fields)


def _graph_attributes(argmap: ArgumentMap) -> dict[str, Any]:
    """The map's own fields, as attributes of the graph."""
    data = dump(argmap)
    fields: dict[str, Any] = {"lang": argmap.lang, "languages": " ".join(argmap.languages) or None}
    for name in ("title", "description"):
        text = getattr(argmap, name)
        fields |= _texts(name, text, argmap.lang) if text is not None else {}
    fields["main"] = " ".join(argmap.main) if argmap.main is not None else None
    for section in ("voices", "sources", "issues", "catalogue"):
        fields[section] = json.dumps(data[section], ensure_ascii=False) if section in data else None
    return _present(fields)


def _texts(name: str, text: Text, lang: str) -> dict[str, str]:
    """A text as attributes: `name` in the map's language and, where it has several,
    ``name_xx`` in each of them."""
    translated = isinstance(text, dict) and len(text) > 1
    others = {f"{name}_{code}": value for code, value in texts(text, lang).items()}
    return {name: text_in(text, lang, lang)} | (others if translated else {})


def _present(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields that have a value, texts made XML."""
    return {
        key: xml_text(value) if isinstance(value, str) else value
        for key, value in fields.items()
        if value is not None
    }
