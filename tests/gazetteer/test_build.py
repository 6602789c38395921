"""The gazetteer: what the real build contains, and how the builder behaves on small inputs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from frontwatch.errors import GazetteerError
from frontwatch.gazetteer import build as build_module
from frontwatch.gazetteer.build import GazetteerBuilder
from frontwatch.gazetteer.geo import distance_km
from frontwatch.gazetteer.lookup import Gazetteer
from frontwatch.gazetteer.schema import Entry
from frontwatch.gazetteer.sources import KatottgUnit, geonames_dump


def _best(gazetteer: Gazetteer, name: str, **where: str) -> Any:
    found = [
        c
        for c in gazetteer.candidates(name)
        if all(getattr(c, key) == value for key, value in where.items())
    ]
    assert found, f"no candidate for {name!r} with {where}"
    return max(found, key=lambda c: c.population)


def test_gazetteer_lyman_is_three_oblasts_and_more(gazetteer: Gazetteer) -> None:
    lymans = [c for c in gazetteer.candidates("Lyman") if c.country == "UA"]
    assert {c.admin1 for c in lymans} >= {"Donetsk Oblast", "Kharkiv Oblast", "Odesa Oblast"}
    assert len([c for c in lymans if c.source.startswith("katottg")]) >= 9
    donetsk = _best(gazetteer, "Lyman", admin1="Donetsk Oblast")
    assert distance_km(donetsk.lat, donetsk.lon, 48.99, 37.81) < 3
    assert donetsk.precision == "exact"
    assert donetsk.admin2
    assert donetsk.hromada


@pytest.mark.parametrize(
    ("name", "expected", "kind"),
    [
        ("Klishchiivka", "Klishchiivka", "settlement"),
        ("Robotyne", "Robotyne", "settlement"),
        ("Krynky", "Krynky", "settlement"),
        ("Artemovsk", "Bakhmut", "settlement"),
        ("Artemivsk", "Bakhmut", "settlement"),
        ("Krasnyi Lyman", "Lyman", "settlement"),
        ("Kharkov", "Kharkiv", "settlement"),
        ("Zaporozhye", "Zaporizhzhia", "settlement"),
        ("Nikolaev", "Mykolaiv", "settlement"),
        ("Dnipropetrovsk", "Dnipro", "settlement"),
        ("Dneiper", "Dnipro", "river"),
        ("Dnieper", "Dnipro", "river"),
        ("Donetsk Oblast", "Donetsk Oblast", "admin1"),
        ("Donetsk region", "Donetsk Oblast", "admin1"),
        ("Donbas", "Donbas", "region"),
        ("Snake Island", "Snake Island", "island"),
        ("Kinburn Spit", "Kinburn Spit", "spit"),
        ("Sea of Azov", "Sea of Azov", "sea"),
        ("Zaporizhzhia NPP", "Zaporizhzhia Nuclear Power Plant", "facility"),
        ("Siverskyi Donets", "Siverskyi Donets", "river"),
        ("Oskil", "Oskil", "river"),
    ],
)
def test_gazetteer_names_reporting_uses(
    gazetteer: Gazetteer, name: str, expected: str, kind: str
) -> None:
    assert any(c.name == expected and c.kind == kind for c in gazetteer.candidates(name))


def test_gazetteer_every_register_settlement_has_a_point(gazetteer: Gazetteer) -> None:
    andriivkas = [c for c in gazetteer.candidates("Andriivka") if c.id.startswith("ua:")]
    assert len(andriivkas) >= 70  # the register has 75
    assert all(c.lat is not None and c.precision in {"exact", "near", "region"} for c in andriivkas)
    assert {c.source for c in andriivkas} >= {"katottg (hromada centre)"}


def test_gazetteer_abbreviations_are_marked(gazetteer: Gazetteer) -> None:
    us = gazetteer.candidates("US")
    assert any(c.name == "United States" and c.matched == "abbreviation" for c in us)
    assert all(c.kind != "country" for c in us if c.matched != "abbreviation")


def test_gazetteer_open_rejects_other_files(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="gazetteer not found"):
        Gazetteer.open(tmp_path / "missing.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError, match="not a frontwatch gazetteer"):
        Gazetteer.open(junk)


GEONAMES_LINES = [
    # geonameid name asciiname alternatenames lat lon class code cc cc2 admin1 admin2 admin3
    # admin4 population elevation dem timezone modified
    "9000001\tTestivka\tTestivka\tТестівка,Testowka\t48.5\t37.5\tP\tPPL\tUA\t\t05\t\t\t\t"
    "1200\t\t150\tEurope/Kyiv\t2024-01-01",
    "9000002\tTest River\tTest River\t\t48.6\t37.6\tH\tSTM\tUA\t\t05\t\t\t\t0\t\t100\t"
    "Europe/Kyiv\t2024-01-01",
    "9000003\tSome Hill\tSome Hill\t\t48.7\t37.7\tT\tHLL\tUA\t\t05\t\t\t\t0\t\t300\t"
    "Europe/Kyiv\t2024-01-01",
]


def test_gazetteer_reads_a_geonames_dump(tmp_path: Path) -> None:
    dump = tmp_path / "UA.txt"
    dump.write_text("\n".join(GEONAMES_LINES) + "\n", encoding="utf-8")
    entries = {e.name: e for e in geonames_dump(dump, {"UA.05": "Donetsk Oblast"})}
    assert entries["Testivka"].kind == "settlement"
    assert entries["Testivka"].admin1 == "Donetsk Oblast"
    assert ("Тестівка", "alternate") in entries["Testivka"].names
    assert entries["Test River"].kind == "water"
    bad = tmp_path / "bad.txt"
    bad.write_text("not\ta\tdump\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad.txt:1: not a GeoNames dump line"):
        list(geonames_dump(bad, {}))


@pytest.fixture
def small_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the big sources with a handful of rows so the builder runs in a second."""

    def cities(admin1: dict[str, str], min_population: int = 0) -> list[Entry]:
        return [
            Entry(
                id="gn:704204",
                name="Lyman",
                kind="settlement",
                lat=48.99012,
                lon=37.80843,
                precision="exact",
                country="UA",
                population=20066,
                admin1_code="UA.05",
                source="geonames",
                names=(
                    ("Lyman", "official"),
                    ("Лиман", "alternate"),
                    ("Krasnyy Liman", "alternate"),
                ),
            ),
            Entry(
                id="gn:2643743",
                name="London",
                kind="settlement",
                lat=51.50853,
                lon=-0.12574,
                precision="exact",
                country="GB",
                population=8961989,
                admin1_code="GB.ENG",
                source="geonames",
                names=(("London", "official"),),
            ),
        ]

    units = [
        KatottgUnit("UA14000000000091971", "Донецька", "O", ()),
        KatottgUnit("UA14120000000022633", "Краматорський", "P", ("UA14000000000091971",)),
        KatottgUnit(
            "UA14120110000050326", "Лиманська", "H", ("UA14000000000091971", "UA14120000000022633")
        ),
        KatottgUnit(
            "UA14120110010088407",
            "Лиман",
            "M",
            ("UA14000000000091971", "UA14120000000022633", "UA14120110000050326"),
        ),
        KatottgUnit(
            "UA14120110020041139",
            "Брусівка",
            "C",
            ("UA14000000000091971", "UA14120000000022633", "UA14120110000050326"),
        ),
    ]
    monkeypatch.setattr(build_module, "geonames_cities", cities)
    monkeypatch.setattr(build_module, "katottg_units", lambda: units)
    monkeypatch.setattr(build_module, "_apply_aliases", lambda entries: entries)


@pytest.mark.usefixtures("small_sources")
def test_gazetteer_build_joins_register_and_is_idempotent(tmp_path: Path) -> None:
    first = GazetteerBuilder().build(tmp_path / "one.sqlite")
    second = GazetteerBuilder().build(tmp_path / "two.sqlite")
    dump = [list(sqlite3.connect(p).iterdump()) for p in (first.path, second.path)]
    assert dump[0] == dump[1]
    gazetteer = Gazetteer.open(first.path)
    (lyman,) = [c for c in gazetteer.candidates("Lyman") if c.country == "UA"]
    assert (lyman.id, lyman.source, lyman.precision) == (
        "ua:UA14120110010088407",
        "katottg+geonames",
        "exact",
    )
    assert lyman.admin2 == "Kramatorskyi Raion"
    assert lyman.hromada == "Lymanska hromada"
    assert gazetteer.candidates("Krasnyy Liman")[0].id == lyman.id
    (village,) = gazetteer.candidates("Brusivka")
    assert (village.precision, village.source) == ("near", "katottg (hromada centre)")
    assert (village.lat, village.lon) == (lyman.lat, lyman.lon)
    assert gazetteer.candidates("Брусівка")[0].id == village.id


@pytest.mark.usefixtures("small_sources")
def test_gazetteer_build_adds_a_geonames_dump(tmp_path: Path) -> None:
    dump = tmp_path / "UA.txt"
    dump.write_text("\n".join(GEONAMES_LINES) + "\n", encoding="utf-8")
    report = GazetteerBuilder(geonames_dump=dump).build(tmp_path / "g.sqlite")
    gazetteer = Gazetteer.open(report.path)
    assert [c.kind for c in gazetteer.candidates("Test River")] == ["water"]
    assert gazetteer.candidates("Testowka")[0].name == "Testivka"


@pytest.mark.parametrize("name", ["Qamishli", "Raqqah", "Arish"])
def test_gazetteer_arabic_names_without_the_article(gazetteer: Gazetteer, name: str) -> None:
    found = gazetteer.candidates(name)
    assert any(c.country in {"SY", "EG"} and c.population >= 10_000 for c in found)
