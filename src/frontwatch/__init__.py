"""frontwatch: sourced, geolocated, day-by-day situation pictures from war reporting.

The top-level package exposes the data model, settings and errors; it imports no NLP library.
The pipeline lives in :mod:`frontwatch.pipeline` (``Ingestor``, ``Pipeline``).
"""

from frontwatch.config import Settings, load_settings
from frontwatch.errors import ConfigError, FrontwatchError, InputError, ModelNotFoundError
from frontwatch.model import (
    SCHEMA_VERSION,
    Actor,
    Article,
    ArticleAnalysis,
    Claimant,
    ControlState,
    Document,
    Event,
    Evidence,
    Failure,
    Mention,
    NearDuplicate,
    Place,
    PlaceCandidate,
    PlaceMention,
    Quantity,
    Sentence,
    SourceRef,
    TimeExpression,
    TimeSpan,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "ArticleAnalysis",
    "Claimant",
    "ConfigError",
    "ControlState",
    "Document",
    "Event",
    "Evidence",
    "Failure",
    "FrontwatchError",
    "InputError",
    "Mention",
    "ModelNotFoundError",
    "NearDuplicate",
    "Place",
    "PlaceCandidate",
    "PlaceMention",
    "Quantity",
    "Sentence",
    "Settings",
    "SourceRef",
    "TimeExpression",
    "TimeSpan",
    "__version__",
    "load_settings",
]
