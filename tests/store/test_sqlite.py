"""The store contract, against SQLite and a real PostgreSQL server: round trips, idempotent and
all-or-nothing adds, search and date selection; then what only the SQLite store has (WAL, FTS5, locking)."""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BACKENDS
from dossier.article import Article, Span, Stripped, article_id
from dossier.errors import StoreError, UsageError
from dossier.store import AddResult, SqliteStore, Store, open_store
from dossier.store import postgres as postgres_module
from dossier.store import sqlite as sqlite_module


def make_article(text: str, **fields: Any) -> Article:
    fields.setdefault("source", f"fixtures/{article_id(text)}.txt")
    return Article(id=article_id(text), text=text, **fields)


def full_article() -> Article:
    """An article with every field set, including spans, stripped text and nested metadata."""
    text = (
        "Ferry crews at Port Alder walked out on Tuesday.\n\n"
        "The harbour café stayed open. “We wait,” said Ona."
    )
    first_paragraph = text.index("\n\n")
    return make_article(
        text,
        source="https://news.example/port-alder/strike",
        title="Port Alder ferry crews strike",
        outlet="The Alder Gazette",
        url="https://news.example/port-alder/strike?ref=feed",
        published=dt.date(2031, 4, 8),
        published_inferred=True,
        dateline="PORT ALDER",
        duplicate_of="00ff00ff00ff00ff",
        paragraphs=(Span(0, first_paragraph), Span(first_paragraph + 2, len(text))),
        sentences=(Span(0, 48), Span(50, 79), Span(80, len(text))),
        stripped=(
            Stripped(kind="byline", text="By Mara Quill", reason="byline line above the text"),
            Stripped(kind="credit", text="Photo: harbour office", reason="image credit"),
        ),
        metadata={
            "feed": {"tags": ["labour", "ferries"], "rank": 3, "score": 0.25},
            "ok": True,
            "none": None,
        },
    )


@pytest.fixture
def store(backend: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    """A new, empty store: SQLite in memory, or a schema of its own on the test PostgreSQL server."""
    location = str(request.getfixturevalue("pg_url")) if backend == "postgresql" else ":memory:"
    with open_store(location) as opened:
        yield opened


def test_it_is_a_store_and_a_context_manager(store_location: str, backend: str) -> None:
    with open_store(store_location) as opened:
        assert isinstance(opened, Store)
        assert type(opened).__name__ == {"sqlite": "SqliteStore", "postgresql": "PostgresStore"}[backend]
        assert opened.count() == 0
    with pytest.raises(StoreError, match="closed"):
        opened.count()
    opened.close()  # a second close is harmless


def test_a_file_store_runs_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    open_store(path).close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_full_article_reads_back_equal_in_memory(store: Store) -> None:
    article = full_article()
    store.add([article])
    assert store.get(article.id) == article
    assert store.select() == [article]


def test_a_full_article_reads_back_equal_after_reopening_the_store(store_location: str) -> None:
    article = full_article()
    with open_store(store_location) as first:
        first.add([article])
    with open_store(store_location) as second:
        stored = second.get(article.id)
    assert stored == article
    assert stored is not None and stored.span_text(stored.sentences[0]).startswith("Ferry crews")
    assert list(stored.metadata) == ["feed", "ok", "none"]


def test_a_missing_id_gives_none(store: Store) -> None:
    assert store.get("0123456789abcdef") is None
    assert store.get("") is None


def test_re_adding_changes_nothing(store: Store) -> None:
    one, two = make_article("Tide tables were revised."), make_article("The lighthouse was repainted.")
    assert store.add([one, two]) == AddResult(added=(one.id, two.id), unchanged=())
    assert store.add([two, one]) == AddResult(added=(), unchanged=(two.id, one.id))
    assert store.count() == 2


def test_a_repeat_inside_one_batch_counts_once(store: Store) -> None:
    article = make_article("Gulls nested on the pier.")
    assert store.add([article, article]) == AddResult(added=(article.id,), unchanged=(article.id,))
    assert store.count() == 1


def test_the_first_stored_version_of_an_id_is_kept(store: Store) -> None:
    original = make_article("Buoys were replaced in the channel.", outlet="Harbour Log")
    store.add([original])
    other = make_article("Buoys were replaced in the channel.", outlet="Somewhere Else")
    assert store.add([other]).unchanged == (other.id,)
    stored = store.get(original.id)
    assert stored is not None and stored.outlet == "Harbour Log"


def test_adding_nothing_is_fine(store: Store) -> None:
    assert store.add([]) == AddResult(added=(), unchanged=())


def test_an_unserializable_article_rolls_back_the_whole_batch(store: Store) -> None:
    store.add([make_article("Already here before the batch.")])
    good = make_article("A good article, first in the batch.")
    bad = make_article(
        "An article whose metadata cannot be JSON.", source="feeds/bad.xml", metadata={"x": object()}
    )
    with pytest.raises(StoreError) as raised:
        store.add([good, bad])
    message = str(raised.value)
    assert bad.id in message and "feeds/bad.xml" in message
    assert store.count() == 1
    assert store.get(good.id) is None


def test_a_constraint_error_rolls_back_the_whole_batch(store: Store) -> None:
    good = make_article("The pilot boat was refuelled.")
    sourceless = make_article("No source at all.", source=cast(str, None))
    with pytest.raises(StoreError, match=r"(?i)not.null"):
        store.add([good, sourceless])
    assert store.count() == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "Lone surrogate \ud800 in the title"},
        {"metadata": {"note": "lone surrogate \udfff"}},
        {"metadata": {"score": math.nan}},
        {"metadata": {"score": -math.inf}},
    ],
)
def test_hostile_values_are_refused_cleanly(store: Store, fields: dict[str, Any]) -> None:
    with pytest.raises(StoreError, match="cannot store article"):
        store.add([make_article("A fine article first."), make_article("A hostile one.", **fields)])
    assert store.count() == 0


def test_a_failure_mid_batch_leaves_nothing_written(
    store: Store, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    module: Any = sqlite_module if backend == "sqlite" else postgres_module
    real_row_values: Callable[[Article], tuple[Any, ...]] = module._row_values
    calls: list[str] = []

    def fail_on_the_third(article: Article) -> tuple[Any, ...]:
        calls.append(article.id)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_row_values(article)

    monkeypatch.setattr(module, "_row_values", fail_on_the_third)
    batch = [make_article(f"Batch article number {n}.") for n in range(5)]
    with pytest.raises(KeyboardInterrupt):
        store.add(batch)
    assert store.count() == 0
    monkeypatch.undo()
    assert store.add(batch).added == tuple(article.id for article in batch)


def test_nul_characters_and_newlines_survive(store: Store) -> None:
    article = make_article("Odd bytes\x00 in the\r\nmiddle.")
    store.add([article])
    assert store.get(article.id) == article


def test_a_large_article_is_stored_and_found(store: Store) -> None:
    text = "Quiet day at the docks. " * 50_000 + "Finally the kraken surfaced."
    article = make_article(text)
    store.add([article])
    assert store.select(query="kraken") == [article]


# --- search -------------------------------------------------------------------------------------------------


@pytest.fixture
def harbour(store: Store) -> Store:
    store.add(
        [
            make_article(
                "Dockworkers in Zürich voted to accept the wage offer.",
                title="Wage deal",
                published=dt.date(2030, 5, 2),
            ),
            make_article(
                "The offer on wages was rejected by the ferry union.",
                title="Union says no",
                published=dt.date(2030, 5, 1),
            ),
            make_article("A storm closed the harbour for two days.", title="Zurich storm"),
            make_article(
                "Fishing quotas for herring were cut again.",
                title="Quota cut",
                published=dt.date(2030, 5, 3),
            ),
        ]
    )
    return store


def titles(articles: list[Article]) -> list[str | None]:
    return [article.title for article in articles]


def test_search_finds_words_in_the_text_and_the_title(harbour: Store) -> None:
    assert titles(harbour.select(query="herring")) == ["Quota cut"]
    assert titles(harbour.select(query="quota")) == ["Quota cut"]


def test_search_ignores_case_and_accents(harbour: Store) -> None:
    # dated articles first, then undated ones
    assert titles(harbour.select(query="zurich")) == ["Wage deal", "Zurich storm"]
    assert titles(harbour.select(query="ZÜRICH")) == ["Wage deal", "Zurich storm"]


def test_search_needs_every_word(harbour: Store) -> None:
    assert titles(harbour.select(query="offer union")) == ["Union says no"]
    assert titles(harbour.select(query="offer")) == ["Union says no", "Wage deal"]


def test_a_quoted_phrase_must_appear_as_written(harbour: Store) -> None:
    assert titles(harbour.select(query='"wage offer"')) == ["Wage deal"]
    assert harbour.select(query='"offer wage"') == []


def test_a_trailing_star_matches_a_prefix(harbour: Store) -> None:
    assert titles(harbour.select(query="dockwork*")) == ["Wage deal"]
    assert harbour.select(query="dock") == []
    assert titles(harbour.select(query="dock*")) == ["Wage deal"]


def test_search_stems_words(harbour: Store) -> None:
    # Porter in the index: "rejecting" and "rejected" share a stem.
    assert titles(harbour.select(query="rejecting")) == ["Union says no"]
    assert titles(harbour.select(query="quota")) == ["Quota cut"]


def test_buses_finds_bus_and_bus_finds_buses(store: Store) -> None:
    store.add(
        [make_article("One bus ran late.", title="One"), make_article("Two buses broke down.", title="Two")]
    )
    assert sorted(titles(store.select(query="buses"))) == ["One", "Two"]  # type: ignore[type-var]
    assert sorted(titles(store.select(query="bus"))) == ["One", "Two"]  # type: ignore[type-var]


def test_or_finds_either_word(harbour: Store) -> None:
    assert titles(harbour.select(query="herring OR storm")) == ["Quota cut", "Zurich storm"]


def test_not_excludes(harbour: Store) -> None:
    assert titles(harbour.select(query="offer NOT ferry")) == ["Wage deal"]
    assert titles(harbour.select(query="(storm OR herring) NOT quota*")) == ["Zurich storm"]


def test_a_malformed_query_is_a_usage_error_naming_the_place(harbour: Store) -> None:
    with pytest.raises(UsageError, match=r"OR needs a word or phrase after it \(at character 8"):
        harbour.select(query="wage OR")


@pytest.mark.parametrize(
    "query",
    [
        "AND (",
        "OR",
        "NOT",
        "NEAR(wage offer",
        "title:",
        "wage:offer",
        "^wage",
        "wage OR",
        "(((",
        "'",
        'x"y',
        "-1",
        "wage\x00offer",
        "+ - * / ;",
        "DROP TABLE articles;",
        "a" * 1_999,
        "\u0301\u0301",
        "漢字 テスト",
    ],
)
def test_hostile_queries_never_raise_database_errors(harbour: Store, query: str) -> None:
    try:
        found = harbour.select(query=query)
    except UsageError:
        return
    assert isinstance(found, list)
    assert harbour.count() == 4


@pytest.mark.parametrize("query", ["", "   ", '""', "*", "()", "?!", "x" * 2_001, " ".join(["w"] * 65)])
def test_queries_with_nothing_to_search_are_usage_errors(harbour: Store, query: str) -> None:
    with pytest.raises(UsageError):
        harbour.select(query=query)


def test_sql_in_a_query_is_only_words(harbour: Store) -> None:
    assert harbour.select(query="'; DROP TABLE articles; --") == []
    assert harbour.count() == 4


# --- dates, order and limits --------------------------------------------------------------------------------


def test_results_are_ordered_by_date_then_id_with_undated_last(harbour: Store) -> None:
    dates = [article.published for article in harbour.select()]
    assert dates == [dt.date(2030, 5, 1), dt.date(2030, 5, 2), dt.date(2030, 5, 3), None]


def test_same_date_ties_are_broken_by_id(store: Store) -> None:
    day = dt.date(2029, 1, 1)
    batch = [make_article(f"Same day story {n}.", published=day) for n in range(6)]
    store.add(batch)
    assert [a.id for a in store.select()] == sorted(a.id for a in batch)


def test_since_and_until_are_inclusive_and_drop_undated(harbour: Store) -> None:
    assert titles(harbour.select(since=dt.date(2030, 5, 2))) == ["Wage deal", "Quota cut"]
    assert titles(harbour.select(until=dt.date(2030, 5, 2))) == ["Union says no", "Wage deal"]
    both = harbour.select(since=dt.date(2030, 5, 2), until=dt.date(2030, 5, 2))
    assert titles(both) == ["Wage deal"]
    assert harbour.select(since=dt.date(2031, 1, 1)) == []


def test_dates_and_query_combine(harbour: Store) -> None:
    assert titles(harbour.select(query="offer", since=dt.date(2030, 5, 2))) == ["Wage deal"]
    assert harbour.select(query="storm", since=dt.date(2000, 1, 1)) == []


def test_extreme_dates_are_fine(store: Store) -> None:
    store.add(
        [make_article("Ancient.", published=dt.date(1, 1, 1)), make_article("Far.", published=dt.date.max)]
    )
    assert len(store.select(since=dt.date.min, until=dt.date.max)) == 2
    assert [a.text for a in store.select(since=dt.date(9999, 12, 31))] == ["Far."]


def test_since_after_until_is_a_usage_error(harbour: Store) -> None:
    with pytest.raises(UsageError, match="after"):
        harbour.select(since=dt.date(2030, 5, 3), until=dt.date(2030, 5, 1))


def test_limit(harbour: Store) -> None:
    assert titles(harbour.select(limit=2)) == ["Union says no", "Wage deal"]
    assert harbour.select(limit=0) == []
    assert len(harbour.select(limit=10**30)) == 4
    with pytest.raises(UsageError, match="negative"):
        harbour.select(limit=-1)


# --- determinism and failures -------------------------------------------------------------------------------


# --- only the SQLite store ----------------------------------------------------------------------------------


def test_the_same_adds_give_the_same_database(tmp_path: Path) -> None:
    batch = [
        full_article(),
        *(make_article(f"Repeatable story {n}.", published=dt.date(2030, 1, n)) for n in (1, 2)),
    ]
    dumps = []
    for name in ("one.db", "two.db"):
        with open_store(tmp_path / name) as opened:
            opened.add(batch)
        with sqlite3.connect(tmp_path / name) as connection:
            dumps.append("\n".join(connection.iterdump()))
    assert dumps[0] == dumps[1]


def test_an_sqlite_without_fts5_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_module, "_FTS_PROBE", "CREATE VIRTUAL TABLE temp.probe USING no_such_fts(x)")
    with pytest.raises(StoreError, match="FTS5"):
        open_store(":memory:")


# --- property: any article survives the store ---------------------------------------------------------------

_JSON_LEAVES = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
)
_JSON = st.recursive(
    _JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(max_size=120))
    spans = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(
        lambda ends: Span(*sorted(ends))
    )
    optional_text = st.none() | st.text(max_size=30)
    return Article(
        id=article_id(text),
        source=draw(st.text(max_size=40)),
        text=text,
        title=draw(optional_text),
        outlet=draw(optional_text),
        url=draw(optional_text),
        published=draw(st.none() | st.dates()),
        published_inferred=draw(st.booleans()),
        dateline=draw(optional_text),
        duplicate_of=draw(st.none() | st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)),
        paragraphs=tuple(draw(st.lists(spans, max_size=3))),
        sentences=tuple(draw(st.lists(spans, max_size=4))),
        stripped=tuple(
            draw(
                st.lists(
                    st.builds(Stripped, st.text(max_size=8), st.text(max_size=20), st.text()), max_size=2
                )
            )
        ),
        metadata=draw(st.dictionaries(st.text(max_size=8), _JSON, max_size=4)),
    )


@pytest.mark.parametrize("kind", BACKENDS)
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(articles(), max_size=4))
def test_any_article_reads_back_equal(
    kind: str, request: pytest.FixtureRequest, batch: list[Article]
) -> None:
    first_of: dict[str, Article] = {}
    for article in batch:
        first_of.setdefault(article.id, article)
    # A new store for every example: a new schema on the session's server for PostgreSQL.
    location = request.getfixturevalue("pg_cluster").fresh_url() if kind == "postgresql" else ":memory:"
    with open_store(location) as opened:
        result = opened.add(batch)
        assert result.added == tuple(first_of)
        assert len(result.added) + len(result.unchanged) == len(batch)
        assert opened.count() == len(first_of)
        for article_id_, first in first_of.items():
            assert opened.get(article_id_) == first
        in_order = sorted(
            first_of.values(), key=lambda a: (a.published is None, a.published or dt.date.min, a.id)
        )
        assert opened.select() == in_order


def test_a_locked_database_is_a_store_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_module, "BUSY_TIMEOUT_MS", 20)
    path = tmp_path / "news.db"
    article = make_article("Written once the other writer is done.")
    with SqliteStore(path, write_wait_s=0.1) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match=r"locked.*waited .* for another writer") as raised:
            store.add([article])
        assert str(path) in str(raised.value)
        other.execute("ROLLBACK")
        other.close()
        assert store.add([article]).added == (article.id,)
