"""Paragraphs of an ingested report, addressed by a content hash instead of by their text.

Gold annotations of copyrighted reports (the ISW development set) must not carry the text.
They name the file and a paragraph hash; the text comes from the user's own copy at scoring
time. A paragraph is a block of ``Article.text`` between blank lines (ingest writes one block
per HTML paragraph or list item). Its hash is the first 16 hex digits of the SHA-256 of its
whitespace-normalized text, so re-extraction that only changes spacing keeps the address.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from frontwatch.config import Settings
from frontwatch.errors import InputError
from frontwatch.model import Article
from frontwatch.pipeline.ingest import Ingestor

__all__ = ["Paragraph", "paragraph_hash", "paragraphs", "read_report"]

_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its position in the report and its character span in ``Article.text``."""

    index: int
    hash: str
    start: int
    end: int
    text: str


def paragraph_hash(text: str) -> str:
    """The address of a paragraph: 16 hex digits of SHA-256 over its normalized whitespace."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def paragraphs(article: Article) -> list[Paragraph]:
    """The paragraphs of an article, in order, with their offsets."""
    result: list[Paragraph] = []
    position = 0
    text = article.text
    for match in [*_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        block = text[position:end]
        stripped = block.strip()
        if stripped:
            start = position + block.index(stripped)
            result.append(
                Paragraph(
                    index=len(result),
                    hash=paragraph_hash(stripped),
                    start=start,
                    end=start + len(stripped),
                    text=stripped,
                )
            )
        position = match.end() if match else len(text)
    return result


def read_report(path: Path, settings: Settings | None = None) -> Article:
    """Ingest one report file (``.html``, ``.html.gz``, ``.txt``...) into its article."""
    result = Ingestor(settings or Settings()).ingest([path])
    if result.failures:
        failure = result.failures[0]
        raise InputError(failure.source, failure.reason)
    if not result.articles:
        raise InputError(str(path), "no article found")
    return result.articles[0]
