"""Content ids, exact-duplicate collapse and near-duplicate links.

An article's id is the first 20 hex digits of SHA-256 over its text with whitespace
collapsed and case kept, so the same text read from two files, or from an HTML page and its
JSONL copy, gets the same id and is stored once. Near-duplicates (a wire story syndicated with
a new headline and an edited line) are found with MinHash over word shingles and banded LSH
(datasketch), then linked both ways with their estimated similarity; neither is dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from frontwatch.model import Article, NearDuplicate

__all__ = ["content_id", "near_duplicates"]

_WORD = re.compile(r"\w+")


def content_id(text: str) -> str:
    """The id of an article with this text."""
    canonical = " ".join(text.split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


def near_duplicates(
    articles: Sequence[Article], *, threshold: float, permutations: int, shingle_words: int
) -> dict[str, tuple[NearDuplicate, ...]]:
    """Map each article id to the other articles whose texts are near-duplicates of it.

    Articles with fewer words than a shingle are compared by their whole text.
    """
    signatures: dict[str, MinHash] = {}
    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    for article in articles:
        if article.id in signatures:
            continue
        signature = MinHash(num_perm=permutations, seed=1)
        for shingle in _shingles(article.text, shingle_words):
            signature.update(shingle)
        signatures[article.id] = signature
        lsh.insert(article.id, signature)
    links: dict[str, list[NearDuplicate]] = {}
    for article_id, signature in signatures.items():
        for other in lsh.query(signature):
            if other == article_id:
                continue
            similarity = float(signature.jaccard(signatures[other]))
            if similarity >= threshold:
                links.setdefault(article_id, []).append(
                    NearDuplicate(article_id=other, similarity=round(similarity, 3))
                )
    return {
        key: tuple(sorted(value, key=lambda link: (-link.similarity, link.article_id)))
        for key, value in links.items()
    }


def _shingles(text: str, size: int) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}
