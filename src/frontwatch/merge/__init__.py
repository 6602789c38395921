"""Across reports: event clusters with corroboration, and the control timeline per settlement."""

from frontwatch.merge.clusters import Reported, cluster_events
from frontwatch.merge.timeline import (
    ControlChange,
    ControlRules,
    control_changes,
    control_timeline,
)

__all__ = [
    "ControlChange",
    "ControlRules",
    "Reported",
    "cluster_events",
    "control_changes",
    "control_timeline",
]
