"""The dates stage: recognition, resolution, the article date, the stage, and its invariants.

Sentences are written for these tests. Fast: no spaCy model (tense comes from nearby words);
tests that need the parse are marked ``model`` and use the session ``pipeline`` fixture.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontwatch.model import Article, ArticleAnalysis, TimeExpression
from frontwatch.pipeline.dates import DateTagger, TimeFinder, article_date, find_times
from frontwatch.pipeline.dates.lexicon import load_lexicon
from frontwatch.pipeline.dedup import content_id
from frontwatch.pipeline.stage import Item

TUESDAY = dt.date(2022, 10, 4)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _one(text: str, anchor: dt.date | None, phrase: str, **kwargs: Any) -> TimeExpression:
    """The expression of ``text`` that covers ``phrase``."""
    start = text.index(phrase)
    found = [
        t
        for t in find_times(text, anchor, **kwargs)
        if t.start <= start < t.end or (start <= t.start < start + len(phrase))
    ]
    assert found, f"no expression covers {phrase!r} in {find_times(text, anchor)}"
    return found[0]


def _days(time: TimeExpression) -> tuple[str | None, str | None]:
    span = time.span
    return (
        span.earliest.isoformat() if span.earliest else None,
        span.latest.isoformat() if span.latest else None,
    )


@pytest.mark.parametrize(
    ("text", "phrase", "value", "days"),
    [
        # absolute dates in every common format
        ("The bridge was hit on Oct. 4.", "Oct. 4", "2022-10-04", ("2022-10-04", "2022-10-04")),
        ("It fell on 4 October 2022.", "4 October 2022", "2022-10-04", None),
        ("The report is dated 2022-10-04.", "2022-10-04", "2022-10-04", None),
        ("Kyiv was struck on October 4th, 2022.", "October 4th, 2022", "2022-10-04", None),
        ("Kyiv was struck on the 4th of October.", "4th of October", "2022-10-04", None),
        ("Saturday, October 1 was quiet.", "Saturday, October 1", "2022-10-01", None),
        # weekdays and deictic days
        ("Lyman was retaken on Saturday.", "Saturday", "2022-10-01", None),
        ("Russia struck Kyiv last Friday.", "last Friday", "2022-09-30", None),
        ("Drones hit Odesa yesterday.", "yesterday", "2022-10-03", None),
        ("Drones hit Odesa overnight.", "overnight", "2022-10-03TNI", ("2022-10-03", "2022-10-04")),
        ("Drones hit Odesa on Sunday night.", "Sunday night", "2022-10-02TNI", None),
        ("Kharkiv was shelled this morning.", "this morning", "2022-10-04TMO", None),
        # relative expressions
        ("The town fell 4 days ago.", "4 days ago", "2022-09-30", None),
        (
            "Ukraine advanced over the weekend.",
            "weekend",
            "2022-W39-WE",
            ("2022-10-01", "2022-10-02"),
        ),
        (
            "Moscow annexed the regions last week.",
            "last week",
            "2022-W39",
            ("2022-09-26", "2022-10-02"),
        ),
        ("Strikes rose last month.", "last month", "2022-09", ("2022-09-01", "2022-09-30")),
        ("It began earlier this year.", "earlier this year", "2022", ("2022-01-01", "2022-10-04")),
        (
            "Kyiv has been struck since February 24.",
            "since February 24",
            "2022-02-24/2022-10-04",
            ("2022-02-24", "2022-10-04"),
        ),
        ("As of October 3, the bank was held.", "October 3", "2022-10-03", None),
        (
            "Russia fired 40 missiles in the past 24 hours.",
            "past 24 hours",
            "PT24H",
            ("2022-10-03", "2022-10-04"),
        ),
        ("The unit was rotated two weeks ago.", "two weeks ago", "2022-W38", None),
        # ranges
        (
            "Fighting raged between Sunday and Monday.",
            "between Sunday and Monday",
            "2022-10-02/2022-10-03",
            ("2022-10-02", "2022-10-03"),
        ),
        ("Sirens sounded on October 2-3.", "October 2-3", "2022-10-02/2022-10-03", None),
        ("Talks ran from 1 to 3 October.", "from 1 to 3 October", "2022-10-01/2022-10-03", None),
        (
            "Blasts were heard on the night of October 2 to 3.",
            "night of October 2 to 3",
            "2022-10-02TNI",
            ("2022-10-02", "2022-10-03"),
        ),
        (
            "Talks ran from September 30 to October 2.",
            "September 30 to October 2",
            "2022-09-30/2022-10-02",
            None,
        ),
        ("The lines held between 2015 and 2021.", "between 2015 and 2021", "2015/2021", None),
        # months, seasons, years, quarters, decades
        ("Losses mounted in September.", "September", "2022-09", ("2022-09-01", "2022-09-30")),
        (
            "Russia will try again this winter.",
            "this winter",
            "2022-WI",
            ("2022-12-01", "2023-02-28"),
        ),
        ("Crimea was annexed in 2014.", "2014", "2014", ("2014-01-01", "2014-12-31")),
        (
            "The offensive stalled in late August.",
            "late August",
            "2022-08",
            ("2022-08-22", "2022-08-31"),
        ),
        (
            "Output fell in the third quarter.",
            "third quarter",
            "2022-Q3",
            ("2022-07-01", "2022-09-30"),
        ),
        ("The fortress dates from the 1980s.", "1980s", "198", ("1980-01-01", "1989-12-31")),
        ("The first half of 2022 was the worst.", "first half of 2022", "2022-H1", None),
        (
            "Shelling resumed in the last week of August.",
            "last week of August",
            "2022-08",
            ("2022-08-25", "2022-08-31"),
        ),
        ("The tanks arrived on Christmas Eve.", "Christmas Eve", "2021-12-24", None),
    ],
)
def test_dates_resolves_war_report_expressions(
    text: str, phrase: str, value: str, days: tuple[str, str] | None
) -> None:
    time = _one(text, TUESDAY, phrase)
    assert time.value == value
    if days is not None:
        assert _days(time) == days
    assert time.span.resolved
    assert text[time.start : time.end] == time.text


@pytest.mark.parametrize(
    ("anchor", "text", "expected"),
    [
        (dt.date(2022, 10, 4), "Russian missiles struck Zaporizhzhia on Tuesday.", "2022-10-04"),
        (dt.date(2022, 10, 4), "The ministers will meet on Wednesday.", "2022-10-05"),
        (dt.date(2022, 10, 4), "The ministers will meet on Tuesday.", "2022-10-11"),
        (dt.date(2022, 10, 4), "The ministers met on Wednesday.", "2022-09-28"),
        (dt.date(2022, 10, 10), "Officials will decide on Monday.", "2022-10-17"),
        (dt.date(2022, 10, 4), "Talks are scheduled for Friday.", "2022-10-07"),
    ],
)
def test_dates_weekday_is_latest_not_after_anchor_unless_future(
    anchor: dt.date, text: str, expected: str
) -> None:
    (time,) = find_times(text, anchor)
    assert time.value == expected


@pytest.mark.parametrize(
    ("anchor", "text", "expected"),
    [
        (dt.date(2023, 1, 5), "Ukraine liberated Kherson on November 11.", "2022-11-11"),
        (dt.date(2023, 1, 3), "The tanks arrived on Christmas Eve.", "2022-12-24"),
        (dt.date(2022, 9, 15), "Zelensky visited Izium on September 14.", "2022-09-14"),
        (dt.date(2022, 10, 4), "The referendum will be held on December 1.", "2022-12-01"),
        (dt.date(2022, 12, 20), "The talks will resume on January 10.", "2023-01-10"),
        (dt.date(2022, 10, 27), "The offer was extended to Nov. 20.", "2022-11-20"),
    ],
)
def test_dates_day_month_year_follows_tense(anchor: dt.date, text: str, expected: str) -> None:
    (time,) = [t for t in find_times(text, anchor) if t.kind == "date"]
    assert time.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian forces recaptured Lyman on Saturday.",
        "The strike happened 4 days ago.",
        "Russian troops withdrew between Sunday and Monday.",
        "The dam was destroyed last week.",
        "On September 14, Zelensky visited Izium.",
        "Drones hit the city overnight.",
        "Ukraine advanced over the weekend.",
        "The counteroffensive began earlier this year.",
        "Russia will try again this winter.",
        "Russia has shelled the town since May.",
        "Russian forces fired 40 missiles in the past 24 hours.",
    ],
)
def test_dates_relative_expressions_stay_unresolved_without_anchor(text: str) -> None:
    (time,) = [t for t in find_times(text, None) if t.kind != "duration" or t.span.text]
    assert not time.span.resolved
    assert time.value is None or time.kind == "duration"
    assert time.note
    assert repr(time.text) in time.note or "no article date" in time.note


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Russia illegally annexed Crimea in 2014.", "2014"),
        ("Kherson was liberated on November 11, 2022.", "2022-11-11"),
        ("The dam was destroyed on 6 June 2023.", "2023-06-06"),
        ("The war in the Donbas began in April 2014.", "2014-04"),
        ("The counteroffensive failed in the summer of 2023.", "2023-SU"),
    ],
)
def test_dates_absolute_expressions_resolve_without_anchor(text: str, value: str) -> None:
    (time,) = find_times(text, None)
    assert (time.value, time.span.resolved, time.span.anchor) == (value, True, None)


def test_dates_ambiguous_numeric_date_is_flagged_not_guessed() -> None:
    (time,) = find_times("The order is dated 10/04/2022.", None)
    assert time.ambiguous
    assert not time.span.resolved
    assert "2022-10-04" in (time.note or "")
    assert "2022-04-10" in (time.note or "")


@pytest.mark.parametrize(
    ("text", "order", "value"),
    [
        ("The order is dated 10/04/2022.", "MDY", "2022-10-04"),
        ("The order is dated 10/04/2022.", "DMY", "2022-04-10"),
        ("Signed on 25/09/2022 and 10/04/2022.", None, "2022-04-10"),  # day first, from 25/09
        ("Signed on 04.10.2022.", None, "2022-10-04"),  # dots: day first
        ("Signed on 13/04/2022.", "MDY", "2022-04-13"),  # only one reading exists
    ],
)
def test_dates_numeric_order(text: str, order: Any, value: str) -> None:
    times = find_times(text, None, date_order=order)
    assert times[-1].value == value
    assert not times[-1].ambiguous


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Russian forces may attempt to cross the river.", "may"),
        ("Thousands joined the March for Ukraine in London.", "March"),
        ("Russia lost 2014 tanks, according to one tally.", "2014"),
        ("The brigade has fought 24/7 for a month.", "24/7"),
        ("The fall of Mariupol freed Russian units.", "fall"),
        ("Russia has fired more than 4,000 missiles.", "4,000"),
        ("Odesa port was struck a day after the deal was signed.", "a day after"),
        ("Units will move as soon as the bridge is repaired.", "soon"),
        ("Prices rose 2.5% in the quarter-to-quarter comparison.", "quarter"),
        ("He is 52 years old.", "52 years"),
        ("Water levels may spring back.", "spring"),
    ],
)
def test_dates_traps_are_not_dates(text: str, phrase: str) -> None:
    start = text.index(phrase)
    end = start + len(phrase)
    overlapping = [t for t in find_times(text, TUESDAY) if t.start < end and start < t.end]
    assert overlapping == []


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("Deadline: Saturday, December 31.", dt.date(2023, 1, 2), "2022-12-31"),
        ("Deadline: Sunday, December 31.", dt.date(2023, 1, 2), "2023-12-31"),
        ("Russia struck on Sunday, December 31.", dt.date(2023, 1, 2), "2022-12-31"),
    ],
)
def test_dates_written_weekday_picks_the_year_the_tense_allows(
    text: str, anchor: dt.date, value: str
) -> None:
    (time,) = find_times(text, anchor)
    assert time.value == value


def test_dates_possessive_weekday_is_a_date() -> None:
    text = "Saturday's missile attack on Zaporizhzhia killed 17 people."
    (time,) = find_times(text, dt.date(2022, 10, 10))
    assert (time.text, time.value) == ("Saturday", "2022-10-08")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In the four days since the vote, Russia lost ground.", "P4D"),
        ("The bridge was closed for three days.", "P3D"),
        ("The siege lasted nearly three months.", "P3M"),
        ("Ukraine has fought for months in the Donbas.", "PXM"),
        ("A two-year programme was announced.", "P2Y"),
        ("Power was cut for 24 hours.", "PT24H"),
    ],
)
def test_dates_durations_are_kept_as_durations(text: str, value: str) -> None:
    (time,) = find_times(text, TUESDAY)
    assert (time.kind, time.value, time.span.resolved) == ("duration", value, False)


def test_dates_sets_are_not_dates() -> None:
    (time,) = find_times("Shelling continued every night.", TUESDAY)
    assert (time.kind, time.value, time.span.resolved) == ("set", "P1D", False)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "Kupiansk was entered on September 10. The next day, Kharkiv was hit.",
            "next day",
            "2022-09-11",
        ),
        (
            "The bridge was hit on July 27. Two days earlier, a depot burned.",
            "Two days earlier",
            "2022-07-25",
        ),
        ("Crimea was annexed in 2014. A year earlier, protests began.", "A year earlier", "2013"),
        (
            "Balakliia fell on September 8. That same day, Izium was shelled.",
            "same day",
            "2022-09-08",
        ),
    ],
)
def test_dates_anaphors_count_from_the_last_date_mentioned(
    text: str, phrase: str, value: str
) -> None:
    assert _one(text, dt.date(2022, 9, 20), phrase).value == value


def test_dates_day_anaphor_without_earlier_day_is_unresolved() -> None:
    (time,) = find_times("The next day, Kharkiv was hit.", TUESDAY)
    assert not time.span.resolved
    assert "no earlier day" in (time.note or "")


def test_dates_offsets_and_sentence_indices() -> None:
    text = "Lyman fell on Saturday.\n\nOn Monday, the Pentagon spoke."
    times = TimeFinder(load_lexicon()).find(text, TUESDAY, sentence_starts=[0, 25])
    assert [(t.text, t.sentence) for t in times] == [("on Saturday", 0), ("On Monday", 1)]
    assert all(text[t.start : t.end] == t.text for t in times)


def test_dates_split_ranges_reports_timeml_extents() -> None:
    text = "Fighting raged between Sunday and Monday, and since May 9."
    finder = TimeFinder(load_lexicon())
    times = finder.find(text, TUESDAY, split_ranges=True)
    assert [(t.text, t.value) for t in times] == [
        ("between Sunday", "2022-10-02"),
        ("Monday", "2022-10-03"),
        ("May 9", "2022-05-09"),
    ]


def test_dates_word_lists_load_from_package_data() -> None:
    lexicon = load_lexicon()
    assert lexicon.months["Sept."] == 9
    assert lexicon.weekdays["Saturday"] == 5
    assert lexicon.seasons["winter"].code == "WI"
    assert lexicon.holidays["Victory Day"] == (5, 9)
    assert lexicon.date_orders["uk"] == "DMY"
    assert "may" not in lexicon.months  # lower case is never a month


def test_dates_importing_compiles_nothing_and_loads_no_spacy() -> None:
    code = (
        "import sys, frontwatch.pipeline.dates as d; "
        "from frontwatch.pipeline.dates.finder import default_finder; "
        "sys.exit(('spacy' in sys.modules) + 2 * default_finder.cache_info().currsize)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# -- the article date ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("KYIV, Oct 4, 2022 (Reuters) - Ukraine said.", None, ("2022-10-04", "dateline")),
        ("MOSCOW, 30 June 2022 — Summary of a statement.", "x", ("2022-06-30", "dateline")),
        (
            "MOSCOW/KYIV, 13 January 2023 (Monitor) — The ministry said.",
            None,
            ("2023-01-13", "dateline"),
        ),
        ("MOSCOW, 2022-09-10 — Summary.", None, ("2022-09-10", "dateline")),
        (
            "Text. The strikes of September 14, 2022 were heavy.",
            "Russian Offensive Campaign Assessment, September 14",
            ("2022-09-14", "title"),
        ),
        (
            "Text. Fighting on 13 September 2022 went on.",
            "Russian Offensive Campaign Assessment, September 14",
            ("2022-09-14", "title"),
        ),
        ("No year anywhere.", "Russian Offensive Campaign Assessment, September 14", None),
        ("KYIV, Oct 4 (Reuters) - Ukraine said on Tuesday.", None, None),
        ("Some text.", "Russia to hold a vote on September 23, 2022", None),
        ("LONDON (Reuters) - No date here.", "Headline", None),
    ],
)
def test_dates_article_date_from_dateline_or_title(
    text: str, title: str | None, expected: tuple[str, str] | None
) -> None:
    found = article_date(text, title)
    assert (None if found is None else (found[0].isoformat(), found[1])) == expected


def _item(
    text: str, *, title: str | None = None, published: dt.date | None = None, url: str | None = None
) -> Item:
    article = Article(id=content_id(text), text=text, title=title, published=published, url=url)
    return Item(article=article, analysis=ArticleAnalysis(article=article, stages=()))


def test_dates_stage_uses_dateline_and_records_basis() -> None:
    tagger = DateTagger(TimeFinder(load_lexicon()))
    (item,) = tagger([_item("KYIV, 3 July 2022 — The army withdrew on Sunday.")])
    assert (item.article.published, item.article.published_basis) == (
        dt.date(2022, 7, 3),
        "dateline",
    )
    assert item.analysis.article == item.article
    assert [t.value for t in item.analysis.times or ()] == ["2022-07-03", "2022-07-03"]


def test_dates_stage_keeps_the_given_date_and_leaves_undated_articles_unresolved() -> None:
    tagger = DateTagger(TimeFinder(load_lexicon()))
    given_date, undated = tagger(
        [
            _item("KYIV, 3 July 2022 — It fell on Sunday.", published=dt.date(2022, 7, 5)),
            _item("Lyman fell on Saturday.", title="Assessment"),
        ]
    )
    assert given_date.article.published == dt.date(2022, 7, 5)
    assert given_date.article.published_basis is None  # ingest sets it; the stage keeps it
    assert undated.article.published is None
    assert all(not t.span.resolved for t in undated.analysis.times or ())


def test_dates_stage_reads_numeric_dates_in_the_outlets_order() -> None:
    tagger = DateTagger(TimeFinder(load_lexicon()))
    text = "The order is dated 10/04/2022."
    uk, unknown = tagger(
        [_item(text, url="https://news.example.co.uk/a"), _item(text, url="https://example.com")]
    )
    assert [t.value for t in uk.analysis.times or ()] == ["2022-04-10"]
    assert [t.ambiguous for t in unknown.analysis.times or ()] == [True]


def test_dates_stage_title_expressions() -> None:
    tagger = DateTagger(TimeFinder(load_lexicon()))
    title = "Troops left areas annexed 4 days ago"
    item = _item("Troops left.", title=title, published=TUESDAY)
    (time,) = tagger.title_times(item.article)
    assert (time.value, time.start) == ("2022-09-30", title.index("4 days"))


# -- invariants ---------------------------------------------------------------------------

DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
TEMPLATES = [
    "Russian forces struck the city {0}.",
    "Ukraine will retake the town {0}.",
    "{0}, officials said the bridge was damaged.",
]
PHRASES = [
    "on Saturday",
    "last Friday",
    "yesterday",
    "overnight",
    "4 days ago",
    "over the weekend",
    "last week",
    "this week",
    "last month",
    "this month",
    "earlier this year",
    "this winter",
    "in the spring",
    "on September 14",
    "between Sunday and Monday",
    "since February 24",
    "in the past 24 hours",
    "in September",
    "next month",
    "the third quarter",
    "two weeks ago",
    "in late August",
    "on the night of October 9 to 10",
    "in 2014",
    "on 4 October 2022",
]


@settings(max_examples=150, deadline=None)
@given(anchor=DATES, template=st.sampled_from(TEMPLATES), phrase=st.sampled_from(PHRASES))
def test_dates_property_resolution_is_deterministic_and_ordered(
    anchor: dt.date, template: str, phrase: str
) -> None:
    text = template.format(phrase)
    first = find_times(text, anchor)
    assert first == find_times(text, anchor)
    assert first, text
    for time in first:
        span = time.span
        if span.resolved:
            assert span.earliest is not None
            assert span.latest is not None
            assert span.earliest <= span.latest
            assert span.precision is not None


@settings(max_examples=150, deadline=None)
@given(template=st.sampled_from(TEMPLATES), phrase=st.sampled_from(PHRASES[:-2]))
def test_dates_property_no_relative_expression_resolves_without_anchor(
    template: str, phrase: str
) -> None:
    for time in find_times(template.format(phrase), None):
        assert not time.span.resolved


@settings(max_examples=200, deadline=None)
@given(anchor=DATES, weekday=st.sampled_from(WEEKDAYS), future=st.booleans())
def test_dates_property_weekday_lies_in_the_week_before_or_after_anchor(
    anchor: dt.date, weekday: str, future: bool
) -> None:
    text = f"The ministers {'will meet' if future else 'met'} on {weekday}."
    (time,) = find_times(text, anchor)
    day = time.span.earliest
    assert day is not None
    assert day.weekday() == WEEKDAYS.index(weekday)
    if future:
        assert anchor < day <= anchor + dt.timedelta(days=7)
    else:
        assert anchor - dt.timedelta(days=6) <= day <= anchor


@settings(max_examples=200, deadline=None)
@given(anchor=DATES, days=st.integers(min_value=1, max_value=400))
def test_dates_property_days_ago(anchor: dt.date, days: int) -> None:
    (time,) = find_times(f"The depot was hit {days} days ago.", anchor)
    assert time.span.earliest == anchor - dt.timedelta(days=days)


@settings(max_examples=200, deadline=None)
@given(anchor=DATES, day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2000, 12, 31)))
def test_dates_property_past_day_month_is_never_after_anchor(anchor: dt.date, day: dt.date) -> None:
    text = f"Russian forces captured the village on {day:%B} {day.day}."
    (time,) = find_times(text, anchor)
    if time.span.resolved:  # February 29 in a year without one is not a date
        assert time.span.latest is not None
        assert time.span.latest <= anchor
        assert anchor - time.span.latest < dt.timedelta(days=366)
