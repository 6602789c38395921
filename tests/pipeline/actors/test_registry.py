"""The actor registry: the packaged data is valid and complete, and bad data is rejected."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from frontwatch.pipeline.actors import ActorRegistry, Lexicon, RegistryError
from frontwatch.pipeline.actors.registry import FILES, read_table

SIDES = {"RU", "UA", "other"}


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


def test_registry_loads_every_file(registry: ActorRegistry) -> None:
    folder = resources.files("frontwatch.data").joinpath("actors")
    for name in FILES:
        assert folder.joinpath(name).is_file(), f"{name} is not packaged"
    sources = {entry.source.split(":")[0] for entry in registry}
    assert sources == set(FILES)


def test_registry_order_of_battle_has_at_least_300_units(registry: ActorRegistry) -> None:
    units = registry.of_kind("unit")
    assert len(units) >= 300
    sides = Counter(entry.actor.side for entry in units)
    assert sides["RU"] >= 150
    assert sides["UA"] >= 120
    echelons = Counter(entry.echelon for entry in units)
    for echelon in ("army", "corps", "division", "brigade", "regiment", "battalion"):
        assert echelons[echelon] > 0, echelon


def test_registry_people_and_institutions_are_counted(registry: ActorRegistry) -> None:
    assert len(registry.of_kind("person")) >= 100
    assert len(registry.of_kind("organization")) >= 60
    assert registry.alias_count() >= 1000


def test_registry_ids_unique_parents_exist_sides_valid(registry: ActorRegistry) -> None:
    ids = [entry.actor.id for entry in registry]
    assert len(ids) == len(set(ids))
    for entry in registry:
        actor = entry.actor
        assert actor.side in SIDES, entry.source
        assert actor.parent is None or actor.parent in registry, entry.source
        assert actor.id not in registry.ancestors(actor.id), f"{entry.source}: cycle"


def test_registry_aliases_have_one_owner_unless_shared(registry: ActorRegistry) -> None:
    owners: dict[tuple[str, ...], list[bool]] = {}
    for entry in registry:
        for alias in entry.aliases:
            owners.setdefault(alias.keys, []).append(alias.shared)
    for keys, shared in owners.items():
        assert len(shared) == 1 or all(shared), " ".join(keys)


def test_registry_numbered_units_have_known_types(
    registry: ActorRegistry, lexicon: Lexicon
) -> None:
    seen: set[tuple[str, int, str]] = set()
    for entry in registry:
        if entry.number is None:
            continue
        unit_type = lexicon.unit_types[entry.unit_type or ""]
        assert not unit_type.generic
        assert unit_type.echelon == entry.echelon, entry.source
        key = (entry.polity, entry.number, unit_type.key)
        assert key not in seen, entry.source
        seen.add(key)


@pytest.mark.parametrize(
    ("actor_id", "side", "parent"),
    [
        ("ru.1-gta", "RU", "ru.wmd"),
        ("ru.58-caa", "RU", "ru.smd"),
        ("ru.144-mrd", "RU", "ru.20-caa"),
        ("ru.2-mrd", "RU", "ru.1-gta"),
        ("ru.4-td", "RU", "ru.1-gta"),
        ("ru.150-mrd", "RU", "ru.8-caa"),
        ("ru.42-mrd", "RU", "ru.58-caa"),
        ("ru.90-td", "RU", "ru.cmd"),
        ("ru.127-mrd", "RU", "ru.5-caa"),
        ("ru.18-mgad", "RU", "ru.68-ac"),
        ("ru.76-vdv", "RU", "ru.vdv"),
        ("ru.7-vdv", "RU", "ru.vdv"),
        ("ru.45-spb", "RU", "ru.vdv"),
        ("ru.810-nib", "RU", "ru.bsf"),
        ("ru.155-nib", "RU", "ru.pacific-fleet"),
        ("ru.14-ac", "RU", "ru.northern-fleet"),
        ("ru.141-reg", "RU", "ru.rosgvardia"),
        ("dnr.1-ac", "RU", "dnr.forces"),
        ("lnr.2-ac", "RU", "lnr.forces"),
        ("ua.93-mech-bde", "UA", "ua.ground-forces"),
        ("ua.36-marine-bde", "UA", "ua.marine-corps"),
        ("ua.95-aa-bde", "UA", "ua.dshv"),
        ("ua.128-mtn-bde", "UA", "ua.ground-forces"),
        ("ua.112-tdf-bde", "UA", "ua.tdf"),
        ("ua.azov", "UA", "ua.ngu"),
        ("ua.kraken", "UA", "ua.gur"),
        ("ua.khartiia", "UA", "ua.ngu"),
        ("ua.oc-south", "UA", "ua.ground-forces"),
        ("ua.rdk", "UA", "ua.gur"),
    ],
)
def test_registry_order_of_battle_facts(
    registry: ActorRegistry, actor_id: str, side: str, parent: str
) -> None:
    actor = registry.get(actor_id)
    assert (actor.side, actor.parent) == (side, parent)
    assert actor.kind == "unit"


@pytest.mark.parametrize(
    ("actor_id", "kind", "side"),
    [
        ("ru", "side", "RU"),
        ("ua", "side", "UA"),
        ("ru.forces", "force", "RU"),
        ("ua.forces", "force", "UA"),
        ("dnr.forces", "force", "RU"),
        ("lnr.forces", "force", "RU"),
        ("ru.wagner", "force", "RU"),
        ("ru.kadyrovites", "force", "RU"),
        ("ru.vdv", "force", "RU"),
        ("ru.bars", "force", "RU"),
        ("by", "side", "other"),
        ("by.forces", "force", "other"),
        ("int.nato", "organization", "other"),
        ("us.dod", "organization", "other"),
        ("ru.mod", "organization", "RU"),
        ("ru.kremlin", "organization", "RU"),
        ("ua.general-staff", "organization", "UA"),
        ("ua.gur", "organization", "UA"),
        ("ua.sbu", "organization", "UA"),
        ("us.isw", "organization", "other"),
        ("gb.defence-intelligence", "organization", "other"),
        ("int.iaea", "organization", "other"),
        ("ru.milbloggers", "organization", "RU"),
        ("ru.rybar", "organization", "RU"),
        ("ru.wargonzo", "organization", "RU"),
    ],
)
def test_registry_sides_forces_and_institutions(
    registry: ActorRegistry, actor_id: str, kind: str, side: str
) -> None:
    actor = registry.get(actor_id)
    assert (actor.kind, actor.side) == (kind, side)


@pytest.mark.parametrize(
    ("actor_id", "side", "affiliation"),
    [
        ("ru.putin", "RU", "ru.kremlin"),
        ("ua.zelensky", "UA", "ua.president"),
        ("ru.shoigu", "RU", "ru.mod"),
        ("ru.gerasimov", "RU", "ru.general-staff"),
        ("ru.lavrov", "RU", "ru.mfa"),
        ("ru.peskov", "RU", "ru.kremlin"),
        ("ru.kadyrov", "RU", "ru.chechnya"),
        ("ru.prigozhin", "RU", "ru.wagner"),
        ("dnr.pushilin", "RU", "dnr"),
        ("lnr.pasechnik", "RU", "lnr"),
        ("ru.saldo", "RU", "ru.occupation"),
        ("ru.balitsky", "RU", "ru.occupation"),
        ("ua.zaluzhnyi", "UA", "ua.forces"),
        ("ua.syrskyi", "UA", "ua.forces"),
        ("ua.reznikov", "UA", "ua.mod"),
        ("ua.budanov", "UA", "ua.gur"),
        ("ua.arestovych", "UA", "ua.president"),
        ("ua.podolyak", "UA", "ua.president"),
        ("ua.vereshchuk", "UA", "ua.gov"),
        ("ua.kyrylenko", "UA", "ua.donetsk-ova"),
        ("ua.haidai", "UA", "ua.luhansk-ova"),
        ("ua.kim", "UA", "ua.mykolaiv-ova"),
        ("by.lukashenko", "other", "by.gov"),
        ("us.austin", "other", "us.dod"),
    ],
)
def test_registry_officials(
    registry: ActorRegistry, actor_id: str, side: str, affiliation: str
) -> None:
    entry = registry.entry(actor_id)
    assert entry.actor.kind == "person"
    assert (entry.actor.side, entry.actor.parent) == (side, affiliation)
    assert entry.role


def test_registry_get_names_a_missing_id(registry: ActorRegistry) -> None:
    with pytest.raises(KeyError, match=r"ru\.9999-mrd"):
        registry.get("ru.9999-mrd")
    assert "ru.144-mrd" in registry
    assert registry.descends_from("ru.488-mrr", "ru.20-caa")


def test_registry_lookups_by_number(registry: ActorRegistry) -> None:
    assert [e.actor.id for e in registry.numbered(144, "motor-rifle-division")] == ["ru.144-mrd"]
    brigades = {e.actor.id for e in registry.numbered_at(25, "brigade")}
    assert brigades == {"ru.25-mrb", "ua.25-ab-bde"}


UNITS_HEADER = "id\tname\tside\techelon\ttype\tnumber\tparent\tformed\taliases\n"
SIDES_TEXT = (
    "id\tname\tkind\tside\tparent\taliases\nru.forces\tRussian Armed Forces\tforce\tRU\t\t\n"
)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            "ru.1-mrd\tOne\tRU\tdivision\tmotor-rifle-division\t1\tru.forces\t\t\n"
            "ru.1-mrd\tTwo\tRU\tdivision\tmotor-rifle-division\t2\tru.forces\t\t\n",
            r"units\.tsv:3: id 'ru\.1-mrd' is already used at units\.tsv:2",
        ),
        (
            "ru.1-mrd\tOne\tRU\tdivision\tmotor-rifle-division\t1\tru.nowhere\t\t\n",
            r"parent 'ru\.nowhere' of ru\.1-mrd is not in the registry",
        ),
        (
            "ru.1-mrd\tOne\tRU\tdivision\tflying-division\t1\tru.forces\t\t\n",
            r"type 'flying-division' is not a unit type",
        ),
        (
            "ru.1-mrd\tOne\tRU\tbrigade\tmotor-rifle-division\t1\tru.forces\t\t\n",
            r"type motor-rifle-division is a division, but the echelon is brigade",
        ),
        (
            "ru.1-mrd\tOne\tRU\tdivision\t\t1\tru.forces\t\t\n",
            r"a unit with a number needs a type",
        ),
        (
            "ru.a\tA\tRU\tdivision\t\t\tru.b\t\t\nru.b\tB\tRU\tdivision\t\t\tru.a\t\t\n",
            r"the parents of ru\.a form a cycle",
        ),
        (
            "ru.a\tA\tRU\tdivision\t\t\tru.forces\t\tSpecial Unit\n"
            "ru.b\tB\tRU\tdivision\t\t\tru.forces\t\tSpecial Unit\n",
            r"alias 'Special Unit' is claimed by ru\.a \(units\.tsv:2\), ru\.b \(units\.tsv:3\)",
        ),
        (
            "ru.1-mrd\tOne\tRU\tdivision\tmotor-rifle-division\t1\tru.forces\t\t\n"
            "ru.one-mrd\tUno\tRU\tdivision\tmotor-rifle-division\t1\tru.forces\t\t\n",
            r"ru\.one-mrd has the number and type of ru\.1-mrd",
        ),
        ("Ru.X\tX\tRU\tdivision\t\t\t\t\t\n", r"id 'Ru\.X' is not of the form"),
    ],
)
def test_registry_validation_names_the_problem(lexicon: Lexicon, rows: str, message: str) -> None:
    entries = read_table(UNITS_HEADER + rows, "units.tsv", lexicon)
    entries += read_table(SIDES_TEXT, "sides.tsv", lexicon)
    with pytest.raises(RegistryError, match=message):
        ActorRegistry(entries, lexicon)


def test_registry_shared_alias_is_allowed(lexicon: Lexicon) -> None:
    rows = (
        "ru.a\tA\tRU\tdivision\t\t\t\t\t?Special Unit\n"
        "ua.b\tB\tUA\tdivision\t\t\t\t\t?Special Unit\n"
    )
    registry = ActorRegistry(read_table(UNITS_HEADER + rows, "units.tsv", lexicon), lexicon)
    claims = registry.aliases(lexicon.keys("special unit"))
    assert {entry.actor.id for _, entry in claims} == {"ru.a", "ua.b"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id\tname\n", r"sides\.tsv: the header lacks the columns kind, side, parent, aliases"),
        (
            "id\tname\tkind\tside\tparent\taliases\nru\tRussia\tside\tRussia\t\t\n",
            r"sides\.tsv:2: side 'Russia' is not one of RU, UA, other",
        ),
        (
            "id\tname\tkind\tside\tparent\taliases\nru\tRussia\tcountry\tRU\t\t\n",
            r"sides\.tsv:2: kind 'country' is not one of",
        ),
        (
            "# a comment\nid\tname\tkind\tside\tparent\taliases\nru\tRussia\tside\n",
            r"sides\.tsv:3: expected 6 tab-separated cells",
        ),
    ],
)
def test_registry_malformed_rows_name_file_and_line(
    lexicon: Lexicon, text: str, message: str
) -> None:
    with pytest.raises(RegistryError, match=message):
        read_table(text, "sides.tsv", lexicon)


def test_registry_alias_flags(lexicon: Lexicon) -> None:
    from frontwatch.pipeline.actors import Alias

    alias = Alias.parse("~?Azov", lexicon)
    assert (alias.text, alias.weak, alias.shared, alias.place) == ("Azov", True, True, False)
    assert Alias.parse("@Moscow", lexicon).place
    assert Alias.parse("^Kremlin", lexicon).seat
    assert Alias.parse("Ministry of Defence", lexicon).keys == ("ministry", "of", "defense")
