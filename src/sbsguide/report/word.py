"""Word (python-docx) renderings of the reports.

Real headings and tables, a page-number footer, and 宋体 set for East Asian text so the document
opens correctly in Word and WPS.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from sbsguide.report.gap import GapReport
from sbsguide.report.model import TableReport
from sbsguide.report.spreadsheet import Row, xml_safe

CJK_FONT = "宋体"
LATIN_FONT = "Times New Roman"


def _document() -> Any:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid"):
        style = document.styles[name]
        style.font.name = LATIN_FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), CJK_FONT)
        if name == "Normal":
            style.font.size = Pt(10.5)
    _page_number_footer(section)
    return document


def _page_number_footer(section: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)


def _table(document: Any, rows: Sequence[Row], *, header: bool = True) -> Any:
    """A grid table, its rows written as WordprocessingML directly.

    python-docx's row and cell API rebuilds the table for every cell (six seconds for 2,000
    standards); the same XML written with lxml takes a fraction of that.
    """
    from docx.oxml.ns import qn
    from lxml import etree

    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    element = etree.SubElement
    for index, row in enumerate(rows):
        tr = element(table._tbl, qn("w:tr"))
        bold = header and index == 0
        if bold:  # repeat the header row on every page
            element(element(tr, qn("w:trPr")), qn("w:tblHeader")).set(qn("w:val"), "true")
        for value in [*row, *[""] * (width - len(row))]:
            cell = element(tr, qn("w:tc"))
            for line in xml_safe("" if value is None else str(value)).split("\n"):
                run = element(element(cell, qn("w:p")), qn("w:r"))
                if bold:
                    element(element(run, qn("w:rPr")), qn("w:b"))
                text = element(run, qn("w:t"))
                text.text = line
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return table


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def table_docx(r: TableReport) -> bytes:
    """The standard-system table as a Word document.

    The spreadsheet's parts under headings, the detail table grouped by sub-system and category.
    """
    from sbsguide.report.spreadsheet import table_sheets

    L = r.labels
    (_, cover), (_, structure), (_, detail), (_, stats), _ = table_sheets(r)
    document = _document()
    document.add_heading(f"{r.cover.agency} {L['table_title']}", level=0)
    _table(document, cover[1:], header=False)

    document.add_page_break()
    document.add_heading(L["structure"], level=1)
    document.add_paragraph(L["structure_note"])
    _table(document, structure)

    document.add_page_break()
    document.add_heading(L["detail"], level=1)
    header = detail[0][:7]  # the GB/T 13016 columns; Word groups by headings instead
    for s in r.subsystems:
        document.add_heading(f"{L['layer'].format(n=s.layer)} {s.name}", level=2)
        for c in s.categories:
            document.add_heading(f"{c.name} ({c.clause})" if c.clause else c.name, level=3)
            if c.not_applicable is not None:
                document.add_paragraph(xml_safe(f"{L['not_applicable']}：{c.not_applicable}"))
            elif not c.rows:
                document.add_paragraph(L["no_standards"])
            else:
                rows = [
                    [x.seq, x.code, x.number, x.name, x.implemented, x.replaces, x.remark]
                    for x in c.rows
                ]
                _table(document, [header, *rows])

    document.add_page_break()
    document.add_heading(L["statistics"], level=1)
    _table(document, stats)

    document.add_page_break()
    document.add_heading(L["explanatory_note"], level=1)
    for paragraph in r.note:
        document.add_paragraph(xml_safe(paragraph))
    return _save(document)


def gap_docx(r: GapReport) -> bytes:
    """The gap report as a Word document: the spreadsheet's parts, each under its heading."""
    from sbsguide.report.spreadsheet import gap_sheets

    document = _document()
    document.add_heading(f"{r.cover.agency} {r.labels['gap_title']}", level=0)
    (_, summary), *parts = gap_sheets(r)
    _table(document, summary[1:], header=False)
    for index, (title, rows) in enumerate(parts):
        if index:
            document.add_page_break()
        document.add_heading(title, level=1)
        if len(rows) > 1:
            _table(document, rows)
        else:
            document.add_paragraph(r.labels["none"])
    return _save(document)
