"""The cited MMR summary: budgets, reading order, every citation, no repeats, hostile input."""

from __future__ import annotations

import importlib.util

import pytest

from dossier.briefing import Briefing
from dossier.embed import get_encoder
from dossier.embed.tfidf import TfidfEncoder
from dossier.issues.pool import word_count
from dossier.summarize import DEFAULT_SENTENCES, summarize_story, summary_stage
from issues.stories import by_source, make_article, reworded_story, story

ENCODER = TfidfEncoder()


def test_default_summary_has_the_default_number_of_verbatim_lines() -> None:
    briefing = story()
    lines = summarize_story(briefing, ENCODER)
    assert len(lines) == DEFAULT_SENTENCES
    for line in lines:
        first = line.citations[0]
        assert briefing.article(first.article_id).text[first.start : first.end] == line.text
        assert not line.text.rstrip('"”').endswith("?")


def test_lines_are_in_reading_order() -> None:
    briefing = story()
    order = {article.id: index for index, article in enumerate(briefing.articles)}
    lines = summarize_story(briefing, ENCODER)
    keys = [(order[line.citations[0].article_id], line.citations[0].start) for line in lines]
    assert keys == sorted(keys)


def test_a_sentence_two_outlets_carry_is_one_line_with_both_citations() -> None:
    briefing = story()
    copy = by_source(briefing, "03_harbour_wire_copy")
    lines = summarize_story(briefing, ENCODER, sentences=8)
    texts = [line.text for line in lines]
    assert len(texts) == len(set(texts))
    assert any(copy.id in {c.article_id for c in line.citations} for line in lines)
    for line in lines:
        cited = [c.article_id for c in line.citations]
        assert len(cited) == len(set(cited))


def test_word_budget_is_respected() -> None:
    lines = summarize_story(story(), ENCODER, words=60)
    assert lines
    assert sum(word_count(line.text) for line in lines) <= 60


def test_stage_records_method_and_encoder() -> None:
    briefing = summary_stage(ENCODER, sentences=5)(story())
    assert len(briefing.summary) == 5
    assert briefing.metadata["summary_method"] == "mmr"
    assert briefing.metadata["encoder"] == "tfidf"


def test_same_input_same_summary() -> None:
    assert summarize_story(story(), ENCODER) == summarize_story(story(), ENCODER)


def test_hostile_stories() -> None:
    assert summarize_story(Briefing(articles=()), ENCODER) == ()
    assert summarize_story(Briefing(articles=(make_article(""),)), ENCODER) == ()
    repeated = make_article(" ".join(["The ferry crews walked out on Friday over their pay."] * 1000))
    lines = summarize_story(Briefing(articles=(repeated,)), ENCODER)
    assert len(lines) == 1
    fragments = make_article("Ferry strike\n\nPay talks")
    assert summarize_story(Briefing(articles=(fragments,)), ENCODER)  # falls back to what there is


def test_absurd_budgets_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        summarize_story(story(), ENCODER, sentences=0)
    with pytest.raises(ValueError, match="at most"):
        summarize_story(story(), ENCODER, sentences=10_000)


@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None, reason="sentence_transformers is not installed"
)
def test_minilm_summary_merges_paraphrases_and_avoids_repeats() -> None:
    briefing = story()
    lines = summarize_story(briefing, get_encoder("minilm"))
    assert len(lines) == DEFAULT_SENTENCES
    assert sum("nine percent" in line.text for line in lines) <= 1


def test_a_fact_each_outlet_words_its_own_way_cites_every_outlet() -> None:
    briefing = reworded_story()
    lines = summarize_story(briefing, get_encoder("static"), sentences=6)
    outlets = {a.id: a.outlet for a in briefing.articles}
    crossings = [line for line in lines if "14" in line.text]
    assert len(crossings) == 1  # one fact, one line, however many outlets word it
    for line in crossings:
        assert {outlets[c.article_id] for c in line.citations} == {"Quay Daily", "Gull Post", "Tarn Courier"}
    own = [line for line in lines if "bakery" in line.text or "lifeboat volunteers" in line.text]
    assert own and all(len(line.citations) == 1 for line in own)
