"""region: the story region of a page dump, and what cropping to it records."""

from __future__ import annotations

from dossier.article import Stripped
from dossier.furniture import is_site_notice, strip_furniture
from dossier.header import is_header_line, looks_like_headline
from dossier.region import (
    crop_to_story,
    is_comments_heading,
    is_glued_teaser,
    is_prose,
    story_region,
)


def test_prose_and_not_prose() -> None:
    assert is_prose("The board voted on Thursday to close the pier at the end of the month.")
    assert not is_prose("Council Approves New Cycle Lanes For The Town Centre And Harbour Road")
    assert not is_prose("Home")


def test_the_story_region_is_the_densest_run_of_prose() -> None:
    prose = "The board voted on Thursday to close the pier at the end of the month, officials said."
    lines = ["Home", "News", "Sport", prose, prose, prose, "Most read", "Teaser one", "Teaser two"]
    assert story_region(lines) == (3, 6)


def test_strip_and_crop_record_every_line_they_take() -> None:
    prose = "The board voted on Thursday to close the pier at the end of the month, officials said."
    more = "Engineers found that two of the piles had cracked during the storms in the winter."
    lines = list(enumerate(["Home", "News", "Sport", "Weather", prose, "Advertisement", more, "About us"]))
    removed: list[tuple[int, Stripped]] = []
    kept = strip_furniture(lines, removed)
    kept = crop_to_story(
        kept,
        removed,
        is_header=is_header_line,
        is_headline=looks_like_headline,
        is_tail=lambda _: False,
    )
    # "Weather" sits where a headline would, so it is left to the header reader.
    assert [index for index, _ in kept] == [3, 4, 6]
    assert sorted(index for index, _ in removed) == [0, 1, 2, 5, 7]


def test_comment_thread_headings() -> None:
    for heading in (
        "34 Comments",
        "[ 12 comments ]",
        "Leave a Reply",
        "Join the conversation",
        "Comments (3)",
    ):
        assert is_comments_heading(heading), heading
    assert not is_comments_heading("The council said comments from residents would be read in May.")


def test_a_title_case_headline_glued_to_its_summary_is_a_teaser() -> None:
    assert is_glued_teaser("Council Approves New Cycle LanesThe council voted on Monday to build new lanes.")
    assert not is_glued_teaser("The council voted on Monday to build new lanes along the harbour road.")


def test_a_comment_thread_after_the_story_ends_the_region() -> None:
    prose = "The board voted on Thursday to close the pier at the end of the month, officials said."
    lines = [
        prose,
        prose + " Again.",
        "12 Comments",
        "reader1 says:",
        prose + " A comment that is long enough.",
    ]
    assert story_region(lines) == (0, 2)


def test_a_long_cookie_notice_does_not_outweigh_a_shorter_story() -> None:
    prose = "The board voted on Thursday to close the pier at the end of the month, officials said."
    notice = (
        "This website uses cookies to improve your experience while you navigate through the website. "
        "Out of these cookies, those that are needed are stored in your browser because they are "
        "essential for the working of basic functions of the site, and we also use cookies from others "
        "that help us analyse how you use this website and remember your choices for next time."
    )
    lines = ["Home", "News", "Sport", prose, prose, "About us", "Contact", notice, notice]
    assert story_region(lines) == (3, 5)


def test_prose_in_a_script_written_without_spaces_is_prose() -> None:
    sentence = "港の桟橋は今月末に閉鎖されると理事会が木曜日に決定し、住民は代わりの渡し船を求めている。"
    assert is_prose(sentence)
    assert not is_prose("お問い合わせ")
    lines = ["ホーム", "ニュース", "天気", sentence, sentence, "会社概要", "お問い合わせ", "採用情報"]
    assert story_region(lines) == (3, 5)


def test_a_teasers_excerpt_cut_off_mid_sentence_is_not_story_prose() -> None:
    prose = "The board voted on Thursday to close the pier at the end of the month, officials said."
    teaser = "Engineers found that two of the piles on the north pier had cracked in the winter and the ..."
    lines = ["Home", "News", prose, prose, "Pier Repairs Begin", teaser, "Ferry Fares Rise", teaser]
    assert story_region(lines) == (2, 4)


def test_a_sentence_followed_by_an_emoji_still_ends_like_a_sentence() -> None:
    assert is_prose("Our choir rehearsed every evening for a month and sang at the harbour fair! 🙂")
    assert is_prose("The lifeboat crew thanked everyone who came down to the slipway to cheer them on. 👏🏽")
    assert not is_prose("Harbour Fair Highlights And Photos From The Weekend Parade 🙂 🎉")


def test_a_sites_disclaimer_of_its_own_content_does_not_outweigh_the_story() -> None:
    prose = "The board voted on Thursday to close the pier at the end of the month, officials said."
    disclaimer = (
        "The material published on this website is for general interest only and may not suit readers "
        "outside the country. Our recipes and plans are not intended to diagnose or treat any condition, "
        "and nothing here should be taken as medical advice; ask a qualified professional first."
    )
    lines = ["Home", "Recipes", "Plans", prose, prose, "About us", "Contact", disclaimer, disclaimer]
    assert story_region(lines) == (3, 5)
    assert not is_site_notice(prose)
    assert not is_site_notice("Doctors said the new drug is intended to treat a rare form of anaemia.")


def test_a_thoughts_on_heading_opens_the_comment_thread() -> None:
    assert is_comments_heading("12 thoughts on “Why the pier must close”")
    assert is_comments_heading("One thought on “Why the pier must close”")
    assert not is_comments_heading("The council had second thoughts on the pier.")
