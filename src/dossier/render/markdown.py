"""The briefing as Markdown, for reading in a terminal, an editor or a code host.

Rendered by ``templates/briefing.md`` from the same view as the HTML page
(:mod:`dossier.render.view`). Every cited line ends with ``[n]`` markers, where
``n`` is the article's row in the sources table.

Article text is hostile input. Jinja2's autoescaping is HTML escaping, so it is
off here; instead the environment's ``finalize`` hook folds and
Markdown-escapes *every* value the template prints. Only the template's own
text acts as markup, and a value has to be built by one of the filters below
(:class:`Verbatim`) to be printed as is: a headline cannot open a table, a link
or an HTML tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import jinja2

from dossier.briefing import Briefing
from dossier.render.templating import template_environment
from dossier.render.view import BriefingView, Link, build_view, fold
from dossier.untrusted import INVISIBLE_FORMATTING

# One character class, so escaping is linear in the length of the text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#$])")


class Verbatim(str):
    """Markdown made by this module, printed without escaping. Any operation on it gives a plain str again."""

    __slots__ = ()


def to_markdown(briefing: Briefing) -> str:
    """The whole briefing as one Markdown document, ending with a newline."""
    return view_to_markdown(build_view(briefing))


def view_to_markdown(view: BriefingView) -> str:
    """The Markdown of an already built view."""
    return environment().get_template("briefing.md").render(view=view)


def escape(text: str) -> str:
    """Article text made inert: one line, invisible formatting dropped, specials backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", fold(INVISIBLE_FORMATTING.sub("", text)))


def cite(links: Iterable[Link]) -> Verbatim:
    """``[1][3]``: one marker per link, ``[?]`` for one that does not resolve."""
    return Verbatim("".join(f"[{link.number}]" if link.number is not None else "[?]" for link in links))


def link_target(url: str) -> Verbatim:
    """A URL for ``[text](<url>)``: inside ``<...>`` a backslash escapes and a pipe ends a table cell."""
    # The view only passes plain http(s) URLs without spaces, quotes or angle brackets.
    return Verbatim(url.replace("\\", "%5C").replace("|", "%7C"))


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the Markdown template: no HTML autoescaping, Markdown escaping instead."""
    env = template_environment(autoescape=False, finalize=_markdown_text)
    env.filters["cite"] = cite
    env.filters["link_target"] = link_target
    return env


def _markdown_text(value: object) -> object:
    """Every value the template prints passes here: text is escaped unless this module built it."""
    if isinstance(value, str) and not isinstance(value, Verbatim):
        return escape(value)
    return value
