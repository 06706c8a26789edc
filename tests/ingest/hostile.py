"""A bounded corpus of hostile inputs, made from our own bytes: each must be read or refused, quickly.

Every case is a file name and its bytes. The whole corpus is a few megabytes
and reads in seconds; what each case is meant to break is in its name.
"""

from __future__ import annotations

import gzip
import json

SECRET = "door code 4471 for the harbour office"


def _nested_json(depth: int) -> bytes:
    return b'{"text": "A short hostile line of text.", "m": ' + b"[" * depth + b"]" * depth + b"}"


def _xxe_feed(secret_path: str) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret_path}">]>'
        '<rss version="2.0"><channel><title>XXE</title><item><title>&leak;</title>'
        f"<description>{'Ferry news in a feed that tries to read a local file. ' * 12}&leak;</description>"
        "</item></channel></rss>"
    ).encode()


def _billion_laughs() -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>Laughs</title>'
        "<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"
    ).encode()


def corpus(secret_path: str) -> dict[str, bytes]:
    """File name -> bytes; ``secret_path`` is a file that no case may ever leak."""
    text = "The harbour board met on Tuesday and agreed the winter ferry timetable. "
    return {
        "binary-png.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "binary-elf.md": b"\x7fELF" + b"\x00" * 64,
        "binary-nuls.txt": b"ab\x00cd\x00" * 100,
        "gzip-as-text.txt": gzip.compress(b"x" * 100_000),
        "encoding-bad-utf8.txt": b"Caf\xe9 au lait \xff\xfe in Larkfield",
        "encoding-overlong.txt": b"slash \xc0\xaf here",
        "encoding-surrogate-utf8.txt": b"surrogate \xed\xa0\x80 here",
        "encoding-utf16-no-bom.txt": text.encode("utf-16-le"),
        "encoding-utf16-bom.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "empty.txt": b"",
        "whitespace.md": b" \n\t\r\n   ",
        "huge-line.txt": (text * 30_000).encode(),
        "huge-jsonl-line.jsonl": json.dumps({"text": text * 20_000}).encode(),
        "jsonl-deep-array.jsonl": _nested_json(100_000),
        "jsonl-deep-metadata.jsonl": json.dumps({"text": text, "m": _deep_object(700)}).encode(),
        "jsonl-surrogates.jsonl": json.dumps({"text": text + "\ud800", "title": "\udfff"}).encode(),
        "jsonl-big-number.jsonl": b'{"text": "x y z", "n": ' + b"9" * 50_000 + b"}",
        "jsonl-nan.jsonl": b'{"text": "x y z", "n": NaN}',
        "jsonl-not-objects.jsonl": b'[]\n1\n"s"\nnull\n',
        "html-deep.html": b"<html><body>" + b"<div>" * 20_000 + text.encode() + b"</div>" * 20_000,
        "html-script.html": (
            b"<html><head><title>x</title><script>alert(1)</script></head><body><article>"
            b'<p onclick="alert(2)">' + text.encode() * 3 + b"</p><img src=x onerror=alert(3)>"
            b"<iframe src=javascript:alert(4)></iframe></article></body></html>"
        ),
        "html-meta-utf16.html": b'<html><head><meta charset="utf-16"></head><body><p>'
        + text.encode() * 2
        + b"</p></body></html>",
        "html-unclosed.html": b"<html><body><p>" + b"<b><i><u>" * 5_000 + text.encode(),
        "markdown-stars.md": b"*" * 100_000 + b"\n" + b"_" * 100_000,
        "markdown-brackets.md": b"[" * 50_000 + b"](" * 50_000 + b"\n" + text.encode(),
        "markdown-backticks.md": b"`" * 100_000,
        "feed-xxe.xml": _xxe_feed(secret_path),
        "feed-billion-laughs.xml": _billion_laughs(),
        "feed-truncated.rss": b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>T</title>',
        "feed-charrefs.xml": (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>&#xD800;&#99999999;</title><item>'
            b"<title>&#55296;</title><description>"
            + text.encode() * 8
            + b"</description></item></channel></rss>"
        ),
        "feed-control-chars.atom": b'<feed xmlns="http://www.w3.org/2005/Atom"><title>\x1b[31mred\x1b[0m</title>'
        b"<entry><title>\x1b]0;owned\x07</title><content>" + text.encode() * 8 + b"</content></entry></feed>",
    }


def _deep_object(depth: int) -> object:
    value: object = "bottom"
    for _ in range(depth):
        value = {"d": value}
    return value
