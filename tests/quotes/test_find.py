"""Quote spans: marks, nesting, multi-paragraph quotes and hostile input."""

from __future__ import annotations

from dossier.quotes.find import find_quotes


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_and_curly_marks_exclude_the_marks_and_the_trailing_comma() -> None:
    text = '"Stay calm," she said. “Keep the lights on,” he said.'
    assert texts(text) == ["Stay calm", "Keep the lights on"]


def test_a_quote_spans_several_sentences() -> None:
    text = "“We tried. We failed. We will try again,” the mayor said."
    assert texts(text) == ["We tried. We failed. We will try again"]


def test_single_marks_inside_a_double_quote_are_nested_not_closing() -> None:
    text = "“He kept saying ‘tomorrow’ and 'later', never a date,” she said."
    assert texts(text) == ["He kept saying ‘tomorrow’ and 'later', never a date"]


def test_attribution_in_the_middle_gives_two_pieces() -> None:
    text = "“The tide is late,” the pilot said. “We wait for it.”"
    assert texts(text) == ["The tide is late", "We wait for it."]


def test_a_missing_closing_mark_ends_at_the_paragraph() -> None:
    text = 'She said: "The gates open at noon.\n\nFarmers gathered at the bridge before dawn.'
    found = find_quotes(text)
    assert [text[q.start : q.end] for q in found] == ["The gates open at noon."]
    assert found[0].close_at is None
    assert "Farmers" not in text[found[0].start : found[0].end]


def test_a_multi_paragraph_quote_continues_when_the_next_paragraph_reopens() -> None:
    text = "“First we fix the roof.\n\n“Then we fix the walls,” the builder said.\n\nNothing else."
    found = find_quotes(text)
    assert [text[q.start : q.end] for q in found] == ["First we fix the roof.", "Then we fix the walls"]
    assert found[0].close_at is None and not found[0].continues
    assert found[1].continues


def test_a_new_opening_mark_while_open_ends_the_earlier_quote() -> None:
    text = "“One thing is clear “Two things are clear,” he said."
    assert texts(text) == ["One thing is clear", "Two things are clear"]


def test_german_and_french_marks() -> None:
    assert texts("Er sagte: „Wir bleiben hier.“ Dann ging er.") == ["Wir bleiben hier."]
    assert texts("Elle a dit : « Nous restons ici. » Puis elle est partie.") == ["Nous restons ici."]


def test_quotes_with_no_words_are_skipped() -> None:
    assert texts('He said “” and then " " and “ … ” again.') == []


def test_unbalanced_marks_everywhere_stay_linear_and_inside_lines() -> None:
    text = ('" “ ” word "' * 20_000 + "\n") * 5
    found = find_quotes(text)
    for quote in found:
        assert quote.line_start <= quote.open_at < quote.start <= quote.end <= quote.line_end
        assert "\n" not in text[quote.start : quote.end]


def test_a_one_megabyte_quote_is_one_span() -> None:
    body = "word " * 200_000
    text = "“" + body + "” he said."
    found = find_quotes(text)
    assert len(found) == 1
    assert found[0].end - found[0].start == len(body.strip())


def test_an_unclosed_quote_at_the_end_of_the_text() -> None:
    text = 'The sign read "Closed for the season'
    assert texts(text) == ["Closed for the season"]


def test_curly_single_marks_are_quotes_on_a_line_without_double_marks() -> None:
    text = "‘We won’t move the market,’ the trader said. The traders’ desk was calm.\n‘Unclosed at the end"
    assert texts(text) == ["We won’t move the market"]


def test_single_marks_stay_nested_on_a_line_with_double_marks() -> None:
    assert texts("“Call it ‘a pause’, not a stop,” she said.") == ["Call it ‘a pause’, not a stop"]


def test_a_quote_nested_in_the_same_marks_stays_one_quotation() -> None:
    text = 'The mayor wrote, "Witnesses say the crowd shouted "open the gates!" as the rain began." She left.'
    found = find_quotes(text)
    assert texts(text) == ['Witnesses say the crowd shouted "open the gates!" as the rain began.']
    assert found[0].close_at == text.index('." She') + 1


def test_curly_marks_nested_alike_stay_one_quotation() -> None:
    text = "The letter read, “Pickets chanted “no new tolls” all night long.” It was unsigned."
    assert texts(text) == ["Pickets chanted “no new tolls” all night long."]


def test_an_opening_mark_glued_to_the_sentence_before_still_opens() -> None:
    text = '"We moved here for the jobs," said a baker who asked not to be named."Now there are none."'
    assert texts(text) == ["We moved here for the jobs", "Now there are none."]


def test_a_mark_glued_to_markup_is_no_quotation() -> None:
    assert texts('<img src="photo.jpg" alt="x">') == []
