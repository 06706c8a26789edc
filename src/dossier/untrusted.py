"""Untrusted strings made safe to keep and show: credentials out of URLs, invisible formatting out of labels.

Two things in a source's fields do harm far from where they came in:

* a URL with a user name and password (``http://user:pass@host/``) would be
  written into every output that shows the URL, and into logs. The fetch has
  already used it by the time a draft exists, so the credentials are cut from
  every URL before it is stored or shown.
* bidirectional overrides and zero-width characters make a label read as
  something it is not ("safe\u202etxt.exe" shows as "safeexe.txt"). Article text
  loses them in cleaning; one-line fields (title, outlet, dateline, URL) lose
  them here, and the renderers neutralise any that an older store still holds.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

#: Characters that change how text around them is shown without showing themselves: direction marks,
#: embeddings, overrides and isolates; zero-width space, word joiner, byte order mark, soft hyphen,
#: Mongolian vowel separator; the interlinear annotation marks. Zero-width (non-)joiners are kept:
#: some scripts and emoji need them.
INVISIBLE_FORMATTING = re.compile(
    "[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u180e\ufff9-\ufffb]"
)
# C0 and C1 controls and DEL: never part of a one-line label.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
# scheme://user[:password]@ at the start of a URL or anywhere in a message.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/?#\s@]*@")


def without_credentials(url: str) -> str:
    """``url`` without a user name or password; anything that is not such a URL comes back unchanged."""
    if "@" not in url or "://" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return redact_credentials(url)
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def redact_credentials(text: str) -> str:
    """``text`` with the user name and password of every URL in it cut out (for messages and reasons)."""
    return _USERINFO.sub(r"\1", text) if "@" in text else text


def visible_label(value: str) -> str:
    """A one-line field (title, outlet, dateline, URL) without invisible formatting or control characters."""
    value = INVISIBLE_FORMATTING.sub("", value)
    return " ".join(_CONTROLS.sub(" ", value).split()) if _CONTROLS.search(value) else value
