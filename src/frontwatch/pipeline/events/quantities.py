"""Numbers the text states about people and materiel: "an estimated 80,000 casualties".

Works on one sentence of a spaCy ``Doc`` (duck-typed; only the analyze stage imports spaCy).
A quantity is a number (digits, number words, "1.5 million", "$1 billion") or a vague count
("dozens", "hundreds"), the noun it counts, and its hedges. The counted noun decides the kind
(``killed``, ``wounded``, ``casualties``, ``captured``, ``personnel``, ``tanks``, ``usd``...);
numbers that count nothing frontwatch knows (years, kilometres, percentages, unit numbers) are
left out. Vague counts follow ACLED's coding conventions: the coded value is kept, flagged
``approximate`` and with the convention named in ``convention``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from frontwatch.model import Quantity

__all__ = ["QuantityHit", "find_quantities"]

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100,
}  # fmt: skip
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "k": 1_000,
           "mln": 1_000_000, "bn": 1_000_000_000}  # fmt: skip
# ACLED codebook conventions for vague counts: the coded number stands for the word.
_VAGUE = {
    "dozens": 12, "dozen": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
    "tens of thousands": 10_000, "hundreds of thousands": 100_000, "several": 3,
    "a few": 3, "few": 3, "many": 10, "numerous": 10,
}  # fmt: skip
_APPROX = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "more than",
    "over", "up to", "as many as", "at least", "upwards of", "fewer than", "less than",
    "under", "close to", "an estimated", "estimated", "reportedly", "~", "as few as",
    "at most", "approx.",
)  # fmt: skip
_ESTIMATE = ("an estimated", "estimated", "estimates", "estimate", "assessed", "projected")
_LOWER_BOUND = ("more than", "over", "at least", "upwards of")
_UPPER_BOUND = ("up to", "as many as", "fewer than", "less than", "under", "at most")

_KINDS: dict[str, str] = {}
for _counted, _nouns in {
    "killed": "killed dead deaths death fatalities fatality KIA bodies",
    "wounded": "wounded injured injuries WIA",
    "casualties": "casualties casualty losses",
    "captured": "prisoners prisoner POWs POW captives",
    "missing": "missing",
    "personnel": (
        "troops soldiers servicemen servicemembers personnel people men reservists conscripts "
        "recruits fighters mercenaries volunteers marines paratroopers sailors officers "
        "mobilized draftees civilians residents citizens"
    ),
    "tanks": "tanks tank",
    "vehicles": ("vehicles vehicle APCs APC IFVs IFV BMPs BMP BTRs AFVs trucks armored armoured"),
    "aircraft": "aircraft planes jets fighters-bombers warplanes",
    "helicopters": "helicopters helicopter",
    "artillery": "artillery guns howitzers howitzer mortars MLRS launchers systems",
    "drones": "drones drone UAVs UAV",
    "missiles": "missiles missile rockets rocket",
    "ships": "ships ship boats vessels warships",
    "usd": "dollars dollar USD",
    "eur": "euros euro EUR",
}.items():
    for _noun in _nouns.split():
        _KINDS[_noun.lower()] = _counted
_VERB_KINDS = {
    "kill": "killed", "wound": "wounded", "injure": "wounded", "capture": "captured",
    "die": "killed", "mobilize": "mobilized", "mobilise": "mobilized", "call": "mobilized",
    "draft": "mobilized", "conscript": "mobilized", "recruit": "recruited",
    "destroy": "destroyed", "evacuate": "evacuated",
}  # fmt: skip
_PERSONNEL = {"personnel", "killed", "wounded", "captured", "missing"}
_NUMBER = re.compile(r"^[$€£]?\d[\d,.]*[kK]?$")


@dataclass(frozen=True)
class QuantityHit:
    """A quantity found in a sentence: its span, the token it counts, and the value."""

    start: int
    end: int
    head: int
    """Index (in the Doc) of the counted noun, or of the number when it counts a verb's object."""
    quantity: Quantity


def _number(tokens: list[Any]) -> int | None:
    """The integer value of a run of number tokens ("22,000", "1.5 million", "two")."""
    text = " ".join(t.text for t in tokens).lower().replace("$", "").replace("€", "")
    text = text.replace("£", "").strip()
    scale = 1
    for word, factor in _SCALES.items():
        if text.endswith(" " + word) or (word == "k" and text.endswith("k")):
            scale = factor
            text = text[: -len(word)].strip()
            break
    if text in _WORDS:
        return _WORDS[text] * scale
    cleaned = text.replace(",", "")
    try:
        return round(float(cleaned) * scale)
    except ValueError:
        return None


def _is_num(token: Any) -> bool:
    text = token.text
    if _NUMBER.match(text):
        return True
    return bool(token.like_num) and text.lower() in _WORDS


def find_quantities(sentence: Any, excluded: Sequence[tuple[int, int]] = ()) -> list[QuantityHit]:
    """The quantities of one sentence (a spaCy ``Span``); ``excluded`` are char spans to skip
    (time expressions, unit names)."""
    doc = sentence.doc
    hits: list[QuantityHit] = []
    used: set[int] = set()
    for token in sentence:
        if token.i in used:
            continue
        if any(s <= token.idx < e for s, e in excluded):
            continue
        vague = _vague_at(doc, token.i, sentence.end)
        if vague is not None:
            phrase, length, coded = vague
            head = _counted_after(doc, token.i + length - 1, sentence.end)
            vague_kind = _kind(doc, head)
            if vague_kind is None or head is None:
                continue
            start = _hedge_start(doc, token.i, sentence.start)
            used.update(range(token.i, token.i + length))
            hits.append(_hit(doc, start, token.i + length, head, vague_kind, None, coded, phrase))
            continue
        if not _is_num(token) or token.text.endswith(("th", "st", "nd", "rd")):
            continue
        run = [token]
        j = token.i + 1
        while j < sentence.end and (
            doc[j].text.lower() in _SCALES or (_is_num(doc[j]) and doc[j].text.isalpha())
        ):
            run.append(doc[j])
            j += 1
        value = _number(run)
        if value is None:
            continue
        used.update(t.i for t in run)
        money = token.text[:1] in "$€£" or (token.i > 0 and doc[token.i - 1].text in "$€£")
        head = _counted_after(doc, j - 1, sentence.end)
        if money:
            kind: str | None = "eur" if "€" in token.text or doc[token.i - 1].text == "€" else "usd"
            head = token.i
        else:
            kind = _kind(doc, head) if head is not None else None
            if kind is None:
                # "killed 200", "calling up 300,000": the number is the verb's object.
                verb = token.head if token.dep_ in {"dobj", "pobj", "nsubjpass"} else None
                if verb is not None and verb.lemma_ in _VERB_KINDS:
                    kind, head = _VERB_KINDS[verb.lemma_], token.i
        if kind is None or head is None:
            continue
        start = _hedge_start(doc, token.i - (1 if money and doc[token.i - 1].text in "$€£" else 0),
                             sentence.start)  # fmt: skip
        hits.append(_hit(doc, start, j, head, kind, value, None, None))
    return hits


def _vague_at(doc: Any, i: int, end: int) -> tuple[str, int, int] | None:
    for phrase, coded in sorted(_VAGUE.items(), key=lambda kv: -len(kv[0])):
        words = phrase.split()
        if i + len(words) > end:
            continue
        if [doc[i + k].lower_ for k in range(len(words))] == words:
            return phrase, len(words), coded
    return None


def _counted_after(doc: Any, last: int, end: int) -> int | None:
    """The noun a number counts: the next noun within a few tokens ("80,000 Russian troops",
    "dozens of soldiers", "300,000 people")."""
    j = last + 1
    steps = 0
    while j < end and steps < 5:
        token = doc[j]
        if token.pos_ in {"NOUN", "PROPN"} and (
            token.lower_ in _KINDS or token.text in _KINDS or token.lemma_.lower() in _KINDS
        ):
            # prefer the last noun of a compound ("armored vehicles", "artillery systems")
            k = j
            while k + 1 < end and doc[k + 1].pos_ in {"NOUN", "PROPN"} and steps < 5:
                k += 1
                steps += 1
            return k if _kind(doc, k) else j
        if token.lower_ in {"of", "russian", "ukrainian", "more", "additional", "other"} or (
            token.pos_ in {"ADJ", "NOUN", "PROPN"}
        ):
            j += 1
            steps += 1
            continue
        break
    return None


def _kind(doc: Any, i: int | None) -> str | None:
    if i is None:
        return None
    token = doc[i]
    kind = _KINDS.get(token.lower_) or _KINDS.get(token.lemma_.lower()) or _KINDS.get(token.text)
    if kind in _PERSONNEL or kind == "personnel":
        # "200 soldiers killed", "killed 200 soldiers": the verb says what happened to them.
        for other in (token.head, *token.children):
            verb_kind = _VERB_KINDS.get(other.lemma_)
            if verb_kind is not None and other.pos_ in {"VERB", "AUX"}:
                return verb_kind if kind == "personnel" else kind
    return kind


def _hedge_start(doc: Any, i: int, floor: int) -> int:
    """Extend a number's start over a preceding hedge ("as many as", "an estimated")."""
    best = i
    for phrase in _APPROX:
        words = phrase.split()
        k = i - len(words)
        if k >= floor and [doc[k + n].lower_ for n in range(len(words))] == words:
            best = min(best, k)
    return best


def _hit(
    doc: Any,
    start: int,
    end: int,
    head: int,
    kind: str,
    value: int | None,
    coded: int | None,
    vague: str | None,
) -> QuantityHit:
    prefix = " ".join(doc[k].lower_ for k in range(start, end)) if start < end else ""
    approximate = vague is not None or any(prefix.startswith(p) for p in _APPROX)
    estimate = any(prefix.startswith(p) for p in _ESTIMATE)
    low = high = None
    if value is not None and any(prefix.startswith(p) for p in _LOWER_BOUND):
        low = value
    if value is not None and any(prefix.startswith(p) for p in _UPPER_BOUND):
        high = value
    last = head if head >= end - 1 else end - 1
    span_start = doc[start].idx
    span_end = doc[last].idx + len(doc[last].text)
    text = doc.text[span_start:span_end]
    quantity = Quantity(
        kind=kind,
        text=text,
        value=coded if coded is not None else value,
        low=low,
        high=high,
        approximate=approximate,
        estimate=estimate,
        convention=f"ACLED: '{vague}' is coded as {coded}" if vague is not None else None,
    )
    return QuantityHit(start=span_start, end=span_end, head=head, quantity=quantity)
