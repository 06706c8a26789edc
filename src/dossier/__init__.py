"""dossier: turn a pile of news articles about one story into a sourced, extractive briefing.

The Python API mirrors the command line::

    import dossier

    briefing = dossier.brief(["articles/"])
    dossier.write_briefing(briefing, Path("out"))
"""

from dossier.article import Article, Failure, Span
from dossier.briefing import Briefing
from dossier.errors import DossierError
from dossier.pipeline import Options, brief, ingest, read_articles
from dossier.render import write_briefing
from dossier.store import open_store
from dossier.version import __version__

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
