"""A draft as a Word document, on the reports' document layer (report/docx_layer.py).

The cover of an enterprise standard, 目次 (a field), 前言, then the numbered clauses as headings
("1 范围", "6.2 …") so Word's contents field finds them; list items as a), b), c).
"""

from __future__ import annotations

from typing import Any

from sbsguide.draft import Clause, Draft, words
from sbsguide.report import docx_layer as layer
from sbsguide.report.spreadsheet import xml_safe


def draft_docx(draft: Draft) -> bytes:
    """The draft as a .docx; every text made XML-safe (a control character in a name)."""
    draft = _safe(draft)
    w = words(draft.lang)
    document = layer.new_document(
        title=f"{draft.number} {draft.title}",
        author=draft.agency,
        lang=draft.lang,
        page_label=layer_label(draft.lang),
    )
    _cover(document, draft, w)
    layer.table_of_contents(document, w["toc"], w["toc_hint"])
    layer.page_break(document)
    layer.heading(document, w["foreword"], 1)
    for text in draft.foreword:
        layer.paragraph(document, text)
    layer.page_break(document)
    title = document.add_paragraph(draft.title, style="Title")
    title.alignment = 1
    for clause in draft.clauses:
        _clause(document, clause, 1)
    return layer.save(document)


def layer_label(lang: str) -> str:
    return "第 {page} 页 共 {pages} 页" if lang == "zh" else "Page {page} of {pages}"


def _cover(document: Any, draft: Draft, w: dict[str, Any]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    mark = document.add_paragraph(draft.mark)
    mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    mark.runs[0].font.size = Pt(26)
    mark.runs[0].bold = True
    banner = document.add_paragraph(str(w["banner"]).format(agency=draft.agency), style="Title")
    banner.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = document.add_paragraph(draft.number.replace("-", "—"))
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if draft.replaces:
        replaced = document.add_paragraph(
            str(w["replaces"]).format(number=draft.replaces.replace("-", "—"))
        )
        replaced.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for _ in range(4):
        document.add_paragraph()
    title = document.add_paragraph(draft.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    english_title, issued, implemented = draft.cover
    english = document.add_paragraph(english_title)
    english.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for _ in range(8):
        document.add_paragraph()
    layer.table(document, [[issued, implemented]], (1, 1), header=False)
    publisher = document.add_paragraph(str(w["publisher"]).format(agency=draft.agency))
    publisher.alignment = WD_ALIGN_PARAGRAPH.CENTER
    publisher.runs[0].font.size = Pt(16)
    layer.page_break(document)


def _clause(document: Any, clause: Clause, level: int) -> None:
    layer.heading(document, f"{clause.number} {clause.title}", min(level, 3))
    for text in clause.paragraphs:
        layer.paragraph(document, text)
    for index, item in enumerate(clause.items):
        layer.paragraph(document, f"{chr(ord('a') + index % 26)}) {item}")
    for child in clause.children:
        _clause(document, child, level + 1)


def _safe(value: Any) -> Any:
    """A copy of a draft (or any part of it) whose texts XML can hold."""
    from dataclasses import fields, is_dataclass, replace

    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, list | tuple):
        return type(value)(_safe(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _safe(getattr(value, f.name)) for f in fields(value)})
    return value
