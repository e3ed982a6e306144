"""A draft as a Word document, on the reports' document layer (documents/docx.py).

The cover of an enterprise standard, 目次 (a field), 前言, then the numbered clauses as headings
("1 范围", "6.2 …") so Word's contents field finds them; list items as a), b), c).
"""

from __future__ import annotations

from typing import Any

from sbsguide.documents import docx as layer
from sbsguide.documents.sheets import xml_safe
from sbsguide.draft import Clause, Draft, words


def draft_docx(draft: Draft) -> bytes:
    """The draft as a .docx in the page form of GB/T 1.1-2020.

    The cover (no page number, no header); the front matter (目次, 前言) numbered I, II …; the
    body from 1; the standard's number in the header of every page after the cover; 黑体
    titles and 宋体 body text at 五号, paragraphs indented two characters. Every text is made
    XML-safe (a control character in a name).
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    draft = _safe(draft)
    w = words(draft.lang)
    document = layer.new_document(
        title=f"{draft.number} {draft.title}",
        author=draft.agency,
        lang=draft.lang,
        page_label="{page}",
    )
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].font.size = Pt(BODY_SIZE)
    cover = document.sections[0]
    cover.different_first_page_header_footer = True  # the cover: no header, no number
    header = cover.header.paragraphs[0]
    header.text = draft.number.replace("-", "—")
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _cover(document, draft, w)
    layer.new_section(document, "upperRoman")
    layer.table_of_contents(document, w["toc"], w["toc_hint"])
    layer.page_break(document)
    foreword = layer.heading(document, w["foreword"], 1)
    foreword.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in draft.foreword:
        _body(document, text)
    layer.new_section(document, "decimal")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(draft.title)
    run.bold = True
    run.font.size = Pt(16)
    layer.east_asian(run, layer.HEADING_FONT)
    for clause in draft.clauses:
        _clause(document, clause, 1)
    return layer.save(document)


BODY_SIZE = 10.5
"""五号: the size of a standard's body text and of its clause titles (GB/T 1.1)."""


def _body(document: Any, text: str) -> Any:
    """A paragraph of body text, its first line indented two characters."""
    from docx.shared import Pt

    paragraph = layer.paragraph(document, text)
    paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_SIZE)
    return paragraph


def _cover(document: Any, draft: Draft, w: dict[str, Any]) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    def line(text: str, size: float, *, bold: bool = False, align: Any = None) -> Any:
        paragraph = document.add_paragraph()
        paragraph.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
        if bold:
            layer.east_asian(run, layer.HEADING_FONT)
        return paragraph

    line(draft.mark, 26, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    line(str(w["banner"]).format(agency=draft.agency), 22, bold=True)
    line(draft.number.replace("-", "—"), 14, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if draft.replaces:
        replaced = str(w["replaces"]).format(number=draft.replaces.replace("-", "—"))
        line(replaced, 10.5, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for _ in range(5):
        document.add_paragraph()
    english_title, issued, implemented = draft.cover
    line(draft.title, 26, bold=True)
    line(english_title, 14)
    for _ in range(10):
        document.add_paragraph()
    dates = document.add_paragraph()
    width = layer.text_width_mm()
    dates.paragraph_format.tab_stops.add_tab_stop(Mm(width), WD_TAB_ALIGNMENT.RIGHT)
    dates.add_run(f"{issued}\t{implemented}").font.size = Pt(14)
    line(str(w["publisher"]).format(agency=draft.agency), 16, bold=True)


def _clause(document: Any, clause: Clause, level: int) -> None:
    layer.heading(document, f"{clause.number} {clause.title}", min(level, 3))
    for text in clause.paragraphs:
        _body(document, text)
    for index, item in enumerate(clause.items):
        _body(document, f"{chr(ord('a') + index % 26)}) {item}")
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
