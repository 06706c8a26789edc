"""How long rendering a briefing takes: HTML, Markdown and JSON, on the demo story and on copies of it.

Usage::

    .venv/bin/python benchmarks/bench_render.py [--copies 1,10,50] [--repeat 5]

The demo story is briefed once; ``--copies N`` then makes a briefing of N
copies of it (each copy's articles get new ids, and every record citing them
follows), so the page grows as a big story's would. Prints, per size, the
median wall time of ``to_html``, ``to_markdown``, both as ``write_briefing``
makes them (``html+md``) and ``to_json`` over
``--repeat`` runs and the size of each output. Run it with another tree first on
``PYTHONPATH`` to compare two versions on the same machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from collections.abc import Callable
from typing import Any

from dossier.briefing import Briefing
from dossier.demo import demo_paths
from dossier.pipeline import brief
from dossier.render import to_html, to_json, to_markdown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", default="1,10,50", help="comma-separated copy counts")
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    demo = brief([str(path) for path in demo_paths()])
    print(f"{'copies':>6} {'articles':>8} {'format':>8} {'median s':>9} {'bytes':>10}")
    for copies in (int(n) for n in options.copies.split(",")):
        briefing = _copies(demo, copies)
        renders = (("html", to_html), ("markdown", to_markdown), ("html+md", _both), ("json", to_json))
        for name, render in renders:
            seconds, size = _time(render, briefing, options.repeat)
            print(f"{copies:>6} {len(briefing.articles):>8} {name:>8} {seconds:>9.4f} {size:>10}")


def _both(briefing: Briefing) -> str:
    """Markdown and HTML as write_briefing makes them: from one view where this version has one."""
    try:
        from dossier.render import build_view, view_to_html, view_to_markdown
    except ImportError:  # a version before the view model: each format reads the briefing itself
        return to_markdown(briefing) + to_html(briefing)
    view = build_view(briefing)
    return view_to_markdown(view) + view_to_html(view)


def _time(render: Callable[[Briefing], str], briefing: Briefing, repeat: int) -> tuple[float, int]:
    times = []
    output = ""
    for _ in range(repeat):
        started = time.perf_counter()
        output = render(briefing)
        times.append(time.perf_counter() - started)
    return statistics.median(times), len(output.encode("utf-8"))


def _copies(briefing: Briefing, copies: int) -> Briefing:
    """``copies`` copies of the briefing's articles and findings side by side, each under its own ids."""
    parts = [_renamed(briefing, copy) for copy in range(copies)]
    merged: dict[str, Any] = {
        field.name: tuple(item for part in parts for item in getattr(part, field.name))
        for field in dataclasses.fields(Briefing)
        if isinstance(getattr(briefing, field.name), tuple) and field.name != "stages"
    }
    return dataclasses.replace(briefing, **merged)


def _renamed(briefing: Briefing, copy: int) -> Briefing:
    if copy == 0:
        return briefing
    ids = {article.id: f"{copy:04x}{article.id[4:]}" for article in briefing.articles}
    data = briefing.to_dict()
    return Briefing.from_dict(_rename(data, ids, f"-{copy}"))


def _rename(value: Any, ids: dict[str, str], suffix: str) -> Any:
    """Article ids swapped for the copy's, and record ids (quotes, statements, issues...) suffixed."""
    if isinstance(value, dict):
        renamed = {key: _rename(item, ids, suffix) for key, item in value.items()}
        if "id" in value and value["id"] not in ids and isinstance(value["id"], str):
            renamed["id"] = value["id"] + suffix
        for key in ("quote_ids", "statement_id", "issue_id", "entity_id", "speaker_entity_id"):
            if isinstance(value.get(key), list):
                renamed[key] = [item + suffix for item in value[key]]
            elif isinstance(value.get(key), str):
                renamed[key] = value[key] + suffix
        return renamed
    if isinstance(value, list):
        return [_rename(item, ids, suffix) for item in value]
    if isinstance(value, str):
        return ids.get(value, value)
    return value


if __name__ == "__main__":
    main()
