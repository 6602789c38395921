"""Ukrainian Cyrillic → Latin with the national system (Cabinet resolution No. 55, 2010).

Takes a name in Ukrainian Cyrillic and returns its official romanization, the spelling
Ukrainian authorities, maps and most English-language reporting use: Кліщіївка →
Klishchiivka, Мар'їнка → Marinka, Згурівка → Zghurivka, Їжаківка → Yizhakivka. The
letter table lives in ``data/gazetteer/romanization_uk.json``. Deterministic; characters
outside the table (Latin letters, digits, spaces, hyphens) pass through unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

__all__ = ["Romanizer"]


@dataclass(frozen=True)
class Romanizer:
    """The national system's rules, loaded once."""

    letters: dict[str, str]
    initial: dict[str, str]
    sequences: dict[str, str]
    dropped: frozenset[str]

    @classmethod
    def ukrainian(cls) -> Romanizer:
        """The Ukrainian table from package data."""
        path = resources.files("frontwatch.data").joinpath("gazetteer/romanization_uk.json")
        table = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            letters=table["letters"],
            initial=table["initial"],
            sequences=table["sequences"],
            dropped=frozenset(table["dropped"]),
        )

    def __call__(self, text: str) -> str:
        out: list[str] = []
        word_start = True
        i = 0
        while i < len(text):
            char = text[i]
            lower = char.lower()
            pair = text[i : i + 2].lower()
            if pair in self.sequences:
                latin, step = self.sequences[pair], 2
            elif lower in self.dropped:
                i += 1
                continue
            elif word_start and lower in self.initial:
                latin, step = self.initial[lower], 1
            elif lower in self.letters:
                latin, step = self.letters[lower], 1
            else:
                out.append(char)
                word_start = not char.isalpha()
                i += 1
                continue
            if char.isupper() and latin:
                latin = latin[0].upper() + latin[1:]
            out.append(latin)
            word_start = False
            i += step
        return "".join(out)
