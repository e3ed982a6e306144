"""Markdown and HTML renderings of the reports, through the sandboxed templates."""

from __future__ import annotations

from sbsguide.documents.write import page_css
from sbsguide.report.diagram import figures
from sbsguide.report.gap import GapReport
from sbsguide.report.model import LEVELS, TableReport
from sbsguide.report.summary import Summary, short_gap
from sbsguide.templating import environment


def table_markdown(report: TableReport) -> bytes:
    """The standard-system table as Markdown (structure as a text tree)."""
    template = environment("report", html=False).get_template("table.md.j2")
    return template.render(r=report, L=report.labels, levels=LEVELS).encode("utf-8")


def gap_markdown(report: GapReport) -> bytes:
    """The gap report as Markdown."""
    template = environment("report", html=False).get_template("gap.md.j2")
    return template.render(r=report, L=report.labels).encode("utf-8")


def table_html(report: TableReport) -> bytes:
    """The standard-system table as one self-contained HTML page with an SVG diagram."""
    root = f"{report.cover.agency} {report.labels['table_title']}"
    template = environment("report", html=True).get_template("table.html.j2")
    return template.render(
        r=report,
        L=report.labels,
        levels=LEVELS,
        figures=figures(report, root),
        page_css=page_css(report.labels),
    ).encode("utf-8")


def gap_html(report: GapReport) -> bytes:
    """The gap report as one self-contained HTML page."""
    template = environment("report", html=True).get_template("gap.html.j2")
    return template.render(r=report, L=report.labels, page_css=page_css(report.labels)).encode(
        "utf-8"
    )


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
