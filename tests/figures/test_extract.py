"""Tests for dossier.figures.extract: each kind of figure, qualifiers, what it measures, hostile input."""

from __future__ import annotations

import pytest

from dossier.figures import Measure, extract_measures, qualifier_of


def only(text: str) -> Measure:
    found = extract_measures(text)
    assert len(found) == 1, found
    return found[0]


def span_text(text: str, measure: Measure) -> str:
    return text[measure.start : measure.end]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        ("Parliament passed a $95 billion aid package.", "$95 billion", 95e9, "USD"),
        ("It holds 8 billion dollars in reserve.", "8 billion dollars", 8e9, "USD"),
        ("The club paid $1.5m for the striker.", "$1.5m", 1.5e6, "USD"),
        ("Brussels pledged €20 million to the port.", "€20 million", 20e6, "EUR"),
        ("Prices rose 12% in a year.", "12%", 12.0, "percent"),
        ("Turnout was 40 percent lower.", "40 percent", 40.0, "percent"),
    ],
)
def test_money_and_percentages(text: str, figure: str, value: float, unit: str) -> None:
    measure = only(text)
    assert span_text(text, measure) == figure
    assert (measure.value, measure.unit) == (value, unit)


def test_money_records_the_noun_phrase_it_measures() -> None:
    text = "Parliament passed a $95 billion foreign aid package on Tuesday."
    assert only(text).about == "foreign aid package"
    assert only("They set up a joint fund of 240 million dollars.").about == "fund"


def test_counts_with_qualifiers() -> None:
    text = "There are more than 290,000 students abroad but fewer than 900 teachers."
    first, second = extract_measures(text)
    assert span_text(text, first) == "more than 290,000 students"
    assert (first.value, first.unit, first.qualifier, first.about) == (
        290_000,
        "students",
        "more than",
        "students",
    )
    assert (second.value, second.unit, second.qualifier) == (900, "teachers", "fewer than")


def test_a_thousands_group_after_a_comma_and_space_is_one_number() -> None:
    text = "Roughly 45, 000 fans filled the harbour stadium."
    measure = only(text)
    assert (measure.value, measure.unit, span_text(text, measure)) == (
        45000.0,
        "fans",
        "Roughly 45, 000 fans",
    )
    assert only("The fund lost 2, 000, 000 dollars.").value == 2e6


def test_a_number_with_leading_zeros_measures_nothing() -> None:
    # A code, a clock, or the tail of a split group: never a count of zero.
    assert extract_measures("Flight 0071 carried crates at 0630 hours.") == ()
    assert [m.value for m in extract_measures("Wards 3, 450 and 7 reopened for 12 patients.")] == [12.0]


def test_spelled_out_counts_need_a_size_or_a_qualifier() -> None:
    measure = only("Officials listed more than a hundred shell companies.")
    assert (measure.value, measure.unit, measure.qualifier) == (100, "companies", "more than")
    assert only("Police detained two dozen protesters.").value == 24
    assert extract_measures("The two sides met again.") == ()


def test_durations_in_adjective_and_noun_form() -> None:
    trip = only("She begins a four-day trip to the coast.")
    assert (trip.value, trip.unit, trip.about) == (4, "day", "trip")
    text = "They held about five and a half hours of talks."
    talks = only(text)
    assert span_text(text, talks) == "about five and a half hours of talks"
    assert (talks.value, talks.unit, talks.qualifier, talks.about) == (5.5, "hour", "about", "talks")


def test_ages_and_age_ranges() -> None:
    text = "Men aged 18 to 45 were called up, and a 52-year-old was hurt."
    aged, adjective = extract_measures(text)
    assert (aged.value, aged.high, aged.unit) == (18, 45, "age")
    assert span_text(text, aged) == "aged 18 to 45"
    assert (adjective.value, adjective.unit) == (52, "year-old")
    between = only("It kills people between the ages of 18 and 45.")
    assert (between.value, between.high) == (18, 45)
    named = only("The mayor, Ada Quenn, 47, voted last.")
    assert (named.value, named.unit) == (47, "age")


def test_rates_are_part_of_the_unit() -> None:
    measure = only("Fewer than 200 trucks a day cross the bridge.")
    assert measure.unit == "trucks per day"


def test_years_dates_and_times_are_not_figures() -> None:
    assert extract_measures("The 2024 elections were held on March 5, 2025 at 9:05 AM.") == ()
    assert extract_measures("It opened on 13 March and closed in 1998 floods.") == ()


def test_part_of_a_word_is_not_a_number() -> None:
    assert extract_measures("The G7 met during the COVID-19 pandemic.") == ()


def test_ambiguous_number_format_is_not_reported_as_a_value() -> None:
    found = extract_measures("A figure of 1.000,5 tonnes was quoted.")
    assert all(measure.value not in (1.0005, 1000.5, 1.0, 1000.0) for measure in found)


def test_five_hundred_digit_number_is_not_reported() -> None:
    text = "Serial " + "7" * 500 + " units were lost, and 12% more."
    found = extract_measures(text)
    assert [span_text(text, measure) for measure in found] == ["12%"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x02 $ % 1,,,,,,, 2....... -----",
        "$" * 10_000,
        "1," * 20_000,
        "more than " * 5_000,
        "five and " * 5_000 + "a half hours",
        "\ufffd" * 1000 + "€",
    ],
)
def test_hostile_input_never_crashes(text: str) -> None:
    for measure in extract_measures(text):
        assert 0 <= measure.start < measure.end <= len(text)


def test_same_input_same_output() -> None:
    text = "Roughly 40 percent of the 3,000 families got $2m, a three-day visit later."
    assert extract_measures(text) == extract_measures(text)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("more than 3,000 farming families", "more than"),
        ("Roughly 40 percent", "about"),
        ("$240 million", None),
    ],
)
def test_qualifier_is_derivable_from_the_figure_text(text: str, qualifier: str | None) -> None:
    assert qualifier_of(text) == qualifier


def test_count_ranges_are_one_figure() -> None:
    text = "They want between 200 and 300 inspectors hired."
    measure = only(text)
    assert span_text(text, measure) == "between 200 and 300 inspectors"
    assert (measure.value, measure.high, measure.unit) == (200, 300, "inspectors")


def test_an_article_before_a_unit_is_one_only_after_a_qualifier() -> None:
    text = "It was his second trip in less than a year."
    measure = only(text)
    assert span_text(text, measure) == "less than a year"
    assert (measure.value, measure.unit, measure.qualifier) == (1, "year", "fewer than")
    assert extract_measures("They meet twice a day and rest a year later.") == ()
    assert only("The vote took about an hour.").value == 1


@pytest.mark.parametrize(
    "text",
    [
        "Updated 2224 GMT (0624 HKT) March 10, 2026",
        "Posted at 0915 residents gathered",  # a stamp's clock time runs into the next line
        "Last updated 1130 ET. Crews",
        "read more at example.org/2224/ballots",
    ],
)
def test_time_stamps_and_paths_are_not_figures(text: str) -> None:
    assert extract_measures(text) == ()


def test_four_digit_counts_that_are_no_clock_still_count() -> None:
    (measure,) = extract_measures("The county counted 2224 ballots by hand.")
    assert (measure.value, measure.unit) == (2224.0, "ballots")
