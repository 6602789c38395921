"""The daily "what changed" digest, as Markdown and as a self-contained HTML page.

Sections: control changes (place, oblast, before → after, the day it took effect, the
cluster's status and confidence, its sources and claimants, contradictions, and the
sentences that say it), notable strikes, casualty and mobilization claims, and the map.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from frontwatch.model import EventCluster, Evidence
from frontwatch.situation.picture import Change, Picture

__all__ = ["to_html", "to_markdown"]

_NAMES = {"UA": "Ukraine", "RU": "Russia", "contested": "contested", "unknown": "unknown"}
_MAX_QUOTES = 3
_MAX_ITEMS = 25


def _sources(cluster: EventCluster) -> str:
    parts = []
    if cluster.outlets:
        parts.append("outlets: " + ", ".join(cluster.outlets))
    if cluster.claimants:
        names = ", ".join(f"{c.name} ({c.side})" if c.side else c.name for c in cluster.claimants)
        parts.append("claimants: " + names)
    parts.append(f"{cluster.independent_sources} independent source(s)")
    return "; ".join(parts)


def _quotes(evidence: Iterable[Evidence], picture: Picture) -> list[str]:
    quotes = []
    seen = set()
    for item in evidence:
        text = " ".join(item.sentence.split())
        if text in seen:
            continue
        seen.add(text)
        article = picture.articles.get(item.article_id)
        where = (article.outlet or article.title or item.article_id) if article else item.article_id
        day = f", {article.published}" if article and article.published else ""
        quotes.append(f"“{text}” — {where}{day}")
        if len(quotes) == _MAX_QUOTES:
            break
    return quotes


def _place(cluster: EventCluster) -> str:
    place = cluster.place
    if place is None:
        return "(no place)"
    where = f"{place.name}"
    if place.admin1:
        where += f", {place.admin1}"
    return where


def _change_line(change: Change) -> str:
    state = change.state
    cluster = change.cluster
    place = state.place
    where = place.name + (f" ({place.admin1})" if place.admin1 else "")
    status: str = cluster.modality
    if cluster.contradictions:
        status += f", {len(cluster.contradictions)} contradiction(s)"
    return (
        f"**{where}**: {_NAMES[change.before]} → **{_NAMES[state.controller]}** "
        f"from {state.valid_from} ({status}; confidence {state.confidence:.2f})"
    )


def to_markdown(picture: Picture, map_file: str | None = None) -> str:
    """The digest as Markdown (the map as an image link when given)."""
    lines = [
        f"# Situation on {picture.day}",
        "",
        f"What changed after {picture.since} up to {picture.day}, from {picture.reports} "
        f"stored report(s). Control follows frontwatch's rules: reported, assessed or "
        "confirmed events move it; claims only when corroborated; contradicted, stale or "
        "vaguely placed reports do not; one report alone does not overturn a known state.",
        "",
    ]
    if map_file:
        lines += [f"![Map of {picture.day}]({map_file})", ""]
    lines += ["## Control changes", ""]
    if not picture.changes:
        lines += ["No change of control in this window.", ""]
    for change in picture.changes[:_MAX_ITEMS]:
        lines.append(f"- {_change_line(change)}")
        lines.append(f"  - Sources: {_sources(change.cluster)}")
        for contradiction in change.cluster.contradictions:
            who = ", ".join(c.name for c in contradiction.claimants) or "a report"
            lines.append(f"  - Contradicted: {who}: {contradiction.note}")
        for quote in _quotes(change.state.evidence, picture):
            lines.append(f"  - {quote}")
    lines.append("")
    for title, clusters in (
        ("Notable strikes", picture.strikes),
        ("Casualty claims", picture.casualties),
        ("Mobilization", picture.mobilization),
    ):
        lines += [f"## {title}", ""]
        if not clusters:
            lines += ["None reported in this window.", ""]
            continue
        for cluster in sorted(clusters, key=lambda c: -c.confidence)[:_MAX_ITEMS]:
            actor = f"{cluster.actor.name} " if cluster.actor else ""
            lines.append(f"- {actor}— {_place(cluster)} ({cluster.modality}; {_sources(cluster)})")
            for quote in _quotes(cluster.evidence, picture)[:1]:
                lines.append(f"  - {quote}")
        lines.append("")
    held = sorted(picture.states.values(), key=lambda s: s.place.name)
    lines += ["## Control on this day", "", "| settlement | oblast | controller | since |",
              "|---|---|---|---|"]  # fmt: skip
    for state in held:
        lines.append(
            f"| {state.place.name} | {state.place.admin1 or ''} | "
            f"{_NAMES[state.controller]} | {state.valid_from} |"
        )
    lines.append("")
    return "\n".join(lines)


def to_html(picture: Picture, map_file: str | None = None) -> str:
    """The digest as one HTML page with inline styles (readable offline)."""
    e = html.escape
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Situation on {picture.day}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
        "line-height:1.45;color:#222}h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;"
        "margin-top:2rem}blockquote{margin:.3rem 0 .3rem 1rem;color:#555;font-size:.92rem}"
        ".ua{color:#1f5fbf;font-weight:600}.ru{color:#c0392b;font-weight:600}"
        ".contested{color:#d68910;font-weight:600}.meta{color:#666;font-size:.9rem}"
        "table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;"
        "text-align:left}img{max-width:100%;border:1px solid #ccc}</style></head><body>",
        f"<h1>Situation on {picture.day}</h1>",
        f"<p class='meta'>Changes after {picture.since} up to {picture.day}, from "
        f"{picture.reports} stored report(s).</p>",
    ]
    if map_file:
        parts.append(f"<img src='{e(map_file)}' alt='Map of {picture.day}'>")
    parts.append("<h2>Control changes</h2>")
    if not picture.changes:
        parts.append("<p>No change of control in this window.</p>")
    for change in picture.changes[:_MAX_ITEMS]:
        state = change.state
        css = {"UA": "ua", "RU": "ru"}.get(state.controller, "contested")
        where = state.place.name + (f" ({state.place.admin1})" if state.place.admin1 else "")
        parts.append(
            f"<h3>{e(where)}: {e(_NAMES[change.before])} → "
            f"<span class='{css}'>{e(_NAMES[state.controller])}</span> from {state.valid_from}"
            "</h3>"
        )
        parts.append(
            f"<p class='meta'>{e(change.cluster.modality)}; confidence "
            f"{state.confidence:.2f}; {e(_sources(change.cluster))}</p>"
        )
        for contradiction in change.cluster.contradictions:
            who = ", ".join(c.name for c in contradiction.claimants) or "a report"
            parts.append(f"<p class='meta'>Contradicted by {e(who)}: {e(contradiction.note)}</p>")
        for quote in _quotes(state.evidence, picture):
            parts.append(f"<blockquote>{e(quote)}</blockquote>")
    for title, clusters in (
        ("Notable strikes", picture.strikes),
        ("Casualty claims", picture.casualties),
        ("Mobilization", picture.mobilization),
    ):
        parts.append(f"<h2>{title}</h2>")
        if not clusters:
            parts.append("<p>None reported in this window.</p>")
            continue
        parts.append("<ul>")
        for cluster in sorted(clusters, key=lambda c: -c.confidence)[:_MAX_ITEMS]:
            actor = f"{cluster.actor.name} — " if cluster.actor else ""
            first = _quotes(cluster.evidence, picture)[:1]
            parts.append(
                f"<li>{e(actor)}{e(_place(cluster))} <span class='meta'>({e(cluster.modality)};"
                f" {e(_sources(cluster))})</span>"
                + (f"<blockquote>{e(first[0])}</blockquote>" if first else "")
                + "</li>"
            )
        parts.append("</ul>")
    parts.append("<h2>Control on this day</h2><table><tr><th>settlement</th><th>oblast</th>"
                 "<th>controller</th><th>since</th></tr>")  # fmt: skip
    for state in sorted(picture.states.values(), key=lambda s: s.place.name):
        css = {"UA": "ua", "RU": "ru"}.get(state.controller, "contested")
        parts.append(
            f"<tr><td>{e(state.place.name)}</td><td>{e(state.place.admin1 or '')}</td>"
            f"<td class='{css}'>{e(_NAMES[state.controller])}</td><td>{state.valid_from}</td></tr>"
        )
    parts.append("</table><p class='meta'>Made by frontwatch. Boundaries: Natural Earth.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
