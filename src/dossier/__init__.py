"""dossier: turn a pile of news articles about one story into a sourced, extractive briefing.

The Python API mirrors the command line::

    import dossier

    briefing = dossier.brief(["articles/"])
    dossier.write_briefing(briefing, Path("out"))
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from dossier.version import __version__

if TYPE_CHECKING:
    from dossier.article import Article, Failure, Span
    from dossier.briefing import Briefing
    from dossier.errors import DossierError
    from dossier.pipeline import Options, brief, ingest, read_articles
    from dossier.render import write_briefing
    from dossier.store import open_store

# The public names load on first use, not on `import dossier`: the pipeline pulls numpy, scipy and
# scikit-learn, which would make every `dossier --help` pay for them (PEP 562 module __getattr__).
_LAZY = {
    "Article": "dossier.article",
    "Briefing": "dossier.briefing",
    "DossierError": "dossier.errors",
    "Failure": "dossier.article",
    "Options": "dossier.pipeline",
    "Span": "dossier.article",
    "brief": "dossier.pipeline",
    "ingest": "dossier.pipeline",
    "open_store": "dossier.store",
    "read_articles": "dossier.pipeline",
    "write_briefing": "dossier.render",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dossier' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "Article",
    "Briefing",
    "DossierError",
    "Failure",
    "Options",
    "Span",
    "__version__",
    "brief",
    "ingest",
    "open_store",
    "read_articles",
    "write_briefing",
]
