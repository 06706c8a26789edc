"""The app factory: a FastAPI app over one store, with its security layer, pages, static files and jobs."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from dossier.ingest.fetch import Fetcher
from dossier.ingest.limits import DEFAULT_LIMITS
from dossier.pipeline import Options
from dossier.version import __version__
from dossier.web.catalog import Catalog
from dossier.web.jobs import Jobs
from dossier.web.pages import error_page
from dossier.web.routes import router
from dossier.web.security import CsrfGuard, SecurityMiddleware
from dossier.web.settings import ServeSettings

#: The only files under /static: name -> (package, resource path, media type).
STATIC_FILES = {
    "app.css": ("dossier.web", "static/app.css", "text/css; charset=utf-8"),
    "app.js": ("dossier.web", "static/app.js", "text/javascript; charset=utf-8"),
    "briefing.css": ("dossier.render", "briefing.css", "text/css; charset=utf-8"),
}


def create_app(
    settings: ServeSettings, options: Options | None = None, *, fetcher: Fetcher | None = None
) -> FastAPI:
    """The app for ``settings``; ``options`` are the pipeline's (the fetch limits come from ``settings``).

    ``fetcher`` replaces the one each add-articles job makes (tests inject a transport through it); the
    caller keeps it and closes it.
    """
    base = options or Options()
    limits = dataclasses.replace(
        base.limits if options is not None else DEFAULT_LIMITS,
        allow_private=settings.allow_private,
        max_bytes=min(base.limits.max_bytes, settings.max_file_bytes),
        source_budget_s=settings.fetch_budget_s,
    )
    options = dataclasses.replace(base, limits=limits)
    catalog = Catalog(settings.db, options)
    jobs = Jobs(catalog, options, fetcher)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # The first story list would otherwise replay the store's stories itself.
        app.state.warming = catalog.warm()
        yield
        jobs.stop()
        catalog.close()

    app = FastAPI(
        title="dossier",
        version=__version__,
        description="The analyst's desk: stories, briefings and articles of a dossier store. "
        "Every page answers JSON with ?format=json or Accept: application/json.",
        docs_url=None,  # the interactive docs load scripts from a CDN; the description itself is served
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.catalog = catalog
    app.state.jobs = jobs
    app.state.csrf = CsrfGuard()
    app.include_router(router)
    app.add_api_route("/static/{name}", _static, methods=["GET"], summary="The app's own CSS and script")
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_request)
    app.add_middleware(SecurityMiddleware, token=settings.token, max_body_bytes=settings.max_body_bytes)
    return app


def _static(name: str) -> Response:
    found = STATIC_FILES.get(name)
    if found is None:
        return Response("not found\n", status_code=404, media_type="text/plain")
    package, path, media_type = found
    body = resources.files(package).joinpath(path).read_bytes()
    return Response(body, media_type=media_type, headers={"cache-control": "no-cache"})


async def _http_error(request: Request, error: Exception) -> Response:
    status = error.status_code if isinstance(error, HTTPException) else 500
    detail = error.detail if isinstance(error, HTTPException) else "error"
    return error_page(request, status, "Not found" if status == 404 else "Error", str(detail))


async def _bad_request(request: Request, error: Exception) -> Response:
    errors = error.errors() if isinstance(error, RequestValidationError) else []
    where = ", ".join(".".join(str(p) for p in e.get("loc", ())) for e in errors[:3])
    return error_page(request, 400, "Bad request", f"invalid value: {where}" if where else "invalid request")
