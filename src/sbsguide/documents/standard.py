"""The page form of a standard (GB/T 1.1-2020) in Word: what a draft prints around its clauses.

The cover (no page number, no header); the front matter (目次, 前言) numbered I, II …; the body
from 1 under the standard's title; the standard's number in the header of every page after the
cover; 黑体 titles and 宋体 body text at 五号. documents/write.py prints the parts themselves.
"""

from __future__ import annotations

from typing import Any

from sbsguide.documents import docx as layer
from sbsguide.documents.model import StandardCover
from sbsguide.documents.sheets import xml_safe

BODY_SIZE = 10.5
"""五号: the size of a standard's body text and of its clause titles (GB/T 1.1)."""


def front_matter(cover: StandardCover, labels: dict[str, str], lang: str) -> Any:
    """A new document with the cover, then 目次 on the first page numbered I."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = layer.new_document(
        title=f"{cover.number} {cover.title}", author=cover.agency, lang=lang, page_label="{page}"
    )
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].font.size = Pt(BODY_SIZE)
    first = document.sections[0]
    first.different_first_page_header_footer = True  # the cover: no header, no number
    header = first.header.paragraphs[0]
    header.text = xml_safe(cover.number)
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _cover(document, cover)
    layer.new_section(document, "upperRoman")
    layer.table_of_contents(document, labels["toc"], labels["toc_hint"])
    layer.page_break(document)
    return document


def body_title(document: Any, title: str) -> None:
    """The body's first page, numbered 1, opens with the standard's title."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    layer.new_section(document, "decimal")
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(xml_safe(title))
    run.bold = True
    run.font.size = Pt(16)
    layer.east_asian(run, layer.HEADING_FONT)


def _cover(document: Any, cover: StandardCover) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    def line(text: str, size: float, *, bold: bool = False, align: Any = None) -> Any:
        paragraph = document.add_paragraph()
        paragraph.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(xml_safe(text))
        run.font.size = Pt(size)
        run.bold = bold
        if bold:
            layer.east_asian(run, layer.HEADING_FONT)
        return paragraph

    line(cover.mark, 26, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    line(cover.banner, 22, bold=True)
    line(cover.number, 14, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if cover.replaces:
        line(cover.replaces, 10.5, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for _ in range(5):
        document.add_paragraph()
    line(cover.title, 26, bold=True)
    line(cover.english_title, 14)
    for _ in range(10):
        document.add_paragraph()
    dates = document.add_paragraph()
    dates.paragraph_format.tab_stops.add_tab_stop(Mm(layer.text_width_mm()), WD_TAB_ALIGNMENT.RIGHT)
    dates.add_run(xml_safe(f"{cover.issued}\t{cover.implemented}")).font.size = Pt(14)
    line(cover.publisher, 16, bold=True)
