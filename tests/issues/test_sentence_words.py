from dossier.issues.sentence_words import SentenceWords

MARKERS = frozenset({"to", "will"})


def surfaces(text: str, key: str) -> list[str]:
    words = SentenceWords.of(text)
    return [words.surface(first, last) for first, last in words.uses(key)]


def test_a_phrase_is_found_whatever_its_case() -> None:
    found = surfaces("The Ferry Fares rose; ferry fares fell.", "ferry fares")
    assert found == ["Ferry Fares", "ferry fares"]


def test_a_phrase_never_starts_or_ends_inside_a_longer_word() -> None:
    assert surfaces("A post-war warm spell, then war.", "war") == ["war"]
    assert surfaces("The harbour's toll", "harbour") == []


def test_the_words_of_a_phrase_are_separated_by_white_space_only() -> None:
    assert surfaces("ferry, fares and ferry\n fares", "ferry fares") == ["ferry\n fares"]


def test_a_verb_marker_must_stand_right_before_the_phrase() -> None:
    words = SentenceWords.of("They want to avoid delays; delays will avoid them; into avoid")
    firsts = [first for first, _ in words.uses("avoid")]
    assert [words.after_word_in(first, MARKERS) for first in firsts] == [True, True, False]


def test_the_vocabulary_is_case_folded() -> None:
    assert SentenceWords.of("Bridge TOLLS and tolls").vocabulary == frozenset({"bridge", "tolls", "and"})
