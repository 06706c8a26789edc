"""Tests for near-duplicate (syndication) detection."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from dossier.article import Article, article_id
from dossier.dedup import containment, mark_duplicates, shingle_hashes

FIXTURES = Path(__file__).parent / "fixtures" / "dedup"
MONDAY = dt.date(2026, 2, 9)
TUESDAY = dt.date(2026, 2, 10)
WEDNESDAY = dt.date(2026, 2, 11)


def fixture_text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def make_article(text: str, *, source: str = "test", published: dt.date | None = None) -> Article:
    return Article(id=article_id(text), source=source, text=text, published=published)


def first_paragraphs(article: Article, count: int = 3) -> Article:
    """A copy that keeps only the opening paragraphs, as a trimmed syndication would."""
    return make_article("\n\n".join(article.text.split("\n\n")[:count]), published=TUESDAY)


def marks(articles: tuple[Article, ...]) -> list[str | None]:
    return [article.duplicate_of for article in articles]


@pytest.fixture
def original() -> Article:
    return make_article(fixture_text("original"), source="original.txt", published=MONDAY)


@pytest.fixture
def syndicated() -> Article:
    return make_article(fixture_text("syndicated"), source="syndicated.txt", published=TUESDAY)


# --- what counts as a copy --------------------------------------------------------------------------


def test_syndicated_copy_with_tail_points_to_original(original: Article, syndicated: Article) -> None:
    result = mark_duplicates([original, syndicated])
    assert marks(result) == [None, original.id]


def test_unrelated_articles_are_not_duplicates(original: Article) -> None:
    unrelated = make_article(fixture_text("unrelated"), published=TUESDAY)
    assert marks(mark_duplicates([original, unrelated])) == [None, None]


def test_independent_report_sharing_quotes_is_not_a_duplicate(original: Article) -> None:
    # Same event, same three quotes, different prose: a second source, not a copy.
    independent = make_article(fixture_text("independent"), published=TUESDAY)
    assert "Tonight we stopped arguing" in independent.text
    assert marks(mark_duplicates([original, independent])) == [None, None]


def test_case_punctuation_and_quote_style_do_not_hide_a_copy(original: Article) -> None:
    shouted = original.text.upper().replace('"', "“").replace(",", " ;")
    copy = make_article(shouted, published=TUESDAY)
    assert marks(mark_duplicates([original, copy])) == [None, original.id]


def test_trimmed_copy_is_found_through_containment(original: Article) -> None:
    # The opening paragraphs share every shingle with the whole article, though Jaccard would be low.
    assert marks(mark_duplicates([original, first_paragraphs(original)])) == [None, original.id]


def test_copies_in_another_script_are_found() -> None:
    text = (
        "Η βουλή ψήφισε χθες τον νέο νόμο για τα λιμάνια της χώρας. Ο υπουργός είπε ότι τα έργα θα "
        "ξεκινήσουν το φθινόπωρο και ότι οι αλιείς θα λάβουν αποζημίωση για τις καθυστερήσεις. Η "
        "αντιπολίτευση ζήτησε να δημοσιευτεί ολόκληρος ο προϋπολογισμός πριν από την έναρξη των εργασιών."
    )
    first = make_article(text, published=MONDAY)
    second = make_article(text + "\n\nΠηγή: πρακτορείο ειδήσεων.", published=TUESDAY)
    assert marks(mark_duplicates([first, second])) == [None, first.id]


# --- which one is the original ----------------------------------------------------------------------


def test_earliest_published_is_the_original_whatever_the_input_order(
    original: Article, syndicated: Article
) -> None:
    result = mark_duplicates([syndicated, original])
    assert marks(result) == [original.id, None]
    assert [article.source for article in result] == ["syndicated.txt", "original.txt"]


def test_copy_published_first_counts_as_the_original(original: Article, syndicated: Article) -> None:
    early_copy = dataclasses.replace(syndicated, published=MONDAY)
    late_original = dataclasses.replace(original, published=WEDNESDAY)
    assert marks(mark_duplicates([late_original, early_copy])) == [early_copy.id, None]


def test_undated_articles_come_after_dated_ones(original: Article, syndicated: Article) -> None:
    undated_original = dataclasses.replace(original, published=None)
    assert marks(mark_duplicates([undated_original, syndicated])) == [syndicated.id, None]


def test_input_order_breaks_ties_between_undated_articles(original: Article, syndicated: Article) -> None:
    first, second = (dataclasses.replace(a, published=None) for a in (syndicated, original))
    assert marks(mark_duplicates([first, second])) == [None, first.id]


def test_same_date_ties_are_broken_by_input_order(original: Article, syndicated: Article) -> None:
    same_day = dataclasses.replace(syndicated, published=MONDAY)
    assert marks(mark_duplicates([same_day, original])) == [None, same_day.id]


def test_every_member_of_a_group_points_to_the_earliest(original: Article, syndicated: Article) -> None:
    third = make_article(
        syndicated.text + "\n\nCorrection: an earlier version misspelled a name.", published=WEDNESDAY
    )
    result = mark_duplicates([third, syndicated, original])
    assert marks(result) == [original.id, original.id, None]


def test_separate_groups_stay_separate(original: Article, syndicated: Article) -> None:
    festival = make_article(fixture_text("unrelated"), published=MONDAY)
    festival_copy = make_article(festival.text + "\n\nPhotos: festival committee.", published=TUESDAY)
    result = mark_duplicates([original, festival, syndicated, festival_copy])
    assert marks(result) == [None, None, original.id, festival.id]


# --- parameters -------------------------------------------------------------------------------------


def test_threshold_one_needs_full_containment(original: Article, syndicated: Article) -> None:
    assert marks(mark_duplicates([original, syndicated], threshold=1.0)) == [None, None]
    assert marks(mark_duplicates([original, first_paragraphs(original)], threshold=1.0)) == [
        None,
        original.id,
    ]


def test_low_threshold_catches_loose_copies(original: Article) -> None:
    independent = make_article(fixture_text("independent"), published=TUESDAY)
    assert marks(mark_duplicates([original, independent], threshold=0.05, shingle=3)) == [None, original.id]


@pytest.mark.parametrize("threshold", [0, -0.5, 1.01, float("nan"), float("inf"), True, "0.8"])
def test_bad_threshold_is_refused_with_a_clear_message(original: Article, threshold: object) -> None:
    with pytest.raises(ValueError, match="threshold"):
        mark_duplicates([original], threshold=threshold)  # type: ignore[arg-type]


@pytest.mark.parametrize("shingle", [0, -3, 2.5, True, "5"])
def test_bad_shingle_is_refused_with_a_clear_message(original: Article, shingle: object) -> None:
    with pytest.raises(ValueError, match="shingle"):
        mark_duplicates([original], shingle=shingle)  # type: ignore[arg-type]


# --- robustness -------------------------------------------------------------------------------------


def test_no_articles_gives_no_articles() -> None:
    assert mark_duplicates([]) == ()


def test_articles_shorter_than_a_shingle_are_never_duplicates() -> None:
    short = [make_article(text, published=MONDAY) for text in ("Council says yes", "Council says yes!", "")]
    assert marks(mark_duplicates(short)) == [None, None, None]


def test_exact_copies_with_the_same_id_are_not_marked_as_copies_of_themselves(
    original: Article, syndicated: Article
) -> None:
    again = dataclasses.replace(original, source="again.txt")
    result = mark_duplicates([original, again, syndicated])
    assert marks(result) == [None, None, original.id]


def test_an_earlier_stages_mark_is_kept(original: Article, syndicated: Article) -> None:
    premarked = dataclasses.replace(syndicated, duplicate_of="feedfacefeedface")
    assert marks(mark_duplicates([original, premarked])) == [None, "feedfacefeedface"]


def test_output_is_the_input_when_nothing_is_marked(original: Article) -> None:
    unrelated = make_article(fixture_text("unrelated"))
    result = mark_duplicates([original, unrelated])
    assert result == (original, unrelated)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t  ",
        "!!! ... ??? — “” ''",
        "\x00\x01\x02 binary \ufffd\ufffd junk \x7f" * 50,
        "a" * 200_000,
        "unbalanced “quote and (paren [bracket " * 100,
    ],
)
def test_hostile_text_does_not_crash(original: Article, text: str) -> None:
    hostile = make_article(text, published=TUESDAY)
    result = mark_duplicates([original, hostile])
    assert result[0].duplicate_of is None
    assert len(result) == 2


def test_gigantic_repetitive_articles_are_handled() -> None:
    # 200,000 words that repeat one sentence: few distinct shingles, so this stays cheap.
    sentence = "the ministers met again and said nothing new today. "
    first = make_article(sentence * 20_000, published=MONDAY)
    second = make_article(sentence * 19_000 + "Filed late.", published=TUESDAY)
    assert marks(mark_duplicates([first, second])) == [None, first.id]


def test_many_exact_copies_cost_one_comparison(original: Article) -> None:
    copies = [dataclasses.replace(original, source=f"copy-{n}.txt") for n in range(500)]
    result = mark_duplicates(copies)
    assert all(article.duplicate_of is None for article in result)


# --- determinism and the building blocks -------------------------------------------------------------


def test_same_input_gives_the_same_output(original: Article, syndicated: Article) -> None:
    articles = [syndicated, make_article(fixture_text("independent")), original]
    assert mark_duplicates(articles) == mark_duplicates(list(articles))


def test_shingle_hashes_do_not_depend_on_python_hash_seed() -> None:
    # Pinned: a changed hash function would silently change which articles match across versions.
    assert shingle_hashes("The quick, brown fox — jumps!") == frozenset({11033456989573087361})


def test_shingle_count_and_empty_text() -> None:
    assert len(shingle_hashes("one two three four five six", 5)) == 2
    assert shingle_hashes("one two three four", 5) == frozenset()
    assert len(shingle_hashes("x x x x x x x x", 2)) == 1


def test_containment_uses_the_smaller_set() -> None:
    small, large = frozenset({1, 2}), frozenset({1, 2, 3, 4})
    assert containment(small, large) == containment(large, small) == 1.0
    assert containment(frozenset(), large) == 0.0
    assert containment(frozenset({1, 9}), large) == 0.5
