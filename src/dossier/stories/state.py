"""The online clusterer saved as one document, so that a store's next writer resumes without replaying.

A clusterer's state is everything it learned from the stream: the document
frequencies, the candidate index, the copy finder's MinHash signatures and
every live story with its summed counts and cached weights. :func:`dump_state`
writes it as zlib-compressed JSON (never pickle: a store file may come from
anyone, and loading it must not run code); :func:`load_state` gives back a
clusterer in exactly that state, so an article placed after resuming goes
where it would have gone without the pause.

A saved state is only valid under the settings it was made with and under
this module's :data:`STATE_FORMAT`: :func:`fingerprint` names both, and a
state with another fingerprint is ignored (the store replays its history
instead).
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dossier.errors import StoreError
from dossier.stories.clusterer import OnlineClusterer, Settings
from dossier.stories.lazy_json import json_pieces

logger = logging.getLogger(__name__)

#: Raised whenever what is saved, or how the clusterer reads its features, changes.
STATE_FORMAT = 4
#: zlib level: the state is written inside an ingest's transaction, so speed beats the last few percent.
_COMPRESSION = 1


def fingerprint(settings: Settings) -> str:
    """Names the settings and the state format a saved state is only valid under."""
    text = json.dumps({"format": STATE_FORMAT, "settings": settings.to_dict()}, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@contextmanager
def _no_collection() -> Iterator[None]:
    """The cyclic garbage collector paused: saving or loading a state builds millions of lists and dicts
    (none in a cycle), and each collection those allocations trigger would walk the whole (large) heap."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def dump_state(clusterer: OnlineClusterer) -> bytes:
    """The clusterer's whole state as compressed JSON bytes.

    Written and compressed a piece at a time: the whole text (and a tree of it) never exists at once, so a
    save costs little more memory than its compressed bytes, and the heap is not left full of holes. The
    bytes are those of compressing the whole text in one call (deflate does not depend on how its input
    is fed).
    """
    compressor = zlib.compressobj(_COMPRESSION)
    with _no_collection():
        compressed = [
            compressor.compress(piece.encode("utf-8")) for piece in json_pieces(clusterer.state_tree())
        ]
    compressed.append(compressor.flush())
    return b"".join(compressed)


def load_state(data: bytes, settings: Settings, *, source: str) -> OnlineClusterer:
    """A clusterer in the saved state; :class:`StoreError` naming ``source`` when it cannot be read."""
    try:
        with _no_collection():
            state: Any = json.loads(zlib.decompress(data).decode("utf-8"))
            return OnlineClusterer.from_state(state, settings)
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise StoreError(f"the saved story state cannot be read: {error}", source=source) from error
