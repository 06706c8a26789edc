"""Page furniture: the parts of a web page's text that are not the story.

A text extractor hands over a page's text with the site's furniture still in
it: navigation menus, video and related-link widgets, photo captions and
credits, share bars, sign-up boxes, cookie notices, comment threads, the
footers of embedded posts, live-blog stamps. This module finds them by their
*shape* only, never by a site's name:

- **line shapes** (:func:`line_kind`): a caption ending in a photo credit, a
  share bar made of network names, a cookie or newsletter notice, the footer
  of an embedded post ("— Name (@handle) July 16, 2018"), a live-blog stamp,
  a byline in the middle of the text, a "Read or Share this story: <url>" line;
- **widget grammar** (:func:`widget_blocks`): a run of lines that opens and
  closes with a widget's own markers (a video carousel from "just watched" to
  "must watch"), and inline hover widgets that end in an upper-case "MORE";
- the story region of a whole page's text is found in :mod:`dossier.region`.

Every finding is a :class:`~dossier.article.Stripped` record with its kind, so
what was removed can always be shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.article import Stripped
from dossier.header import parse_byline
from dossier.words import word_list

#: Lines longer than this are never judged by their shape alone.
MAX_FURNITURE_WORDS = 80
#: A share bar has at most this many buttons.
SHARE_BAR_WORDS = 12
#: How many characters at the end of a line may hold a photo credit.
CREDIT_REACH = 200
#: A widget's closing marker must come within this many lines of its opening marker.
WIDGET_REACH = 40


_I = re.IGNORECASE

# --- line shapes ---------------------------------------------------------------------------------

_NETWORKS = word_list("""
    facebook twitter x linkedin pinterest reddit whatsapp email e-mail mail print copy link
    messenger tumblr flipboard telegram instagram youtube tiktok threads bluesky mastodon sms share
    tweet comment comments pin save gift article url on via this
    """)
# A photo credit: "Jane Roe/Agency" (capitalised words either side of a slash).
_NAME_SLASH = r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*/\s*[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}"
_CREDIT_TAIL = re.compile(
    r"(?:"
    r"\((?:[A-Z][\w.&'-]*\s?){0,4}(?i:photo|photos|image|images|video|file|illustration|graphic|credit)s?"
    r"\b[^()]{0,80}\)"  # (Photo: Jane Roe/Agency), (AP Photo/Jane Roe), (File photo)
    r"|\b(?i:photo|image|picture|illustration|credit|photograph)s?(?:\s+(?i:by)|\s*:|\.{2,}|\s*\|)\s*[^.!?]{2,80}"
    r"|(?:\A|(?<=[.!?”\"’)])\s?)"  # after a sentence, or glued to its final point ("…2019.Jane Roe / AP")
    + _NAME_SLASH
    + r"(?:\s+(?i:file|photo|pool))?"
    + r"|\b(?i:getty images|shutterstock|istock(?:photo)?)(?:\s+for\s+[^.!?]{1,40})?"
    r")\s*\Z",
)
_CREDIT_ONLY = re.compile(
    r"(?:(?i:photo|image|picture|illustration|video|credit|photograph)s?\s*(?:(?i:by)|:|\|)?\s*)?"
    + _NAME_SLASH
)
_CAPTION_WIDGET = re.compile(
    r"(?:enlarge this image|toggle caption|hide caption|show caption|expand image|image copyright"
    r"|image caption|media caption)",
    _I,
)
#: A slideshow's counter glued to its caption ("3of12Crews unload ..."): a caption however long it runs.
_GALLERY_COUNTER = re.compile(r"\d{1,3}of\d{1,3}(?=[A-Z])")
# "© Jane Roe" alone on a line: a photo credit.
_COPYRIGHT_CREDIT = re.compile(r"©\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}(?:\s*/\s*[\w .&'-]{1,40})?")
_FILE_PHOTO = re.compile(
    r"(?:file photo|file image|file)\s*[:-]"
    r"|in this (?:[^,]{1,40}, )?(?:\d{4},? )?(?:undated |handout |file |aerial |video )*"
    r"(?:photo|image|picture|photograph|still|frame grab|screenshot)\b",
    _I,
)
_EMBED_FOOTER = re.compile(
    r"(?:—|–|--?)\s*[^()\n]{1,60}\(@\w{1,30}\)\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})\s*\Z"
)
_LIVE_STAMP = re.compile(
    r"\[\s*(?:updated?|update|corrected|correction|editor'?s note|developing|breaking)\b[^\[\]]{0,60}\]\s*",
    _I,
)
# "Updated 4:30 p.m. ET" alone on a line, in the middle of a live story.
_BARE_STAMP = re.compile(
    r"(?:updated?|posted|published)(?: at| on)?:?\s+\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?"
    r"\s*(?:[ECMP][SD]?T|GMT|UTC)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?",
    _I,
)
# "A post shared by Jane Roe (@janeroe) on Jul 16, 2018 at 9:05am PDT": an embedded photo post's footer.
_POST_SHARED = re.compile(r"a (?:post|photo|video) shared by [^\n]{1,80}(?:\(@\w{1,30}\))?[^\n]{0,60}", _I)
_SHARE_URL = re.compile(
    r"(?:read or share this story|share this (?:story|article)|permalink)\s*:\s*\S+\s*\Z", _I
)
_COOKIES = re.compile(
    r"(?:\bwe use cookies\b|\bthis (?:web)?site uses cookies\b|\buse of cookies\b"
    r"|\bcookie (?:policy|settings)\b|\baccept (?:all )?cookies\b"
    r"|\bby (?:continuing|using) (?:to use )?(?:this|our) (?:web)?site\b)",
    _I,
)
#: A site's legal disclaimer: what it says of its own content, never a story's sentence about the world.
_DISCLAIMER = re.compile(
    r"(?:\b(?:information|content|contents|materials?) (?:provided |published |contained )?(?:on|in|of) "
    r"(?:this|our) (?:web ?)?site\b"
    r"|\b(?:is|are) not intended to (?:diagnose|treat|cure|prevent|replace|substitute)\b"
    r"|\b(?:should|must) not be (?:construed|considered|taken|relied upon) as (?:\w+ )?advice\b)",
    _I,
)
#: The writer's note at the foot of a story: "Jane Roe is a reporter for the Gull Post."
_AUTHOR_BIO = re.compile(
    r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}\s+(?:is|was)\s+an?\s+(?:[\w-]+,?\s+){0,5}"
    r"(?:reporter|writer|correspondent|journalist|editor|columnist|contributor|producer|author|educator)s?"
    r"(?:,|\.|\s+(?:for|at|with|covering|based)\b)"
)
#: A teaser headline ending in a section tag in capitals: "Ferry fares rise again [VIDEO]".
_TAGGED_TEASER = re.compile(r"\[[A-Z][A-Z ]{2,20}\]\W{0,3}\Z")
#: A "Click to Tweet" box repeats a line of the story with a share button glued to its end.
_TWEETABLE = re.compile(r"click to tweet\W*\Z", _I)
_NEWSLETTER = re.compile(
    r"(?:\A(?:sign up|subscribe|register)\b|\bnewsletters?\b|\benter your e-?mail\b"
    r"|\bby signing up\b|\bunsubscribe\b|\bprivacy policy\b|\bterms of (?:use|service)\b"
    r"|\bdelivered (?:right |straight |directly )?to (?:you|your)\b|\byour inbox\b"
    r"|\bdelivered (?:every |each )?(?:daily|weekly|weekday|weekend|morning|evening)s?\b|\bnews alerts\b"
    r"|\bif you (?:enjoyed|liked|value|appreciate) (?:this|our)"
    r" (?:article|story|journalism|reporting|work)\b)",
    _I,
)
_PROMO_SHAPES = (
    re.compile(
        r"story continue[sd] below|article continues (?:below|after)(?: this (?:ad|advertisement))?"
        r"|continue reading(?: the (?:main )?story| below)?|sponsor message|skip to (?:main )?content",
        _I,
    ),
    re.compile(r"(?:advertisement|sponsored|ad)\s*(?:-|–|—)?\s*(?:scroll|continue)", _I),
    re.compile(r"this (?:article|story) is more than \w+ (?:days?|weeks?|months?|years?) old", _I),
    re.compile(
        r"(?:liked?|enjoy(?:ed)?) this (?:article|story)\? share it(?: with (?:a|your) friends?)?!?", _I
    ),
    re.compile(r"also on (?:[\w-]+\.)+[a-z]{2,}", _I),
)
_CLOCK_ONLY = re.compile(r"\(?\d{1,2}:\d{2}(?::\d{2})?\)?")
#: Marks that end a sentence, and the closing quotes and brackets that may follow them.
SENTENCE_FINAL = tuple(".!?…")
CLOSERS = "\"'”’»)]*"


@dataclass(frozen=True, slots=True)
class Found:
    """A kind of furniture and why a piece of text is taken for it."""

    kind: str
    reason: str


def line_kind(line: str) -> Found | None:
    """The kind of furniture one whole paragraph is, by its shape, or None when it may be story."""
    words = line.split()
    if len(words) > MAX_FURNITURE_WORDS:
        return None
    # Each costly pattern runs only on a line holding one of its words, so prose is cheap to pass.
    folded = line.casefold()
    captionish = _mentions(folded, _CAPTION_WORDS) or line[:1].isdigit()
    if (len(words) <= 40 and captionish and _CAPTION_WIDGET.search(line)) or _GALLERY_COUNTER.match(line):
        return Found("caption", "image caption widget")
    if _FILE_PHOTO.match(line) or _CREDIT_ONLY.fullmatch(line) or _COPYRIGHT_CREDIT.fullmatch(line):
        return Found("caption", "photo caption or credit")
    if _is_captioned(line, folded):
        return Found("caption", "caption ending in a photo credit")
    if _EMBED_FOOTER.match(line):
        return Found("embed-footer", "footer of an embedded social media post")
    if _SHARE_URL.match(line):
        return Found("share-link", "link to share the story")
    if _mentions(folded, _COOKIE_WORDS) and _COOKIES.search(line):
        return Found("cookie-notice", "cookie or consent notice")
    if _POST_SHARED.fullmatch(line):
        return Found("embed-footer", "footer of an embedded social media post")
    if _LIVE_STAMP.fullmatch(line) or _BARE_STAMP.fullmatch(line):
        return Found("live-stamp", "live-blog update stamp")
    if len(words) <= 30 and _mentions(folded, _NEWSLETTER_WORDS) and _NEWSLETTER.search(line):
        return Found("newsletter", "newsletter or sign-up line")
    if any(pattern.fullmatch(line.strip(" .:-–—")) for pattern in _PROMO_SHAPES):
        return Found("boilerplate", "line telling the reader the story goes on")
    if _is_share_bar(words):
        return Found("share-bar", "share buttons")
    if _CLOCK_ONLY.fullmatch(line):
        return Found("boilerplate", "video running time")
    if len(words) <= 25 and _TAGGED_TEASER.search(line):
        return Found("related-links", "headline of another story with its section tag")
    if _AUTHOR_BIO.match(line):
        return Found("author-bio", "a note on who wrote the story")
    if _TWEETABLE.search(line):
        return Found("share-bar", "tweetable quotation widget")
    return None


_CAPTION_WORDS = ("caption", "enlarge", "expand image", "copyright")
_CREDIT_WORDS = (
    "/",
    "photo",
    "image",
    "picture",
    "illustration",
    "credit",
    "getty",
    "shutterstock",
    "istock",
)
_COOKIE_WORDS = ("cookie", "site")
_DISCLAIMER_WORDS = ("site", "intended", "advice")
_NEWSLETTER_WORDS = (
    *("sign up", "subscribe", "register", "newsletter", "mail", "inbox", "signing up", "privacy"),
    *("terms of", "delivered", "if you "),
)


def is_site_notice(paragraph: str) -> bool:
    """A paragraph of any length that speaks of the site's cookies or consent, or disclaims its own
    content (a footer's legal text)."""
    folded = paragraph.casefold()
    if _mentions(folded, _COOKIE_WORDS) and _COOKIES.search(paragraph) is not None:
        return True
    return _mentions(folded, _DISCLAIMER_WORDS) and _DISCLAIMER.search(paragraph) is not None


def _mentions(folded: str, words: Sequence[str]) -> bool:
    return any(word in folded for word in words)


def _is_captioned(line: str, folded: str) -> bool:
    """The line ends in a photo credit and not in a question or exclamation."""
    tail = max(0, len(line) - CREDIT_REACH)  # the credit sits at the end
    if not _mentions(folded[tail:], _CREDIT_WORDS):
        return False
    return _CREDIT_TAIL.search(line, tail) is not None and not line.rstrip(CLOSERS).endswith(
        SENTENCE_FINAL[1:]
    )


def is_byline(line: str) -> bool:
    """A short "By Jane Roe" line that is not a sentence."""
    return (
        len(line.split()) <= 12
        and parse_byline(line) is not None
        and not line.rstrip(CLOSERS).endswith(SENTENCE_FINAL)
    )


def _is_share_bar(words: Sequence[str]) -> bool:
    if len(words) > SHARE_BAR_WORDS:
        return False
    names = [word.strip(".,:;|·•/()").casefold() for word in words]
    names = [name for name in names if name]
    return bool(names) and all(name in _NETWORKS for name in names)


def live_stamp_prefix(paragraph: str) -> int:
    """The length of a live-blog stamp ("[Updated 8:05 p.m. ET] ") opening ``paragraph``, else 0."""
    match = _LIVE_STAMP.match(paragraph)
    return match.end() if match is not None and match.end() < len(paragraph) else 0


# --- widget grammar ------------------------------------------------------------------------------

_VIDEO_OPEN = re.compile(r"just watched\b", _I)
_VIDEO_CLOSE = re.compile(r"must watch\b", _I)
_VIDEO_PIECES = re.compile(
    r"(?:replay|more videos|must watch|just watched|autoplay|show thumbnails|show captions|hide captions"
    r"|(?:last slide\s*)?next slide|last slide|close|play video|watch video|now playing|up next|pause"
    r"|mute)\b",
    _I,
)
_HOVER_END = re.compile(r" MORE\b")
# Two words glued without a space where one text ended and a widget's began: "SmithJane".
_WORD_BEFORE = re.compile(r"[A-Z][a-z]+\Z")
_GLUE = re.compile(r"(?<=[a-z.)])(?=[A-Z][a-z])")


def widget_blocks(paragraphs: Sequence[str]) -> dict[int, Found]:
    """Paragraphs (by index) inside a widget that opens and closes with its own marker lines."""
    found: dict[int, Found] = {}
    index = 0
    while index < len(paragraphs):
        if _VIDEO_OPEN.match(paragraphs[index]):
            end = _closing_line(paragraphs, index)
            if end is not None:
                for inside in range(index, end + 1):
                    found[inside] = Found("video-widget", "video player and its playlist")
                index = end + 1
                continue
        if _is_player_control(paragraphs[index]):
            found[index] = Found("video-widget", "video player control")
        index += 1
    return found


def _is_player_control(line: str) -> bool:
    """A player or gallery button on its own line ("Replay", "Autoplay"); "Close." is a sentence."""
    if line.endswith(".") and not line.endswith("..."):
        return False
    return _VIDEO_PIECES.fullmatch(line.strip(" .…")) is not None


def _closing_line(paragraphs: Sequence[str], start: int) -> int | None:
    last = min(len(paragraphs), start + WIDGET_REACH)
    for index in range(start, last):
        if _VIDEO_CLOSE.search(paragraphs[index]) and (index > start or _VIDEO_OPEN.match(paragraphs[index])):
            return index
    return None


def hover_widgets(paragraph: str) -> list[tuple[int, int]]:
    """Spans of inline hover widgets: a name glued to a run of headlines that ends in an upper-case MORE.

    "Senator Jane RoeJane Q. RoeRoe backs new bill MORE (D-Ore.) said" holds one
    widget, from the glued "Jane Q. Roe" to "MORE". A widget repeats the name it
    is glued to (the word before the glue, "Roe", comes back inside it), which
    tells it from a name spelled with an inner capital ("MacArthur wants MORE").
    Only a paragraph written mostly in lower case is searched, so that a
    headline in capitals is left alone.
    """
    spans: list[tuple[int, int]] = []
    if " MORE" not in paragraph:
        return spans
    if sum(1 for char in paragraph if char.isupper()) * 3 > sum(1 for char in paragraph if char.isalpha()):
        return spans
    position = 0
    for end in _HOVER_END.finditer(paragraph):
        window_start = max(position, end.start() - 400)
        for glue in _GLUE.finditer(paragraph, window_start, end.start()):
            name = _WORD_BEFORE.search(paragraph, window_start, glue.start())
            if name is not None and re.search(
                rf"\b{re.escape(name.group())}", paragraph[glue.start() : end.start()]
            ):
                spans.append((glue.start(), end.end()))
                position = end.end()
                break
    return spans


def stripped(text: str, found: Found) -> Stripped:
    return Stripped(found.kind, text, found.reason)


# --- the whole pass ------------------------------------------------------------------------------

Indexed = tuple[int, str]
Removed = list[tuple[int, Stripped]]
#: The header reader owns bylines among this many first paragraphs; later ones are furniture.
HEADER_LINES = 6


def strip_furniture(paragraphs: Sequence[Indexed], removed: Removed) -> list[Indexed]:
    """``paragraphs`` without widgets, furniture lines and inline widgets; each removal is recorded."""
    texts = [text for _, text in paragraphs]
    widgets = widget_blocks(texts)
    kept: list[Indexed] = []
    for position, (index, text) in enumerate(paragraphs):
        found = widgets.get(position) or line_kind(text)
        if found is None and position >= HEADER_LINES and is_byline(text):
            found = Found("byline", "byline in the middle of the text")
        if found is not None:
            removed.append((index, stripped(text, found)))
            continue
        text = _strip_inline(index, text, removed)
        if text:
            kept.append((index, text))
    return kept


def _strip_inline(index: int, text: str, removed: Removed) -> str:
    footer = _EMBED_FOOTER.search(text)
    if footer is not None and footer.start() > 0:
        removed.append(
            (index, Stripped("embed-footer", footer.group().strip(), "footer of an embedded post"))
        )
        text = text[: footer.start()].rstrip()
    stamp = live_stamp_prefix(text)
    if stamp:
        removed.append((index, Stripped("live-stamp", text[:stamp].strip(), "live-blog update stamp")))
        text = text[stamp:]
    spans = hover_widgets(text)
    for start, end in reversed(spans):
        removed.append((index, Stripped("related-links", text[start:end], "inline related-links widget")))
        text = text[:start] + " " + text[end:].lstrip()
    return " ".join(text.split()) if spans else text
