from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.errors import (
    EmptyInputError,
    MalformedFeedError,
    MalformedHTMLError,
    MalformedRecordError,
)
from frontwatch.pipeline.formats import (
    Draft,
    read_feed,
    read_html,
    read_json,
    read_jsonl,
    read_text,
    sniff_format,
)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kupiansk retaken | Steppe Observer</title>
<meta property="og:site_name" content="Steppe Observer">
<meta property="og:title" content="Kupiansk retaken">
<meta property="article:published_time" content="2022-09-10T18:00:00+00:00">
<link rel="canonical" href="https://example.org/2022/09/10/kupiansk"></head>
<body><nav><a href="/">Home</a> <a href="/war">War</a></nav>
<div class="cookies">We use cookies to improve your experience.</div>
<article><h1>Kupiansk retaken</h1>
<p>KHARKIV, 10 September 2022 — Ukrainian troops entered the centre of Kupiansk on Saturday,
cutting a rail hub that supplied Russian forces around Izium.</p>
<p>Officials posted photos of soldiers with a flag outside the city council.<br>More to follow.</p>
</article><footer>© 2019 Steppe Observer. All rights reserved.</footer></body></html>"""


def test_formats_html_main_text_and_metadata() -> None:
    draft = read_html(PAGE.encode(), "kupiansk.html")
    assert draft.title == "Kupiansk retaken"
    assert draft.outlet == "Steppe Observer"
    assert draft.url == "https://example.org/2022/09/10/kupiansk"
    assert draft.published == dt.date(2022, 9, 10)
    assert draft.language == "en"
    paragraphs = draft.text.split("\n\n")
    assert paragraphs[0].startswith("KHARKIV, 10 September 2022")
    assert paragraphs[1].endswith("More to follow.")
    for boilerplate in ("cookies", "Home", "All rights reserved", "Kupiansk retaken"):
        assert boilerplate not in draft.text


def test_formats_html_date_is_never_taken_from_free_text() -> None:
    page = (
        PAGE.replace(
            '<meta property="article:published_time" content="2022-09-10T18:00:00+00:00">', ""
        )
        .replace("https://example.org/2022/09/10/kupiansk", "https://example.org/kupiansk")
        .replace("KHARKIV, 10 September 2022 —", "KHARKIV —")
    )
    assert "© 2019" in page
    assert read_html(page, "undated.html").published is None


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<html><head><title>x</title></head><body><p>Troops advanced toward the", "truncated"),
        ("<html><body><p>Russian forces shelled Kharkiv.</p><p class=", "ends inside a tag"),
        (
            "<html><head><title>t</title></head><body><script>x()</script></body></html>",
            "no article text",
        ),
    ],
)
def test_formats_html_rejects_truncated_or_empty(html: str, message: str) -> None:
    with pytest.raises(MalformedHTMLError, match=message):
        read_html(html, "bad.html")


def test_formats_html_fragment_short_text() -> None:
    draft = read_html("<p>Kherson is Ukrainian again.</p>", "rec:1", fragment=True)
    assert draft.text == "Kherson is Ukrainian again."


def test_formats_text_headline_detection() -> None:
    with_title = read_text("Bakhmut claim denied\n\nKYIV — Officials denied it.", "a.txt")
    assert with_title.title == "Bakhmut claim denied"
    assert with_title.text == "KYIV — Officials denied it."
    without = read_text("Officials denied it.\n\nThey said so twice.", "b.txt")
    assert without.title is None
    assert without.text.startswith("Officials denied it.")


def test_formats_jsonl_records_and_bad_lines() -> None:
    text = "\n".join(
        [
            '{"text": "Snake Island was abandoned.", "title": "T", "published": "2022-06-30", '
            '"outlet": "Black Sea Wire", "url": "https://example.net/a"}',
            "",
            '{"html": "<p>Robotyne was liberated.</p>", "published": "2023-08-28T10:00:00Z"}',
            '{"text": "broken", ',
            "[1, 2]",
            '{"title": "no body"}',
            '{"text": "x", "published": "last Tuesday"}',
            '{"text": "x", "outlet": 5}',
        ]
    )
    results = read_jsonl(text, "wire.jsonl")
    first, second, *bad = results
    assert isinstance(first, Draft)
    assert (first.outlet, first.published, first.origin) == (
        "Black Sea Wire",
        dt.date(2022, 6, 30),
        "wire.jsonl:1",
    )
    assert isinstance(second, Draft)
    assert second.text == "Robotyne was liberated."
    assert second.published == dt.date(2023, 8, 28)
    assert [type(error) for error in bad] == [MalformedRecordError] * 5
    sources = [error.source for error in bad]  # type: ignore[union-attr]
    assert sources == [
        "wire.jsonl:4",
        "wire.jsonl:5",
        "wire.jsonl:6",
        "wire.jsonl:7",
        "wire.jsonl:8",
    ]
    assert "invalid JSON" in str(bad[0])
    assert "'published' must be an ISO date" in str(bad[3])


def test_formats_json_list() -> None:
    results = read_json('[{"text": "One."}, {"text": ""}]', "list.json")
    assert isinstance(results[0], Draft)
    assert isinstance(results[1], MalformedRecordError)
    assert results[1].source == "list.json[1]"


FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Z Front Notes</title><link>https://example.com/z</link>
<description>posts</description>
<item><title>Claim: Marinka taken</title><link>https://example.com/z/1</link>
<pubDate>Mon, 25 Dec 2023 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Our sources say Marinka is fully under control.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://example.com/z/2</link></item>
</channel></rss>"""


def test_formats_feed_entries() -> None:
    first, second = read_feed(FEED, "z.xml")
    assert isinstance(first, Draft)
    assert first.outlet == "Z Front Notes"
    assert first.published == dt.date(2023, 12, 25)
    assert first.title == "Claim: Marinka taken"
    assert first.text == "Our sources say Marinka is fully under control."
    assert isinstance(second, MalformedFeedError)
    assert second.source == "z.xml#entry-2"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"<rss><channel><title>x</title><item><title>", MalformedFeedError),
        (
            b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>",
            EmptyInputError,
        ),
    ],
)
def test_formats_feed_malformed(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error, match="feed"):
        read_feed(data, "bad.rss")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<?xml version="1.0"?><rss version="2.0">', "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("<!DOCTYPE html><html>", "html"),
        ('{"text": "a"}\n{"text": "b"}', "jsonl"),
        ("Kyiv, 2 April — all of Kyiv oblast is free.", "text"),
    ],
)
def test_formats_sniff(text: str, expected: str) -> None:
    assert sniff_format(text) == expected
