"""The provincial summary in Markdown and HTML, through the sandboxed templates."""

from __future__ import annotations

from sbsguide.documents.write import page_css
from sbsguide.report.summary import Summary, short_gap
from sbsguide.templating import environment


def summary_markdown(summary: Summary) -> bytes:
    """The provincial summary as Markdown."""
    template = environment("report", html=False).get_template("summary.md.j2")
    return template.render(r=summary, L=summary.labels, short_gap=short_gap).encode("utf-8")


def summary_html(summary: Summary) -> bytes:
    """The provincial summary as one HTML page, sortable by column."""
    template = environment("report", html=True).get_template("summary.html.j2")
    return template.render(
        r=summary, L=summary.labels, page_css=page_css(summary.labels), short_gap=short_gap
    ).encode("utf-8")
