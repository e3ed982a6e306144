"""The provincial summary in Word, on the document layer (documents/docx.py)."""

from __future__ import annotations

from dataclasses import replace

from sbsguide.documents import docx as layer
from sbsguide.report.summary import Summary, summary_sheets


def summary_docx(s: Summary) -> bytes:
    """The provincial summary, landscape: one row per agency, then the clauses most often missed."""
    L = s.labels
    document = layer.new_document(
        title=L["summary_title"], author="sbs", lang=s.lang, page_label=L["page_of"]
    )
    title, agencies, *others = summary_sheets(s)
    layer.landscape_section(document, first=True)
    layer.heading(document, L["summary_title"], 1)
    layer.sheet_table(document, replace(title, rows=title.rows[1:]), landscape=True)  # no 2nd title
    layer.heading(document, agencies.title, 1)
    layer.sheet_table(document, agencies, landscape=True)
    for sheet in others:  # gap details; the clauses most often missed; credit codes given twice
        layer.heading(document, sheet.title, 1)
        layer.sheet_table(document, sheet, landscape=True)
    return layer.save(document)
