"""Speaker mentions: names with titles stripped, unnamed sources, pronouns and nominals."""

from __future__ import annotations

from dossier.quotes.speakers import (
    SpeakerCandidate,
    canonical_name,
    find_mentions,
    names_as_speakers,
    resolve,
)
from reading import attributed_naming, names_of


def find_names(text: str) -> tuple[SpeakerCandidate, ...]:
    """The names the entity layer gives, as candidate speakers."""
    return tuple(names_as_speakers(text, names_of(text)))


def names(text: str) -> list[str]:
    return [mention.name for mention in find_names(text)]


def test_title_words_are_stripped_and_kept_as_role() -> None:
    found = find_names("Secretary of State Maren Olby arrived, and Foreign Minister Ilse Marrow met her.")
    assert [m.name for m in found] == ["Maren Olby", "Ilse Marrow"]
    assert {"secretary", "state"} <= found[0].role
    assert "minister" in found[1].role and found[1].person


def test_sentence_openers_and_possessives_are_not_part_of_a_name() -> None:
    assert "The" not in " ".join(names("The talks failed. But Teodor Vask’s union stayed out."))
    assert "Teodor Vask" in names("The talks failed. But Teodor Vask’s union stayed out.")


def test_an_organisation_keeps_its_capitalised_words() -> None:
    assert "Harbour Department" in names("The Harbour Department later said it would wait.")


def test_unnamed_sources_keep_their_phrase_including_a_postmodifier() -> None:
    text = "A senior official in Velm, who asked not to be named, said the port would open."
    unnamed = [m for m in find_mentions(text, names_of(text)) if m.kind == "unnamed"]
    assert [m.name for m in unnamed] == ["A senior official in Velm"]


def test_appositive_roles_attach_to_the_name() -> None:
    text = "Teodor Vask, the union’s general secretary, said the talks were over."
    vask = next(m for m in find_mentions(text, names_of(text)) if m.name == "Teodor Vask")
    assert "secretary" in vask.role and vask.person


def test_short_names_take_the_nearest_earlier_full_name() -> None:
    text = "Anna Pell spoke. Later Otto Pell spoke. Pell said more."
    found = find_names(text)
    assert canonical_name("Pell", text.index("Pell said"), found) == "Otto Pell"
    assert canonical_name("Pell", 0, (), ["Anna Pell"]) == "Anna Pell"
    assert canonical_name("Nobody", 0, found) == "Nobody"


def test_a_family_name_written_first_is_matched_at_the_start() -> None:
    found = find_names("Minister Wang Lirong arrived. Wang said little.")
    assert canonical_name("Wang", 40, found) == "Wang Lirong"


def test_a_nominal_resolves_to_a_name_with_a_matching_role() -> None:
    person = SpeakerCandidate(0, 10, "Ilse Marrow", "name", frozenset({"transport", "minister"}), True, True)
    other = SpeakerCandidate(20, 30, "Teodor Vask", "name", frozenset({"union", "secretary"}), True, True)
    nominal = SpeakerCandidate(50, 62, "minister", "nominal", frozenset({"minister"}))
    assert resolve(nominal, [person, other]) == person
    leader = SpeakerCandidate(50, 66, "leader", "nominal", frozenset({"leader", "chinese"}))
    president = SpeakerCandidate(0, 9, "Xi Lan", "name", frozenset({"chinese", "president"}), True, True)
    assert resolve(leader, [president]) == president
    foreign = SpeakerCandidate(0, 9, "Ada Roe", "name", frozenset({"british", "president"}), True, True)
    assert resolve(leader, [foreign]) is None


def test_a_pronoun_takes_the_nearest_subject_never_an_object() -> None:
    subject = SpeakerCandidate(0, 5, "Anna Pell", "name", frozenset(), True, True)
    obj = SpeakerCandidate(20, 25, "Otto Roe", "name", frozenset(), True, False)
    pronoun = SpeakerCandidate(40, 42, "he", "pronoun", frozenset({"he"}))
    assert resolve(pronoun, [subject, obj]) == subject
    assert resolve(pronoun, [obj]) is None


def test_mentions_inside_masked_quotes_are_ignored() -> None:
    text = "“Ask Anna Pell,” he said."
    assert not [m for m in find_mentions(text, names_of(text), [(0, 16)]) if m.kind == "name"]


def test_a_bare_surname_the_recognizer_missed_is_still_the_subject_a_pronoun_finds() -> None:
    text = (
        "Teodor Vask praised Anna Pell on Monday. Pell hit back at the harbour board on Tuesday.\n\n"
        "“I will not resign over a crane,” she wrote."
    )
    found = attributed_naming(text, {"Teodor Vask": "person", "Anna Pell": "person"}).quotes
    assert found[0].speaker_name == "Anna Pell"
