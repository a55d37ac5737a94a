"""The map: Pydantic v2 models of an argument map, version 1 of the format.

The models say what a map *is*; they hold no graph and run no checks beyond the shape of
each field. References between elements (a premise naming a claim) are checked by
:func:`argmap.checks.references`, so that every broken reference gets its own located
diagnostic instead of one validation error for the whole map.
"""

# No `from __future__ import annotations` here, unlike the other modules: Pydantic would
# compile and evaluate each annotation string as it builds the classes, at every start-up
# (tests/test_startup.py checks it). For the same reason the validators are built on first
# use (`defer_build`), not when the module is imported.
import re
from collections import deque
from collections.abc import Sequence
from itertools import repeat
from operator import attrgetter
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, field_validator

from argmap.diagnostics import Pointer

SLUG = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
SLUG_RE = re.compile(SLUG)

Id = Annotated[str, StringConstraints(pattern=SLUG, max_length=200)]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]

#: A text: one plain string, or one string per language (``{en: ..., pt: ...}``).
Text = str | dict[LanguageCode, str]


#: A line and a column, both from 1.
Position = tuple[int, int]
#: Where each element came from: a pointer into the map's data -> (key, value) positions.
Positions = dict[Pointer, tuple[Position, Position]]
#: Where the key and the value of each node end (just past their last character), by pointer.
Ends = dict[Pointer, tuple[Position, Position]]


class Origin(NamedTuple):
    """The file a map came from and its text, kept so that later stages can locate things.

    `positions` maps a pointer to the (key, value) positions of an element; readers of
    foreign formats fill it in, while YAML and JSON maps leave it None and are parsed again
    with positions only when a diagnostic needs one. `folder` is where the texts of the
    map's sources are found: None for a map read from a pipe, or from a string.
    """

    path: str
    text: str
    format: str = "yaml"
    positions: Positions | None = None
    folder: str | None = None


# The fields' default factories are these functions, not the builtins `list` and `dict`:
# Pydantic reads each factory's signature when it builds a class, and the first signature of
# a builtin is parsed from text by Python's tokenizer, whose patterns then compile (6 ms of
# every command's start-up). A default of `[]` would be deep-copied at each validation.
def empty_list() -> list[Any]:
    """A new empty list: the default of a list field."""
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty mapping: the default of a mapping field."""
    return {}


class Element(BaseModel):
    """Base of every element: unknown fields are errors, not silently dropped.

    The names of the fields set (Pydantic's ``model_fields_set``) may be one set shared by
    many elements (see :func:`share_fields_set`); an element takes a set of its own before
    they change, or before it hands them out.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=False, str_strip_whitespace=False, defer_build=True
    )

    def __setattr__(self, name: str, value: Any) -> None:
        if type(self.__pydantic_fields_set__) is SharedNames:
            _FIELDS_SET.__set__(self, set(self.__pydantic_fields_set__))
        super().__setattr__(name, value)

    @property
    def model_fields_set(self) -> set[str]:
        """The names of the fields set when the element was made or assigned since: a set
        of the element's own, as Pydantic gives."""
        if type(self.__pydantic_fields_set__) is SharedNames:
            _FIELDS_SET.__set__(self, set(self.__pydantic_fields_set__))
        return self.__pydantic_fields_set__


class SharedNames(set[str]):
    """The names of the fields set of many elements alike, one set between them.

    A set is 216 bytes, and each element has one: 36 MiB of a 100,000-claim map's memory,
    where a handful of sets differ. Copied (``copy``, ``model_copy``) as a plain set; an
    element takes a plain copy before it changes (see :class:`Element`). Pickled as itself,
    so that elements unpickled together share it safely too.
    """

    __slots__ = ()

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> set[str]:
        return set(self)


#: The slot where Pydantic keeps an instance's names of the fields set, and a reader of it
#: (cheaper to call than the slot's own ``__get__``).
_FIELDS_SET: Any = BaseModel.__dict__["__pydantic_fields_set__"]
_fields_set = attrgetter("__pydantic_fields_set__")


def share_fields_set(
    elements: Sequence[Element], shared: dict[frozenset[str], SharedNames]
) -> None:
    """Give elements whose fields set are alike one :class:`SharedNames` between them.

    `shared` holds the sets given so far, by their names; pass the same one for the parts of
    a map. Made for elements just validated, still in the processor's cache: a pass over
    100,000 claims read a while ago is slowed by fetching each from memory.

    >>> claims = [Claim(text="A"), Claim(text="B"), Claim(text="C", tags=["x"])]
    >>> share_fields_set(claims, {})
    >>> claims[0].__pydantic_fields_set__ is claims[1].__pydantic_fields_set__
    True
    >>> claims[1].text = "b"  # takes a set of its own first
    >>> claims[0].__pydantic_fields_set__ is claims[1].__pydantic_fields_set__
    False
    """
    if not elements:
        return
    names = list(map(_fields_set, elements))
    alike = names.count(names[0]) == len(names)  # usually: every claim has a text alone
    keys = [frozenset(names[0])] if alike else list(map(frozenset, names))
    for key in set(keys).difference(shared):
        shared[key] = SharedNames(key)
    given = repeat(shared[keys[0]]) if alike else map(shared.__getitem__, keys)
    deque(map(_FIELDS_SET.__set__, elements, given), maxlen=0)


class Source(Element):
    """A document that the map analyses."""

    title: NonEmpty
    author: str | None = None
    date: str | None = Field(
        default=None, description="Publication date: ISO 8601 preferred (2024-05-01), or a year."
    )

    @field_validator("date", mode="before")
    @classmethod
    def _year(cls, value: Any) -> Any:
        """A year written as a number (``date: 1972``) is a date too."""
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    url: str | None = Field(default=None, description="An http(s) address of the document.")
    path: str | None = Field(
        default=None, description="The document's text file, relative to the map's folder."
    )


class Voice(Element):
    """Someone who asserts claims: an author, a journalist, the analyst."""

    name: Text
    role: str | None = None


class Quote(Element):
    """A passage of a source that a claim renders; checked against the source text."""

    source: Id
    text: NonEmpty


Status = Literal["accepted", "rejected", "open"]


class Claim(Element):
    """A statement that can be true or false."""

    text: Text
    quote: Quote | None = None
    by: Id | None = Field(default=None, description="The voice that asserts the claim.")
    tags: list[Id] = Field(default_factory=empty_list)
    note: str | None = None
    aliases: list[NonEmpty] = Field(
        default_factory=empty_list,
        description="Other wordings of this same statement (an Argdown equivalence class).",
    )
    equivalent: list[Id] = Field(
        default_factory=empty_list,
        description="Claims that rephrase this one (AIF MA nodes): ids of other claims.",
    )
    status: Status | None = Field(
        default=None,
        description="accepted: assumed true; rejected: assumed false; open: neither. "
        "Unset: assumed when no inference concludes it.",
    )
    implicit: bool = Field(
        default=False,
        description="A premise the reconstruction adds, which the text leaves unsaid "
        "(drawn with a double frame, its text in italics); it has no quote.",
    )
    answers: Id | None = Field(
        default=None,
        description="The critical question this claim answers, for the inferences it is a "
        "premise of or attacks (see docs/schemes.md).",
    )


class Inference(Element):
    """Premises that *jointly* support a conclusion (a linked argument)."""

    premises: list[Id]
    conclusion: Id
    scheme: str | None = Field(
        default=None, description="analogy, cause-to-effect, expert-opinion, example, sign, ..."
    )
    weight: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    label: Text | None = Field(
        default=None, description="A short name for the argument: a text, one per language."
    )
    note: str | None = None
    dismissed: dict[Id, NonEmpty] = Field(
        default_factory=empty_dict,
        description="Critical questions of the scheme set aside, each with the reason why.",
    )


class Attack(Element):
    """A claim against a claim (rebuttal or undermining) or an inference (undercut)."""

    from_: Id = Field(alias="from")
    to: Id
    note: str | None = None
    answers: Id | None = Field(
        default=None, description="The critical question of the scheme this attack answers."
    )

    model_config = ConfigDict(populate_by_name=True)


class Issue(Element):
    """Mutually exclusive positions: at most one of these claims can hold."""

    positions: list[Id] = Field(min_length=2)
    text: Text | None = None


QuestionType = Literal["assumption", "exception"]
AttackKind = Literal["undermine", "undercut", "rebut"]


class Role(Element):
    """A premise of a scheme: what the premise in that place says."""

    role: Id
    text: Text
    optional: bool = Field(default=False, description="An inference may leave it out.")
    repeats: bool = Field(
        default=False, description="Several premises may fill it (the instances of an example)."
    )


class Question(Element):
    """A critical question of a scheme, and how an answer to it strikes the argument."""

    id: Id
    type: QuestionType = Field(
        description="assumption: holds until questioned; exception: the attacker must show it."
    )
    attack: AttackKind = Field(
        description="The attack that answers it: undermine, undercut or rebut."
    )
    text: Text


class Scheme(Element):
    """An argumentation scheme: its premises' roles and its critical questions."""

    name: Text | None = None
    cite: str | None = Field(default=None, description="Where the scheme is described.")
    premises: list[Role] = Field(default_factory=empty_list)
    conclusion: Text | None = None
    questions: list[Question] = Field(default_factory=empty_list)


class Catalogue(Element):
    """A file of schemes (argmap's own is argmap/schemes/catalogue.yaml)."""

    catalogue: Literal[1] = Field(default=1, description="The catalogue format's version.")
    schemes: dict[Id, Scheme]


class ArgumentMap(Element):
    """An argument map, version 1 of the format.

    >>> m = ArgumentMap.model_validate({"claims": {"a": {"text": "A"}}})
    >>> m.text_of("a")
    'A'
    """

    argmap: Literal[1] = Field(default=1, description="The format version.")
    title: Text | None = None
    description: Text | None = None
    lang: LanguageCode = Field(default="en", description="The language of plain texts.")
    languages: list[LanguageCode] = Field(
        default_factory=empty_list, description="Languages every claim must have a text in."
    )
    sources: dict[Id, Source] = Field(default_factory=empty_dict)
    voices: dict[Id, Voice] = Field(default_factory=empty_dict)
    claims: dict[Id, Claim]
    inferences: dict[Id, Inference] = Field(default_factory=empty_dict)
    attacks: list[Attack] = Field(default_factory=empty_list)
    issues: dict[Id, Issue] = Field(default_factory=empty_dict)
    main: list[Id] | None = Field(
        default=None, description="The main conclusions; derived when not given."
    )
    catalogue: str | dict[Id, Scheme] | None = Field(
        default=None,
        description="More schemes: a catalogue file beside the map, or schemes written here.",
    )

    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin | None:
        """Where the map was read from, or None for a map built in code."""
        return self._origin

    def _repr_svg_(self) -> str | None:
        """The map drawn, for Jupyter; None when it cannot be drawn (Jupyter then shows the
        map's text), as when the map has errors or Graphviz is missing."""
        from argmap import render
        from argmap.errors import ArgmapError

        try:
            return render(self).decode()
        except ArgmapError:
            return None

    def text_of(self, claim_id: str, lang: str | None = None) -> str:
        """The text of a claim in `lang` (default: the map's language), falling back to any."""
        return text_in(self.claims[claim_id].text, lang or self.lang, self.lang)


def text_in(text: Text, lang: str, default_lang: str = "en") -> str:
    """Pick one language out of a text.

    >>> text_in({"en": "Yes", "pt": "Sim"}, "pt")
    'Sim'
    >>> text_in("Yes", "pt")
    'Yes'
    """
    if isinstance(text, str):
        return text
    for key in (lang, default_lang):
        if key in text:
            return text[key]
    return next(iter(text.values()), "")


def texts(text: Text, default_lang: str) -> dict[str, str]:
    """Every language of a text, a plain string counting as the map's language."""
    return {default_lang: text} if isinstance(text, str) else dict(text)


def dump(argmap: ArgumentMap) -> dict[str, Any]:
    """The map as plain data in the file's shape (``from`` not ``from_``), defaults left out."""
    return argmap.model_dump(by_alias=True, exclude_defaults=True, mode="json")
