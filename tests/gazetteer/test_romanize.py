from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontwatch.gazetteer.names import is_abbreviation, name_key
from frontwatch.gazetteer.romanize import Romanizer

ROMANIZE = Romanizer.ukrainian()
UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяʼ'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯ -"


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Кліщіївка", "Klishchiivka"),
        ("Мар'їнка", "Marinka"),
        ("Згурівка", "Zghurivka"),
        ("Їжаківка", "Yizhakivka"),
        ("Юрівка", "Yurivka"),
        ("Яготин", "Yahotyn"),
        ("Роботине", "Robotyne"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Куп’янськ", "Kupiansk"),
        ("Біла Церква", "Bila Tserkva"),
        ("Гай-Яр", "Hai-Yar"),
        ("Євгенівка", "Yevhenivka"),
        ("Стрий", "Stryi"),
        ("Київ", "Kyiv"),
    ],
)
def test_romanize_national_system(cyrillic: str, latin: str) -> None:
    assert ROMANIZE(cyrillic) == latin


@given(st.text(alphabet=UKRAINIAN))
def test_romanize_is_deterministic_and_latin(text: str) -> None:
    result = ROMANIZE(text)
    assert result == ROMANIZE(text)
    assert all(ord(char) < 128 for char in result)


@pytest.mark.parametrize(
    ("names", "same"),
    [
        (("Łyman", "Lyman", "LYMAN"), True),
        (("Lîman", "liman"), True),
        (("Kup'yans'k", "Kupyansk", "KUPYANSK"), True),
        (("Hai-Yar", "Hai Yar"), True),
        (("St. Louis", "St Louis"), True),
        (("St. Petersburg", "Saint Petersburg"), True),
        (("Mt. Hood", "Mount Hood"), True),
        (("Ft. Worth", "Fort Worth"), True),
        (("Stanley", "Saint Anley"), False),
        (("Київ", "Kyiv"), False),
        (("Артёмовск", "Артемовск"), True),
    ],
)
def test_names_key_folds_spelling(names: tuple[str, ...], same: bool) -> None:
    keys = {name_key(name) for name in names}
    assert (len(keys) == 1) is same


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [
        ("US", True),
        ("U.S.", True),
        ("UK", True),
        ("EU", True),
        ("Us", False),
        ("Kyiv", False),
        ("NATO", True),
        ("UNESCO", False),
    ],
)
def test_names_abbreviation(text: str, abbreviation: bool) -> None:
    assert is_abbreviation(text) is abbreviation
