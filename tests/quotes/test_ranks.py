"""A military or police rank before a name is a title, not part of the speaker's name."""

from __future__ import annotations

import pytest

from dossier.quotes import quotes_stage
from dossier.segment import segmented_article
from reading import analyzed_story


@pytest.mark.parametrize("rank", ["Colonel", "Captain", "Inspector", "Admiral", "Sergeant"])
def test_rank_is_stripped_from_the_speaker(rank: str) -> None:
    text = f'"The channel is clear," {rank} Tomas Verhoek told reporters on the quay.'
    story = quotes_stage(analyzed_story(articles=(segmented_article(text, source="quay.txt"),)))
    speakers = [quote.speaker.name for quote in story.quotes if quote.speaker is not None]
    assert speakers == ["Tomas Verhoek"]
