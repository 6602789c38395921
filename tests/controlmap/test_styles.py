from __future__ import annotations

import pytest

from frontwatch.controlmap import AREA_CONTROLLER, classify_feature


@pytest.mark.parametrize(
    ("name", "fill", "geometry", "kind"),
    [
        ("Окуповано /// Occupied", "#a52714", "Polygon", "occupied"),
        ("ОРДЛО /// CADR and CALR", "#880e4f", "Polygon", "occupied_before_2022"),
        ("Окупований Крим", "#000000", "MultiPolygon", "occupied_before_2022"),
        ("Звільнено 25.03 /// Taken back 25.03", "#0f9d58", "Polygon", "liberated"),
        ("Звільнено", "#0288D1", "GeometryCollection", "liberated"),
        ("Під питанням /// Contested\n", "#bcaaa4", "Polygon", "contested"),
        ("Сіра зона /// Gray area", "#bdbdbd", "Polygon", "contested"),
        ("Під питанням /// Contensed", "#757575", "Polygon", "contested"),
        # A contested name overrides an occupied fill (15 such features in April 2022).
        ("Під питанням", "#a52714", "Polygon", "contested"),
        ("Під питанням", "#000000", "Polygon", "contested"),
        # An unknown fill falls back to the name.
        ("Окуповано", "#123456", "Polygon", "occupied"),
        ("Звільнено\xa022.05", "", "Polygon", "liberated"),
    ],
)
def test_classify_feature_kinds(name: str, fill: str, geometry: str, kind: str) -> None:
    assert classify_feature({"name": name, "fill": fill}, geometry).kind == kind


@pytest.mark.parametrize(
    ("props", "geometry", "rule"),
    [
        ({"name": "Напрямок удару", "fill": "#a52714"}, "Point", "not an area (Point)"),
        ({"name": "x", "fill": "#a52714"}, "LineString", "not an area (LineString)"),
        ({"name": "Придністров'я", "fill": "#880e4f"}, "Polygon", "outside Ukraine (Transnistria)"),
        ({"name": "Transnistria", "fill": "#ff5252"}, "Polygon", "outside Ukraine (Transnistria)"),
        ({"name": "", "fill": "#ff5252"}, "Polygon", "ignored style #ff5252"),
        ({"name": "Штаб", "fill": "#123456"}, "Polygon", "unknown style #123456"),
        (None, "Polygon", "unknown style (no fill)"),
    ],
)
def test_classify_feature_skips(props: dict[str, str] | None, geometry: str, rule: str) -> None:
    assert classify_feature(props, geometry) == (None, rule)


def test_classify_feature_controllers_cover_every_kind() -> None:
    assert dict(AREA_CONTROLLER) == {
        "occupied": "RU",
        "occupied_before_2022": "RU",
        "contested": "contested",
        "liberated": "UA",
    }
