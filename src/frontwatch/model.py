"""The one typed data model of frontwatch, and its JSON form ``frontwatch/1``.

Every stage takes and returns these classes; the CLI, the store and the API serialize them.
All classes are immutable (frozen pydantic models whose collections are tuples) and reject
unknown fields, so that a JSON document either round-trips exactly or fails validation with a
message naming the field.

Conventions:

- Text positions are character offsets into ``Article.text`` (``start`` inclusive, ``end``
  exclusive), never token indices; only ``ArticleAnalysis.title_times`` point into
  ``Article.title``.
- Unknown is ``null``: a date, place or number the text does not support is left unset, never
  guessed. A :class:`TimeSpan` without an anchor is *unresolved* (``earliest``/``latest`` null).
- ``docs/schema.md`` and ``docs/schema.json`` are generated from this module
  (``make schema``); a test fails when they drift.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "OPPOSITE",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "ActorMention",
    "Article",
    "ArticleAnalysis",
    "Belligerent",
    "Claimant",
    "Contradiction",
    "ControlState",
    "Controller",
    "DateBasis",
    "Document",
    "Event",
    "EventCluster",
    "EventType",
    "Evidence",
    "Failure",
    "Generator",
    "GeoPrecision",
    "Mention",
    "Modality",
    "NearDuplicate",
    "Place",
    "PlaceCandidate",
    "PlaceMention",
    "Quantity",
    "Sentence",
    "Side",
    "SourceRef",
    "TimeExpression",
    "TimeKind",
    "TimePrecision",
    "TimeSpan",
]

SCHEMA_VERSION: Literal["frontwatch/1"] = "frontwatch/1"

Side = Literal["UA", "RU", "other"]
Controller = Literal["UA", "RU", "contested", "unknown"]
Belligerent = Literal["UA", "RU"]
OPPOSITE: dict[str, Belligerent] = {"UA": "RU", "RU": "UA"}
"""The other side of the war, for captures and withdrawals."""
TimePrecision = Literal["day", "week", "month", "year"]
GeoPrecision = Literal["exact", "near", "region", "country"]
ActorKind = Literal["side", "force", "unit", "person", "organization"]
Modality = Literal[
    "reported", "claimed", "assessed", "confirmed", "forecast", "hypothetical", "denied", "negated"
]
DateBasis = Literal["option", "metadata", "dateline", "title"]
TimeKind = Literal["date", "range", "duration", "set"]
EventType = Literal[
    "control.capture",
    "control.withdrawal",
    "control.advance",
    "combat",
    "strike",
    "annexation",
    "casualties",
    "equipment_loss",
    "mobilization",
    "aid",
]

Offset = Annotated[int, Field(ge=0)]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
Latitude = Annotated[float, Field(ge=-90.0, le=90.0)]
Longitude = Annotated[float, Field(ge=-180.0, le=180.0)]


def _absent(value: object) -> bool:
    """Fields of stages that did not run are left out of the JSON, not written as null."""
    return value is None


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        use_attribute_docstrings=True,
        serialize_by_alias=True,
        validate_by_alias=True,
        validate_by_name=True,
    )


class _Span(_Model):
    """Shared check: a character span with ``start <= end``."""

    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Article(_Model):
    """One input document: a news article, an assessment, a statement, a feed entry."""

    id: str = Field(pattern=r"^[0-9a-f]{20}$")
    """Content hash: the first 20 hex digits of SHA-256 over the normalized text."""
    text: str = Field(min_length=1)
    """The article body, paragraphs separated by a blank line. Offsets point into this."""
    title: str | None = None
    """Headline, when the input has one."""
    url: str | None = None
    """Canonical URL, when known."""
    outlet: str | None = None
    """Publisher or channel name (``--outlet`` overrides)."""
    published: dt.date | None = None
    """Publication date; null when the input does not state it (``--published`` overrides)."""
    published_basis: DateBasis | None = None
    """Where ``published`` came from: ``option`` (``--published``), ``metadata`` (the input's
    own: HTML markup, a JSONL field, a feed entry), a ``dateline`` or a report ``title``."""
    language: str | None = None
    """ISO 639-1 code from the input's metadata or detected; null when unknown."""
    origin: str | None = None
    """Where it was read from: a path, ``path:line``, ``path#entry``, or ``<stdin>``."""


class SourceRef(_Model):
    """Another input whose text was identical to an article's (an exact duplicate)."""

    origin: str | None
    """Where the duplicate was read from."""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


class NearDuplicate(_Model):
    """A link to another article of the same batch with nearly the same text."""

    article_id: str
    """The other article's id."""
    similarity: Annotated[float, Field(ge=0.0, le=1.0)]
    """Estimated Jaccard similarity of word shingles (MinHash)."""


class Sentence(_Span):
    """A sentence of the article, as segmented by the analyze stage."""

    text: str


class Mention(_Span):
    """A named-entity mention found by the spaCy model."""

    text: str
    label: str
    """The model's entity label (GPE, LOC, ORG, PERSON, DATE, CARDINAL, ...)."""
    sentence: Annotated[int, Field(ge=0)]
    """Index of the sentence the mention is in."""


class Evidence(_Span):
    """Where a result comes from: a span of an article and the stage that read it."""

    article_id: str
    sentence: str
    """The text of the sentence that contains the span."""
    stage: str
    """Versioned stage name, e.g. ``frontwatch.events.v1``."""


class TimeSpan(_Model):
    """A time expression resolved to the interval of days it may denote.

    Unresolved (no anchor date, or not interpretable): ``earliest``, ``latest`` and
    ``precision`` are null and ``text`` keeps the expression.
    """

    text: str
    """The expression as written ("on Saturday", "4 days ago")."""
    earliest: dt.date | None = None
    """First day the expression may denote."""
    latest: dt.date | None = None
    """Last day the expression may denote (inclusive)."""
    precision: TimePrecision | None = None
    """Granularity of the expression."""
    anchor: dt.date | None = None
    """The date relative expressions were resolved against (usually the article date)."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        bounds = (self.earliest is None, self.latest is None, self.precision is None)
        if len(set(bounds)) != 1:
            raise ValueError("earliest, latest and precision are either all set or all null")
        if self.earliest and self.latest and self.latest < self.earliest:
            raise ValueError(f"latest ({self.latest}) is before earliest ({self.earliest})")
        return self

    @property
    def resolved(self) -> bool:
        """True when the span has dates."""
        return self.earliest is not None


class TimeExpression(_Span):
    """A time expression found in an article and the days it denotes."""

    text: str
    kind: TimeKind
    """``date`` (a day, week, month, season, year), ``range`` (two dates), ``duration``
    ("for three weeks"), ``set`` ("every night")."""
    span: TimeSpan
    """The days denoted; unresolved when the article has no date to anchor a relative
    expression, and for durations and sets."""
    sentence: Annotated[int, Field(ge=0)]
    """Index of the sentence the expression is in."""
    value: str | None = None
    """TIMEX3-style normalized value ("2022-10-01", "2022-W39", "2022-09", "2014", "P4D",
    "PAST_REF"); null when unresolved."""
    ambiguous: bool = False
    """True when the reading is uncertain (e.g. 10/04/2022 with no locale to decide)."""
    note: str | None = None
    """Why the expression is unresolved or ambiguous."""


class PlaceCandidate(_Model):
    """A gazetteer entry that was considered for a toponym, kept so a reader can audit."""

    gazetteer_id: str
    name: str
    admin1: str | None = None
    country: str | None = None
    lat: Latitude
    lon: Longitude
    score: Confidence


class Place(_Model):
    """A resolved (or knowingly unresolved) location."""

    name: str
    """The name as resolved (the gazetteer's preferred name, or the text when unresolved)."""
    gazetteer_id: str | None = None
    """Null when no gazetteer entry was chosen."""
    admin1: str | None = None
    """First-level division (oblast)."""
    admin2: str | None = None
    """Second-level division (raion)."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code."""
    lat: Latitude | None = None
    lon: Longitude | None = None
    kind: str | None = None
    """Feature kind: settlement, oblast, country, river, sea, island, facility, ..."""
    precision: GeoPrecision | None = None
    """``exact`` point, ``near`` (e.g. hromada centre), ``region`` or ``country`` level."""
    confidence: Confidence = 0.0
    alternatives: tuple[PlaceCandidate, ...] = ()
    """The runners-up, best first."""

    @model_validator(mode="after")
    def _coordinates(self) -> Self:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon are either both set or both null")
        return self


class PlaceMention(_Span):
    """A toponym in an article and the place it was resolved to."""

    text: str
    sentence: Annotated[int, Field(ge=0)]
    """Index of the sentence the mention is in."""
    place: Place
    """The resolved place; ``gazetteer_id`` null (and ``confidence`` 0) when unresolved."""
    cues: tuple[str, ...] = ()
    """Why the span was taken as a toponym: ``gazetteer``, ``ner``, ``pattern:<name>``."""


class Actor(_Model):
    """A side, force, military unit, person or organization."""

    id: str
    """Registry id, e.g. ``ru.144-mrd``."""
    name: str
    kind: ActorKind
    side: Side | None = None
    """The side it belongs to; null when not determined."""
    parent: str | None = None
    """Registry id of the parent formation or institution."""


class ActorMention(_Span):
    """A span of the article that names an actor ("elements of the 76th VDV Division")."""

    text: str
    sentence: Annotated[int, Field(ge=0)]
    actor: Actor
    collective: bool = False
    """A government or capital used for its state ("Moscow", "the Kremlin", "Kyiv")."""


class Claimant(_Model):
    """One link in an attribution chain ("ISW, citing Ukrainian military intelligence")."""

    name: str
    actor_id: str | None = None
    side: Side | None = None


class Quantity(_Model):
    """A number the text states about an event (casualties, personnel, equipment)."""

    kind: str
    """What is counted: ``killed``, ``wounded``, ``casualties``, ``personnel``, ``tanks``, ..."""
    text: str
    """The quantity as written ("an estimated 80,000")."""
    value: int | None = None
    """Point value; null for vague quantities without one ("dozens")."""
    low: int | None = None
    high: int | None = None
    approximate: bool = False
    """Hedged ("about", "more than", "as many as", "dozens")."""
    estimate: bool = False
    """Presented as an estimate ("an estimated", "according to estimates")."""
    convention: str | None = None
    """For a vague count ("dozens"), the coding convention that gave ``value`` (ACLED's)."""

    @model_validator(mode="after")
    def _range(self) -> Self:
        if self.low is not None and self.high is not None and self.high < self.low:
            raise ValueError(f"high ({self.high}) is below low ({self.low})")
        return self


class Event(_Model):
    """A typed event with roles, modality, attribution and the evidence that states it."""

    id: str
    type: EventType
    modality: Modality
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    """At least one span; merged events carry one per report."""
    actor: Actor | None = None
    target: Actor | None = None
    """The counterpart (the side that lost the place, the target of a strike)."""
    place: Place | None = None
    time: TimeSpan | None = None
    quantities: tuple[Quantity, ...] = ()
    attribution: tuple[Claimant, ...] = ()
    """The claimant chain, outermost first; empty when the article itself states it."""
    confidence: Confidence = 0.0
    trigger: str | None = None
    """The word or phrase that signals the event ("recaptured", "liberation")."""


class Contradiction(_Model):
    """A report in a cluster that says the opposite of the cluster's claim."""

    event_id: str
    article_id: str
    modality: Modality
    """``denied`` or ``negated`` against a positive claim, or a positive claim with the
    other side as actor."""
    claimants: tuple[Claimant, ...] = ()
    note: str


class EventCluster(_Model):
    """One happening, as told by every report that describes it, with its corroboration."""

    id: str
    type: EventType
    modality: Modality
    """The strongest positive modality among the members (confirmed > reported > assessed >
    claimed); the member's own for clusters of forecasts, hypotheticals and denials."""
    place: Place | None = None
    time: TimeSpan | None = None
    """The tightest member time (narrowest span); null when no member dates it."""
    actor: Actor | None = None
    members: tuple[str, ...] = Field(min_length=1)
    """Ids of the member events, sorted."""
    articles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    """Distinct outlets (near-duplicate copies count once)."""
    independent_sources: int = 0
    """Distinct outlets and claimants that tell it independently."""
    claimants: tuple[Claimant, ...] = ()
    claiming_sides: tuple[Side, ...] = ()
    """Sides whose claimants (or whose own reports) assert it."""
    first_report: dt.date | None = None
    last_report: dt.date | None = None
    contradictions: tuple[Contradiction, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    """The members' distinct quantities (each report's own figures)."""
    confidence: Confidence = 0.0
    evidence: tuple[Evidence, ...] = ()


class ControlState(_Model):
    """Who controls a place from one day until another, and why we think so."""

    place: Place
    controller: Controller
    valid_from: dt.date
    valid_to: dt.date | None = None
    """Last day of validity (inclusive); null while current."""
    basis: tuple[str, ...] = ()
    """Ids of the events that set this state."""
    confidence: Confidence = 0.0
    evidence: tuple[Evidence, ...] = ()

    @model_validator(mode="after")
    def _interval(self) -> Self:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to ({self.valid_to}) is before valid_from ({self.valid_from})")
        return self


class ArticleAnalysis(_Model):
    """Everything frontwatch found in one article. One line of ``--format jsonl`` output.

    Fields of stages that have not run are absent, never filled with placeholders.
    """

    schema_version: Literal["frontwatch/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    """Always ``frontwatch/1``."""
    article: Article
    stages: tuple[str, ...]
    """Versioned names of the stages that produced this record, in order."""
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Mention, ...] = ()
    duplicates: tuple[SourceRef, ...] = ()
    """Other inputs with exactly the same text, collapsed into this article."""
    near_duplicates: tuple[NearDuplicate, ...] = ()
    """Articles of the same batch with nearly the same text (syndicated copies)."""
    places: tuple[PlaceMention, ...] | None = Field(default=None, exclude_if=_absent)
    """Toponyms and their resolution (stage ``frontwatch.places``); absent when it did not run."""
    times: tuple[TimeExpression, ...] | None = Field(default=None, exclude_if=_absent)
    """Time expressions (stage ``frontwatch.dates``); absent when that stage did not run."""
    title_times: tuple[TimeExpression, ...] | None = Field(default=None, exclude_if=_absent)
    """Time expressions of the title (stage ``frontwatch.dates``): offsets into
    ``Article.title``, ``sentence`` 0; absent when that stage did not run."""
    actors: tuple[ActorMention, ...] | None = Field(default=None, exclude_if=_absent)
    """Actor mentions (stage ``frontwatch.actors``); absent when that stage did not run."""
    events: tuple[Event, ...] | None = Field(default=None, exclude_if=_absent)
    """Typed events (stage ``frontwatch.events``); absent when that stage did not run."""


class Failure(_Model):
    """An input that could not be processed, and why."""

    source: str
    """The input: a path, ``path:line``, ``path#entry`` or ``<stdin>``."""
    error: str
    """Error class, e.g. ``EmptyInputError``."""
    reason: str


class Generator(_Model):
    """What produced a document."""

    name: Literal["frontwatch"] = "frontwatch"
    version: str
    model: str
    """The spaCy model package used by the analyze stage."""
    stages: tuple[str, ...]


class Document(_Model):
    """A batch result: the output of ``frontwatch analyze --format json``."""

    schema_version: Literal["frontwatch/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    """Always ``frontwatch/1``."""
    generator: Generator
    articles: tuple[ArticleAnalysis, ...] = ()
    failures: tuple[Failure, ...] = ()
    """Inputs that could not be read; the batch went on without them."""
    skipped: tuple[str, ...] = ()
    """Files inside given directories that were not read (unsupported extension)."""
