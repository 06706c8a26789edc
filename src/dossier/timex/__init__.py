"""Time expressions: finding them, resolving them against publication dates, inferring missing dates.

* :func:`find_mentions` finds expressions in text (:mod:`dossier.timex.extract`);
* :func:`resolve` / :func:`resolve_article` tie them to the calendar
  (:mod:`dossier.timex.resolve`; value formats in :mod:`dossier.timex.value`);
* :func:`infer_dates_stage` is the story stage that dates undated articles
  from the rest of the story (:mod:`dossier.timex.infer`).
"""

from __future__ import annotations

from dossier.article import Article
from dossier.timex.extract import TimeMention, find_mentions
from dossier.timex.infer import Inference, infer_dates_stage, infer_publication
from dossier.timex.resolve import TimeExpression, resolve, resolve_article
from dossier.timex.value import TimeValue

__all__ = [
    "Inference",
    "TimeExpression",
    "TimeMention",
    "TimeValue",
    "find_mentions",
    "infer_dates_stage",
    "infer_publication",
    "resolve",
    "resolve_article",
    "time_expressions",
]


def time_expressions(article: Article) -> tuple[TimeExpression, ...]:
    """The time expressions of ``article``, resolved against its (possibly inferred) publication date."""
    return resolve_article(article.text, article.sentences, article.published)
