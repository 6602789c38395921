"""The regular expressions of the recognizer, built from the lexicon and compiled once.

Takes a :class:`~frontwatch.pipeline.dates.lexicon.Lexicon`; :class:`Patterns` holds compiled
patterns of two sorts. *Anchor* patterns find the few tokens every time expression contains
(month and weekday names, digits, keywords such as "yesterday", "week", "ago"); they are fast
because they start with a literal, and the keyword one is a trie run over the lower-cased text.
*Context* patterns read around an anchor: ``r_*`` patterns are matched at the anchor's end,
``l_*`` patterns end with ``$`` and are searched in a short window that ends at the anchor's
start. Month, weekday and holiday names are matched case-sensitively (capitalized or upper
case: "may" and "march" are verbs); other words case-insensitively. Compiling takes a few
milliseconds and happens in the constructor, never at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from frontwatch.pipeline.dates.lexicon import Lexicon
from frontwatch.pipeline.dates.readings import Reading

__all__ = ["WINDOW", "Found", "Patterns", "left", "trie"]

DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?:1[6-9]|20)\d\d(?!\d|:\d|,\d|\.\d)"
PART = (
    r"(?i:early|late|mid-|mid|the\s+middle\s+of|middle\s+of|the\s+end\s+of|end\s+of|"
    r"the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of|earlier\s+in|later\s+in)"
)
APPROX = (
    r"(?i:nearly|almost|about|around|some|roughly|more\s+than|less\s+than|over|at\s+least|"
    r"up\s+to|just\s+over|just\s+under|under|barely|only|exactly)"
)
PREPOSITIONS = (
    "on", "in", "at", "during", "over", "throughout", "since", "until", "till", "by", "before",
    "after", "from", "through", "between", "as of", "to", "within", "around", "into",
    "starting", "beginning", "as early as", "as late as", "no later than",
)  # fmt: skip
WINDOW = 48
"""Characters before an anchor that left-context patterns may read."""

Found = tuple[int, int, Reading, str]
"""A reading and its extent: ``(start, end, reading, rule)``."""


def left(pattern: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """``pattern`` (ending in ``$``) matched in the window that ends at ``start``; an empty
    match counts as none."""
    match = pattern.search(text, max(0, start - WINDOW), start)
    return match if match is not None and match[0] else None


def trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, as a trie (fast: one branch per distinct prefix).

    Longer words win over their prefixes; a space in a phrase matches any run of whitespace.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


class Patterns:
    """Compiled anchor and context patterns (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        months = set(lexicon.months) | {m.upper() for m in lexicon.months}
        weekdays = set(lexicon.weekdays) | {w.upper() for w in lexicon.weekdays}
        weekday = rf"(?:{trie(weekdays)})(?!\w)"
        numbers = [*lexicon.numbers, *lexicon.vague_numbers]
        tens = [w for w, n in lexicon.numbers.items() if n in (20, 30, 40, 50, 60, 70, 80, 90)]
        ones = [w for w, n in lexicon.numbers.items() if n in range(1, 10) and len(w) > 2]
        teens = [w for w, n in lexicon.numbers.items() if n in range(10, 20) and w.isalpha()]
        number = (
            rf"(?:\d+(?:[.,]\d+)?|(?i:(?:{trie(tens)})[\s-](?:{trie(ones)})|"
            rf"(?:{trie(numbers)})))"
        )
        ordinals = trie(lexicon.ordinals)
        references = list(lexicon.references)
        anaphors = [*lexicon.day_anaphors, *lexicon.year_anaphors]
        deictic = [*lexicon.deictic_days, "overnight", "last night"]
        deictic += ["this morning", "this afternoon", "this evening"]
        keywords = [*references, *anaphors, *deictic, *lexicon.seasons, "period", "half"]
        keywords += [k.lower() for k in lexicon.holidays] + ["every", "each"]
        keywords += list(lexicon.units)
        keywords += ["year-earlier", "year-ago", "year-end", "year end"]
        keywords += ["year's end", "year’s end", "nineteen", "two thousand", "twenty"]
        keywords += list(lexicon.decade_words)
        relative = (
            r"(?i:this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|"
            r"the\s+following|the\s+previous|the\s+preceding|the\s+same|the\s+current|"
            r"last|next|this|past|previous|coming|current|the)"
        )
        pod = r"(?i:morning|afternoon|evening|night)"
        day_range = rf"\s*(?:-|–|(?i:to|through|until|and))\s*(?P<day2>{DAY})"

        # Anchors.
        self.month = re.compile(rf"(?:{trie(months)})(?!\w)")
        self.weekday = re.compile(weekday)
        self.digits = re.compile(r"\d+")
        self.keyword = re.compile(rf"\b(?:{trie(keywords)})\b")

        # Context: prepositions before any expression.
        self.l_preposition = re.compile(rf"\b(?P<prep>(?i:{trie(PREPOSITIONS)}))\s+$")
        self.r_preposition = re.compile(rf"(?i:{trie(PREPOSITIONS)}|for|over|during|within)\s")

        # Spelled years: "nineteen ninety-six", "the year two thousand", "twenty twenty-two".
        tens_ones = rf"(?:{trie(tens)})(?:[\s-](?:{trie(ones)}))?"
        self.spelled_year = re.compile(
            rf"(?i:(?P<century>nineteen|twenty)[\s-](?P<rest>{tens_ones}|{trie(teens)})|"
            rf"two\s+thousand(?:\s+(?:and\s+)?(?P<small>{tens_ones}|{trie(teens)}|{trie(ones)}))?)"
            r"\b(?![\s-](?i:hundred|thousand|million|percent|per|soldiers|people|troops))"
        )
        self.l_the_year = re.compile(r"\b(?i:the\s+year)\s+$")

        # Around a month name.
        self.r_month_day = re.compile(
            rf"\s+(?P<day>{DAY})(?:{day_range})?(?:,?\s+(?P<year>{YEAR}))?"
        )
        self.r_year = re.compile(rf",?\s+(?:(?i:of)\s+)?(?P<year>{YEAR})")
        self.r_year_shift = re.compile(r"\s+(?P<yshift>(?i:this|last|next))\s+(?i:year)\b")
        self.l_day = re.compile(
            rf"(?:\b(?P<wd>{weekday}),?\s+)?(?:\b(?i:the)\s+)?(?<![\d,.])\b(?P<day>{DAY})"
            rf"(?:{day_range})?\s+(?:(?i:of)\s+)?$"
        )
        self.l_weekday = re.compile(rf"\b(?P<wd>{weekday}),?\s+$")
        self.l_modifier = re.compile(
            rf"(?:\b(?P<part>{PART}|(?i:the\s+(?:first|second|third|fourth|last|final)\s+week"
            r"\s+of))[\s-]*)?(?:\b(?P<shift>(?i:last|next|this|past|coming))\s+)?$"
        )

        # Around a weekday name.
        self.r_part_of_day = re.compile(rf"\s+(?P<pod>{pod})\b")
        self.l_weekday_modifier = re.compile(
            r"(?:\b(?P<part>(?i:early|late|earlier|later))\s+(?:(?i:on)\s+)?)?"
            r"(?:\b(?P<shift>(?i:this\s+past|this\s+coming|last|next|this|coming|past|"
            r"previous))\s+)?$"
        )

        # Around digits.
        self.r_iso = re.compile(r"-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])")
        self.r_numeric = re.compile(
            r"(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:1[6-9]|20)\d\d|\d\d)(?![\d/]|\.\d)"
        )
        self.r_year_range = re.compile(
            rf"\s*(?:-|–|/|(?i:to|through))\s*(?P<year2>{YEAR}|\d\d(?![\d%]))"
        )
        self.r_decade = re.compile(r"['’]?s\b")
        self.r_century = re.compile(r"(?:st|nd|rd|th)[\s-]+(?i:century)\b")
        self.r_quarter_year = re.compile(rf",?\s+(?:(?i:of)\s+)?(?P<year>{YEAR})")
        self.l_year = re.compile(
            rf"(?:\b(?P<part>{PART})[\s-]*)?(?:\b(?P<fiscal>(?i:fiscal(?:\s+year)?|FY))[\s-]*)?"
            rf"(?:\b(?i:the\s+year)\s+)?$"
        )
        self.l_era = re.compile(r"(?:\b(?i:the)\s+)?(?:\b(?P<part>(?i:early|mid|late))[\s-]*)?$")

        # Around a unit word ("days", "week", "quarter").
        self.r_ago = re.compile(
            r"\s+(?:(?i:or\s+so)\s+)?(?P<dir>(?i:ago|earlier|later|before|after|previously|"
            r"from\s+now|hence))\b"
        )
        self.l_count = re.compile(rf"(?:\b(?P<approx>{APPROX})\s+)?\b(?P<num>{number})[\s-]+$")
        self.l_relative = re.compile(
            r"(?:\b(?P<part>(?i:earlier\s+in|later\s+in|earlier|later|early|late|mid|"
            r"the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
            r"the\s+middle\s+of))[\s-]+)?"
            rf"\b(?P<mod>{relative}|(?i:the\s+full))\s+(?:(?P<fiscal>(?i:fiscal))\s+)?$"
        )
        self.l_duration = re.compile(
            r"(?:\b(?P<lead>(?i:for|over|during|within|throughout))\s+)?"
            r"(?:\b(?P<det>(?i:the))\s+)?(?:\b(?P<dir>(?i:past|last|next|coming|previous|"
            rf"first|final|following))\s+)?(?:\b{APPROX}\s+)?(?:\b(?P<num>{number})[\s-]+)?$"
        )
        self.l_quarter = re.compile(
            rf"(?:\b(?i:the)\s+)?(?:(?P<year>{YEAR})\s+|\b(?P<yshift>(?i:last|this|next))\s+"
            rf"(?i:year)['’]s\s+|\b(?i:its)\s+|\b(?P<ago>(?i:year[\s-]+(?:ago|earlier)))\s+)?"
            rf"(?:\b(?i:fiscal)[\s-]+)?\b(?P<ord>(?i:{ordinals}))"
            r"[\s-]+(?:(?i:fiscal)\s+)?$"
        )
        self.l_quarter_ref = re.compile(
            r"\b(?P<ref>(?i:the\s+(?:comparable\s+|corresponding\s+)?(?:year[\s-]+(?:ago|earlier)|"
            r"latest|current|past|same|previous|preceding|most\s+recent)\s+(?:fiscal\s+)?|"
            r"this\s+|that\s+|the\s+|last\s+year['’]s\s+))$"
        )
        self.r_quarter_ago = re.compile(r"\s+(?i:a\s+year\s+ago)\b")
        self.l_period_ref = re.compile(
            r"\b(?P<ref>(?i:(?:the\s+)?(?:comparable\s+)?(?:year[\s-]+(?:ago|earlier)|latest|"
            r"corresponding)))\s+$"
        )
        self.r_last_year = re.compile(r"\s+(?i:last\s+year|a\s+year\s+(?:ago|earlier))\b")
        self.r_age = re.compile(r"\s*-?\s*(?i:old)\b")
        self.r_of = re.compile(r"\s+(?i:of)\b")
        self.l_year_quarter = re.compile(rf"\b(?i:the)\s+(?P<year>{YEAR})\s+$")

        # Around other keywords.
        self.l_half = re.compile(r"(?:\b(?i:the)\s+)?\b(?P<ord>(?i:first|second|last|latter))\s+$")
        self.r_half = re.compile(
            rf"\s+(?i:of)\s+(?:(?P<year>{YEAR})|(?i:the\s+year)|"
            r"(?P<yshift>(?i:this|last|next))\s+(?i:year))"
        )
        self.l_season = re.compile(
            r"(?:\b(?P<part>(?i:early|late|mid-|mid|the\s+end\s+of|the\s+beginning\s+of|"
            r"the\s+start\s+of))[\s-]*)?(?:\b(?P<mod>(?i:this\s+past|this\s+coming|last|next|"
            r"this|the|past|coming))\s+)?$"
        )
        self.r_season_year = re.compile(rf"\s+(?:(?i:of)\s+)?(?P<year>{YEAR})")
        self.l_deictic = re.compile(r"\b(?P<part>(?i:early|late|earlier|later))\s+$")
        self.r_recurrence = re.compile(
            rf"\s+(?:(?P<wd>{weekday})|(?P<unit>(?i:day|week|month|year|night|morning|evening|"
            r"hour|quarter)))\b"
        )
