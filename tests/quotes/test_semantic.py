"""Meaning-aware statement merging: translations join, contradictions never do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.embed.static import StaticEncoder, static_available
from dossier.embed.tfidf import TfidfEncoder
from dossier.errors import UsageError
from dossier.quotes import extract_quotes, make_quotes_stage
from dossier.quotes.merge import (
    DEFAULT_THRESHOLD,
    LexicalSimilarity,
    Similarity,
    Utterance,
    contradicts,
    group_statements,
)
from dossier.quotes.semantic import CombinedSimilarity, EncodedSimilarity, semantic_similarity
from reading import analyzed_story

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quotes"
PAIRS = json.loads((FIXTURES / "reworded_pairs.json").read_text(encoding="utf-8"))
needs_static = pytest.mark.skipif(
    not static_available(), reason="the static encoder table is not shipped here"
)


class TableSimilarity:
    """A fixed cosine for every pair, to test the combination rules on their own."""

    def __init__(self, cosine: float) -> None:
        self.cosine = cosine
        self.calls = 0

    def __call__(self, first: str, second: str) -> float:
        self.calls += 1
        return self.cosine


def group_pair(first: str, second: str, similarity: Similarity) -> int:
    utterances = [Utterance("q1", "a1", 0, "Ada Roe", first), Utterance("q2", "a2", 1, "Ada Roe", second)]
    return len(group_statements(utterances, similarity))


@pytest.mark.parametrize(("first", "second"), PAIRS["different"])
def test_different_statements_contradict(first: str, second: str) -> None:
    assert contradicts(first, second)
    assert LexicalSimilarity()(first, second) == 0.0


def test_a_trimmed_piece_never_contradicts_its_whole() -> None:
    whole = "We will sign the accord in 2027, but not a day before the 14 ministers agree."
    assert not contradicts(whole, "We will sign the accord in 2027")
    assert not contradicts(
        "Shipping fell by 30 percent.", "Shipping fell by 30 percent, the most since 2001."
    )


def test_meaning_lifts_only_supported_uncontradicted_pairs() -> None:
    first, second = PAIRS["same"][0]
    lexical = LexicalSimilarity()(first, second)
    assert 0.25 <= lexical < DEFAULT_THRESHOLD  # the lexical measure alone keeps them apart
    assert CombinedSimilarity(TableSimilarity(0.99))(first, second) >= DEFAULT_THRESHOLD
    assert CombinedSimilarity(TableSimilarity(0.80))(first, second) == lexical
    unrelated = TableSimilarity(0.99)
    assert CombinedSimilarity(unrelated)("The dam is full.", "Our grain prices doubled overnight.") < 0.25
    assert unrelated.calls == 0  # no shared content: the encoder is not even asked


@pytest.mark.parametrize(("first", "second"), PAIRS["different"])
def test_meaning_never_overrides_a_contradiction(first: str, second: str) -> None:
    assert group_pair(first, second, CombinedSimilarity(TableSimilarity(1.0))) == 2


def test_bad_settings_are_refused() -> None:
    with pytest.raises(UsageError):
        CombinedSimilarity(TableSimilarity(1.0), semantic_floor=1.0)


@needs_static
def test_the_static_encoder_joins_the_translated_pair_and_keeps_the_rest_apart() -> None:
    similarity = semantic_similarity(StaticEncoder.load())
    first, second = PAIRS["same"][0]
    assert group_pair(first, second, LexicalSimilarity()) == 2
    assert group_pair(first, second, similarity) == 1
    for first, second in PAIRS["different"]:
        assert group_pair(first, second, similarity) == 2


def test_encoded_similarity_is_a_cosine() -> None:
    similarity = EncodedSimilarity(TfidfEncoder())
    assert similarity("ferry crews strike", "ferry crews strike") == pytest.approx(1.0, abs=1e-5)
    assert -1.0 <= similarity("ferry crews strike", "grain prices") <= 1.0


@needs_static
def test_make_quotes_stage_uses_meaning_and_lexical_stage_by_default() -> None:
    from dossier.article import Article, article_id
    from dossier.quotes import quotes_stage

    first, second = PAIRS["same"][0]
    texts = [f'"{words.rstrip(".")}," Ada Roe said on Monday.' for words in (first, second)]
    articles = tuple(
        Article(id=article_id(text), source=f"{i}.txt", text=text) for i, text in enumerate(texts)
    )
    story = analyzed_story(articles)
    assert make_quotes_stage(None) is quotes_stage
    assert len(quotes_stage(story).statements) == 2
    assert len(make_quotes_stage("static")(story).statements) == 1
    assert len(extract_quotes(articles, story.analyses)[1]) == 2
