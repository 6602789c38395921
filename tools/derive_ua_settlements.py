"""Derive src/frontwatch/data/gazetteer/ua_settlements.tsv from the settlement list in
../shared/data/settlements (vi-enne/controlCitiesUkraine, CC BY 4.0; coordinates from
simplemaps.com, CC BY 4.0; names from Wikipedia, CC BY-SA 3.0).

Only names, coordinates and populations are taken, plus the oblast that contains each point
(Natural Earth 1:10m admin-1, public domain). No control status is copied: that is evaluation
data.

Usage: python tools/derive_ua_settlements.py ../shared/data
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path


def _inside(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def _oblast(lon: float, lat: float, oblasts: list[tuple[str, list]]) -> str:
    for iso, polygons in oblasts:
        for polygon in polygons:
            if _inside(lon, lat, polygon[0]) and not any(_inside(lon, lat, h) for h in polygon[1:]):
                return iso
    # Riverside and coastal points can fall just outside the coarse polygons: nearest vertex.
    best, distance = "", float("inf")
    for iso, polygons in oblasts:
        for polygon in polygons:
            for x, y in polygon[0][::5]:
                d = (x - lon) ** 2 + (y - lat) ** 2
                if d < distance:
                    best, distance = iso, d
    return best


def _split(raw: str) -> tuple[str, str, str]:
    """'Shevchenkove,Kupiansk' → (Shevchenkove, '', Kupiansk); 'Bile (Snake Island)' → (Bile,
    Snake Island, ''); 'AndriivkaBerislavRaion' → (Andriivka, '', Berislav)."""
    name, alternate, raion = raw, "", ""
    if "," in name:
        name, raion = (part.strip() for part in name.split(",", 1))
    if "(" in name and name.endswith(")"):
        name, alternate = (part.strip(" )") for part in name.split("(", 1))
    match = re.fullmatch(r"([A-Z][a-z'-]+)([A-Z][a-z]+)Raion", name)
    if match:
        name, raion = match.group(1), match.group(2)
    return name, alternate, raion


def main(shared: str) -> None:
    root = Path(shared)
    with open(root / "boundaries" / "ukraine_admin1.geojson", encoding="utf-8") as handle:
        features = json.load(handle)
    oblasts = [
        (f["properties"]["iso_3166_2"], _polygons(f["geometry"])) for f in features["features"]
    ]
    population = {}
    table = root / "settlements" / "Cities_and_towns_during_the_Russo-Ukrainian_War_latest.csv"
    with open(table, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Population"].strip().isdigit():
                key = (row["Name"].strip(), row["Lat"], row["Lon"])
                population[key] = row["Population"].strip()
    print("# Ukrainian settlements named in war reporting, with coordinates.")
    print("# Source: vi-enne/controlCitiesUkraine (CC BY 4.0), from Wikipedia 'Control of cities")
    print(
        "# during the Russo-Ukrainian War' (CC BY-SA 3.0); coordinates simplemaps.com (CC BY 4.0)."
    )
    print("# Oblast by point in polygon, Natural Earth admin-1.")
    print("# Derived by tools/derive_ua_settlements.py.")
    print("name\talternate\traion_hint\tlat\tlon\toblast\tpopulation")
    with open(root / "settlements" / "ukraineCities.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    seen = set()
    for row in sorted(rows, key=lambda r: (r["city_ascii"], r["Lat"], r["Lon"])):
        name = " ".join(row["city_ascii"].split())
        if not row["Lat"] or (name, row["Lat"], row["Lon"]) in seen:
            continue
        seen.add((name, row["Lat"], row["Lon"]))
        lat, lon = float(row["Lat"]), float(row["Lon"])
        pop = population.get((row["city"].strip(), row["Lat"], row["Lon"]), "")
        base, alternate, raion = _split(name)
        oblast = _oblast(lon, lat, oblasts)
        print(f"{base}\t{alternate}\t{raion}\t{lat:.5f}\t{lon:.5f}\t{oblast}\t{pop}")


if __name__ == "__main__":
    main(sys.argv[1])
