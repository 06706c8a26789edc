"""One view, two forms: the HTML page from the templates, or its JSON twin from ``to_dict``.

A request asks for JSON with ``?format=json`` or an ``Accept`` header that
prefers ``application/json`` to HTML. The web templates sit in ``web/templates``
and may use the report's partials and macros from ``render/templates``; the
environment is the report's (autoescaping, strict about missing names, every
value made HTML-safe) with this package's templates in front.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from dossier.records import Record
from dossier.render.charts import heatmap_svg, timeline_svg
from dossier.render.html import _html_text
from dossier.render.templating import template_environment
from dossier.web.views import ErrorView


def wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


@cache
def environment() -> jinja2.Environment:
    env = template_environment(autoescape=True, finalize=_html_text)
    env.loader = jinja2.ChoiceLoader(
        [
            jinja2.PackageLoader("dossier.web", "templates"),
            jinja2.PackageLoader("dossier.render", "templates"),
        ]
    )
    env.globals.update(timeline_svg=timeline_svg, heatmap_svg=heatmap_svg)
    return env


def respond(request: Request, template: str, view: Record, *, status: int = 200, **context: Any) -> Response:
    """The page of ``view`` (or its JSON twin), rendered with ``context``, the nonce and the CSRF token."""
    if wants_json(request):
        return JSONResponse(view.to_dict(), status_code=status)
    page = (
        environment()
        .get_template(template)
        .render(
            view=view,
            nonce=request.state.csp_nonce,
            csrf=request.app.state.csrf.token(),
            **context,
        )
    )
    return HTMLResponse(page, status_code=status)


def error_page(request: Request, status: int, error: str, message: str) -> Response:
    return respond(request, "web_error.html", ErrorView(status, error, message), status=status)
