"""Running the app under uvicorn: ``dossier serve``."""

from __future__ import annotations

import logging

import uvicorn

from dossier.pipeline import Options
from dossier.web.app import create_app
from dossier.web.settings import ServeSettings, is_loopback

logger = logging.getLogger(__name__)


def serve(settings: ServeSettings, options: Options | None = None) -> None:
    """Serve until interrupted. Settings already refuse a non-loopback host without a token."""
    app = create_app(settings, options)
    where = f"http://{settings.host}:{settings.port}/"
    if settings.token is not None and not is_loopback(settings.host):
        logger.warning("serving on %s; every request needs the token (open %s?token=...)", where, where)
    else:
        logger.warning("serving %s on %s", settings.db, where)
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level="warning",
        server_header=False,
        limit_concurrency=200,
        timeout_graceful_shutdown=5,
    )
