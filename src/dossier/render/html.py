"""The briefing as one self-contained HTML5 page, rendered by the Jinja2 templates in ``templates/``.

Everything the page needs is inside it: the stylesheet is inlined, there are no
scripts, fonts or images (the charts are inline SVG), so it opens offline and prints cleanly. Every
citation ``[n]`` links into the full text of article ``n`` at the bottom of the
page, where the cited spans are marked (see :mod:`dossier.render.highlight`).

The templates only lay out a :class:`~dossier.render.view.BriefingView`;
``templates/briefing.html`` extends ``base.html`` and includes one partial per
section (``templates/section_*.html``), so another page can reuse the layout and
any partial with a ``view`` in its context.

All article-derived text is escaped: the environment autoescapes every value,
and characters HTML cannot carry become U+FFFD. URLs become links only when
they are plain http(s) URLs (the view decides that).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup

from dossier.briefing import Briefing
from dossier.render.charts import heatmap_svg, timeline_svg
from dossier.render.highlight import segments
from dossier.render.templating import template_environment
from dossier.render.view import BriefingView, build_view
from dossier.untrusted import INVISIBLE_FORMATTING

# Characters that are not allowed in HTML text (C0 controls other than tab and line
# breaks, DEL, lone surrogates), and invisible formatting that would make a label read
# as something else ("safe\u202etxt.exe"). Each becomes one U+FFFD, so the text keeps its length.
_NOT_HTML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]|" + INVISIBLE_FORMATTING.pattern)


def to_html(briefing: Briefing) -> str:
    """The whole briefing as one HTML document, ending with a newline."""
    return view_to_html(build_view(briefing))


def view_to_html(view: BriefingView) -> str:
    """The page of an already built view."""
    template = environment().get_template("briefing.html")
    return template.render(view=view, stylesheet=stylesheet())


def highlight(text: str, spans: Iterable[tuple[int, int]], article_number: int) -> str:
    """Escaped HTML of ``text`` with every span in ``spans`` marked and anchored, as on the page."""
    macros = environment().get_template("macros.html").module
    return str(macros.marked_text(segments(text, spans, article_number)))  # type: ignore[attr-defined]


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the HTML templates: autoescaped, and strict about missing names."""
    env = template_environment(autoescape=True, finalize=_html_text)
    # The charts are markup built from escaped pieces (see dossier.render.charts).
    env.globals.update(timeline_svg=timeline_svg, heatmap_svg=heatmap_svg)
    return env


@cache
def stylesheet() -> Markup:
    """The page's CSS: our own file, so it is inserted as is (escaping would break its quotes)."""
    css = resources.files("dossier").joinpath("render", "briefing.css").read_text(encoding="utf-8")
    return Markup(css)


def html_safe(text: str) -> str:
    """``text`` with each character HTML cannot carry replaced by one U+FFFD, so offsets still hold."""
    # Those characters are all unprintable, and almost every value is printable: skip the regex then.
    return text if text.isprintable() else _NOT_HTML_TEXT.sub("\ufffd", text)


def _html_text(value: object) -> object:
    """Every value a template prints passes here before autoescaping."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return html_safe(value)
    return value
