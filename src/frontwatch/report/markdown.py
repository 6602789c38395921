"""A frontwatch/1 Document → a Markdown report a person can read.

Takes a :class:`~frontwatch.model.Document`; returns Markdown text: per article its metadata,
links to duplicates, its sentences, and its named entities by label; then the failures and
skipped files of the batch. Reports only what the document holds.
"""

from __future__ import annotations

from collections import defaultdict

from frontwatch.model import ArticleAnalysis, Document

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
        ("published", article.published.isoformat() if article.published else "unknown"),
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
    return lines


def _escape(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
