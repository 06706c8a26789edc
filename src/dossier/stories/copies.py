"""Near-duplicates and syndicated copies, found with MinHash LSH, never pair by pair.

Each article is reduced to the set of its word 5-grams (shingles) and a MinHash
signature (datasketch); the LSH bands (datasketch's choice of bands and rows for
the threshold) name the earlier articles whose estimated Jaccard similarity
passes the threshold, in time that does not grow with the number of articles
seen. The hash seed is explicit, so the same stream always finds the same copies.

Only the earliest article of each band bucket is kept, not datasketch's set of
every article in it: the finder only ever names the earliest candidate, and the
earliest of all the buckets an article falls in is the earliest of their
earliest members. So the copies found are those of ``MinHashLSH.query``, and
the index holds one dict entry per bucket instead of a set (one collectable
object per bucket, hundreds of thousands in a long stream, which the cyclic
garbage collector walked at every full collection).
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Mapping
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from dossier.errors import UsageError
from dossier.stories.features import words
from dossier.stories.lazy_json import LazyArray, LazyObject, materialized

#: Word n-gram length of a shingle: long enough that unrelated articles share almost none.
SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.7
DEFAULT_PERMUTATIONS = 64
SEED = 1


#: A shingle's 32-bit hash: CRC-32, in C and several times cheaper than datasketch's default SHA-1
#: (hashing every shingle of every article was a tenth of ingest time). The affine32 MinHash scheme mixes
#: each hash (murmur's finalizer) before its permutations, so CRC-32's linearity does not leak through.
shingle_hash = zlib.crc32
#: Each MinHash value is a uint64.
_HASH_BYTES = 8


def _hash_bytes(signature: MinHash) -> bytes:
    """A signature's hash values as bytes (the machine's order: compared only within one process)."""
    return np.asarray(signature.hashvalues, dtype=np.uint64).tobytes()


class CopyFinder:
    """Remembers every article it is shown and names the earliest near-copy of a new one."""

    def __init__(
        self, threshold: float = DEFAULT_THRESHOLD, permutations: int = DEFAULT_PERMUTATIONS
    ) -> None:
        if not 0.0 < threshold < 1.0:
            raise UsageError(f"copy threshold must be between 0 and 1 (exclusive), not {threshold}")
        if permutations < 16:
            raise UsageError(
                f"at least 16 MinHash permutations are needed for a usable estimate, not {permutations}"
            )
        self._threshold = threshold
        self._permutations = permutations
        # Drawing the permutations is most of the cost of a new MinHash: draw them once, share them.
        template = MinHash(num_perm=permutations, seed=SEED, hashfunc=shingle_hash)
        self._shared = template.permutations
        self._scheme = template.scheme
        # datasketch's bands and rows for this threshold; the buckets themselves are kept here.
        chosen = MinHashLSH(threshold=threshold, num_perm=permutations)
        width = chosen.r * _HASH_BYTES
        self._bands = [slice(band * width, (band + 1) * width) for band in range(chosen.b)]
        #: Per band: the bytes of a bucket (the band's hash values) -> the earliest article in it.
        self._buckets: list[dict[bytes, str]] = [{} for _ in self._bands]
        self._order: dict[str, int] = {}
        # The signatures in arrival order, kept so the finder can be saved and rebuilt (64 numbers each).
        self._signatures: dict[str, bytes] = {}

    def __len__(self) -> int:
        return len(self._order)

    def add(self, article_id: str, text: str) -> str | None:
        """Index the article; return the id of the earliest article it nearly copies, if any.

        An article with fewer words than one shingle is never called a copy: there is nothing to compare.
        """
        if article_id in self._order:
            return None
        signature = self._signature(text)
        if signature is None:
            return None
        hashes = _hash_bytes(signature)
        found = [
            earliest
            for band, buckets in zip(self._bands, self._buckets, strict=True)
            if (earliest := buckets.get(hashes[band])) is not None
        ]
        self._remember(article_id, hashes)
        return min(found, key=self._order.__getitem__) if found else None

    def to_state(self) -> dict[str, Any]:
        """Its settings and every signature in arrival order (see :mod:`dossier.stories.state`)."""
        state: dict[str, Any] = materialized(self.state_tree())
        return state

    def state_tree(self) -> LazyObject:
        """:meth:`to_state` with the signatures encoded only as they are written (see :mod:`.lazy_json`)."""
        signatures = (
            [key, base64.b64encode(value).decode("ascii")] for key, value in self._signatures.items()
        )
        return LazyObject(
            [
                ("threshold", self._threshold),
                ("permutations", self._permutations),
                ("signatures", LazyArray(signatures)),
            ]
        )

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> CopyFinder:
        """The finder as saved: the signatures are indexed again in their order (no text is read)."""
        finder = cls(float(state["threshold"]), int(state["permutations"]))
        for key, encoded in state["signatures"]:
            hashes = base64.b64decode(encoded)
            if len(hashes) != finder._permutations * _HASH_BYTES:
                count = finder._permutations
                raise ValueError(f"a saved signature holds {len(hashes)} bytes, not {count} hashes")
            finder._remember(str(key), hashes)
        return finder

    def _remember(self, article_id: str, hashes: bytes) -> None:
        """Index an article by its signature's bytes: it fills each bucket it is the first to reach."""
        for band, buckets in zip(self._bands, self._buckets, strict=True):
            buckets.setdefault(hashes[band], article_id)
        self._order[article_id] = len(self._order)
        self._signatures[article_id] = hashes

    def _signature(self, text: str) -> MinHash | None:
        tokens = [word.lower() for word in words(text)]
        if len(tokens) < SHINGLE_WORDS:
            return None
        signature = MinHash(
            num_perm=self._permutations,
            seed=SEED,
            hashfunc=shingle_hash,
            permutations=self._shared,
            scheme=self._scheme,
        )
        shingles = {" ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)}
        signature.update_batch([shingle.encode("utf-8") for shingle in sorted(shingles)])
        return signature
