"""The geoparsing scorer: corpus layouts, metric definitions, and the quality gate."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from frontwatch.config import Settings
from frontwatch.evaluation.geoparse import (
    MAX_KM,
    evaluate,
    read_corpus,
    score_geocoding,
    score_spans,
)

BASELINES = Path(__file__).resolve().parents[1] / "baselines" / "geoparse.json"

LGL_STYLE = """<?xml version="1.0"?>
<articles><article docid="a1"><title>t</title><text>Flooding hit Paris, Texas and Dallas.</text>
<toponyms>
<toponym><start>13</start><end>18</end><phrase>Paris</phrase>
<gaztag geonameid="4717560"><name>Paris</name><lat>33.66094</lat><lon>-95.55551</lon></gaztag>
</toponym>
<toponym><start>20</start><end>25</end><phrase>Texas</phrase>
<gaztag geonameid="4736286"><name>Texas</name><lat>31.25044</lat><lon>-99.25061</lon></gaztag>
</toponym>
<toponym><start>30</start><end>36</end><phrase>Dallas</phrase></toponym>
</toponyms></article></articles>"""

GWN_STYLE = """<?xml version="1.0"?>
<articles><article file="0"><title>t</title><link>x</link>
<text>Officials in Kyiv said Ukrainian troops held Bakhmut.</text>
<toponyms>
<toponym><extractedName>Officials</extractedName><type>Non_Lit_Expression</type>
<start>0</start><end>9</end></toponym>
<toponym><extractedName>Kyiv</extractedName><type>Metonymic</type><start>13</start><end>17</end>
<geonamesID>703448</geonamesID><latitude>50.45466</latitude><longitude>30.5238</longitude></toponym>
<toponym><extractedName>Ukrainian</extractedName><type>Demonym</type><start>23</start>
<end>32</end></toponym>
<toponym><extractedName>Bakhmut</extractedName><type>Literal</type><start>45</start><end>52</end>
<latitude>48.59</latitude><longitude>38.0</longitude></toponym>
</toponyms></article></articles>"""


def test_geoparse_reads_both_layouts(tmp_path: Path) -> None:
    lgl = tmp_path / "lgl.xml"
    lgl.write_text(LGL_STYLE)
    (document,) = read_corpus(lgl)
    assert [t.geocoding for t in document.toponyms] == [True, True, False]
    assert document.text[13:18] == "Paris"
    gwn = tmp_path / "gwn.xml"
    gwn.write_text(GWN_STYLE)
    (document,) = read_corpus(gwn)
    assert [t.recognition for t in document.toponyms] == [False, True, False, True]
    # Bakhmut has coordinates but no GeoNames id: scored only with all_coordinates.
    assert [t.geocoding for t in document.toponyms] == [False, True, False, False]
    (document,) = read_corpus(gwn, all_coordinates=True)
    assert document.toponyms[3].geocoding


def test_geoparse_metric_definitions() -> None:
    result = score_geocoding([0.0, 100.0, 200.0, MAX_KM])
    assert result["n"] == 4
    assert result["acc161"] == 0.5
    logs = sorted(math.log(km + 1) for km in [0.0, 100.0, 200.0, MAX_KM])
    area = sum((logs[i] + logs[i + 1]) / 2 for i in range(3))
    assert result["auc"] == round(area / (math.log(MAX_KM) * 3), 4)
    assert result["median_km"] == 150.0
    assert score_geocoding([])["acc161"] is None


def test_geoparse_span_scores() -> None:
    scores = score_spans(gold=[(0, 5), (10, 15)], predicted=[(0, 5), (11, 14), (20, 25)])
    assert scores["strict"] == {"precision": 0.3333, "recall": 0.5, "f1": 0.4}
    assert scores["overlap"]["recall"] == 1.0


def test_geoparse_bad_corpus(tmp_path: Path) -> None:
    from frontwatch.errors import FrontwatchError

    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>")
    with pytest.raises(FrontwatchError, match="cannot read the corpus XML"):
        read_corpus(bad)


def test_geoparse_evaluate_gold_spans(tmp_path: Path) -> None:
    corpus = tmp_path / "lgl.xml"
    corpus.write_text(LGL_STYLE)
    result = evaluate(corpus, gold_spans=True, settings=Settings())
    assert result["n"] == 2
    assert result["acc161"] == 1.0  # Paris, Texas by containment; Texas itself
    assert result["candidate_acc161"] == 1.0


def test_geoparse_candidate_ceiling(tmp_path: Path) -> None:
    """A gold point no candidate is near lowers the ceiling as well as the score; a wrong
    choice among candidates lowers only the score."""
    corpus = tmp_path / "lgl.xml"
    # Gold for "Paris" put at Paris, Kentucky, which the text gives no reason to choose, and
    # for "Dallas" in the Pacific, where no Dallas is.
    corpus.write_text(
        LGL_STYLE.replace("33.66094", "38.20980")
        .replace("-95.55551", "-84.25299")
        .replace(
            "<phrase>Dallas</phrase>",
            "<phrase>Dallas</phrase><gaztag><lat>0.0</lat><lon>-150.0</lon></gaztag>",
        )
    )
    result = evaluate(corpus, gold_spans=True, settings=Settings())
    assert result["n"] == 3
    assert result["acc161"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["candidate_acc161"] == pytest.approx(2 / 3, abs=1e-4)


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["GWN.xml", "lgl.xml"])
def test_geoparse_quality_gate(shared_data: Path, corpus: str) -> None:
    """acc161 with gold spans must not fall below the stored baseline (which only rises)."""
    baseline = json.loads(BASELINES.read_text())[corpus]
    result = evaluate(
        shared_data / "eval" / "geoparse" / corpus, gold_spans=True, settings=Settings()
    )
    print(json.dumps(result))
    assert result["acc161"] >= baseline["acc161"], result
    assert result["n"] == baseline["n"]
