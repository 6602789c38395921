"""The tense of the clause a time expression sits in: past, present or future.

Takes a text (and, when there is one, the spaCy ``Doc`` of it) and a character span;
:meth:`TenseReader.tense` returns ``"past"``, ``"present"``, ``"future"`` or None (no verb
found). With a parse, it reads the verb the expression hangs from: a future auxiliary
("will", "would", "'ll", "shall", modal "could"/"might"/"may"), "going to" or a verb of
intention ("plans to") makes it future; a past-tense verb or auxiliary ("had", "was"),
or a present perfect, makes it past; a present-tense verb makes it present. Without a parse,
it takes the nearest marker word in the same clause (from the lexicon). The resolver uses the
answer to read bare weekdays, yearless dates and seasons; "next" and "last" in the
expression itself always win over the tense.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from frontwatch.pipeline.dates.lexicon import Lexicon
from frontwatch.pipeline.dates.patterns import trie
from frontwatch.pipeline.dates.relative import Tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["TenseReader"]

_CLAUSE_END = re.compile(r"[.!?;:\"“”]|\n\s*\n|\s[—–]\s")
_REACH = 160
_AUXILIARIES = re.compile(
    r"\b(?:(?P<future>will|would|shall|could|might|must|to)|(?P<present>is|are|am)|"
    r"(?P<past>was|were|had|has|have))\s+(?:not\s+)?(?:be|been|being|have\s+been)?\s*$",
    re.IGNORECASE,
)
_FUTURE_LEMMAS = frozenset({"will", "shall", "would", "could", "might", "may", "'ll", "wo"})
_INTENT_LEMMAS = frozenset({"plan", "intend", "expect", "aim", "hope", "schedule", "set"})
_INTENT_LEMMAS |= {"prepare", "promise", "vow", "threaten", "due", "go"}


class TenseReader:
    """Tells the tense of a time expression's clause (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        past = [*lexicon.past_auxiliaries, *lexicon.irregular_past]
        future = [*lexicon.future_markers, *lexicon.future_heads]
        self._future_heads = lexicon.future_heads
        self._markers = re.compile(
            rf"\b(?:(?P<future>{trie(future)})|(?P<past>{trie(past)})|"
            rf"(?P<present>{trie(lexicon.present_markers)})|(?P<ed>[a-z]{{3,}}ed))\b|"
            r"(?P<ll>['’]ll)\b",
            re.IGNORECASE,
        )

    def tense(self, text: str, start: int, end: int, doc: Doc | None = None) -> Tense | None:
        """The tense of the clause around ``text[start:end]``."""
        if doc is not None:
            found = self._from_doc(doc, start, end)
            if found is not None:
                return found
        return self._from_text(text, start, end)

    def _from_text(self, text: str, start: int, end: int) -> Tense | None:
        left = max(0, start - _REACH)
        for boundary in _CLAUSE_END.finditer(text, left, start):
            left = boundary.end()
        stop = _CLAUSE_END.search(text, end, min(len(text), end + _REACH))
        right = stop.start() if stop else min(len(text), end + _REACH)
        best: tuple[int, Tense] | None = None
        for match in self._markers.finditer(text, left, right):
            if start <= match.start() < end:
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            tense: Tense = "future" if match["future"] or match["ll"] else "past"
            if match["present"]:
                tense = "present"
            elif match["past"] or match["ed"]:
                tense = self._verb_group(text, match.start()) or tense
            if best is None or distance < best[0]:
                best = (distance, tense)
        return best[1] if best else None

    def _verb_group(self, text: str, start: int) -> Tense | None:
        """The tense of the auxiliaries before a participle: "will be held" is future."""
        group = _AUXILIARIES.search(text, max(0, start - 24), start)
        if group is None:
            return None
        if group["future"]:
            return "future"
        return "present" if group["present"] else "past"

    def _from_doc(self, doc: Doc, start: int, end: int) -> Tense | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        head = span.root.head
        if head.dep_ == "prep" and head.head is not head:
            head = head.head
        if head.lower_ in self._future_heads or head.lemma_ in self._future_heads:
            return "future"  # "payable Dec. 1", "effective Feb. 1", "due on Monday"
        verb = _governing_verb(span.root)
        if verb is None:
            return None
        if verb.pos_ not in ("VERB", "AUX"):
            # The parser left no verb above the expression (a headline, or "glossed" read as
            # an adjective): trust a participle-looking root, else nothing.
            return "past" if verb.tag_ in ("JJ", "VBN") and verb.lower_.endswith("ed") else None
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        lowers = {a.lower_ for a in auxiliaries}
        if lowers & {"have", "has", "'ve"} and verb.tag_ == "VBN":
            if lowers & _FUTURE_LEMMAS:
                return "past" if "have" in lowers else "future"  # "could have", "will have"
            return "past"
        if lowers & _FUTURE_LEMMAS or any(a.lower_ in ("'ll", "’ll") for a in auxiliaries):
            return "future"
        if verb.dep_ == "xcomp" and verb.head.lemma_ in _INTENT_LEMMAS:
            return "future"
        if any(a.tag_ == "VBD" for a in auxiliaries) or verb.tag_ == "VBD":
            return "past"
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries):
            return "present"
        if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
            return "past"  # "the city, retaken on Saturday, ..."
        return None


def _governing_verb(token: Token) -> Any:
    """The nearest verb at or above ``token`` in the parse, else the sentence root."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return None
