"""The contract between the runner and its stages.

A stage is a callable with a versioned ``name`` (``frontwatch.analyze.v1``) that takes a batch
of :class:`Item` and returns the batch with its results added. Items are immutable: a stage
returns new items (``dataclasses.replace``) rather than changing the ones it got. ``doc``
holds the spaCy ``Doc`` that the analyze stage produced, for the stages after it; it never
leaves the runner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from frontwatch.model import Article, ArticleAnalysis

__all__ = ["Item", "Stage"]


@dataclass(frozen=True)
class Item:
    """One article on its way through the pipeline."""

    article: Article
    analysis: ArticleAnalysis
    doc: Any = None
    """The spaCy Doc, once the analyze stage has run (typed loosely: only analyze imports spaCy)."""


class Stage(Protocol):
    """A pipeline stage."""

    @property
    def name(self) -> str:
        """Versioned name recorded in every result, e.g. ``frontwatch.analyze.v1``."""
        ...

    def __call__(self, items: Sequence[Item]) -> list[Item]:
        """Process one batch."""
        ...
