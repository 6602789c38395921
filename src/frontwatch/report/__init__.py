"""Human-readable reports of frontwatch results (Markdown today; digest and maps later)."""

from frontwatch.report.markdown import render_markdown

__all__ = ["render_markdown"]
