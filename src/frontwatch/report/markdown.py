"""A frontwatch/1 Document → a Markdown report a person can read.

Takes a :class:`~frontwatch.model.Document`; returns Markdown text: per article its metadata,
links to duplicates, its sentences, its named entities by label, and its time expressions
with the days they denote (or why they are unresolved); then the failures and skipped files of
the batch. Reports only what the document holds.
"""

from __future__ import annotations

from collections import defaultdict

from frontwatch.model import ArticleAnalysis, Document, TimeExpression

__all__ = ["render_markdown"]


def render_markdown(document: Document) -> str:
    """Render a whole batch."""
    generator = document.generator
    lines = [
        "# frontwatch analysis",
        "",
        f"{len(document.articles)} articles, {len(document.failures)} failed inputs. "
        f"frontwatch {generator.version}, model `{generator.model}`, "
        f"stages: {', '.join(f'`{stage}`' for stage in generator.stages)}.",
        "",
    ]
    titles = {analysis.article.id: _title(analysis) for analysis in document.articles}
    for analysis in document.articles:
        lines.extend(_article(analysis, titles))
    if document.failures:
        lines += ["## Failed inputs", ""]
        lines += [f"- `{f.source}`: {f.reason} ({f.error})" for f in document.failures]
        lines.append("")
    if document.skipped:
        lines += ["## Skipped files (unsupported extension)", ""]
        lines += [f"- `{path}`" for path in document.skipped]
        lines.append("")
    return "\n".join(lines)


def _title(analysis: ArticleAnalysis) -> str:
    return analysis.article.title or f"Untitled ({analysis.article.origin or analysis.article.id})"


def _article(analysis: ArticleAnalysis, titles: dict[str, str]) -> list[str]:
    article = analysis.article
    meta = [
        ("id", f"`{article.id}`"),
        ("outlet", article.outlet or "unknown"),
        ("published", _published(analysis)),
        ("url", article.url or "none"),
        ("source", f"`{article.origin}`" if article.origin else "unknown"),
    ]
    lines = [f"## {_escape(_title(analysis))}", ""]
    lines += [f"- **{key}**: {value}" for key, value in meta]
    for ref in analysis.duplicates:
        lines.append(f"- **same text also in**: `{ref.origin}` ({ref.outlet or 'unknown outlet'})")
    for link in analysis.near_duplicates:
        other = titles.get(link.article_id, link.article_id)
        lines.append(
            f"- **near-duplicate of**: {_escape(other)} (similarity {link.similarity:.2f})"
        )
    lines.append("")
    if analysis.sentences:
        lines += [f"### Sentences ({len(analysis.sentences)})", ""]
        lines += [f"{i}. {_escape(s.text)}" for i, s in enumerate(analysis.sentences, start=1)]
        lines.append("")
    if analysis.entities:
        by_label: dict[str, list[str]] = defaultdict(list)
        for mention in analysis.entities:
            if mention.text not in by_label[mention.label]:
                by_label[mention.label].append(mention.text)
        lines += ["### Entities", "", "| label | mentions |", "|---|---|"]
        for label in sorted(by_label):
            lines.append(f"| {label} | {_escape(', '.join(by_label[label]))} |")
        lines.append("")
    lines += _places(analysis)
    lines += _times(analysis)
    return lines


def _places(analysis: ArticleAnalysis) -> list[str]:
    """The "Places" section: each toponym, where it was resolved, how precisely and surely."""
    if not analysis.places:
        return []
    lines = [
        f"### Places ({len(analysis.places)})",
        "",
        "| toponym | place | admin1 | country | lat, lon | precision | confidence |",
        "|---|---|---|---|---|---|---|",
    ]
    for mention in analysis.places:
        place = mention.place
        point = f"{place.lat:.4f}, {place.lon:.4f}" if place.lat is not None else "unresolved"
        cells = [
            mention.text,
            place.name if place.gazetteer_id else "—",
            place.admin1 or "",
            place.country or "",
            point,
            place.precision or "",
            f"{place.confidence:.2f}",
        ]
        lines.append("| " + " | ".join(_escape(cell) for cell in cells) + " |")
    lines.append("")
    return lines


def _published(analysis: ArticleAnalysis) -> str:
    article = analysis.article
    if article.published is None:
        return "unknown"
    basis = f" (from the {article.published_basis})" if article.published_basis else ""
    return article.published.isoformat() + basis


def _times(analysis: ArticleAnalysis) -> list[str]:
    """The "Times" section: each expression, the days it denotes and its value, or why not."""
    title_times: tuple[TimeExpression, ...] = getattr(analysis, "title_times", None) or ()
    if analysis.times is None and not title_times:
        return []
    rows = [("title", time) for time in title_times]
    rows += [(str(time.sentence + 1), time) for time in analysis.times or ()]
    lines = [f"### Times ({len(rows)})", ""]
    if not rows:
        return [*lines, "No time expressions.", ""]
    lines += ["| expression | sentence | days | value |", "|---|---|---|---|"]
    for where, time in rows:
        days = _escape(_days(time))
        lines.append(f"| {_escape(time.text)} | {where} | {days} | {time.value or ''} |")
    lines.append("")
    return lines


def _days(time: TimeExpression) -> str:
    span = time.span
    if span.earliest is None or span.latest is None:
        return f"unresolved: {time.note}" if time.note else "unresolved"
    days = (
        span.earliest.isoformat()
        if span.earliest == span.latest
        else f"{span.earliest.isoformat()} to {span.latest.isoformat()}"
    )
    flag = f" (ambiguous: {time.note})" if time.ambiguous and time.note else ""
    return f"{days} ({span.precision}){flag}"


def _escape(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
