"""Corroboration: the same fact in other words is cited; a different fact on the same topic is not."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from dossier.analysis import Analysis, AnalyzerKey
from dossier.article import Article
from dossier.briefing import Citation
from dossier.figures import extract_measures
from dossier.issues.corroborate import FactKey, FactMatcher
from dossier.issues.pool import Candidate
from dossier.issues.select import Budget, mmr
from dossier.issues.similarity import Thresholds
from dossier.story import Story
from dossier.timex import TimeValue, resolve_article

LIMITS = Thresholds(same=0.88, related=0.63, corroborate=0.55)


def matcher(texts: list[str], cosine: float) -> FactMatcher:
    """A matcher whose every pair of sentences has the given cosine (1 on the diagonal).

    Each text's figures are extracted from it here, as the analysis would find them.
    """
    similarity = np.full((len(texts), len(texts)), cosine, dtype=np.float32)
    np.fill_diagonal(similarity, 1.0)
    return FactMatcher(texts, similarity, LIMITS, [extract_measures(text) for text in texts])


def test_fact_keys_hold_names_figures_and_content_words() -> None:
    text = "Harbour Lines cancelled 14 crossings to Orn on Monday, the operator said."
    key = FactKey.of(text, extract_measures(text))
    assert key.names == frozenset({"lines", "orn"})  # the first word names nothing by itself
    assert key.figures == ((("crossings", "crossing"), frozenset({14.0})),)
    assert "crossing" in key.words and "said" not in key.words
    assert "orn" not in key.terms


def test_a_rewording_with_the_same_names_and_numbers_reports_the_same_fact() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "On Monday 14 crossings to Orn were cancelled by Harbour Lines, stranding islanders.",
    ]
    assert matcher(texts, 0.6).reporting(0) == [1]


def test_the_same_topic_with_other_numbers_is_another_fact() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "The ferry operator Harbour Lines cancelled 9 crossings to Orn on Monday.",
    ]
    assert matcher(texts, 0.95).reporting(0) == []


def test_figures_of_different_things_do_not_clash() -> None:
    texts = [
        "Harbour Lines cancelled 14 crossings to Orn on Monday as the storm closed in.",
        "Harbour Lines cancelled crossings to Orn on Monday, stranding 300 passengers.",
    ]
    assert matcher(texts, 0.6).reporting(0) == [1]
    # Printed numbers are not figures unless the analysis found them: a time of day clashes with nothing.
    timed = [
        "Harbour Lines cancelled 14 crossings to Orn at 9:40 on Monday.",
        "On Monday 14 crossings to Orn were cancelled by Harbour Lines.",
    ]
    assert matcher(timed, 0.6).reporting(0) == [1]


def test_the_same_thing_said_of_a_shared_name_is_one_fact_however_long_the_sentences() -> None:
    texts = [
        "Marta Quill, who taught at the island school for three decades until the regional board closed its "
        "doors last spring, retired.",
        "After a long career that began in a one-room hut on the windy northern coast and took her to the "
        "capital, Marta Quill retired from the school.",
    ]
    # The shared name and two words said of it ("retired", "school") are too few of either
    # sentence's words for the overlap rule; close meaning and the shared subject carry it.
    assert matcher(texts, 0.7).reporting(0) == [1]
    assert matcher(texts, 0.6).reporting(0) == []  # not close enough in meaning
    other_name = [texts[0], texts[1].replace("Marta Quill", "Oskar Brell")]
    assert matcher(other_name, 0.7).reporting(0) == []


def test_other_names_or_too_few_shared_words_are_another_fact() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "Tarn Shipping cancelled crossings to Brell after the storm.",
        "Islanders waited on the quay for news.",
    ]
    found = matcher(texts, 0.6)
    assert found.reporting(0) == []
    assert not found.same_fact(0, 2)


def test_a_low_cosine_never_corroborates_whatever_the_words() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "Harbour Lines cancelled 14 crossings to Orn on Monday.",
    ]
    assert matcher(texts, 0.3).reporting(0) == []
    assert matcher(texts, 0.9).reporting(0) == [1]


def test_mentions_are_looser_than_the_same_fact() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "Harbour Lines says the cancelled crossings will resume once the swell drops.",
        "The bakery on Orn closed early because its flour never came.",
    ]
    found = matcher(texts, 0.2)
    assert found.mentions(0, 1)  # the same name, and words said of it
    assert not found.mentions(2, 0)  # a place in common is not a fact in common
    others = np.array([False, True, True])
    assert found.mentioned_among(0, others)
    assert not found.mentioned_among(2, np.array([True, True, False]))


def test_a_shared_clock_time_and_one_word_is_a_mention() -> None:
    texts = [
        "A neighbour phoned in the blaze at 4:17 a.m., officials said.",
        "The blaze was called in at 4: 17 a. m. and crews stayed until noon.",
        "The blaze destroyed a barn, and the owner was away.",
    ]
    found = matcher(texts, 0.2)
    assert found.mentions(0, 1)  # "blaze" and the same minute, written two ways
    assert not found.mentions(0, 2)  # "blaze" alone is the topic, not this fact


def test_a_number_written_as_an_ordinal_is_the_same_value() -> None:
    texts = [
        "The champion lasted 12 rounds in their 2011 bout.",
        "He was stopped in the 12th of their bouts.",
        "Their bouts drew big crowds.",
    ]
    found = matcher(texts, 0.2)
    assert found.mentions(0, 1)
    assert not found.mentions(0, 2)


def test_two_shared_values_outweigh_names_that_differ() -> None:
    texts = [
        "In 2011 the Canadian lasted 12 rounds before the bout was stopped.",
        "Okafor stopped Lindqvist in the 12th round back in 2011.",
        "Okafor stopped Lindqvist in the 12th round.",
    ]
    found = matcher(texts, 0.2)
    assert found.mentions(0, 1)  # "round", 12 and 2011, though one calls the man by his country
    assert not found.mentions(0, 2)  # one value and other names: not enough


def test_small_numbers_and_values_alone_are_no_mention() -> None:
    texts = [
        "Two of the 3 climbers reached the summit at 11 a.m.",
        "The 3 inspectors left the depot before 11 a.m.",
    ]
    assert not matcher(texts, 0.2).mentions(0, 1)  # no content word in common besides the values
    keys = [FactKey.of(text) for text in texts]
    assert keys[0].values == frozenset({"clock 11:00"})  # a single digit is too common to tell a fact by


def test_a_score_is_one_value_and_a_number_inside_a_name_is_none() -> None:
    keys = [
        FactKey.of("The Harbour 88s took the final with a 27-14 win on Sunday."),
        FactKey.of("A 27 - 14 result sent the 88s through, their 14th win."),
        FactKey.of("They led 14-3 at the half after 27 minutes."),
    ]
    assert keys[0].values == frozenset({"pair 27-14"})  # "88s" names a team, counts nothing
    assert keys[0].values & keys[1].values == frozenset({"pair 27-14"})  # the same score, spaced or not
    assert not keys[0].values & keys[2].values  # another score, though it holds a 14 and a 27 besides
    assert FactKey.of("the KB24-116 update").values == frozenset()  # a code, not a number


def test_mmr_refuses_a_candidate_that_repeats_a_picked_fact() -> None:
    texts = [
        "The ferry operator Harbour Lines cancelled 14 crossings to Orn on Monday.",
        "On Monday 14 crossings to Orn were cancelled by Harbour Lines.",
        "The bakery on Orn closed early because its flour never came.",
    ]
    candidates = [
        Candidate(text, (Citation(f"a{n}", 0, len(text)),), n, 0, 10, True) for n, text in enumerate(texts)
    ]
    similarity = np.array([[1.0, 0.6, 0.1], [0.6, 1.0, 0.1], [0.1, 0.1, 1.0]], dtype=np.float32)
    found = FactMatcher(texts, similarity, LIMITS, [extract_measures(text) for text in texts])
    scores = np.array([1.0, 0.9, 0.2])
    assert mmr(candidates, scores, similarity, Budget(sentences=2)) == [0, 1]
    assert mmr(candidates, scores, similarity, Budget(sentences=2), repeats=found.same_fact) == [0, 2]


def test_two_meetings_at_different_times_are_two_facts_however_alike_the_words() -> None:
    texts = [
        "The ministers of Orvik and Lisk met in Valda on Friday to talk about the river.",
        "The ministers of Orvik and Lisk met in Valda last November to talk about the river.",
    ]
    friday, november = TimeValue.day(dt.date(2024, 3, 8)), TimeValue.month(2023, 11)
    similarity = np.array([[1.0, 0.95], [0.95, 1.0]], dtype=np.float32)

    def reporting(times: list[list[TimeValue]]) -> list[int]:
        return FactMatcher(texts, similarity, LIMITS, [(), ()], times=times).reporting(0)

    assert reporting([[friday], [november]]) == []
    assert reporting([[friday], [friday]]) == [1]
    assert reporting([[friday], []]) == [1]  # a sentence that names no time cannot disagree on one
    # Days a few apart are no disagreement: a weekday resolved against an inferred date can be off.
    assert reporting([[friday], [TimeValue.day(dt.date(2024, 3, 4))]]) == [1]
    # A time that holds the other is no disagreement: "in March" and "on Friday, March 8".
    assert reporting([[friday], [TimeValue.month(2024, 3)]]) == [1]
    # A bare year is background more often than the event's date ("the worst since 2009").
    assert reporting([[friday], [TimeValue.year(2009)]]) == [1]
    # Nor is a background time beside the event's own: one overlap is enough.
    assert reporting([[TimeValue.year(2012), friday], [friday]]) == [1]


def test_times_are_resolved_against_the_date_the_story_now_gives_each_article() -> None:
    # The analysis read both articles before their dates were known (inferred later from the story):
    # "last November" and "on Friday" only clash once each is resolved against its article's date.
    texts = [
        "The ministers of Orvik and Lisk met in Valda on Friday to talk about the river.",
        "The ministers of Orvik and Lisk met in Valda last November to talk about the river.",
    ]
    articles, analyses, candidates = [], {}, []
    for n, text in enumerate(texts):
        article = Article(id=f"a{n}", source=f"a{n}.txt", text=text, published=dt.date(2024, 3, 9))
        times = resolve_article(text, (), None)
        assert times and all(time.value is None for time in times)
        articles.append(article)
        analyses[article.id] = Analysis(
            article_id=article.id, key=AnalyzerKey("test", "none", "0"), times=times
        )
        candidates.append(Candidate(text, (Citation(article.id, 0, len(text)),), n, 0, 15, True))
    story = Story(articles=tuple(articles), analyses=analyses)
    similarity = np.array([[1.0, 0.95], [0.95, 1.0]], dtype=np.float32)
    assert FactMatcher.over(candidates, story, similarity, LIMITS).reporting(0) == []
    undated = Story(
        articles=tuple(dataclasses.replace(a, published=None) for a in articles), analyses=analyses
    )
    assert FactMatcher.over(candidates, undated, similarity, LIMITS).reporting(0) == [1]


def reporting_in_a_story(texts: list[str], published: dt.date) -> list[int]:
    """What reports the first text's fact, each text its own article, times resolved by the analysis."""
    articles, analyses, candidates = [], {}, []
    for n, text in enumerate(texts):
        article = Article(id=f"a{n}", source=f"a{n}.txt", text=text, published=published)
        articles.append(article)
        times = resolve_article(text, (), None)
        analyses[article.id] = Analysis(
            article_id=article.id, key=AnalyzerKey("test", "none", "0"), times=times
        )
        candidates.append(Candidate(text, (Citation(article.id, 0, len(text)),), n, 0, 15, True))
    story = Story(articles=tuple(articles), analyses=analyses)
    similarity = np.full((len(texts), len(texts)), 0.95, dtype=np.float32)
    np.fill_diagonal(similarity, 1.0)
    return FactMatcher.over(candidates, story, similarity, LIMITS).reporting(0)


def test_a_time_that_dates_the_telling_is_no_clash() -> None:
    # One outlet dates when the agency told the news, the other when the vote will be held: one fact.
    told = "Voters in Orvik will choose between two parties for the first time, the agency said last November"
    happened = "Voters in Orvik chose between two parties for the first time last November."
    friday = "Voters in Orvik will choose between two parties for the first time on Friday."
    assert reporting_in_a_story([told + ".", friday], dt.date(2024, 3, 9)) == [1]
    # Without the reporting verb, last November is when it happened: another vote.
    assert reporting_in_a_story([happened, friday], dt.date(2024, 3, 9)) == []
