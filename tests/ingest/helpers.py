"""Helpers for the ingest tests: fixture paths, a good article, and a fake web server."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import httpx

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"

#: A short, plainly good article to put next to a bad source in the same batch.
GOOD_TEXT = (
    "Larkfield's library will open late on Thursday so that flooded households can meet insurance "
    "assessors after work, the county council said.\n\nStaff will hand out forms for the new flood fund."
)

Route = tuple[int, bytes, str]  # status, body, content type


def serve(routes: Mapping[str, Route]) -> httpx.MockTransport:
    """A fake web server: known URLs answer from ``routes``, everything else is a 404."""

    def handler(request: httpx.Request) -> httpx.Response:
        route = routes.get(str(request.url))
        if route is None:
            return httpx.Response(404, request=request)
        status, body, content_type = route
        return httpx.Response(status, content=body, headers={"Content-Type": content_type}, request=request)

    return httpx.MockTransport(handler)
