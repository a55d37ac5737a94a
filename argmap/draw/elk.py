"""The ``elk`` engine: ELK's layered algorithm places the nodes, Graphviz draws them.

``dot`` spends minutes on a dense map of thousands of nodes (crossing minimisation and
spline routing grow much faster than the map); ELK's layered algorithm (elkjs, run by
Node.js) lays out the same map in seconds. The drawing stays Graphviz's: argmap's DOT is
drawn by ``neato -n2`` with every node's position and every edge's route given, so boxes,
junctions, colours, arrowheads, links and ids are those of ``dot``'s drawing. Three steps:

1. :func:`measure`: Graphviz sizes each node (``neato -n2 -Tjson``, every node at 0,0: no
   layout), and gives the edges with their arrowheads;
2. :func:`elk_graph` and :func:`run_elk`: ELK places the nodes in layers, in the direction
   of the map's ``rankdir``, and routes the edges as polylines;
3. :func:`placed_source`: the DOT with those positions and routes, which
   ``neato -n2`` draws as they are.

ELK's layout is deterministic (its random seed is fixed): one map gives one drawing. elkjs
is found in ``.elk/node_modules`` of argmap's clone (``make setup`` installs it) or in the
folder named by ``ARGMAP_ELK``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from importlib.resources import files
from itertools import pairwise
from pathlib import Path
from typing import Any

from argmap.diagnostics import diagnostic
from argmap.draw.engine import BIG
from argmap.draw.text import quoted
from argmap.errors import RenderError

#: ELK's direction for each rankdir: conclusions above their reasons is ``BT``, edges up.
DIRECTIONS = {"BT": "UP", "TB": "DOWN", "LR": "RIGHT", "RL": "LEFT"}
#: Points in an inch (Graphviz sizes nodes in inches, places them in points).
POINTS = 72.0
#: Graphviz's arrowhead length at arrowsize 1, in points.
ARROW = 10.0

#: Tells the user how to get elkjs, when it is missing.
ELK_HINT = (
    "from argmap's clone: `make setup` (npm installs elkjs into .elk/), or set ARGMAP_ELK to "
    "a folder of node_modules holding elkjs; or use --engine dot"
)

_RANKDIR = re.compile(r'\brankdir="?(BT|TB|LR|RL)"?')
_EDGE_LINE = re.compile(r'^\t("(?:[^"\\]|\\.)*") -> ("(?:[^"\\]|\\.)*") \[', re.MULTILINE)

#: A function told each step as it starts (the command line prints them on stderr).
Progress = Callable[[str], None]


def node_modules() -> Path | None:
    """The folder of node_modules that holds elkjs, or None when there is none."""
    chosen = os.environ.get("ARGMAP_ELK")
    places = [Path(chosen)] if chosen else []
    places.append(Path(__file__).resolve().parents[2] / ".elk" / "node_modules")
    return next((p for p in places if (p / "elkjs" / "package.json").is_file()), None)


def elk_available() -> bool:
    """Whether Node.js and elkjs are there to run the ``elk`` engine."""
    return shutil.which("node") is not None and node_modules() is not None


def layout_elk(
    source: str, fmt: str, seconds: float | None, progress: Progress | None = None
) -> bytes:
    """Lay out DOT `source` with ELK and draw it with Graphviz into `fmt`.

    Raises :class:`RenderError`: AM402 when Node.js, elkjs or Graphviz is missing, AM403
    when a step fails, AM404 past `seconds` (for each step).
    """
    say = progress or (lambda _: None)
    modules = node_modules()
    if shutil.which("node") is None or modules is None:
        missing = "Node.js" if shutil.which("node") is None else "elkjs"
        raise RenderError(
            diagnostic("AM402", f"the elk engine needs {missing}, which is missing", hint=ELK_HINT)
        )
    say("measuring the nodes (Graphviz)")
    measured = measure(source, seconds)
    rankdir = _RANKDIR.search(source)
    graph = elk_graph(measured, DIRECTIONS[rankdir[1] if rankdir else "TB"])
    say(f"placing {len(graph['children']):,} nodes and {len(graph['edges']):,} edges (ELK)")
    placed = run_elk(graph, modules, seconds)
    say(f"drawing {fmt} (Graphviz)")
    return _run(["neato", "-n2", f"-T{fmt}"], placed_source(source, measured, placed), seconds)


def measure(source: str, seconds: float | None) -> dict[str, Any]:
    """Graphviz's JSON of the DOT with every node at 0,0: the nodes' sizes and the edges."""
    head, _, rest = source.partition("\n")
    pinned = f'{head}\n\tnode [pos="0,0"]\n{rest}'
    return dict(json.loads(_run(["neato", "-n2", "-Tjson"], pinned, seconds)))


def elk_graph(measured: dict[str, Any], direction: str) -> dict[str, Any]:
    """ELK's input: each node with Graphviz's size in points, each edge, the options.

    >>> graph = elk_graph({"objects": [{"_gvid": 0, "name": "a", "width": "1", "height": "0.5"}],
    ...     "edges": []}, "UP")
    >>> graph["children"], graph["layoutOptions"]["elk.direction"]
    ([{'id': 'a', 'width': 72.0, 'height': 36.0}], 'UP')
    """
    names = _node_names(measured)
    nodes = [o for o in measured.get("objects", []) if o["_gvid"] in names and "nodes" not in o]
    return {
        "id": "root",
        "layoutOptions": {
            "elk.algorithm": "layered",
            "elk.direction": direction,
            "elk.edgeRouting": "POLYLINE",
            "elk.randomSeed": "1",
            "elk.spacing.nodeNode": "25",
            "elk.layered.spacing.nodeNodeBetweenLayers": "36",
            "elk.layered.spacing.edgeNodeBetweenLayers": "12",
            # Fewer rounds of crossing minimisation on big maps: at 4,649 nodes, 20 s of
            # processor time instead of 54 (ELK's default is 7), under 60 for `dot`.
            "elk.layered.thoroughness": "7" if len(names) < BIG else "1",
        },
        "children": [
            {
                "id": o["name"],
                "width": float(o["width"]) * POINTS,
                "height": float(o["height"]) * POINTS,
            }
            for o in nodes
        ],
        "edges": [
            {"id": f"e{k}", "sources": [names[e["tail"]]], "targets": [names[e["head"]]]}
            for k, e in enumerate(measured.get("edges", []))
        ],
    }


def _node_names(measured: dict[str, Any]) -> dict[int, str]:
    """Graphviz's node numbers and names (subgraphs, which list their nodes, left out)."""
    return {
        o["_gvid"]: o["name"]
        for o in measured.get("objects", [])
        if "nodes" not in o and "subgraphs" not in o
    }


def run_elk(graph: dict[str, Any], modules: Path, seconds: float | None) -> dict[str, Any]:
    """The graph laid out by elkjs (``elk.js`` beside this module, run by Node.js)."""
    script = str(files("argmap.draw").joinpath("elk.js"))
    env = {**os.environ, "NODE_PATH": str(modules)}
    return dict(json.loads(_run(["node", script], json.dumps(graph), seconds, env)))


def placed_source(source: str, measured: dict[str, Any], placed: dict[str, Any]) -> str:
    """The DOT with each node's ``pos`` and each edge's route, for ``neato -n2``.

    ELK's y grows downwards and Graphviz's upwards; each polyline becomes a B-spline of
    straight pieces, shortened by its arrowhead, which Graphviz draws at its end.
    """
    height = float(placed.get("height", 0))
    names = _node_names(measured)
    edges = measured.get("edges", [])
    routes: dict[tuple[str, str], str] = {}
    for edge in placed.get("edges", []):
        drawn = edges[int(edge["id"][1:])]  # "e<k>": the k-th edge of `measured`
        section = edge["sections"][0]
        points = [section["startPoint"], *section.get("bendPoints", []), section["endPoint"]]
        route = [(p["x"], height - p["y"]) for p in points]
        arrow = drawn.get("arrowhead", "normal") != "none"
        length = ARROW * float(drawn.get("arrowsize", "1")) if arrow else 0.0
        key = (quoted(names[drawn["tail"]]), quoted(names[drawn["head"]]))
        routes[key] = spline(route, length)

    def with_route(line: re.Match[str]) -> str:
        route = routes.get((line[1], line[2]))
        return line[0] if route is None else f'{line[0]}pos="{route}" '

    body = _EDGE_LINE.sub(with_route, source.rstrip().removesuffix("}"))
    positions = [
        f'\t{quoted(n["id"])} [pos="{n["x"] + n["width"] / 2:.2f},'
        f'{height - n["y"] - n["height"] / 2:.2f}"]'
        for n in placed.get("children", [])
    ]
    return body + "\n".join(positions) + "\n}\n"


def spline(route: Sequence[tuple[float, float]], arrow: float) -> str:
    """A polyline as a Graphviz edge ``pos``: a B-spline of straight pieces, its last piece
    shortened by `arrow` points (0: no arrowhead) and the arrowhead's tip given as ``e,``.

    >>> spline([(0, 0), (0, 30)], 10)
    'e,0.00,30.00 0.00,0.00 0.00,6.67 0.00,13.33 0.00,20.00'
    """
    points = list(route)
    tip = points[-1]
    if arrow:
        (x0, y0), (x1, y1) = points[-2], points[-1]
        length = max(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5, 1e-9)
        cut = min(arrow, length * 0.9) / length
        points[-1] = (x1 - (x1 - x0) * cut, y1 - (y1 - y0) * cut)
    controls = [points[0]]
    for (x0, y0), (x1, y1) in pairwise(points):
        controls += [
            (x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3),
            (x0 + 2 * (x1 - x0) / 3, y0 + 2 * (y1 - y0) / 3),
            (x1, y1),
        ]
    text = " ".join(f"{x:.2f},{y:.2f}" for x, y in controls)
    return f"e,{tip[0]:.2f},{tip[1]:.2f} {text}" if arrow else text


def _run(
    command: list[str], text: str, seconds: float | None, env: dict[str, str] | None = None
) -> bytes:
    """The output of one step, which reads `text`; RenderError when it fails or is late."""
    try:
        done = subprocess.run(
            command, input=text.encode(), capture_output=True, timeout=seconds, check=False, env=env
        )
    except subprocess.TimeoutExpired:
        hint = "raise the limit (--timeout, ARGMAP_RENDER_SECONDS) or draw a smaller map"
        raise RenderError(
            diagnostic("AM404", f"{command[0]} took longer than {seconds:g} s", hint=hint)
        ) from None
    except OSError as err:
        message = f"{command[0]} could not start: {err.strerror or err}"
        raise RenderError(diagnostic("AM403", message, hint=ELK_HINT)) from None
    if done.returncode != 0 or not done.stdout:
        said = " / ".join(done.stderr.decode(errors="replace").strip().splitlines()[-3:])
        raise RenderError(
            diagnostic(
                "AM403",
                f"{command[0]} failed (exit status {done.returncode}){': ' + said if said else ''}",
                hint="report this with the map attached; `--format dot` writes what was sent",
            )
        )
    return done.stdout
