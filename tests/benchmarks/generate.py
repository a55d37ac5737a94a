"""Generated maps for benchmarks: chains of linked inferences with attacks and undercuts.

>>> text = map_yaml(10)
>>> text.count("    text: ")
10
"""

from __future__ import annotations

#: Schemes of the catalogue with two premises, which the generated inferences take in turn.
SCHEMES = (
    "analogy",
    "cause-to-effect",
    "sign",
    "verbal-classification",
    "positive-consequences",
    "established-rule",
    "evidence-to-hypothesis",
    "lack-of-knowledge",
)


def map_yaml(claims: int, error: bool = False, schemes: bool = False) -> str:
    """A map of `claims` claims as YAML text.

    Claims come in threes: two premises that jointly support the next claim of a chain that
    runs to one main conclusion; every fifth claim attacks a premise, every tenth undercuts an
    inference. With `error`, one claim attacks itself (AM204): every check still runs, and
    its diagnostic must be located. With `schemes`, each inference has a scheme of
    :data:`SCHEMES` in turn, each undercut answers one of its critical questions, and every
    third inference dismisses one.
    """
    lines = ["argmap: 1", "title: Generated benchmark map", "claims:"]
    for i in range(claims):
        lines += [f"  c{i}:", f"    text: Claim number {i} of a generated map, with some words."]
    lines.append("inferences:")
    n = 0
    conclusion = 0
    i = 1
    while i + 1 < claims:
        premises = [f"c{i}", f"c{i + 1}"]
        lines += [
            f"  i{n}:",
            f"    premises: [{', '.join(premises)}]",
            f"    conclusion: c{conclusion}",
        ]
        if schemes:
            lines.append(f"    scheme: {SCHEMES[n % len(SCHEMES)]}")
            if n % 3 == 0:
                lines.append(f"    dismissed: {{{_question(n, 0)}: settled elsewhere}}")
        conclusion = i
        i += 2
        n += 1
    lines.append("attacks:")
    if error:
        lines += [f"  - from: c{claims // 2}", f"    to: c{claims // 2}"]
    if claims % 2 == 0 and claims > 1:
        lines += [f"  - from: c{claims - 1}", "    to: c0"]  # the odd one out objects
    for a in range(5, claims, 5):
        target = f"i{(a // 2) % n}" if a % 10 == 0 and n else f"c{a - 1}"
        if target != f"c{a}":
            lines += [f"  - from: c{a}", f"    to: {target}"]
            if schemes and target.startswith("i"):
                lines.append(f"    answers: {_question(int(target[1:]), 1)}")
    return "\n".join(lines) + "\n"


def _question(inference: int, which: int) -> str:
    """The id of a critical question of the generated inference's scheme."""
    from argmap.schemes import builtin

    questions = builtin()[SCHEMES[inference % len(SCHEMES)]].questions
    return questions[which % len(questions)].id


def dense_map_yaml(claims: int, seed: int = 2) -> str:
    """A dense map of `claims` claims and about half as many inferences, with cross-links.

    Each claim after the first is a premise, two by two, of an inference for an earlier claim
    (``c{k}`` supports ``c{(k - 1) // 4}``: a tree two inferences wide); a third of the
    inferences take one more premise from anywhere further down the tree, and every seventh
    claim attacks a claim anywhere else. Premises always lie further down than what they
    support, so there is no support cycle and the map checks clean. About 3,100 claims make
    the 4,700 nodes of the issue's dense maps.

    >>> text = dense_map_yaml(40)
    >>> text.count("    text: "), text.count("conclusion: ")
    (40, 19)
    """
    import random

    rng = random.Random(seed)
    lines = ["argmap: 1", "title: Generated dense benchmark map", "claims:"]
    for i in range(claims):
        lines += [f"  c{i}:", f"    text: Claim {i} of a dense map, with a few more words."]
    lines.append("inferences:")
    for n, first in enumerate(range(1, claims - 1, 2)):
        conclusion = (first - 1) // 4
        premises = [f"c{first}", f"c{first + 1}"]
        if n % 3 == 0 and first + 2 < claims:
            premises.append(f"c{rng.randrange(first + 2, claims)}")
        lines += [
            f"  i{n}:",
            f"    premises: [{', '.join(premises)}]",
            f"    conclusion: c{conclusion}",
        ]
    lines.append("attacks:")
    for a in range(7, claims, 7):
        target = rng.randrange(claims)
        if target != a:
            lines += [f"  - from: c{a}", f"    to: c{target}"]
    return "\n".join(lines) + "\n"
