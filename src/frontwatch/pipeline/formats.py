"""Readers for the input formats: plain text, HTML, JSON/JSONL records, RSS/Atom feeds.

Each reader takes decoded or raw content and the name of its input, and returns
:class:`Draft` articles (text plus whatever metadata the format states). A reader of a
multi-record format (JSONL, feeds) returns an :class:`~frontwatch.errors.InputError` in place
of each bad record, naming it as ``path:line`` or ``path#entry-N``, so that one bad line does
not lose the others. Whole-input problems raise.

Metadata is taken only where the input states it: an HTML publication date comes from
structured markup (meta tags, ``<time>``, JSON-LD, the URL), never from a year found in
boilerplate text.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass, replace
from typing import Any
from xml.sax import SAXParseException

import feedparser
import lxml.html
import trafilatura
from htmldate import find_date

from frontwatch.errors import (
    EmptyInputError,
    InputError,
    MalformedFeedError,
    MalformedHTMLError,
    MalformedRecordError,
)
from frontwatch.pipeline.decode import declared_encoding, decode, normalize_text

__all__ = [
    "Draft",
    "read_feed",
    "read_html",
    "read_json",
    "read_jsonl",
    "read_text",
    "sniff_format",
]

log = logging.getLogger(__name__)

_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td")
_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_TITLE_MAX = 200


@dataclass(frozen=True)
class Draft:
    """An article before it gets an id: text and the metadata its input states."""

    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None


def sniff_format(text: str) -> str:
    """Guess ``feed``, ``html``, ``jsonl`` or ``text`` from content (for stdin, odd names)."""
    head = text[:2048].lstrip().lower()
    if head.startswith("<?xml") or head.startswith(("<rss", "<feed", "<rdf:rdf")):
        if any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf")):
            return "feed"
        return "html"
    if head.startswith(("<!doctype html", "<html", "<head", "<body", "<p", "<div", "<article")):
        return "html"
    lines = [line for line in text[:65536].splitlines() if line.strip()][:5]
    if lines and all(line.lstrip().startswith("{") for line in lines):
        return "jsonl"
    return "text"


def read_text(text: str, origin: str) -> Draft:
    """A plain-text article. A short first line followed by a blank line is its headline."""
    title = None
    first, sep, rest = text.partition("\n\n")
    if (
        sep
        and rest.strip()
        and "\n" not in first
        and len(first) <= _TITLE_MAX
        and not first.rstrip().endswith((".", ",", ";", ":"))
    ):
        title, text = first.strip(), rest.strip()
    return Draft(text=text, origin=origin, title=title)


def read_html(data: bytes | str, origin: str, *, fragment: bool = False) -> Draft:
    """Main text and metadata of an HTML page (or of a fragment from a feed or record)."""
    if isinstance(data, bytes):
        html = decode(data, origin, declared=declared_encoding(data))
    else:
        html = data
    _check_complete(html, origin, fragment=fragment)
    result = trafilatura.bare_extraction(
        html, with_metadata=not fragment, include_comments=False, include_tables=True
    )
    extracted = None if isinstance(result, dict) else result
    paragraphs = _paragraphs(extracted.body) if extracted is not None else []
    title = (extracted.title or None) if extracted is not None and not fragment else None
    if not paragraphs:
        # trafilatura skips very short documents; fall back to every block element's text.
        paragraphs = _fallback_paragraphs(html)
    if title and paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    text = normalize_text("\n\n".join(paragraphs))
    if not text:
        raise MalformedHTMLError(origin, "no article text found in the HTML")
    if fragment or extracted is None:
        return Draft(text=text, origin=origin, title=title)
    lang = _LANG.search(html[:4096])
    return Draft(
        text=text,
        origin=origin,
        title=title,
        url=extracted.url or None,
        outlet=extracted.sitename or extracted.hostname or None,
        published=_html_date(html),
        language=lang.group(1).lower() if lang else None,
    )


def read_jsonl(text: str, origin: str) -> list[Draft | InputError]:
    """One article per line; bad lines become errors named ``origin:LINE``."""
    results: list[Draft | InputError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            results.append(
                MalformedRecordError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            )
            continue
        results.append(_record(record, where))
    if not results:
        raise EmptyInputError(origin, "no records (only blank lines)")
    return results


def read_json(text: str, origin: str) -> list[Draft | InputError]:
    """A JSON file holding one article record or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedRecordError(
            origin, f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    if isinstance(data, dict):
        return [_record(data, origin)]
    if isinstance(data, list):
        if not data:
            raise EmptyInputError(origin, "an empty JSON list")
        return [_record(item, f"{origin}[{i}]") for i, item in enumerate(data)]
    raise MalformedRecordError(origin, "expected a JSON object or a list of objects")


def read_feed(data: bytes, origin: str) -> list[Draft | InputError]:
    """Each RSS/Atom entry as an article; entries without text become errors."""
    parsed = feedparser.parse(data)
    # An XML syntax error (e.g. a truncated download) makes the whole feed suspect, even when
    # the lenient parser recovers entries; softer problems (a wrong declared encoding) do not.
    if parsed.bozo and (not parsed.entries or isinstance(parsed.bozo_exception, SAXParseException)):
        raise MalformedFeedError(origin, f"not a valid RSS/Atom feed ({parsed.bozo_exception})")
    if not parsed.entries:
        raise EmptyInputError(origin, "the feed has no entries")
    if parsed.bozo:
        log.warning("%s: feed is not well-formed (%s); read anyway", origin, parsed.bozo_exception)
    outlet = parsed.feed.get("title") or None
    results: list[Draft | InputError] = []
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#entry-{number}"
        try:
            results.append(_entry(entry, where, outlet))
        except InputError as exc:
            results.append(exc)
    return results


def _entry(entry: Any, where: str, outlet: str | None) -> Draft:
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary")
    if not body or not str(body).strip():
        raise MalformedFeedError(where, "feed entry has no content or summary")
    if "<" in body:
        draft = read_html(body, where, fragment=True)
    else:
        draft = Draft(text=decode(body.encode("utf-8"), where), origin=where)
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    return replace(
        draft,
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        outlet=outlet,
        published=published,
    )


def _record(record: Any, where: str) -> Draft | InputError:
    if not isinstance(record, dict):
        return MalformedRecordError(where, "expected a JSON object")
    try:
        title = _optional_str(record, "title", where)
        url = _optional_str(record, "url", where)
        outlet = _optional_str(record, "outlet", where)
        language = _optional_str(record, "language", where)
        published = _record_date(record.get("published"), where)
        text, html = record.get("text"), record.get("html")
        if isinstance(text, str) and text.strip():
            draft = Draft(text=decode(text.encode("utf-8"), where), origin=where)
        elif isinstance(html, str) and html.strip():
            draft = read_html(html, where, fragment=True)
        else:
            raise MalformedRecordError(where, "needs a non-empty 'text' or 'html' string")
    except InputError as exc:
        return exc
    return replace(
        draft, title=title, url=url, outlet=outlet, published=published, language=language
    )


def _optional_str(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise MalformedRecordError(where, f"field {key!r} must be a string")
    return value.strip()


def _record_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise MalformedRecordError(
        where, f"field 'published' must be an ISO date (YYYY-MM-DD), got {value!r}"
    )


def _check_complete(html: str, origin: str, *, fragment: bool) -> None:
    """Reject HTML cut off mid-file: a half-read article can drop the sentence that matters."""
    tail = html.rstrip()[-256:].lower()
    last_open, last_close = tail.rfind("<"), tail.rfind(">")
    if last_open > last_close:
        raise MalformedHTMLError(origin, "HTML is truncated (it ends inside a tag)")
    if fragment:
        return
    lower = html.lower()
    if "<html" in lower[:4096] and "</html>" not in lower[-4096:] and "</body>" not in lower:
        raise MalformedHTMLError(
            origin, "HTML is truncated (no closing </body> or </html>; the file was cut off)"
        )


def _paragraphs(body: Any) -> list[str]:
    if body is None:
        return []
    paragraphs = []
    for block in body:
        for lb in block.iter("lb"):
            lb.tail = "\n" + (lb.tail or "")
        # Each list item is its own paragraph: joined, "June 15.Russian forces" would run on.
        parts = block.findall("item") if block.tag == "list" else [block]
        for part in parts or [block]:
            text = "".join(part.itertext()).strip()
            if text:
                paragraphs.append(re.sub(r"[ \t]+", " ", text))
    return paragraphs


def _fallback_paragraphs(html: str) -> list[str]:
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    for junk in root.xpath("//head|//script|//style|//nav|//footer|//noscript|//template"):
        junk.drop_tree()
    blocks = root.xpath("|".join(f"//{tag}" for tag in _BLOCK_TAGS))
    texts = [" ".join(block.text_content().split()) for block in blocks]
    if not texts:
        texts = [" ".join(root.text_content().split())]
    return [text for text in texts if text]


def _html_date(html: str) -> dt.date | None:
    # extensive_search=False: only structured markup and the URL, no free-text guessing.
    found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return dt.date.fromisoformat(found) if found else None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
