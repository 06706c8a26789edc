from __future__ import annotations

import datetime as dt

from dossier.article import Article
from dossier.stories.features import (
    article_title,
    entity_terms,
    features_of,
    figure_terms,
    header_year,
    is_dateline,
    stem,
    stems,
)
from stories.newsroom import make_article


def test_names_are_runs_of_capitalised_words_kept_whole_and_word_by_word() -> None:
    terms = entity_terms("The mayor of Tolmir, Ruben Alcaso, met the Bank of Kessel on Monday.")
    assert "ruben alcaso" in terms and "alcaso" in terms
    assert "bank of kessel" in terms and "kessel" in terms
    assert "the" not in terms and "monday" not in terms


def test_a_possessive_folds_into_the_name() -> None:
    assert "varna" in entity_terms("Varna's harbour reopened.")


def test_stems_fold_plurals_and_tenses_and_drop_function_words() -> None:
    assert stem("arrests") == stem("arrested") == "arrest"
    assert stems("The rescuers were searching") == ["rescuer", "search"]


def test_figures_mark_years() -> None:
    assert figure_terms("In 2019 the 6.8 quake cut 1,200 lines") == ["year:2019", "6.8", "1200"]


def test_the_year_is_read_from_the_opening_lines_only() -> None:
    assert header_year("Headline\nMarch 3, 2014 | 10:00\nBody mentions 1999.") == 2014
    assert header_year("Headline\nno date\nstill none\nfinally 2001") is None


def test_an_empty_or_one_line_article_is_thin() -> None:
    one_line = make_article("Short", "", source="a.txt")
    assert features_of(one_line).thin
    full = make_article(
        "Varna quake",
        "A strong earthquake struck the harbour district today.\n"
        "Rescue teams searched warehouses and cranes for missing dock workers overnight.",
        source="b.txt",
    )
    assert not features_of(full).thin


def test_a_published_date_gives_the_year() -> None:
    article = make_article("Quake", "Text\nmore text", source="a.txt", published=dt.date(2021, 5, 1))
    assert features_of(article).year == 2021


def test_single_letters_are_no_names() -> None:
    terms = entity_terms("The U.S. envoy met J. Varga in Tolmir.")
    assert "u" not in terms and "s" not in terms and "j" not in terms
    assert "varga" in terms and "tolmir" in terms


def test_a_dateline_above_the_text_is_no_headline() -> None:
    text = "Posted 04 / 02 / 2031 at 9: 15 AM GMT\nKessel harbour warehouse burns overnight\nCrews came."
    article = Article(id="a1", source="a.txt", text=text)
    assert article_title(article) == "Kessel harbour warehouse burns overnight"
    assert is_dateline("Last updated: Tuesday, 4 February 2031, 09:15 GMT")
    assert not is_dateline("Kessel harbour fire of 4 February 2031 kills two")
