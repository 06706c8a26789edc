"""The app's pages. Each builds one view and answers it as HTML or as its JSON twin (see pages.py)."""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import MultiPartException

from dossier.errors import DossierError, UsageError
from dossier.ingest.addresses import check_url_host
from dossier.ingest.limits import MIB
from dossier.web.jobs import JobRequest
from dossier.web.pages import error_page, respond, wants_json
from dossier.web.security import CSRF_FIELD, CSRF_HEADER
from dossier.web.views import JobListView, StoryListView, article_page, citation, story_page, story_row

router = APIRouter()

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_URL_SCHEMES = ("http://", "https://")


def _date(text: str, name: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise UsageError(f"{name} must be a date like 2025-03-01, not {text[:40]!r}") from error


@router.get("/", summary="The stories, newest first, searched and filtered")
def stories(
    request: Request, q: str = "", since: str = "", until: str = "", outlet: str = "", page: int = 1
) -> Response:
    catalog = request.app.state.catalog
    settings = request.app.state.settings
    try:
        found = catalog.stories(
            query=q.strip() or None,
            since=_date(since, "since"),
            until=_date(until, "until"),
            outlet=outlet or None,
        )
    except DossierError as error:
        return error_page(request, 400, "Bad search", error.message)
    pages = max(1, math.ceil(len(found) / settings.page_size))
    page = min(max(1, page), pages)
    shown = found[(page - 1) * settings.page_size : page * settings.page_size]
    view = StoryListView(
        query=q,
        since=since,
        until=until,
        outlet=outlet,
        page=page,
        pages=pages,
        total=len(found),
        rows=tuple(story_row(story) for story in shown),
        outlets=catalog.index().outlets,
        articles=catalog.index().count,
    )
    return respond(request, "web_stories.html", view)


def _story_and_briefing(request: Request, story_id: str) -> tuple[Any, Any] | Response:
    catalog = request.app.state.catalog
    found = catalog.story(story_id)
    if found is None:
        return error_page(request, 404, "No such story", f"no story {story_id[:80]!r} in this store")
    story, articles = found
    if not articles:
        return error_page(request, 404, "Empty story", "this story has no stored articles")
    try:
        return story, catalog.briefing(articles)
    except DossierError as error:
        return error_page(request, 422, "Cannot brief this story", str(error))


@router.get("/stories/{story_id}", summary="A story's briefing")
def story(request: Request, story_id: str) -> Response:
    found = _story_and_briefing(request, story_id)
    if isinstance(found, Response):
        return found
    return respond(request, "web_story.html", story_page(*found))


@router.get("/stories/{story_id}/cite/{number}/{start}", summary="A cited span in its paragraph")
def cite(request: Request, story_id: str, number: int, start: int) -> Response:
    found = _story_and_briefing(request, story_id)
    if isinstance(found, Response):
        return found
    view = citation(found[0], found[1], number, start)
    if view is None:
        return error_page(
            request, 404, "No such citation", f"the briefing cites nothing as [{number}] at {start}"
        )
    return respond(request, "web_citation.html", view)


@router.get("/articles/{article_id}", summary="An article with its extracted spans marked")
def article(request: Request, article_id: str) -> Response:
    catalog = request.app.state.catalog
    found = catalog.article(article_id)
    if found is None:
        return error_page(request, 404, "No such article", f"no article {article_id[:80]!r} in this store")
    story_id = catalog.story_of_article(article_id)
    briefing = None
    story = catalog.story(story_id) if story_id is not None else None
    if story is not None:
        try:
            briefing = catalog.briefing(story[1])
        except DossierError:
            briefing = None  # the article still shows, without marks
    return respond(request, "web_article.html", article_page(found, story_id, briefing))


def _limits(request: Request) -> dict[str, int]:
    settings = request.app.state.settings
    return {"max_files": settings.max_files, "max_file_mib": max(1, settings.max_file_bytes // MIB)}


@router.get("/add", summary="The form that adds articles, and the jobs so far")
def add_form(request: Request) -> Response:
    view = JobListView(request.app.state.jobs.all())
    return respond(request, "web_add.html", view, limits=_limits(request))


@router.post("/add", summary="Add pasted text, uploaded files or a URL/feed (multipart form)")
async def add(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        form = await request.form(
            max_files=settings.max_files, max_fields=20, max_part_size=settings.max_paste_chars * 4
        )
    except MultiPartException as error:
        return error_page(request, 400, "Bad upload", str(error.message))
    try:
        return await _add_from_form(request, form)
    finally:
        # The uploads' spooled temporary files are ours to close once their bytes are copied out.
        await form.close()


async def _add_from_form(request: Request, form: FormData) -> Response:
    offered = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
    if not request.app.state.csrf.valid(offered if isinstance(offered, str) else None):
        return error_page(
            request, 403, "Refused", "the form's CSRF token is missing or wrong; reload the page"
        )
    try:
        job_request = await _job_request(request, form)
    except UsageError as error:
        return error_page(request, 400, "Nothing to add", error.message)
    except _TooLargeError as error:
        return error_page(request, 413, "Too large", str(error))
    job = request.app.state.jobs.submit(job_request)
    if wants_json(request):
        return respond(request, "web_job.html", job, status=202)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


class _TooLargeError(Exception):
    pass


async def _job_request(request: Request, form: FormData) -> JobRequest:
    settings = request.app.state.settings
    files = [item for item in form.getlist("files") if isinstance(item, UploadFile) and item.filename]
    text = form.get("text")
    text = text.strip() if isinstance(text, str) else ""
    url = form.get("url")
    url = url.strip() if isinstance(url, str) else ""
    if len(files) > settings.max_files:
        raise _TooLargeError(f"{len(files)} files; the most is {settings.max_files}")
    if len(text) > settings.max_paste_chars:
        raise _TooLargeError(f"pasted text of {len(text)} characters; the most is {settings.max_paste_chars}")
    if url:
        _check_url(url, allow_private=settings.allow_private)
    if not (files or text or url):
        raise UsageError("paste some text, choose files, or give a URL")
    scratch = Path(tempfile.mkdtemp(prefix="dossier-upload-"))
    sources: list[str] = []
    names: dict[str, str] = {}
    try:
        for index, upload in enumerate(files, start=1):
            data = await upload.read(settings.max_file_bytes + 1)
            if len(data) > settings.max_file_bytes:
                raise _TooLargeError(f"{upload.filename}: over {settings.max_file_bytes} bytes")
            name = _SAFE_NAME.sub("_", Path(str(upload.filename)).name)[-80:] or "upload"
            path = scratch / f"{index:03d}-{name}"
            path.write_bytes(data)
            sources.append(str(path))
            names[str(path)] = f"upload:{name}"
        if text:
            path = scratch / "pasted.txt"
            path.write_text(text + "\n", encoding="utf-8")
            sources.append(str(path))
            names[str(path)] = "pasted text"
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    if url:
        sources.append(url)
    return JobRequest(tuple(sources), names, scratch)


def _check_url(url: str, *, allow_private: bool) -> None:
    """Refuse a URL that is not http(s), or whose host is a literal non-public address, before queueing it.

    Host names are checked again where the connection is made (and on every redirect) by the fetcher.
    """
    if not url.lower().startswith(_URL_SCHEMES):
        raise UsageError("only http and https URLs can be fetched")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise UsageError(f"invalid URL ({error})") from error
    if not parsed.host:
        raise UsageError("invalid URL (no host name)")
    try:
        check_url_host(parsed, allow_private=allow_private, source=url)
    except DossierError as error:
        raise UsageError(error.message) from error


@router.get("/jobs", summary="Every add-articles job, newest first")
def jobs(request: Request) -> Response:
    return respond(request, "web_jobs.html", JobListView(request.app.state.jobs.all()))


@router.get("/jobs/{job_id}", summary="One add-articles job and its progress")
def job(request: Request, job_id: str) -> Response:
    found = request.app.state.jobs.get(job_id)
    if found is None:
        return error_page(request, 404, "No such job", f"no job {job_id[:40]!r}")
    return respond(request, "web_job.html", found)
