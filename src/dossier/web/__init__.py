"""``dossier serve``: the analyst's desk, a local web app over the article store.

One concept per module: :mod:`~dossier.web.settings` (what the server may do),
:mod:`~dossier.web.security` (headers, token, CSRF, body caps),
:mod:`~dossier.web.catalog` (stories and briefings read from the store, cached),
:mod:`~dossier.web.jobs` (adding articles in the background),
:mod:`~dossier.web.views` (what each page shows, also its JSON twin),
:mod:`~dossier.web.pages` (HTML or JSON out of a view), :mod:`~dossier.web.routes`,
:mod:`~dossier.web.app` (the app factory) and :mod:`~dossier.web.server` (uvicorn).
"""

from dossier.web.app import create_app
from dossier.web.settings import ServeSettings

__all__ = ["ServeSettings", "create_app"]
