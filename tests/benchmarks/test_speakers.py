"""Quote speakers: found or missed quotes, and correct, wrong or missing speakers."""

from __future__ import annotations

from corpora.polnear import Attribution, QuoteAttribution
from metrics.speakers import (
    PredictedQuote,
    SpeakerCounts,
    best_match,
    is_pronoun,
    last_word,
    score_document,
    speaker_verdict,
)

TEXT = "“The pier stays,” said Mayor Ada Brim. “We agree,” he said. “No,” a memo said."


def quote(piece: str, source: str | None) -> QuoteAttribution:
    start = TEXT.index(piece)
    source_span = () if source is None else ((TEXT.index(source), TEXT.index(source) + len(source)),)
    attribution = Attribution(((start - 1, start + len(piece) + 1),), source_span, source or "")
    return QuoteAttribution(attribution, ((start, start + len(piece)),))


def predicted(piece: str, name: str | None = None, mention: str | None = None) -> PredictedQuote:
    start = TEXT.index(piece)
    speaker_span = None if mention is None else (TEXT.index(mention), TEXT.index(mention) + len(mention))
    return PredictedQuote((start, start + len(piece)), name, speaker_span)


def test_last_words_and_pronouns() -> None:
    assert last_word("Hillary Clinton's") == "clinton"
    assert last_word("The New York Post") == "post"
    assert last_word("") == ""
    assert is_pronoun("He") and is_pronoun(" they ")
    assert not is_pronoun("He Wei") and not is_pronoun("Brim")


def test_verdicts() -> None:
    source = ((TEXT.index("Mayor Ada Brim"), TEXT.index("Mayor Ada Brim") + 14),)
    assert speaker_verdict(predicted("The pier"), source, "Mayor Ada Brim") == "missing"
    assert (
        speaker_verdict(predicted("The pier", "Ada Brim", "Ada Brim"), source, "Mayor Ada Brim") == "correct"
    )
    # Another mention of the same person, elsewhere: the last words agree.
    assert (
        speaker_verdict(predicted("The pier", "Ada Brim", "We agree"), source, "Mayor Ada Brim") == "correct"
    )
    assert speaker_verdict(predicted("The pier", "Ola Penn", "We agree"), source, "Mayor Ada Brim") == "wrong"


def test_the_quote_overlapping_most_is_the_match() -> None:
    gold = quote("We agree,", "he").quoted
    small = PredictedQuote((gold[0][0], gold[0][0] + 2))
    large = predicted("We agree,")
    assert best_match(gold, [small, large, predicted("No,")]) is large
    assert best_match(gold, [predicted("No,")]) is None


def test_document_counts_by_kind_of_source() -> None:
    gold = [quote("The pier stays,", "Mayor Ada Brim"), quote("We agree,", "he"), quote("No,", None)]
    guesses = [
        predicted("The pier stays,", "Ada Brim", "Ada Brim"),
        predicted("We agree,", "Ada Brim", "Ada Brim"),  # "he" is Brim, but the spans differ: scored wrong
        predicted("No,"),
    ]
    counts = score_document(TEXT, gold, guesses)
    assert counts == SpeakerCounts(gold=3, found=3, correct=1, pronoun_wrong=1, no_gold_source=1)
    missed = score_document(TEXT, gold, guesses[:1])
    assert (missed.gold, missed.found, missed.correct) == (3, 1, 1)
    assert (counts + missed).gold == 6


def test_bench_speakers_errors_lists_each_wrong_or_missing_speaker_with_its_resolution() -> None:
    from bench_speakers import Tally, _score

    gold = [quote("The pier stays", "Mayor Ada Brim"), quote("We agree", "Mayor Ada Brim")]
    found = [
        PredictedQuote(predicted("The pier stays").span, "Ada Brim", None, "name"),
        PredictedQuote(predicted("We agree").span, "a memo", None, "continuation"),
    ]
    tally = Tally()
    _score(tally, TEXT, gold, found, "harbour")
    assert (tally.named, tally.correct) == (2, 1)
    line = "harbour wrong   continuation gold='Mayor Ada Brim' got='a memo' quote='We agree'"
    assert tally.errors == [line]
    quiet = Tally()
    _score(quiet, TEXT, gold, found)
    assert quiet.errors == []
