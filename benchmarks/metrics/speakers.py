"""Quote speakers against gold attributions: were the quotes found, and who was named as saying them.

For each gold attribution holding a direct quotation, the predicted quote that
overlaps its quoted segments most is its match (none: the quote was missed).
A matched quote's speaker is

- correct when the predicted speaker's mention overlaps the gold source span,
  or the predicted name and the gold source text end in the same word
  (case-folded: "Clinton" and "Hillary Clinton");
- missing when the quote has no speaker;
- wrong otherwise.

A gold source that is a pronoun is scored the same way but counted apart,
since our speaker is resolved to a name; a gold attribution without a source
is counted as found or not, and not scored for its speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields

from corpora.polnear import CharSpan, QuoteAttribution, covered

PRONOUNS = frozenset(
    [
        "i",
        "me",
        "we",
        "us",
        "you",
        "he",
        "him",
        "she",
        "her",
        "it",
        "they",
        "them",
        "this",
        "that",
        "who",
        "one",
        "someone",
        "somebody",
    ]
)
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class PredictedQuote:
    """A predicted quote in raw-text offsets; the speaker's name and mention span when it has one."""

    span: CharSpan
    speaker_name: str | None = None
    speaker_span: CharSpan | None = None
    #: How the system reached the speaker ("name", "pronoun", "continuation"...), when it says.
    resolution: str | None = None


@dataclass(frozen=True, slots=True)
class SpeakerCounts:
    """Gold direct quotes, how many were found, and the speaker verdicts on found ones, by source kind."""

    gold: int = 0
    found: int = 0
    correct: int = 0
    wrong: int = 0
    missing: int = 0
    pronoun_correct: int = 0
    pronoun_wrong: int = 0
    pronoun_missing: int = 0
    no_gold_source: int = 0

    def __add__(self, other: SpeakerCounts) -> SpeakerCounts:
        return SpeakerCounts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


def score_document(
    text: str, gold: Sequence[QuoteAttribution], predicted: Sequence[PredictedQuote]
) -> SpeakerCounts:
    """The counts of one article; ``text`` is the raw text that every span points into."""
    tally = {field.name: 0 for field in fields(SpeakerCounts)}
    for quote in gold:
        tally["gold"] += 1
        match = best_match(quote.quoted, predicted)
        if match is None:
            continue
        tally["found"] += 1
        attribution = quote.attribution
        if not attribution.source:
            tally["no_gold_source"] += 1
            continue
        verdict = speaker_verdict(match, attribution.source, attribution.source_text)
        prefix = "pronoun_" if is_pronoun(attribution.source_text) else ""
        tally[prefix + verdict] += 1
    return SpeakerCounts(**tally)


def best_match(quoted: Sequence[CharSpan], predicted: Sequence[PredictedQuote]) -> PredictedQuote | None:
    """The predicted quote overlapping the quoted segments most (the first of equals), None when none does."""
    best: PredictedQuote | None = None
    most = 0
    for candidate in predicted:
        overlap = sum(covered(segment, (candidate.span,)) for segment in quoted)
        if overlap > most:
            best, most = candidate, overlap
    return best


def speaker_verdict(quote: PredictedQuote, source: Sequence[CharSpan], source_text: str) -> str:
    """ "correct", "wrong" or "missing" (see the module docstring)."""
    if quote.speaker_name is None:
        return "missing"
    if quote.speaker_span is not None and covered(quote.speaker_span, tuple(source)) > 0:
        return "correct"
    ours, theirs = last_word(quote.speaker_name), last_word(source_text)
    return "correct" if ours and ours == theirs else "wrong"


def last_word(name: str) -> str:
    """The last word, case-folded, without a possessive ("Clinton's" -> "clinton")."""
    words = _WORDS.findall(name)
    if not words:
        return ""
    word = words[-1].casefold()
    return re.sub(r"['’]s$", "", word)


def is_pronoun(source_text: str) -> bool:
    """Whether the gold source is a lone pronoun ("he", "They")."""
    words = _WORDS.findall(source_text)
    return len(words) == 1 and words[0].casefold() in PRONOUNS
