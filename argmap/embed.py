"""Maps in documents: one fenced ``argmap`` block -> one drawing.

A block holds a map (argmap's YAML) or names a map file (``file=maps/x.yaml``, relative to
the document's folder or to a configured root); its options are the fence's attributes
(:data:`OPTIONS`). :func:`draw_block` reads and draws it through the public API
(:func:`argmap.read.read_text` / :func:`argmap.read.read_path`, then
:func:`argmap.rendered`), so a block is checked exactly as ``argmap render`` checks a file,
and its diagnostics are located in the document: the block's first line is the line after
its fence.

The adapters are thin: :mod:`argmap.mkdocs` (a pymdownx.superfences fence),
:mod:`argmap.sphinx` (a directive, for reST and MyST) and the pandoc Lua filter
``argmap.lua`` (which runs ``argmap embed``). For an HTML page the drawing is inline SVG, its
ids prefixed by the block's line so that two maps on a page do not clash; ``view=html`` puts
the interactive page (:mod:`argmap.draw.html`) in a sandboxed ``<iframe srcdoc>``: the page
brings its own scripts, styles, ids and Content-Security-Policy, which would clash with the
host page inline, and the sandbox keeps it from touching the host page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from argmap.diagnostics import Diagnostic, diagnostic, format_text, has_errors, sort_key
from argmap.errors import ArgmapError, MapError

#: The options a block takes, as fence attributes, and what each does.
OPTIONS: dict[str, str] = {
    "file": "a map file to draw instead of the block's text (relative to the document)",
    "lang": "the language of the texts, in a multilingual map",
    "theme": "light, dark or print",
    "rankdir": "BT (conclusions above their reasons), TB, LR or RL",
    "evaluate": "colour claims and junctions by their labels",
    "accept": "claims to assume (ids, comma-separated); implies evaluate",
    "reject": "claims to reject (ids, comma-separated); implies evaluate",
    "caption": "the figure's caption",
    "view": "html: the interactive view (HTML pages only); static (the default): a drawing",
}
#: What a block can become: markup for an HTML page, or a PDF or PNG file.
TARGETS = ("html", "pdf", "png")
VIEWS = ("static", "html")
_TRUE = ("", "true", "yes", "1", "evaluate")
_FALSE = ("false", "no", "0")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
#: A line's blockquote markers (a fence may be quoted): compared without them.
_QUOTED = re.compile(r"^[ \t]*(?:>[ \t]?)*")


@dataclass(frozen=True)
class Figure:
    """A drawn block: `content` in `format` (``html``: markup; ``pdf``, ``png``: a file's
    bytes), its caption, and the map's warnings, located in the document."""

    format: str
    content: bytes
    caption: str
    warnings: tuple[Diagnostic, ...]


def draw_block(
    body: str,
    options: Mapping[str, str | None],
    target: str = "html",
    *,
    document: str = "<document>",
    line: int = 0,
    root: str | Path | None = None,
) -> Figure:
    """Draw one fenced block of a document for `target` (one of :data:`TARGETS`).

    `body` is the block's text (a map, or nothing when `options` name a ``file``);
    `options` its attributes (:data:`OPTIONS`; a flag may have the value None or "");
    `document` and `line` (the fence's line) locate its diagnostics; `root` is where
    ``file=`` paths start (default: the document's folder).

    >>> fig = draw_block("claims: {a: {text: A}}\\n", {"caption": "One claim"}, line=4)
    >>> fig.format, fig.content.startswith(b'<figure class="argmap">'), fig.caption
    ('html', True, 'One claim')
    >>> b'id="argmap-4-' in fig.content
    True

    Raises
    ------
    MapError
        When an option is unknown or wrong (AM701), or the map cannot be read or has
        errors: ``err.diagnostics`` says what, located in the document (or in the map file).
    RenderError
        When Graphviz is missing, fails or runs too long.
    ValueError
        When `target` is not one of :data:`TARGETS`.
    """
    from argmap import rendered
    from argmap.draw import DEFAULT_STYLE, Style
    from argmap.read import read_path, read_text

    if target not in TARGETS:
        raise ValueError(f"target must be one of {', '.join(TARGETS)}")
    problems, settings = _settings(options, bool(body.strip()), document, line)
    if problems:
        raise MapError(problems)
    folder = Path(root) if root is not None else Path(document).parent
    drawing = None
    if settings.file:
        argmap, diags = read_path(folder / settings.file)
    else:
        argmap, diags = read_text(body, document, "yaml", folder=str(folder))
    if argmap is not None:
        style = Style(settings.lang, settings.rankdir, settings.theme, False, DEFAULT_STYLE.width)
        fmt = "html" if settings.view == "html" and target == "html" else target
        fmt = "svg" if fmt == "html" and settings.view != "html" else fmt
        drawing, diags = rendered(argmap, fmt, style, assumed=settings.assumed)
    diags = _shifted(diags, document, line)
    if drawing is None or has_errors(diags):
        raise MapError(diags)
    if target == "html":
        drawing = _markup(drawing, fmt, f"argmap-{line}", settings.caption)
    return Figure(target, drawing, settings.caption, tuple(diags))


@dataclass(frozen=True)
class _Settings:
    file: str = ""
    lang: str | None = None
    theme: str = "light"
    rankdir: str = "BT"
    assumed: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    caption: str = ""
    view: str = "static"


def _settings(
    options: Mapping[str, str | None], has_body: bool, document: str, line: int
) -> tuple[list[Diagnostic], _Settings]:
    """The block's options, read and checked: the problems (AM701) and the settings."""
    from argmap.draw import RANKDIRS, THEMES
    from argmap.suggest import Vocabulary

    problems: list[str] = []
    allowed = {"theme": tuple(THEMES), "rankdir": RANKDIRS, "view": VIEWS}
    words = Vocabulary(OPTIONS)
    for key, value in options.items():
        if key not in OPTIONS:
            close = words.closest(key)
            hint = f"did you mean `{close}`?" if close else f"options: {', '.join(OPTIONS)}"
            problems.append(f"the argmap block has no option `{key}`; {hint}")
        elif key in allowed and value not in allowed[key]:
            problems.append(f"`{key}` must be one of {', '.join(allowed[key])}, not `{value}`")
    evaluate = (options.get("evaluate") or "").lower() if "evaluate" in options else None
    if evaluate is not None and evaluate not in _TRUE + _FALSE:
        problems.append(f"`evaluate` is true or false, not `{evaluate}`")
    if has_body == bool(options.get("file")):
        problems.append(
            "the argmap block names a map file and holds a map: keep one"
            if has_body
            else "the argmap block is empty: write a map in it, or name one with file=PATH"
        )
    found = [
        diagnostic("AM701", text, hint=_HINT, file=document, line=line, column=int(line > 0))
        for text in problems
    ]
    if found:
        return found, _Settings()
    accept, reject = (_ids(options.get(k)) for k in ("accept", "reject"))
    wanted = accept or reject or evaluate in _TRUE
    return [], _Settings(
        file=options.get("file") or "",
        lang=options.get("lang") or None,
        theme=options.get("theme") or "light",
        rankdir=options.get("rankdir") or "BT",
        assumed=(accept, reject) if wanted else None,
        caption=options.get("caption") or "",
        view=options.get("view") or "static",
    )


_HINT = "see docs/documents.md for the options of an argmap block"


def _ids(value: str | None) -> tuple[str, ...]:
    """Ids from an option's value: separated by commas or spaces."""
    return tuple(part for part in re.split(r"[\s,]+", value or "") if part)


def _shifted(diags: list[Diagnostic], document: str, line: int) -> list[Diagnostic]:
    """Diagnostics of the block's text moved to their lines in the document."""
    moved = [
        replace(d, line=d.line + line) if d.file == document and d.line and line else d
        for d in diags
    ]
    return sorted(moved, key=sort_key)


def _markup(drawing: bytes, fmt: str, prefix: str, caption: str) -> bytes:
    """The drawing as a figure in an HTML page: inline SVG, or the interactive page in a
    sandboxed frame (its scripts run, but it cannot reach the host page)."""
    from argmap.draw.html import inline_svg

    if fmt == "svg":
        inner = inline_svg(drawing, prefix, links=True)
    else:
        inner = (
            f'<iframe class="argmap-view" sandbox="allow-scripts" title="{html.escape(caption)}"'
            f' style="width:100%;height:36em;border:1px solid #ccc"'
            f' srcdoc="{html.escape(drawing.decode("utf-8"))}"></iframe>'
        )
    text = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="argmap">{inner}{text}</figure>'.encode()


def fence_line(document: str, body: str, occurrence: int = 0) -> int:
    """The line of the fence that opens the `occurrence`-th block of `document` (its text)
    holding `body` (compared line by line, indentation and quote markers aside); 0 when
    there is none.

    >>> fence_line("# T\\n\\n```argmap\\nclaims: {}\\n```\\n", "claims: {}\\n")
    3
    """
    lines = [_QUOTED.sub("", part).strip() for part in document.splitlines()]
    wanted = [part.strip() for part in body.splitlines()]
    seen = 0
    for number, text in enumerate(lines):
        fence = _FENCE.match(text)
        if not fence or "argmap" not in text:
            continue
        inside = lines[number + 1 : number + 1 + len(wanted) + 1]
        closing = inside[len(wanted)] if len(inside) > len(wanted) else ""
        if inside[: len(wanted)] == wanted and closing.startswith(fence.group(1)[0] * 3):
            if seen == occurrence:
                return number + 1
            seen += 1
    return 0


def failure(err: ArgmapError, document: str = "", line: int = 0) -> str:
    """What a build prints when a block cannot be drawn: where the block is (when
    `document` is given), then argmap's located diagnostics.

    >>> from argmap.diagnostics import diagnostic
    >>> print(failure(MapError([diagnostic("AM003", "the file is empty", file="d.md",
    ...     line=3, column=1)]), "d.md", 2))
    d.md:2: the argmap block cannot be drawn:
    d.md:3:1: error AM003 the file is empty
    """
    where = (f"{document}:{line}: " if line else f"{document}: ") if document else ""
    found = format_text(err.diagnostics) if err.diagnostics else str(err)
    return f"{where}the argmap block cannot be drawn:\n{found}"
