"""How a scheme and its open questions are shown: in the drawing's junctions and its page.

The catalogue carries each name and question in English and Portuguese; a language it lacks
falls back to the map's, then to English.
"""

from __future__ import annotations

from argmap.model import ArgumentMap, Question, text_in
from argmap.schemes.catalogue import schemes_of
from argmap.schemes.questions import Questions, asked

#: The badge of a junction with open questions, by language ({n}: how many).
BADGES = {"en": "{n} open", "pt": "{n} em aberto"}


def map_questions(argmap: ArgumentMap) -> Questions:
    """The critical questions of a map's inferences (a broken catalogue is `check`'s to
    report: its schemes are left out).

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}, "b": {"text": "B"}},
    ...     "inferences": {"i": {"premises": ["a"], "conclusion": "b", "scheme": "sign"}}})
    >>> [q.id for q in map_questions(m).open("i")]
    ['reliability', 'other-events']
    """
    return asked(argmap, schemes_of(argmap)[0])


def scheme_name(found: Questions, scheme: str, lang: str, default: str) -> str:
    """A scheme's name in `lang`: the catalogue's, or the scheme as the map writes it.

    >>> m = ArgumentMap.model_validate({"claims": {}})
    >>> scheme_name(map_questions(m), "analogy", "pt", "en")
    'Argumento por analogia'
    """
    entry = found.schemes.get(scheme)
    if entry is None or entry.name is None:
        return scheme
    return text_in(entry.name, lang, default if default in ("en", "pt") else "en")


def badge(count: int, lang: str) -> str:
    """The junction's badge for `count` open questions (empty for none).

    >>> badge(3, "pt"), badge(1, "de"), badge(0, "en")
    ('3 em aberto', '1 open', '')
    """
    return BADGES.get(lang, BADGES["en"]).format(n=count) if count else ""


def question_text(question: Question, lang: str, default: str) -> str:
    """A question's text in `lang`, falling back as names do."""
    return text_in(question.text, lang, default if default in ("en", "pt") else "en")
