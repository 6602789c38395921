"""Name keys: the normalized form under which gazetteer names are stored and looked up.

``name_key`` folds case, strips diacritics (Łyman, Lîman → lyman), drops apostrophes
(Kup'yans'k → kupyansk), turns hyphens, dots and commas into spaces, collapses spaces, and
spells out the abbreviated words of place names (St. Petersburg → saint petersburg, Mt. Hood →
mount hood, Ft. Worth → fort worth), so that a style guide's spelling is the same name.
Cyrillic is kept as Cyrillic (ё → е, й stays), so Ukrainian and Russian names are keys too.
The same function serves the builder and the lookup, so both always agree.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["is_abbreviation", "name_key"]

_APOSTROPHES = re.compile(r"['’ʼ`´ʹ‘]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—.,/()]+")
_KEEP_MARKS = {"й", "Й", "ї", "Ї"}
# Latin letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ß": "ss"}
)
# Abbreviated words of place names, spelled out.
_SPELLED_OUT = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def name_key(name: str) -> str:
    """The lookup key of a place name."""
    text = _APOSTROPHES.sub("", name)
    decomposed = []
    for char in text:
        if char in _KEEP_MARKS:
            decomposed.append(char)
            continue
        for part in unicodedata.normalize("NFKD", char):
            if not unicodedata.combining(part):
                decomposed.append(part)
    folded = "".join(decomposed).casefold().translate(_UNDECOMPOSED).replace("ё", "е")
    words = _SEPARATORS.sub(" ", folded).split()
    return " ".join(_SPELLED_OUT.get(word, word) for word in words)


def is_abbreviation(text: str) -> bool:
    """Short all-capitals tokens ("US", "UK", "EU", "U.S.") that must only match abbreviations."""
    letters = text.replace(".", "").replace(" ", "")
    return 1 < len(letters) <= 4 and letters.isalpha() and letters.isupper()
