"""The time expression that dates an event: :func:`governing_time`.

Takes the spaCy parse of the article (a ``Doc``, or a ``Span`` to search only that sentence),
the character offset of an event trigger ("recaptured", "attack", "annexation") and the
article's time expressions; returns the expression that governs the trigger, or None. Rules,
first match wins, all within the trigger's sentence:

1. **Attached to the trigger**: the trigger is an ancestor of the expression with no other
   verb in between ("recaptured Lyman on Saturday", "Saturday's attack", "the annexation of
   Crimea in 2014"). The closest in the tree wins.
2. **Same clause**: the expression hangs from the verb that heads the trigger's clause ("the
   withdrawal from Lyman was completed on Saturday").
3. **Enclosing clause**, through ``xcomp``, ``advcl`` and ``conj`` links only: "forces
   withdrew and Ukraine took control on Saturday" dates the withdrawal too; a reported-speech
   clause (``ccomp``: "officials said on Monday that Russia withdrew") never takes the date of
   the saying, nor does a relative clause take its noun's.
4. **Nearest in the sentence**, by characters (ties go to the one before the trigger),
   leaving out expressions that hang from a reporting verb ("said on Monday") other than the
   trigger itself.

Never an expression from another sentence: a report's dates change from sentence to sentence
("On Saturday, X. On Monday, Y."), and borrowing one would invent a date. Recurrences ("every
night") and durations without days ("for three weeks") are not dates and are never returned.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from frontwatch.model import TimeExpression
from frontwatch.pipeline.dates.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["governing_time"]

_CLIMB = frozenset({"xcomp", "advcl", "conj"})
_VERBAL = frozenset({"VERB", "AUX"})


def governing_time(
    doc_or_span: Doc | Span, trigger_char: int, times: Sequence[TimeExpression]
) -> TimeExpression | None:
    """The expression of ``times`` that governs the token at ``trigger_char`` (see the module)."""
    # A Span's .doc is its Doc, a Doc's is itself (duck typing: no spaCy import here).
    doc = cast("Doc", getattr(doc_or_span, "doc", doc_or_span))
    trigger = _token_at(doc, trigger_char)
    if trigger is None:
        return None
    sentence = trigger.sent if doc_or_span is doc else cast("Span", doc_or_span)
    if not sentence.start_char <= trigger_char < sentence.end_char:
        return None
    candidates = [
        (time, root)
        for time in times
        if _is_date(time)
        and sentence.start_char <= time.start
        and time.end <= sentence.end_char
        and (root := _root(doc, time)) is not None
    ]
    if not candidates:
        return None
    found = (
        _attached(trigger, candidates)
        or _same_clause(trigger, candidates)
        or _enclosing(trigger, candidates)
        or _nearest(trigger, trigger_char, candidates)
    )
    return cast("TimeExpression | None", found)


def _is_date(time: TimeExpression) -> bool:
    if time.kind == "set":
        return False
    return time.kind != "duration" or time.span.resolved


def _token_at(doc: Doc, char: int) -> Token | None:
    starts = [token.idx for token in doc]
    index = bisect_right(starts, char) - 1
    if index < 0:
        return None
    token = doc[index]
    return token if char < token.idx + max(len(token.text), 1) else None


def _root(doc: Doc, time: TimeExpression) -> Token | None:
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause(token: Token) -> Token:
    """The verb heading ``token``'s clause (itself when verbal), else the sentence root."""
    for _ in range(40):
        if token.pos_ in _VERBAL or token.head.i == token.i:
            return token
        token = token.head
    return token


def _attached(trigger: Token, candidates: list[tuple[TimeExpression, Token]]) -> Any:
    best: tuple[int, TimeExpression] | None = None
    for time, root in candidates:
        node, steps = root, 0
        while node.head.i != node.i and steps < 40:
            node, steps = node.head, steps + 1
            if node.i == trigger.i:
                if best is None or steps < best[0]:
                    best = (steps, time)
                break
            if node.pos_ in _VERBAL:
                break
    return best[1] if best else None


def _host(root: Token) -> Token:
    """The clause an expression hangs from: the verb above its root."""
    return _clause(root.head)


def _same_clause(trigger: Token, candidates: list[tuple[TimeExpression, Token]]) -> Any:
    head = _clause(trigger)
    for time, root in candidates:
        if _host(root).i == head.i:
            return time
    return None


def _enclosing(trigger: Token, candidates: list[tuple[TimeExpression, Token]]) -> Any:
    head = _clause(trigger)
    for _ in range(10):
        if head.dep_ not in _CLIMB or head.head.i == head.i:
            return None
        head = _clause(head.head)
        for time, root in candidates:
            if _host(root).i == head.i:
                return time
    return None


def _nearest(
    trigger: Token, trigger_char: int, candidates: list[tuple[TimeExpression, Token]]
) -> Any:
    reporting = load_lexicon().reporting_verbs
    allowed = []
    for time, root in candidates:
        clause = _host(root)
        if clause.i != trigger.i and clause.lemma_.lower() in reporting:
            continue  # "said on Monday": the date of the report, not of the event
        distance = time.start - trigger_char if time.start >= trigger_char else None
        distance = trigger_char - time.end if distance is None else distance
        allowed.append((distance, time.start > trigger_char, time))
    if not allowed:
        return None
    return min(allowed, key=lambda item: (item[0], item[1]))[2]
