"""Control-map layers: who holds a point on a day, according to a map of areas.

Reads DeepStateMap-style GeoJSON snapshots (plain or gzip-compressed) into
:class:`ControlLayer` objects (classified polygons and an STRtree point lookup), a folder of
daily snapshots into a :class:`ControlArchive`, turns a layer into baseline
:class:`~frontwatch.model.ControlState` records, and compares text-derived controllers with
it. The classification of DeepState's styles is documented in ``docs/controlmap.md``.

Nothing is read at import time; boundary and style tables load on first use.
"""

from frontwatch.controlmap.archive import DEFAULT_MAX_GAP, ControlArchive, Flip
from frontwatch.controlmap.baseline import (
    Disagreement,
    DisagreementKind,
    baseline_states,
    disagreements,
)
from frontwatch.controlmap.layer import (
    TERRITORY_TOLERANCE_DEG,
    ControlArea,
    ControlLayer,
    Territory,
)
from frontwatch.controlmap.snapshot import read_feature_collection, snapshot_day
from frontwatch.controlmap.styles import AREA_CONTROLLER, AreaKind, classify_feature

__all__ = [
    "AREA_CONTROLLER",
    "DEFAULT_MAX_GAP",
    "TERRITORY_TOLERANCE_DEG",
    "AreaKind",
    "ControlArchive",
    "ControlArea",
    "ControlLayer",
    "Disagreement",
    "DisagreementKind",
    "Flip",
    "Territory",
    "baseline_states",
    "classify_feature",
    "disagreements",
    "read_feature_collection",
    "snapshot_day",
]
