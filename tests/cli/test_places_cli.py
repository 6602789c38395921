"""``frontwatch gazetteer`` and ``frontwatch eval geoparse``, and places on the seed article."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from frontwatch.gazetteer.geo import distance_km
from tests.conftest import parse_document
from tests.evaluation.test_geoparse_eval import LGL_STYLE

Invoke = Callable[..., Result]


@pytest.mark.usefixtures("gazetteer")
def test_gazetteer_lookup_and_info(run_cli: Invoke) -> None:
    result = run_cli("gazetteer", "lookup", "Artemovsk", "Qwertzovka")
    assert result.exit_code == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["candidates"][0]["name"] == "Bakhmut"
    assert second["candidates"] == []
    info = json.loads(run_cli("gazetteer", "info").stdout)
    assert int(info["places"]) > 200_000


def test_gazetteer_build_missing_dump_is_a_usage_error(run_cli: Invoke, tmp_path: Path) -> None:
    result = run_cli("gazetteer", "build", "--geonames", str(tmp_path / "UA.txt"))
    assert result.exit_code == 2
    assert "UA.txt: GeoNames dump not found" in result.stderr


@pytest.mark.usefixtures("gazetteer")
def test_eval_geoparse_prints_scores(run_cli: Invoke, tmp_path: Path) -> None:
    corpus = tmp_path / "lgl.xml"
    corpus.write_text(LGL_STYLE)
    result = run_cli("eval", "geoparse", "--format", "gritta-xml", str(corpus), "--gold-spans")
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert {"n", "acc161", "auc", "mean_km", "median_km"} <= set(scores)
    assert run_cli("eval", "geoparse", str(tmp_path / "none.xml")).exit_code == 2


@pytest.mark.model
@pytest.mark.shared
def test_places_on_the_seed_article(run_cli: Invoke, shared_data: Path) -> None:
    seed = shared_data / "seed" / "lyman-2022-10-04.txt"
    result = run_cli("analyze", str(seed), "--published", "2022-10-04")
    assert result.exit_code == 0, result.stderr
    (analysis,) = parse_document(result.stdout)["articles"]
    places = analysis["places"]
    lyman = [p["place"] for p in places if p["text"] == "Lyman"]
    assert lyman
    for place in lyman:  # the Donetsk Lyman, not Kharkiv's or Odesa's
        assert distance_km(place["lat"], place["lon"], 48.99, 37.81) < 5
        assert place["admin1"] == "Donetsk Oblast"
    names = {p["text"]: p["place"] for p in places}
    assert names["Dneiper"]["kind"] == "river"
    assert names["Dneiper"]["name"] == "Dnipro"
    assert names["Kherson"]["country"] == "UA"
