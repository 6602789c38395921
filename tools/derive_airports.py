"""Derive the airports of the gazetteer from the PyPI package ``airportsdata`` (MIT).

Writes src/frontwatch/data/gazetteer/airports.tsv: every airport with an IATA code (the ones
with scheduled passenger service, which news names), as a ``facility`` with its point and the
names news uses for it: the full name ("London Heathrow Airport"), the name without the city
it serves and with "Airport" ("Heathrow Airport"), and a one-word core name that is not the
city's ("Heathrow", "Schiphol", "Dulles"). Cores made only of
generic words ("Regional", "Municipal") are left out, and so are the bare cores of airports
named after a city ("Manchester Airport" is not a second "Manchester"); the builder drops a
bare core that is the name of a town or region (``Orlando``, ``Logan``).

Fetch the package with ``pip download --no-deps airportsdata==20260905`` and run:
python tools/derive_airports.py airportsdata-20260905-py3-none-any.whl
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "frontwatch" / "data" / "gazetteer"
# Words that say what kind of airport it is, not which.
GENERIC = {
    "airport",
    "international",
    "intl",
    "regional",
    "municipal",
    "county",
    "national",
    "domestic",
    "airfield",
    "aerodrome",
    "airstrip",
    "air",
    "base",
    "airbase",
    "station",
    "heliport",
    "terminal",
    "the",
    "de",
    "of",
    "memorial",
    "island",
    "islands",
    "state",
    "university",
    "downtown",
    "executive",
    "seaplane",
    "city",
    "valley",
    "park",
    "general",
    "central",
    "metropolitan",
    "metro",
    "north",
    "south",
    "east",
    "west",
    "new",
    "capital",
    "airpark",
    "skypark",
    "jetport",
    "spaceport",
    "aeroclub",
    "aero",
    "glider",
    "gliderport",
    "harbour",
    "harbor",
    "business",
    "force",
    "army",
    "naval",
    "town",
    "village",
    "industrial",
    "community",
    "area",
    "camp",
    "gateway",
    "center",
    "centre",
    "junction",
    "riverside",
    "lakes",
    "intercontinental",
}
_PARENTHESES = re.compile(r"\s*\(.*?\)\s*")


def names(name: str, city: str) -> list[str]:
    """The names news uses for an airport (the first is its full name)."""
    full = _PARENTHESES.sub(" ", name).strip()
    result = [full]
    words = full.split()
    city_words = city.split()
    served = bool(city_words) and words[: len(city_words)] == city_words
    if served:
        words = words[len(city_words) :]
    core = [w for w in words if w.lower().strip(",-") not in GENERIC]
    if not core or " ".join(core).lower() == city.lower():
        return result
    result.append(" ".join(core) + " Airport")
    if "International" in words:
        result.append(" ".join(core) + " International Airport")
    # A bare core only where the name is "<city> <core> Airport": the core then names the
    # locality the city's airport is at ("London Heathrow"), not a person ("Henry E. Rohlsen")
    # or a word ("Community").
    if served and len(core) == 1 and len(core[0]) >= 4 and core[0].isalpha() and core[0].istitle():
        result.append(core[0])
    return list(dict.fromkeys(result))


def main(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read("airportsdata/airports.csv").decode("utf-8")
    rows = sorted(
        (row for row in csv.DictReader(io.StringIO(text)) if row["iata"]),
        key=lambda row: row["iata"],
    )
    with open(OUT / "airports.tsv", "w", encoding="utf-8") as out:
        out.write(
            "# Airports with an IATA code: names, points and countries from the PyPI package\n"
            "# airportsdata==20260905 (MIT). Derived by tools/derive_airports.py.\n"
        )
        out.write("id\tname\tkind\tcountry\toblast\tlat\tlon\tprecision\tnames\tdemonyms\n")
        for row in rows:
            full, *more = names(row["name"], row["city"])
            out.write(
                f"ap:{row['iata']}\t{full}\tfacility\t{row['country']}\t\t"
                f"{float(row['lat']):.5f}\t{float(row['lon']):.5f}\texact\t{'|'.join(more)}\t\n"
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
