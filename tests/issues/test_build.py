"""The issues stage on a fictional story: groups, labels, citations, quotes, sides, steering, bad input."""

from __future__ import annotations

import dataclasses
from collections import Counter

from dossier.article import Article
from dossier.briefing import Briefing, Citation, Quote, Speaker
from dossier.embed.tfidf import TfidfEncoder
from dossier.issues import SteeringIssue, find_issues, issues_stage
from dossier.issues.build import MAX_ISSUES, MAX_QUOTES
from dossier.issues.labels import SEPARATOR, occurs_in
from dossier.render.schema import check_offsets, validate

from .stories import by_source, make_article, own_issue_story, story

ENCODER = TfidfEncoder()


def _sentences_of(briefing: Briefing, evidence: tuple[Citation, ...]) -> list[str]:
    return [briefing.article(c.article_id).text[c.start : c.end] for c in evidence]


def test_issues_are_labelled_only_with_words_from_their_own_sentences() -> None:
    briefing = story()
    issues = find_issues(briefing, ENCODER)
    assert 2 <= len(issues) <= MAX_ISSUES
    for issue in issues:
        sentences = _sentences_of(briefing, issue.evidence)
        for part in issue.label.split(SEPARATOR):
            assert occurs_in(part, sentences), (issue.label, part)
        assert issue.keywords == tuple(issue.label.split(SEPARATOR))


def test_a_steered_issue_keeps_the_users_own_name_even_when_no_source_uses_it() -> None:
    steering = (SteeringIssue("Safety of the boats", ("davits", "lifeboats")),)
    issues = find_issues(story(), ENCODER, steering)
    steered = [issue for issue in issues if issue.steered]
    assert [issue.label for issue in steered] == ["Safety of the boats"]
    sentences = _sentences_of(story(), steered[0].evidence)
    assert steered[0].keywords and all(occurs_in(word, sentences) for word in steered[0].keywords)


def test_issue_lines_are_verbatim_and_cite_the_duplicate_copy_too() -> None:
    briefing = story()
    issues = find_issues(briefing, ENCODER)
    copy = by_source(briefing, "03_harbour_wire_copy")
    lines = [line for issue in issues for line in issue.summary]
    assert lines
    for line in lines:
        first = line.citations[0]
        assert briefing.article(first.article_id).text[first.start : first.end] == line.text
        assert first.article_id != copy.id  # a duplicate never leads a line
    assert any(copy.id in issue.article_ids for issue in issues)


def test_pay_and_safety_are_told_apart() -> None:
    briefing = story()
    issues = find_issues(briefing, ENCODER)
    homes: dict[str, set[str]] = {}
    for issue in issues:
        for text in _sentences_of(briefing, issue.evidence):
            if "nine percent" in text:
                homes.setdefault("pay", set()).add(issue.id)
            if "davits" in text or "lifeboat" in text:
                homes.setdefault("safety", set()).add(issue.id)
    assert homes["pay"].isdisjoint(homes["safety"])


def test_same_input_same_issues() -> None:
    assert find_issues(story(), ENCODER) == find_issues(story(), ENCODER)


def test_steering_makes_a_named_issue_with_a_label_found_in_the_text() -> None:
    steering = (SteeringIssue("lifeboats", ("davits", "inspected")), SteeringIssue("submarines"))
    issues = find_issues(story(), ENCODER, steering)
    steered = [issue for issue in issues if issue.steered]
    assert [issue.label for issue in steered] == ["lifeboats"]
    assert "davits" in steered[0].keywords
    assert all("lifeboat" in line.text.casefold() or "davits" in line.text for line in steered[0].summary)


def test_quotes_inside_issue_sentences_are_linked_and_linked_speakers_become_sides() -> None:
    briefing = story()
    island = by_source(briefing, "02_island_times")
    quotes = (
        _quote("q1", island, "We cannot feed our families on promises", "Orla Brennick", "e-brennick"),
        _quote("q2", island, "the most the port can afford this year", "Tomas Elder", "e-elder"),
        _quote("q3", island, "the port can afford this", "Tomas Elder", None),
    )
    briefing = dataclasses.replace(briefing, quotes=quotes)
    issues = find_issues(briefing, ENCODER)
    linked = {q for issue in issues for q in issue.quote_ids}
    assert linked == {"q1", "q2", "q3"}
    for issue in issues:
        sides = {p.side for p in issue.positions}
        if {"q1", "q2"} <= set(issue.quote_ids):
            assert sides == {"Orla Brennick", "Tomas Elder"}
        # A speaker the entities stage did not link is never a side of its own.
        assert all("q3" not in p.quote_ids for p in issue.positions)


def test_scare_quotes_are_not_listed_and_the_list_is_capped() -> None:
    briefing = story()
    island = by_source(briefing, "02_island_times")
    sentence = "The Seafarers Guild rejected an offer of a four percent pay rise"
    words = sentence.split()
    # Many distinct partial quotes of four words and more, plus one-word and two-word scare quotes.
    long_ones = tuple(
        _quote(f"long{n}", island, " ".join(words[n : n + 4]), "Orla Brennick", "e-brennick")
        for n in range(8)
    )
    scare = (
        _quote("scare1", island, "rejected", "Orla Brennick", "e-brennick"),
        _quote("scare2", island, "pay rise", "Orla Brennick", "e-brennick"),
    )
    issues = find_issues(dataclasses.replace(briefing, quotes=long_ones + scare), ENCODER)
    listed = [q for issue in issues for q in issue.quote_ids]
    assert listed
    assert not {"scare1", "scare2"} & set(listed)
    assert all(len(issue.quote_ids) <= MAX_QUOTES for issue in issues)


def _quote(quote_id: str, article: Article, words: str, name: str, entity_id: str | None) -> Quote:
    start = article.text.index(words)
    surname = name.split()[-1]
    at = article.text.index(surname)
    speaker = Speaker(name, entity_id, article.id, at, at + len(surname))
    return Quote(quote_id, article.id, start, start + len(words), words, "partial", speaker, "said", None)


def test_stage_output_passes_the_schema_and_offset_checks() -> None:
    briefing = issues_stage(ENCODER)(story())
    assert briefing.issues
    assert briefing.metadata["encoder"] == "tfidf"
    document = briefing.to_dict()
    validate(document)
    check_offsets(document)


def test_one_article_story() -> None:
    article = make_article(
        "The ferry crews walked out on Friday over pay. The harbour board offered four percent more. "
        "The guild wants nine percent for its deckhands and engineers."
    )
    issues = find_issues(Briefing(articles=(article,)), ENCODER)
    assert len(issues) == 1
    assert issues[0].article_ids == (article.id,)


def test_story_with_no_sentences_has_no_issues() -> None:
    article = make_article("")
    assert find_issues(Briefing(articles=(article,)), ENCODER) == ()


def test_a_thousand_identical_sentences_make_one_small_issue() -> None:
    text = " ".join(["The ferry crews walked out on Friday over their pay."] * 1000)
    issues = find_issues(Briefing(articles=(make_article(text),)), ENCODER)
    assert len(issues) == 1
    assert len(issues[0].summary) == 1
    assert len(issues[0].summary[0].citations) == 1


def test_an_issue_one_outlet_dwells_on_is_found_and_ranked_after_the_shared_ones() -> None:
    briefing = own_issue_story()
    issues = find_issues(briefing, ENCODER)
    gull = by_source(briefing, "gull_post")
    own = [issue for issue in issues if issue.article_ids == (gull.id,)]
    assert len(own) == 1
    assert "night ferry" in own[0].label.casefold()
    shared = [issue for issue in issues if len(issue.article_ids) > 1]
    assert shared and issues.index(own[0]) > max(issues.index(issue) for issue in shared)


def test_no_line_is_shown_under_two_issues_when_they_have_others() -> None:
    issues = find_issues(own_issue_story(), ENCODER)
    lines = [
        (c.article_id, c.start) for issue in issues for line in issue.summary for c in line.citations[:1]
    ]
    assert len(lines) == len(set(lines))
    # The sentence naming both the wage offer and the lifeboat is evidence for both issues.
    evidence = Counter((c.article_id, c.start) for issue in issues for c in issue.evidence)
    assert max(evidence.values()) == 2


def test_a_verb_phrase_never_labels_an_issue() -> None:
    extra = make_article(
        "Union leaders asked the mayor to postpone arbitration until the inquiry ends. "
        "The mayor refused to postpone arbitration, a union leader said on Monday.",
        source="lamp",
        outlet="Evening Lamp",
    )
    briefing = own_issue_story()
    issues = find_issues(dataclasses.replace(briefing, articles=(*briefing.articles, extra)), ENCODER)
    assert issues
    assert all("postpone" not in issue.label for issue in issues)


def test_labels_are_neither_a_lone_nationality_word_nor_cut_on_a_function_word() -> None:
    reports = {
        "north": (
            "The Veldarian coast guard searched the strait for the missing ferry overnight. "
            "It was the worst ferry disaster since the harbour fire, Veldarian officials said. "
            "Veldarian divers reached the hull and recovered the cargo manifest. "
            "Investigators studied the cargo manifest for signs of overloading."
        ),
        "south": (
            "Rescuers from the Veldarian coast guard pulled two survivors from the strait. "
            "Relatives gathered at the Veldarian port after the worst ferry disaster since the fire. "
            "The cargo manifest listed forty trucks, a Veldarian source said. "
            "Veldarian newspapers printed the names of the missing."
        ),
        "east": (
            "The Veldarian coast guard said the search would resume at dawn. "
            "Veldarian mourners laid flowers at the quay on Sunday. "
            "The cargo manifest was handed to Veldarian prosecutors."
        ),
    }
    articles = tuple(make_article(text, source=name, outlet=name.title()) for name, text in reports.items())
    briefing = Briefing(articles=articles)
    issues = find_issues(briefing, ENCODER)
    assert issues
    parts = [part for issue in issues for part in issue.label.split(SEPARATOR)]
    assert "Veldarian" not in parts
    assert not any(part.split()[-1].casefold() in {"since", "the", "than"} for part in parts)
