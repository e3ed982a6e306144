"""The Word document layer: what makes a .docx print and read like a Chinese controlled document.

Shared by every Word document sbs writes (the table, the gap report, the summary, drafts): A4
with set margins, 宋体 body and black 黑体 headings, zh-CN as the language (so Word, WPS and
LibreOffice pick a Chinese font), a "第 X 页 共 Y 页" footer, real core properties, a table of
contents field, and tables with explicit column widths whose rows never split across pages and
whose header row repeats. Tables are written as WordprocessingML with lxml: python-docx's cell
API rebuilds the table for every cell (seconds for 2,000 rows).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sbsguide.documents.fields import field, fill_contents
from sbsguide.documents.sheets import Sheet, fitted_widths, xml_safe

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
BODY_PT = 10.5
TABLE_PT = 9
A4 = (210, 297)
MARGINS_MM = (25, 20, 20, 20)  # top, right, bottom, left
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _q(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{_W}}}{name}" if prefix == "w" else tag


def new_document(*, title: str, author: str, lang: str, page_label: str) -> Any:
    """An empty document with the layer's page, styles, footer and core properties."""
    from docx import Document
    from docx.shared import Mm, Pt, RGBColor

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(A4[0]), Mm(A4[1])
    top, right, bottom, left = MARGINS_MM
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    _language(document, "zh-CN" if lang == "zh" else "en-GB")
    for name, font, size in (
        ("Normal", BODY_FONT, BODY_PT),
        ("Title", HEADING_FONT, 22),
        ("Heading 1", HEADING_FONT, 16),
        ("Heading 2", HEADING_FONT, 14),
        ("Heading 3", HEADING_FONT, 12),
        ("Table Grid", BODY_FONT, TABLE_PT),
    ):
        style = document.styles[name]
        style.font.name = LATIN_FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(_q(theme), None)  # a theme font would win over 宋体/黑体
        fonts.set(_q("w:eastAsia"), font)
        if name not in ("Normal", "Table Grid"):  # a table's body cells are regular
            style.font.bold = True
    title_border = document.styles["Title"].element.find(f"{_q('w:pPr')}/{_q('w:pBdr')}")
    if title_border is not None:  # the default template's blue rule under a title
        title_border.getparent().remove(title_border)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].paragraph_format.keep_with_next = True
    _footer(section, page_label)
    properties = document.core_properties
    now = datetime.now().replace(microsecond=0)
    properties.title = xml_safe(title)
    properties.author = properties.last_modified_by = xml_safe(author)
    properties.created = now
    properties.modified = now
    properties.language = "zh-CN" if lang == "zh" else "en-GB"
    properties.comments = "sbs"
    return document


def _language(document: Any, language: str) -> None:
    """The documents' default language (docDefaults): zh-CN, not python-docx's en-US."""
    from lxml import etree

    styles = document.styles.element
    defaults = styles.find(_q("w:docDefaults"))
    run_defaults = defaults.find(_q("w:rPrDefault"))
    properties = run_defaults.find(_q("w:rPr"))
    lang = properties.find(_q("w:lang"))
    if lang is None:
        lang = etree.SubElement(properties, _q("w:lang"))
    lang.set(_q("w:val"), language)
    lang.set(_q("w:eastAsia"), "zh-CN")


def _footer(section: Any, page_label: str) -> None:
    """``第 {PAGE} 页 共 {NUMPAGES} 页`` (or ``{page}`` alone, as a standard has it), centred."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, rest = page_label.split("{page}")
    paragraph.add_run(before)
    field(paragraph, "PAGE", "1")
    if "{pages}" in rest:
        middle, rest = rest.split("{pages}")
        paragraph.add_run(middle)
        field(paragraph, "NUMPAGES", "1")
    paragraph.add_run(rest)


def new_section(document: Any, number_format: str) -> Any:
    """A section on a new page whose page numbers restart at 1 in ``number_format``.

    ``upperRoman`` for a standard's front matter (目次, 前言), ``decimal`` for its body.
    """
    from docx.enum.section import WD_SECTION
    from lxml import etree

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    properties = section._sectPr
    for old in properties.findall(_q("w:pgNumType")):
        properties.remove(old)
    numbering = etree.SubElement(properties, _q("w:pgNumType"))
    numbering.set(_q("w:fmt"), number_format)
    numbering.set(_q("w:start"), "1")
    return section


def table_of_contents(document: Any, heading: str, hint: str) -> None:
    """目次: a TOC field over heading levels 1–2 (Word and WPS fill it in on update)."""
    document.add_paragraph(heading, style="Title").runs[0].font.size = None
    field(document.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', hint)


def heading(document: Any, text: str, level: int) -> Any:
    """A numbered heading: the number is part of its text ("2.1 服务基础标准体系")."""
    return document.add_heading(xml_safe(text), level=level)


def page_break(document: Any) -> None:
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def landscape_section(document: Any, *, first: bool = False) -> None:
    """Continue in a new landscape A4 section (wide tables: the action list, the summary).

    ``first``: turn the document's first section instead (a document that is all landscape).
    """
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = document.sections[0] if first else document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(A4[1]), Mm(A4[0])


def portrait_section(document: Any) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(A4[0]), Mm(A4[1])


def east_asian(run: Any, font: str) -> None:
    """A run's Chinese characters in ``font`` (黑体 for a title set by hand, not by a style)."""
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(_q("w:eastAsia"), font)


def text_width_mm(landscape: bool = False) -> float:
    """The width between the margins."""
    return (A4[1] if landscape else A4[0]) - MARGINS_MM[1] - MARGINS_MM[3]


def table(
    document: Any,
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    header: bool = True,
    groups: frozenset[int] = frozenset(),
    nowrap: frozenset[int] = frozenset(),
    bold_first_column: bool = False,
    bold_last_row: bool = False,
    merge_down: frozenset[int] = frozenset(),
    vertical: frozenset[int] = frozenset(),
    landscape: bool = False,
) -> Any:
    """A grid table filling the text width, its columns in proportion to ``widths``.

    Every row is ``cantSplit``; the header row is ``tblHeader`` (repeated on each page); a row
    whose index is in ``groups`` is one merged cell in bold that keeps with the row after it (a
    category heading never stands alone at a page foot); columns in ``nowrap`` never break;
    in a ``merge_down`` column a cell equal to the one above joins it (a box of the structure).
    """
    from lxml import etree

    element = etree.SubElement
    scale = text_width_mm(landscape) / sum(widths)
    twips = [round(w * scale * 56.6929) for w in widths]  # 1 mm = 56.69 twips
    result = document.add_table(rows=0, cols=len(widths))
    result.style = "Table Grid"
    tbl = result._tbl
    properties = tbl.tblPr
    width = element(properties, _q("w:tblW"))
    width.set(_q("w:w"), str(sum(twips)))
    width.set(_q("w:type"), "dxa")
    element(properties, _q("w:tblLayout")).set(_q("w:type"), "fixed")
    margins = element(properties, _q("w:tblCellMar"))  # 1 mm each side: room for the text
    for side in ("left", "right"):
        margin = element(margins, _q(f"w:{side}"))
        margin.set(_q("w:w"), "57")
        margin.set(_q("w:type"), "dxa")
    grid = tbl.find(_q("w:tblGrid"))
    for column, w in zip(grid.findall(_q("w:gridCol")), twips, strict=False):
        column.set(_q("w:w"), str(w))
    for index, row in enumerate(rows):
        tr = element(tbl, _q("w:tr"))
        row_properties = element(tr, _q("w:trPr"))
        element(row_properties, _q("w:cantSplit"))
        is_header = header and index == 0
        if is_header:
            element(row_properties, _q("w:tblHeader"))
        group = index in groups
        cells = [row[0] if row else ""] if group else [*row, *[""] * (len(widths) - len(row))]
        for column, value in enumerate(cells):
            tc = element(tr, _q("w:tc"))
            cell_properties = element(tc, _q("w:tcPr"))
            span = len(widths) if group else 1
            cell_width = element(cell_properties, _q("w:tcW"))
            cell_width.set(_q("w:w"), str(sum(twips[column : column + span])))
            cell_width.set(_q("w:type"), "dxa")
            if group:
                element(cell_properties, _q("w:gridSpan")).set(_q("w:val"), str(span))
            if column in nowrap and not group:
                element(cell_properties, _q("w:noWrap"))
            if column in merge_down and not group and not is_header:
                above = rows[index - 1] if index else ()
                joined = (
                    index - 1 not in groups
                    and column < len(above)
                    and above[column] == value
                    and (index - 1 > 0 or not header)
                )
                element(cell_properties, _q("w:vMerge")).set(
                    _q("w:val"), "continue" if joined else "restart"
                )
                if column in vertical:  # upright CJK, one character a line (图1 的竖排)
                    element(cell_properties, _q("w:textDirection")).set(_q("w:val"), "tbRlV")
                element(cell_properties, _q("w:vAlign")).set(_q("w:val"), "center")
                if joined:
                    value = ""
            bold = (
                is_header
                or group
                or (bold_first_column and column == 0)
                or (bold_last_row and index == len(rows) - 1)
            )
            lines = xml_safe("" if value is None else str(value)).split("\n")
            for line in lines:
                paragraph = element(tc, _q("w:p"))
                paragraph_properties = element(paragraph, _q("w:pPr"))
                if group or is_header:
                    element(paragraph_properties, _q("w:keepNext"))
                spacing = element(paragraph_properties, _q("w:spacing"))
                spacing.set(_q("w:before"), "0")
                spacing.set(_q("w:after"), "0")
                run = element(paragraph, _q("w:r"))
                run_properties = element(run, _q("w:rPr"))
                # explicit either way: a table style may carry bold, and body cells are regular
                for tag in ("w:b", "w:bCs"):
                    element(run_properties, _q(tag)).set(_q("w:val"), "1" if bold else "0")
                size = element(run_properties, _q("w:sz"))
                size.set(_q("w:val"), str(TABLE_PT * 2))
                text = element(run, _q("w:t"))
                text.text = line
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return result


def sheet_table(document: Any, sheet: Sheet, *, landscape: bool = False) -> Any:
    """A sheet (documents/sheets.py) as a Word table: the workbook's columns, in proportion."""
    header = sheet.rows[0] if sheet.header and sheet.rows else []
    return table(
        document,
        sheet.rows,
        fitted_widths(sheet.widths, header),
        header=sheet.header,
        groups=sheet.groups,
        nowrap=sheet.nowrap,
        bold_first_column=sheet.label_column,
        bold_last_row=sheet.total,
        merge_down=sheet.merge_down,
        vertical=sheet.vertical,
        landscape=landscape,
    )


def paragraph(document: Any, text: str) -> Any:
    return document.add_paragraph(xml_safe(text))


def body(document: Any, text: str) -> Any:
    """A paragraph of body text, its first line indented two characters (as 公文 and standards)."""
    from docx.shared import Pt

    result = paragraph(document, text)
    result.paragraph_format.first_line_indent = Pt(2 * BODY_PT)
    return result


def caption(document: Any, text: str, *, keep_with_next: bool = False) -> Any:
    """A centred caption: "图1 …" under a figure, or a table's title above it (kept with it)."""
    result = paragraph(document, text)
    result.alignment = 1  # centred
    result.paragraph_format.first_line_indent = 0
    result.paragraph_format.keep_with_next = keep_with_next
    return result


def save(document: Any) -> bytes:
    """The document's bytes, its contents filled in from its headings."""
    fill_contents(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def title(document: Any, text: str) -> Any:
    """The document's title, centred at the top of its first page (a form has no cover)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    result = document.add_paragraph(xml_safe(text), style="Title")
    result.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return result
