"""The shared helper of the resolver tests: resolve the first mention of each name."""

from __future__ import annotations

from typing import Any

from frontwatch.gazetteer.lookup import Gazetteer
from frontwatch.pipeline.places import Resolver, Toponym


def resolve(gazetteer: Gazetteer, text: str, *names: str) -> list[Any]:
    """Resolve the first occurrence of each of ``names`` in ``text`` together."""
    toponyms = []
    for name in names:
        start = text.index(name)
        toponyms.append(Toponym(start, start + len(name), name))
    return Resolver(gazetteer).resolve(text, toponyms)
