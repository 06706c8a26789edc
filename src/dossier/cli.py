"""The ``dossier`` command: a thin layer over the library.

Exit codes: 0 when a briefing (or an ingest) was made, even if some sources were
skipped; 1 when nothing could be read, or any source failed under ``--strict``,
or the store failed; 2 for wrong arguments or an impossible request.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from dossier.article import Failure
from dossier.demo import demo_paths
from dossier.embed import ENCODER_NAMES
from dossier.errors import DossierError, UsageError
from dossier.ingest import Limits
from dossier.pipeline import Options, Progress, brief, ingest
from dossier.render import write_briefing
from dossier.store import Store, default_db_path, open_store
from dossier.version import __version__

_BRIEF_EXAMPLES = """\
examples:
  dossier brief --demo -o out                   brief the sample corpus shipped with dossier
  dossier brief articles/ -o out                every .txt/.md/.html/.jsonl/.xml file below articles/
  dossier brief 'news/**/*.txt' story.jsonl -o out
  dossier brief https://example.org/feed.xml -o out
  cat article.txt | dossier brief - -o out
  dossier brief --db news.db --query "summit" --since 2025-03-01 -o out
  dossier brief articles/ --summary-words 120 --issues issues.yaml -o out
  dossier brief articles/ --encoder minilm --ner spacy:en_core_web_sm -o out
"""

_INGEST_EXAMPLES = """\
examples:
  dossier ingest articles/ --db news.db         add every article below articles/ to news.db
  dossier ingest feed.xml                       add to the default store ({default})
"""

_LIST_EXAMPLES = """\
examples:
  dossier list --db news.db --query "trade talks" --since 2025-01-01
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        code: int = args.run(args)
    except UsageError as error:
        print(f"dossier: error: {error}", file=sys.stderr)
        return 2
    except DossierError as error:
        print(f"dossier: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dossier: interrupted", file=sys.stderr)
        return 130
    return code


# --- commands ---------------------------------------------------------------------------------------------


def _run_brief(args: argparse.Namespace) -> int:
    sources: list[str] = [str(path) for path in demo_paths()] if args.demo else list(args.sources)
    selecting = any(value is not None for value in (args.db, args.query, args.since, args.until))
    if not sources and not selecting:
        raise UsageError(
            "give at least one SOURCE, or --demo, or select stored articles with --db/--query/--since"
        )
    with (
        _maybe_store(selecting, args.db) as store,
        _progress(args.quiet, "reading") as progress,
        _progress(args.quiet, "briefing", unit=" stage") as on_stage,
    ):
        briefing = brief(
            sources,
            store=store,
            query=args.query,
            since=args.since,
            until=args.until,
            options=_options(args),
            progress=progress,
            on_stage=on_stage,
        )
    _report_failures(briefing.failures)
    paths = write_briefing(briefing, Path(args.output))
    originals = sum(1 for article in briefing.articles if article.duplicate_of is None)
    print(
        f"briefed {len(briefing.articles)} article(s) ({originals} original, "
        f"{len(briefing.failures)} source(s) skipped)"
    )
    for path in paths:
        print(f"wrote {path}")
    return 0


def _run_ingest(args: argparse.Namespace) -> int:
    with open_store(args.db) as store, _progress(args.quiet, "reading") as progress:
        added, failures = ingest(args.sources, store, options=_options(args), progress=progress)
        total = store.count()
    _report_failures(failures)
    print(
        f"added {len(added.added)} article(s), {len(added.unchanged)} already stored, "
        f"{len(failures)} source(s) skipped; {total} in {args.db or default_db_path()}"
    )
    return 0


def _run_list(args: argparse.Namespace) -> int:
    with open_store(args.db) as store:
        articles = store.select(query=args.query, since=args.since, until=args.until, limit=args.limit)
    for article in articles:
        published = article.published.isoformat() if article.published else "----------"
        print(f"{article.id}  {published}  {article.outlet or '-'}  {article.title or article.source}")
    print(f"{len(articles)} article(s)", file=sys.stderr)
    return 0


# --- helpers ----------------------------------------------------------------------------------------------


def _options(args: argparse.Namespace) -> Options:
    limits = Limits(max_bytes=int(args.max_mb * 1024 * 1024), timeout_s=args.timeout)
    options = Options(strict=args.strict, limits=limits)
    if args.run is not _run_brief:
        return options
    if args.summary_sentences is not None:
        options = dataclasses.replace(options, summary_sentences=args.summary_sentences)
    issues_file = Path(args.issues) if args.issues is not None else None
    return dataclasses.replace(
        options, summary_words=args.summary_words, issues_file=issues_file, encoder=args.encoder
    )


@contextlib.contextmanager
def _maybe_store(wanted: bool, location: str | None) -> Iterator[Store | None]:
    if not wanted:
        yield None
        return
    with open_store(location) as store:
        yield store


@contextlib.contextmanager
def _progress(quiet: bool, label: str, unit: str = " source") -> Iterator[Progress]:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    disable = quiet or not sys.stderr.isatty()
    with tqdm(desc=label, unit=unit, disable=disable, file=sys.stderr, leave=False) as bar:

        def advance(name: str) -> None:
            bar.set_postfix_str(name[-40:], refresh=False)
            bar.update(1)

        yield advance


def _report_failures(failures: Sequence[Failure], stream: TextIO | None = None) -> None:
    for failure in failures:
        print(f"dossier: skipped {failure.source}: {failure.reason}", file=stream or sys.stderr)


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (expected YYYY-MM-DD): {value!r}") from None


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return number


def _positive_float(value: str) -> float:
    number = float(value)
    if not number > 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {value}")
    return number


# --- the parser -------------------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier",
        description="Turn news articles about one story into a sourced, extractive briefing.",
    )
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    brief_cmd = _command(
        commands, "brief", "write briefing.json, briefing.md and briefing.html", _BRIEF_EXAMPLES
    )
    brief_cmd.add_argument("sources", nargs="*", metavar="SOURCE", help="file, folder, glob, URL, feed, or -")
    brief_cmd.add_argument(
        "-o", "--output", default="out", metavar="OUTDIR", help="output folder (default: out)"
    )
    brief_cmd.add_argument("--demo", action="store_true", help="brief the sample corpus shipped with dossier")
    brief_cmd.add_argument(
        "--summary-sentences", type=_positive_int, metavar="N", help="summary length (default 6)"
    )
    brief_cmd.add_argument(
        "--summary-words", type=_positive_int, metavar="N", help="fit the summary to N words instead"
    )
    brief_cmd.add_argument(
        "--issues", metavar="FILE", help="YAML or JSON list of issues (names, keywords) to steer the grouping"
    )
    brief_cmd.add_argument(
        "--encoder",
        choices=ENCODER_NAMES,
        default="auto",
        help="sentence encoder for issues and summary (default auto: the fast table distilled from MiniLM)",
    )
    brief_cmd.add_argument(
        "--ner",
        default="builtin",
        metavar="RECOGNIZER",
        help="entity recognizer: builtin (default), or spacy:NAME_OR_PATH for an installed spaCy pipeline",
    )
    _selection_arguments(brief_cmd)
    _reading_arguments(brief_cmd)
    brief_cmd.set_defaults(run=_run_brief)

    ingest_cmd = _command(
        commands,
        "ingest",
        "add sources to the article store",
        _INGEST_EXAMPLES.format(default=default_db_path()),
    )
    ingest_cmd.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="file, folder, glob, URL, feed, or -"
    )
    ingest_cmd.add_argument("--db", metavar="PATH", help="SQLite file (default: the user data directory)")
    _reading_arguments(ingest_cmd)
    ingest_cmd.set_defaults(run=_run_ingest)

    list_cmd = _command(commands, "list", "list stored articles that match a selection", _LIST_EXAMPLES)
    _selection_arguments(list_cmd)
    list_cmd.add_argument("--limit", type=_positive_int, metavar="N", help="at most N articles")
    list_cmd.set_defaults(run=_run_list)
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, summary: str, examples: str
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=examples,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    return command


def _selection_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--db", metavar="PATH", help="SQLite file (default: the user data directory)")
    command.add_argument("--query", metavar="TEXT", help="full-text search over stored articles")
    command.add_argument(
        "--since", type=_date, metavar="DATE", help="stored articles published on/after DATE"
    )
    command.add_argument(
        "--until", type=_date, metavar="DATE", help="stored articles published on/before DATE"
    )


def _reading_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--strict", action="store_true", help="fail if any source cannot be read")
    command.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    command.add_argument(
        "--max-mb", type=_positive_float, default=20.0, help="size cap per source (default 20)"
    )
    command.add_argument("--timeout", type=_positive_float, default=15.0, help="URL fetch timeout in seconds")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
