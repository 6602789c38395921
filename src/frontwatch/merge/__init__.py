"""Across reports: event clusters with corroboration, and the control timeline per settlement."""

from frontwatch.merge.clusters import Reported, cluster_events
from frontwatch.merge.timeline import ControlChange, control_changes, control_timeline

__all__ = ["ControlChange", "Reported", "cluster_events", "control_changes", "control_timeline"]
