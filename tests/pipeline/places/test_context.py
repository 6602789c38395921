"""Resolution in context: lists that end in a region, and a sentence's own neighbours."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from frontwatch.gazetteer.lookup import Gazetteer
from frontwatch.pipeline.places import Resolver, Toponym
from frontwatch.pipeline.places.resolve import Weights


def resolve(
    gazetteer: Gazetteer, text: str, *names: str, weights: Weights | None = None
) -> dict[str, Any]:
    toponyms = []
    for name in names:
        start = 0
        while (start := text.find(name, start)) >= 0:
            toponyms.append(Toponym(start, start + len(name), name))
            start += len(name)
    toponyms.sort(key=lambda t: t.start)
    found = Resolver(gazetteer, weights).resolve(text, toponyms)
    return {r.toponym.text: r.best for r in found}


def test_context_region_after_a_list_holds_every_name(gazetteer: Gazetteer) -> None:
    text = "Ukrainian troops retook Orlove, Zahradivka, and Kochubeivka in northern Kherson Oblast."
    best = resolve(gazetteer, text, "Orlove", "Zahradivka", "Kochubeivka", "Kherson Oblast")
    assert {best[name].admin1 for name in ("Orlove", "Zahradivka", "Kochubeivka")} == {
        "Kherson Oblast"
    }
    # without the region, the largest Orlove (Zaporizhzhia Oblast) is the default
    best = resolve(gazetteer, "Ukrainian troops retook Orlove.", "Orlove")
    assert best["Orlove"].admin1 == "Zaporizhzhia Oblast"


def test_context_a_sentence_neighbour_outweighs_the_article(gazetteer: Gazetteer) -> None:
    text = (
        "Air defence was active over Lviv overnight. "
        "In the east, troops advanced south via Bohorodychne, just southeast of Pasika."
    )
    names = ("Lviv", "Bohorodychne", "Pasika")
    best = resolve(gazetteer, text, *names)
    assert best["Pasika"].admin1 == "Kharkiv Oblast"  # the register's village near Izium
    # the whole article alone prefers the larger Pasika, in Zakarpattia Oblast
    article_only = replace(Weights(), local_proximity=0.0)
    best = resolve(gazetteer, text, *names, weights=article_only)
    assert best["Pasika"].admin1 == "Zakarpattia Oblast"


def test_context_a_stated_distance_picks_the_namesake(gazetteer: Gazetteer) -> None:
    names = ("Petrivske", "Avdiivka")
    text = "Fighting went on near Petrivske."
    assert resolve(gazetteer, text, *names[:1])["Petrivske"].admin1 != "Donetsk Oblast"
    text = "Fighting went on near Petrivske (within 70 km southwest of Avdiivka)."
    assert resolve(gazetteer, text, *names)["Petrivske"].admin1 == "Donetsk Oblast"
