"""furniture: page furniture found by its shape, on fixtures written for each kind.

The fixtures in ``tests/fixtures/furniture`` are invented text in the shapes a
news page carries: an article as a text extractor hands it over (widgets,
captions, credits, sign-up lines left in), the same article as all the
visible text of its page (menus, teasers, a comment thread), and an HTML page
read by the real HTML reader. Expectations are must-contain / must-not-contain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.analyze import analyze_articles
from dossier.article import Article, Draft
from dossier.clean import clean
from dossier.furniture import hover_widgets, line_kind, widget_blocks
from dossier.ingest.html import read_html

FIXTURES = Path(__file__).parent / "fixtures" / "furniture"

STORY = (
    "The harbour board voted on Thursday to close the old ferry pier",
    "We cannot ask passengers to stand on a structure that we know is failing",
    "Ferry services will move to the container terminal",
    "One regular passenger said the move would add twenty minutes",
)


def cleaned_text_file(name: str) -> Article:
    return clean(Draft(source=name, text=(FIXTURES / name).read_text(encoding="utf-8")))


def cleaned_page(name: str) -> Article:
    return clean(read_html((FIXTURES / name).read_bytes(), source=name))


def kinds(article: Article) -> set[str]:
    return {item.kind for item in article.stripped}


# --- an article as a text extractor hands it over -----------------------------------------------------

WIDGET_FURNITURE = (
    "JUST WATCHED",
    "Replay",
    "More Videos",
    "MUST WATCH",
    "Divers inspect the cracked piles",
    "MORE",
    "Harbour fees rise for second year",
    "Story Continued Below",
    "Advertisement",
    "Enlarge this image",
    "toggle caption",
    "Example Photo Agency",
    "A diver surveys the base",
    "FILE PHOTO",
    "newsletter",
    "[Updated",
    "(@KestrelHarbour)",
    "Share this article",
    "Facebook",
    "Related:",
    "cookies",
    "By Jonas Weller",
    "Read or Share this story",
)


@pytest.mark.parametrize("furniture", WIDGET_FURNITURE)
def test_every_kind_of_widget_and_caption_leaves_the_text(furniture: str) -> None:
    assert furniture not in cleaned_text_file("news_with_widgets.txt").text


def test_the_story_around_the_widgets_is_all_kept() -> None:
    article = cleaned_text_file("news_with_widgets.txt")
    for sentence in STORY:
        assert sentence in article.text
    assert "Deputy chair Tomas Reed said the board would ask" in article.text


def test_everything_stripped_is_recorded_with_its_kind() -> None:
    article = cleaned_text_file("news_with_widgets.txt")
    assert {
        "video-widget",
        "related-links",
        "boilerplate",
        "caption",
        "newsletter",
        "live-stamp",
        "embed-footer",
        "share-bar",
        "cookie-notice",
        "byline",
        "share-link",
    } <= kinds(article)
    recorded = " ".join(item.text for item in article.stripped)
    for furniture in (
        "JUST WATCHED",
        "Tomas Q. Reed",
        "[Updated 8:05 p.m. ET]",
        "Lena Ortiz/Example Photo Agency",
    ):
        assert furniture in recorded


def test_the_dateline_is_recognised_not_stripped() -> None:
    article = cleaned_text_file("news_with_widgets.txt")
    assert article.dateline == "KESTREL BAY, Norland"
    assert article.metadata["agency"] == "Example News"
    assert article.text.startswith("KESTREL BAY, Norland (Example News) —")
    assert article.title == "Harbour board votes to close the old ferry pier"


# --- all the visible text of a page --------------------------------------------------------------------


def test_a_page_that_shows_its_story_twice_keeps_one_copy() -> None:
    text = (FIXTURES / "page_dump.txt").read_text(encoding="utf-8")
    story = text[text.index("KESTREL BAY") : text.index("More from News")]
    article = clean(Draft(source="twice", text=text.replace("More from News", story + "More from News")))
    assert article.text.count("I would rather be late") == 1
    assert any(item.reason == "a copy of a paragraph already kept" for item in article.stripped)


def test_a_page_dump_is_cut_down_to_its_story() -> None:
    article = cleaned_text_file("page_dump.txt")
    for sentence in (*STORY, "I would rather be late than fall into the bay"):
        assert sentence in article.text
    for furniture in (
        "Home",
        "Weather",
        "More from News",
        "cycle lanes",
        "says:",
        "rotten",
        "Privacy Policy",
    ):
        assert furniture not in article.text
    assert {"page-furniture", "comments"} <= kinds(article)
    assert article.title == "Harbour board votes to close the old ferry pier"


def test_reader_comments_are_recorded_as_comments() -> None:
    article = cleaned_text_file("page_dump.txt")
    comments = [item.text for item in article.stripped if item.kind == "comments"]
    assert "12 Comments" in comments
    assert any("rotten" in text for text in comments)


def test_an_article_without_page_furniture_is_never_cropped() -> None:
    text = (
        "Councillors met on Monday to discuss the budget for the coming year.\n\n"
        "Short.\n\n"
        "The mayor said the plan would be published in the spring, once every ward had been heard.\n\n"
        "Yes."
    )
    article = clean(Draft(source="plain", text=text))
    assert article.text == text
    assert article.stripped == ()


def test_an_article_with_a_list_of_figures_is_not_taken_for_a_page() -> None:
    text = (
        "The count of pledged delegates moved again after the weekend contests in three states.\n\n"
        "Roe: 1,204.\n\nDoe: 1,101.\n\nPark: 311.\n\nLi: 95.\n\n"
        "Party officials who vote as they please are counted apart, and they can still change their minds."
    )
    article = clean(Draft(source="figures", text=text))
    assert article.text == text
    assert article.stripped == ()


# --- an HTML page through the real HTML reader -----------------------------------------------------------


def test_an_html_page_keeps_its_story_and_loses_its_furniture() -> None:
    article = cleaned_page("page_with_furniture.html")
    for sentence in (*STORY, "I would rather be late than fall into the bay"):
        assert sentence in article.text
    for furniture in (
        "Subscribe",
        "cookies",
        "Facebook",
        "Story Continued Below",
        "Advertisement",
        "newsletter",
        "cycle lanes",
        "(@KestrelHarbour)",
        "Read or Share",
        "All rights reserved",
    ):
        assert furniture not in article.text
    assert article.dateline == "KESTREL BAY, Norland"
    assert {"embed-footer", "share-link"} <= kinds(article)


def test_what_the_html_reader_leaves_out_is_recorded_too() -> None:
    article = cleaned_page("page_with_furniture.html")
    dropped = [item.text for item in article.stripped if item.kind == "html-furniture"]
    for furniture in (
        "Subscribe",
        "Story Continued Below",
        "Council approves new cycle lanes",
        "Facebook Twitter Email",
    ):
        assert furniture in dropped
    assert any("cookies" in text for text in dropped)
    assert not any("harbour board voted" in text for text in dropped)


def test_the_html_reader_says_the_story_was_already_cut_out() -> None:
    draft = read_html((FIXTURES / "page_with_furniture.html").read_bytes(), source="page")
    assert draft.metadata["extracted_by"] == "trafilatura"


# --- no furniture word becomes a person ------------------------------------------------------------------

FURNITURE_WORDS = (
    "Replay",
    "Watch",
    "Videos",
    "Story",
    "Continued",
    "Enlarge",
    "Photo",
    "File",
    "Agency",
    "Updated",
    "Share",
    "Facebook",
    "Twitter",
    "Email",
    "Print",
    "Related",
    "Read",
    "Advertisement",
    "Comments",
    "Home",
    "Subscribe",
    "MORE",
)


@pytest.mark.parametrize("name", ["news_with_widgets.txt", "page_dump.txt", "page_with_furniture.html"])
def test_no_furniture_word_is_typed_as_a_person(name: str) -> None:
    article = cleaned_page(name) if name.endswith(".html") else cleaned_text_file(name)
    analysis = next(analyze_articles([article]))
    people = [mention.surface for mention in analysis.names if mention.type == "person"]
    assert people, "the story's own people are still found"
    for surface in people:
        assert not set(surface.replace(".", " ").split()) & set(FURNITURE_WORDS), surface
    assert "Alma Brandt" in people
    # No name glued across a widget boundary ("Tomas Reed" + the widget's "Tomas Q. Reed...").
    assert not any("Reed" in surface and "Harbour" in surface for surface in people)


# --- the rules one by one ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Hide caption", "caption"),
        ("Jane Roe/Example Wire", "caption"),
        ("Photo by Jane Roe | Example Wire", "caption"),
        ("Crowds gather outside the court on Friday. Jane Roe/Example Images", "caption"),
        ("FILE PHOTO - A container ship leaves the port", "caption"),
        ("— Jane Roe (@janeroe) July 16, 2018", "embed-footer"),
        ("[Updated 8:05 p.m. ET]", "live-stamp"),
        ("Read or Share this story: https://paper.example/1", "share-link"),
        ("Share on Facebook · Twitter · Email", "share-bar"),
        ("This website uses cookies to give you the best experience.", "cookie-notice"),
        ("Enter your email address to get our alerts", "newsletter"),
        ("Article continues below", "boilerplate"),
        ("2:14", "boilerplate"),
        ("© Jane Roe", "caption"),
        ("(AP Photo/Jane Roe)", "caption"),
        ("Credit...Jane Roe for Example Times", "caption"),
        ("A post shared by Jane Roe (@janeroe) on Jul 16, 2018 at 9:05am PDT", "embed-footer"),
        ("Updated 4:30 p.m. ET", "live-stamp"),
        ("Continue reading the main story", "boilerplate"),
        ("Sponsor Message", "boilerplate"),
        ("This article is more than 5 years old", "boilerplate"),
        ("Image copyright Example Images", "caption"),
        ("3of12Workers clear the road after the landslide.", "caption"),
        ("Get the harbour briefing delivered to your inbox every morning. No charge.", "newsletter"),
        ("If you enjoyed this article, we have an offer for you: join our members' club.", "newsletter"),
    ],
)
def test_line_shapes(line: str, kind: str) -> None:
    found = line_kind(line)
    assert found is not None and found.kind == kind and found.reason


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the photo by the river was taken in June, before the floods.",
        "Roe told the Example Wire that the deal was done.",
        "Subscribers to the service will pay more from May, the company said.",
        "The council shared the report with residents on Facebook and by email on Monday.",
        "She said the cookies sold out before noon at the school fair.",
        "Prices rose 3.5% in the year to June, the statistics office said.",
        "3 of 12 Passengers on the bus were taken to hospital.",
        "The survey was carried out by Example Wire/Ipsos.",
        "Updated figures were published on Monday, the ministry said.",
        "The mayor said she would close the road for a week.",
        "The parcels were delivered to the wrong street, residents said.",
        "If you enjoyed the fair, the council said, come back next year.",
    ],
)
def test_story_sentences_are_not_furniture(line: str) -> None:
    assert line_kind(line) is None


def test_a_video_widget_runs_from_its_opening_to_its_closing_marker() -> None:
    lines = [
        "Story text here.",
        "JUST WATCHED",
        "A clip",
        "Replay",
        "More Videos ...",
        "MUST WATCH",
        "More story.",
    ]
    assert sorted(widget_blocks(lines)) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "control", ["Autoplay", "Show Thumbnails", "Show Captions", "Last SlideNext Slide", "Close"]
)
def test_gallery_and_player_controls_are_video_widget_lines(control: str) -> None:
    assert widget_blocks(["Story text.", control, "More story."]) == {1: widget_blocks([control])[0]}


def test_a_one_word_sentence_is_not_a_player_control() -> None:
    assert widget_blocks(["Story text.", "Close.", "More story."]) == {}


def test_a_widget_without_its_closing_marker_leaves_the_lines_after_it() -> None:
    lines = ["Just watched the final, he said, and went home.", "The next line is story."]
    assert widget_blocks(lines) == {}


def test_an_inline_hover_widget_is_cut_from_its_glued_name_to_more() -> None:
    text = "Senator Jane RoeJane Q. RoeRoe backs bridge bill Tolls to rise MORE (D-Ore.) said on Tuesday."
    spans = hover_widgets(text)
    assert [text[start:end] for start, end in spans] == [
        "Jane Q. RoeRoe backs bridge bill Tolls to rise MORE"
    ]


def test_a_name_with_an_inner_capital_is_no_hover_widget() -> None:
    assert hover_widgets("MacArthur said the county wants MORE money for the roads this year.") == []
    assert hover_widgets("McDonald said the port needs MORE cranes before the winter.") == []


def test_two_hover_widgets_in_one_paragraph_are_both_found() -> None:
    text = (
        "Senator Jane RoeJane Q. RoeRoe backs bridge bill MORE (D-Ore.) and Senator Tom LeeThomas LeeLee "
        "wins primary MORE (R-Ida.) met on Tuesday."
    )
    widgets = [text[start:end] for start, end in hover_widgets(text)]
    assert widgets == ["Jane Q. RoeRoe backs bridge bill MORE", "Thomas LeeLee wins primary MORE"]


def test_a_headline_in_capitals_has_no_hover_widget() -> None:
    assert hover_widgets("MORE RAIN AND MORE WIND FOR THE COAST") == []


def test_a_slideshow_caption_with_its_counter_glued_on_is_a_caption_however_long() -> None:
    caption = (
        "2of9Volunteers from the Kelport lifeboat station carry sandbags along the harbour wall on "
        "Tuesday evening, hours before the storm surge the coastguard had warned of reached the town, "
        "while shopkeepers on Quay Street boarded up their windows and moved stock upstairs. "
        "(Ada Roe/Gull Post)"
    )
    assert len(caption.split()) > 40
    found = line_kind(caption)
    assert found is not None and found.kind == "caption"
    assert line_kind("In 2019 the board counted 2 of 9 piers as unsafe after the storm surge.") is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Ada Roe is a reporter for the Gull Post.", "author-bio"),
        ("Tomas Brell is a freelance writer based in Kelport who covers the fishing trade.", "author-bio"),
        ("Piers are the town's oldest structures, the engineers said.Click To Tweet", "share-bar"),
        ("Get harbour news alerts and special reports, delivered weekday mornings.", "newsletter"),
        ("Let the morning's top stories meet your inbox.", "newsletter"),
        ("Crews repair the north pier on May 2, 2031.Ada Roe / Gull Post file", "caption"),
        ("Kelport ferry fares to rise again in spring [VIDEO]", "related-links"),
        ("Like this story? Share it with a friend!", "boilerplate"),
        ("Also on gullpost.example", "boilerplate"),
        (
            "Lena Marsh is a senior harbour reporter for the Gull Post, covering ports, ferries and the "
            "fishing fleet. Before joining the paper she spent ten years at a shipping weekly in Orrin, "
            "and she has reported from every island in the strait. Write to her with tips and corrections.",
            "author-bio",
        ),
    ],
)
def test_foot_of_story_widgets_and_notes_are_furniture(line: str, kind: str) -> None:
    found = line_kind(line)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    "line",
    [
        "Ada Roe, who is a reporter for the Gull Post, was detained at the border on Monday.",
        "Lena Marsh is a former editor of the paper and now runs the ferry company.",
        "The engineers said the repairs would be delivered to the council in March.",
        "Witnesses said the shelling [of the harbour] began before dawn.",
    ],
)
def test_story_sentences_about_writers_or_deliveries_stay(line: str) -> None:
    assert line_kind(line) is None
