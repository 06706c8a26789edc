"""The parse's reporting verb and its subject as a quotation's speaker (sentences written for these tests)."""

from __future__ import annotations

import pytest

from reading import attributed, speaker_of


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # The person the quotation talks about is not its speaker.
        (
            "Lena Hartwig said the council “cannot be trusted with the harbour budget” any longer.",
            "cannot be trusted",
            "Lena Hartwig",
        ),
        # Any verb of speech, with the quoted words as its object.
        (
            "Teodor Vask called the new fare table “a betrayal of every commuter in the valley”.",
            "a betrayal",
            "Teodor Vask",
        ),
        # A subject with no name speaks in its own words, never under someone else's name.
        (
            "Teodor Vask left early. “Nobody told us anything about the timetable!” one driver shouted.",
            "Nobody told us",
            "one driver",
        ),
        # A participle borrows the subject of the verb it hangs from.
        (
            "Lena Hartwig thanked the crews on Monday, adding that the pier “will reopen before the storms”.",
            "will reopen",
            "Lena Hartwig",
        ),
        # A sentence that only says who spoke attributes the quotation before it.
        (
            "The ferries ran late again. “We will run every boat on Sunday, whatever the weather.” "
            "Vask said.",
            "We will run",
            "Vask",
        ),
    ],
)
def test_the_subject_of_the_reporting_verb_speaks(text: str, opening: str, speaker: str) -> None:
    assert speaker_of(text, opening) == speaker


def test_a_quotation_after_a_sentence_reporting_someones_words_is_theirs() -> None:
    text = (
        "The ferries stopped at noon. Teodor Vask said on Monday that the crews would not return. "
        "“Nobody goes back to sea until the winches are fixed.”"
    )
    assert speaker_of(text, "Nobody goes back") == "Teodor Vask"


def test_a_quotation_alone_in_its_paragraph_continues_the_report_that_ends_the_one_before() -> None:
    text = "Teodor Vask said on Monday that the crews would not return.\n\n“Nobody goes back to sea, ever.”"
    assert speaker_of(text, "Nobody goes back") == "Teodor Vask"


def test_a_quotation_opening_a_paragraph_that_goes_on_takes_no_lead_in_from_the_one_before() -> None:
    text = (
        "Teodor Vask said on Monday that the crews would not return.\n\n"
        "“Nobody goes back to sea, ever.” The words were painted on the harbour wall."
    )
    assert speaker_of(text, "Nobody goes back") is None


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # A comma-closed quotation opening its sentence: any verb after it reports it.
        (
            "The vote went late.\n\n“The harbour will stay open whatever the council decides,” "
            "an angry Mirela Dobrescu growled.",
            "The harbour will",
            "Mirela Dobrescu",
        ),
        # The subject after its verb, which the parser reads as an object.
        (
            "The meeting ran long.\n\n“Is the old bridge safe for the school buses?” asked the ferryman.",
            "Is the old bridge",
            "the ferryman",
        ),
        # A place before the head modifies it: the speaker is the whole phrase, not the place.
        (
            "The count went on.\n\n“We needed to win two of the first three districts,” added a Lisbon "
            "councillor.",
            "We needed to win",
            "a Lisbon councillor",
        ),
        # The clause after the quotation is its own even when the parser hangs it on a word inside.
        (
            "The debate was tense.\n\n“There is anger and there is anger like nobody has ever seen, and it "
            "is coming out of, among other places, the markets,” the opposition leader said in a Friday "
            "interview with a radio host.",
            "There is anger",
            "the opposition leader",
        ),
        # "one of" a noun speaks as the whole phrase.
        (
            "The group met.\n\n“It was unseemly and he kept calling her a liar,” said one of two witnesses "
            "who told the same story.",
            "It was unseemly",
            "one of two witnesses",
        ),
        # A bracket glued to the phrase's first word is not part of the speaker.
        (
            "The office was shut.\n\n“We do not comment on rumours,” (the mayor's spokeswoman said.",
            "We do not comment",
            "the mayor's spokeswoman",
        ),
    ],
)
def test_the_clause_right_after_a_quotation_names_its_speaker(text: str, opening: str, speaker: str) -> None:
    assert speaker_of(text, opening) == speaker


def test_a_comma_inside_a_sentence_does_not_make_the_next_verb_a_reporting_one() -> None:
    text = (
        "The growers’ league is “confident that the minister will keep the subsidy for another year,” "
        "and Ana Ferreira may again split with her party over it."
    )
    assert speaker_of(text, "confident that the minister") != "Ana Ferreira"


def test_the_previous_speakers_own_words_do_not_stop_a_continuation() -> None:
    text = (
        "The count went on.\n\n“We needed to win two of the first three districts,” added a Lisbon "
        "councillor. “We have done that.”"
    )
    assert speaker_of(text, "We have done") == "a Lisbon councillor"


def test_a_bare_pronoun_subject_with_nothing_to_refer_to_names_nobody() -> None:
    text = "“The bridge is closed until further notice,” it said on the radio."
    assert speaker_of(text, "The bridge is closed") is None


def test_a_negated_clause_after_a_quotation_does_not_attribute_it() -> None:
    text = (
        "Lena Hartwig spoke first. “The budget is gone and the pier is rotten.” "
        "Teodor Vask did not respond to a request for comment."
    )
    assert speaker_of(text, "The budget is gone") != "Teodor Vask"


def test_the_words_the_sentence_names_the_speaker_by_are_kept_beside_the_name() -> None:
    text = (
        "Governor Lena Hartwig toured the harbour on Monday. "
        "“We will rebuild every pier before the winter,” the governor said."
    )
    quote = attributed(text).quotes[0]
    assert quote.speaker_name == "Lena Hartwig"
    assert quote.cue_mention is not None
    assert text[quote.cue_mention.start : quote.cue_mention.end].casefold().endswith("governor")


def test_one_of_before_the_verb_a_quotation_hangs_from_is_a_count_not_a_speaker() -> None:
    text = (
        "Lena Hartwig toured the port on Friday.\n\n"
        "One of the aims of her visit has been to stress the importance of “harbour-to-harbour ties” "
        "in mending relations."
    )
    assert speaker_of(text, "harbour-to-harbour ties") != "One of the aims"


def test_a_bare_surname_the_recognizer_missed_speaks_as_the_person_the_article_names() -> None:
    text = (
        "Bill Skelmore knew both men well.\n\n"
        "“Having access to the file and two people who understand it is valuable,” said Skelmore, "
        "explaining he worked more closely with one of them."
    )
    assert speaker_of(text, "Having access to the file") == "Bill Skelmore"


def test_a_surname_two_people_share_goes_to_the_nearest_earlier_full_name() -> None:
    text = (
        "Bill Skelmore met the board in May. Walt Skelmore knew both men well.\n\n"
        "“Having access to the file and two people who understand it is valuable,” said Skelmore."
    )
    assert speaker_of(text, "Having access to the file") == "Walt Skelmore"


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # A written text "reads"; a speaker "continues" or "questions": each only says who spoke.
        (
            "The flyer went up on every door. “Vote no on the harbour sale this Thursday.” the flyer read.",
            "Vote no",
            "the flyer",
        ),
        ("“Who will pay for the new dock in the end?” Anna Pell questioned.", "Who will pay", "Anna Pell"),
        ("“And the crews will not wait for ever either.” Anna Pell continued.", "And the crews", "Anna Pell"),
    ],
)
def test_a_bare_attribution_with_a_verb_of_reading_or_asking_names_the_speaker(
    text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(text, opening) == speaker


def test_a_thing_the_reported_clause_talks_about_gives_way_to_the_reporter_above_it() -> None:
    text = (
        "Anna Pell said the new timetable would fail within a month and called it, "
        "“a gift to the few who never take the ferry at all.”"
    )
    assert speaker_of(text, "a gift to") == "Anna Pell"


def test_a_bare_attribution_after_a_closed_sentence_may_say_to_whom_and_while_doing_what() -> None:
    text = "“The yard will stay open all winter.” Anna Pell told reporters as she left the council."
    assert speaker_of(text, "The yard will") == "Anna Pell"


def test_the_paragraph_after_a_quotation_that_ends_its_own_is_never_its_attribution() -> None:
    text = (
        "The port had a bad year.\n\n“Nobody expected the cranes to fail twice in one month.”\n\n"
        "Like the mayor, Anna Pell wrote off the losses as bad luck."
    )
    assert speaker_of(text, "Nobody expected") is None


def test_a_closing_attribution_after_a_comma_beats_a_verb_of_speech_inside_the_sentence() -> None:
    # The parse may hang the quoted words on "promised"; the clause after the comma says who spoke.
    text = "Nothing the mayor promised “will bring the ferries back before spring,” the harbour master said."
    assert speaker_of(text, "will bring") == "the harbour master"


def test_a_closing_pronoun_is_left_to_the_sentence_that_names_whom_it_stands_for() -> None:
    text = (
        "Anna Pell, the port's spokeswoman, said the port still has “every crane it needs for the winter,” "
        "she said."
    )
    assert speaker_of(text, "every crane") == "Anna Pell"


def test_an_aside_after_a_comma_does_not_make_a_bare_attribution_too_long() -> None:
    text = (
        "“Open the yard, open the yard, open it now!” some dockers chanted, two days after the long and "
        "bitter closure of the old yard by the council, outside the town hall, as the vote began."
    )
    assert speaker_of(text, "Open the yard") == "some dockers"


def test_a_pronoun_in_the_reported_clause_gives_way_to_the_reporter_it_stands_for() -> None:
    text = (
        "Anna Pell runs the port. The harbour master said she rarely asks the council for money, "
        "“except when a crane breaks down in the middle of winter.”"
    )
    found = attributed(text).quotes[0]
    assert found.cue_mention is not None
    assert text[found.cue_mention.start : found.cue_mention.end] == "The harbour master"


def test_a_pronoun_for_someone_else_than_the_plural_reporters_keeps_the_words() -> None:
    text = (
        "Anna Pell was arrested on Monday. Officers said she told them, "
        "“nobody will ever find the missing crane parts,” before she was led away."
    )
    found = attributed(text).quotes[0]
    assert found.speaker_name == "Anna Pell"


def test_a_participle_of_speech_after_reported_words_belongs_to_the_reporter() -> None:
    text = (
        "Anna Pell told the council that the old mayor had ruined the harbour, adding, "
        "“He never once came down to see the boats himself.”"
    )
    assert speaker_of(text, "He never once") == "Anna Pell"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "At the hearing Anna Pell was asked by the chairman, “Who signed the contract for the cranes?”",
            "the chairman",
        ),
        ("At the hearing Anna Pell was asked, “Who signed the contract for the cranes in the end?”", None),
    ],
)
def test_the_one_asked_is_not_the_speaker_the_asker_is(text: str, speaker: str | None) -> None:
    assert speaker_of(text, "Who signed") == speaker


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        # Asking whether someone did something: the quoted words are the asker's, not the one asked about.
        (
            "Marta Oyelaran is questioning whether Governor Piet Lund would have visited the shipyard"
            " “if the cameras had not been there first.”",
            "if the cameras",
            "Marta Oyelaran",
        ),
        # Saying that someone is something: the reporter chose the words.
        (
            "Marta Oyelaran says that Piet Lund is “hiding behind his own press office again.”",
            "hiding behind",
            "Marta Oyelaran",
        ),
    ],
)
def test_a_partial_quotation_in_a_reported_clause_is_the_reporters(
    text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(text, opening) == speaker


def test_a_reported_clause_whose_verb_is_one_of_speech_keeps_its_own_speaker() -> None:
    text = "Marta Oyelaran said Piet Lund called the ferry plan “a gift to the shipping lobby alone.”"
    assert speaker_of(text, "a gift to") == "Piet Lund"


def test_an_adjective_standing_for_a_person_after_a_quotation_speaks_in_its_own_words() -> None:
    text = (
        "The new harbour master took questions on the quay for an hour.\n\n"
        "“We will dredge the channel before the winter storms arrive,” said the 52-year-old."
    )
    assert speaker_of(text, "We will dredge") == "the 52-year-old"


def test_an_unnamed_reporter_of_a_clause_speaks_in_its_own_words_not_the_clauses_subject() -> None:
    text = (
        "One dock worker, who asked not to be named, said the offer was “an insult to every family on the"
        " north quay.”"
    )
    assert speaker_of(text, "an insult") == "One dock worker"


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        (
            "The ferry union posted a photo of the empty pier.\n\n"
            "“Not our doing, but we cannot argue with it!” Kessler, the head of the ferry union, tweeted"
            " on Friday with the photo.",
            "Not our doing",
            "Kessler",
        ),
        (
            "A clip of the mayor rehearsing her speech went round the harbour offices.\n\n"
            "“What if the mayor had taken singing lessons instead?” the 38-year-old asked in the clip’s"
            " caption.",
            "What if the mayor",
            "the 38-year-old",
        ),
    ],
)
def test_a_verb_of_speech_the_parser_hung_on_the_phrase_after_a_quotation_still_attributes_it(
    text: str, opening: str, speaker: str
) -> None:
    assert speaker_of(text, opening) == speaker


def test_an_indefinite_subject_after_a_quotation_keeps_it_from_the_one_it_speaks_to() -> None:
    # The paragraph before ends in a colon, which would otherwise hand the quotation to its first mention.
    text = (
        "The council has a recording of the exchange, and the union has a copy:\n\n"
        "“Should the ferry tax be raised again next year?” a reporter can be heard asking Lena Hartwig after"
        " the meeting."
    )
    assert speaker_of(text, "Should the ferry tax") == "a reporter"


def test_a_stray_mark_after_a_quotation_is_never_an_empty_speaker() -> None:
    text = '“ nothing but words here " " » told'
    for item in attributed(text).quotes:
        assert item.speaker is None or item.speaker.start < item.speaker.end


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # The second verb of speech joins the reporter's first one, whatever the parser hung it on.
        (
            "Anna Pell said the harbour board had wasted the grant and called the new crane "
            "“the most expensive ornament on the whole coast”.",
            "the most expensive",
        ),
        (
            "Speaking on the radio, Anna Pell said Otto Brandt had misled the harbour board and added, "
            "“I will answer every question they put to me.”",
            "I will answer",
        ),
    ],
)
def test_a_verb_of_speech_joined_to_a_reported_clause_is_the_reporters(text: str, opening: str) -> None:
    assert speaker_of(text, opening) == "Anna Pell"


def test_a_sentence_whose_subject_goes_on_to_speak_hands_over_to_the_quote_after_it() -> None:
    text = (
        "The council met late into the night.\n\n"
        "Anna Pell was quick to add that the deal does not include selling the pier.\n\n"
        "“Selling it? That is never going to happen while I sit here.”"
    )
    assert speaker_of(text, "Selling it") == "Anna Pell"


def test_a_remark_after_a_question_that_ends_its_sentence_attributes_it() -> None:
    text = (
        "The host pressed on.\n\n"
        "“Who knows, maybe the ferry will run again by June, right?” Teodor Vask remarked, "
        "pointing at the empty pier."
    )
    assert speaker_of(text, "Who knows") == "Teodor Vask"


@pytest.mark.parametrize(
    "lead_in",
    [
        "If anything, Vask argued in his email, the walkout is an illustration of why the board should "
        "adopt the old rules.",
        "Teodor Vask argued in his letter, the strike is a sign of how far the owners have drifted from "
        "the docks.",
    ],
)
def test_a_quotation_paragraph_after_a_reporting_clause_hung_below_its_report_is_the_reporters(
    lead_in: str,
) -> None:
    # The parse makes the reported clause the root and hangs "argued" below it; the sentence still
    # says who speaks in the paragraph after it.
    text = (
        f"The vote is on Monday.\n\n{lead_in}\n\n"
        "“Nobody on the board has worked a night shift in twenty years, and it shows in every offer.”"
    )
    assert speaker_of(text, "Nobody on the board") in ("Vask", "Teodor Vask")
