"""The writers of the one document model (documents/model.py): Word, Excel, HTML, Markdown.

Each prints the same front (a report's document control, a standard's cover, or a form's title),
the same parts in the same order and the same tables; the Word and Excel print set-up is the
layer's (documents/docx.py with controlled.py and standard.py, documents/sheets.py), the HTML
and Markdown come from two generic templates (templates/report/document.*.j2).
"""

from __future__ import annotations

import re
from typing import Any
from unicodedata import east_asian_width

from sbsguide.documents.model import Block, Document, Figures, StandardCover
from sbsguide.documents.sheets import Row, Sheet, fitted_widths


def page_css(labels: dict[str, str]) -> str:
    """The page footer of the print CSS: ``"第 " counter(page) " 页 共 " counter(pages) " 页"``."""
    before, rest = labels["page_of"].split("{page}")
    if "{pages}" not in rest:  # a standard numbers its pages alone
        return f'"{before}" counter(page) "{rest}"'
    middle, after = rest.split("{pages}")
    return f'"{before}" counter(page) "{middle}" counter(pages) "{after}"'


def kind_of(block: Block) -> str:
    """text, table, figures or part: what a template asks of a block (no isinstance there)."""
    if isinstance(block, str):
        return "text"
    if isinstance(block, Sheet):
        return "table"
    return "figures" if isinstance(block, Figures) else "part"


def captioned(sheet: Sheet, heading: str) -> bool:
    """Whether a table prints its title above it: not when the heading already says it."""
    return sheet.title not in heading


def column_widths(sheet: Sheet) -> tuple[float, ...]:
    """A table's columns as Word and Excel have them: no narrower than a heading's longest word."""
    return (
        fitted_widths(sheet.widths, sheet.rows[0]) if sheet.header and sheet.rows else sheet.widths
    )


def unbroken(sheet: Sheet, column: int, cell: object) -> bool:
    """Whether an HTML cell keeps its text on one line: a ``nowrap`` column's, unless Chinese.

    "国统字〔2017〕213号" is a number too, and may break where Chinese text breaks.
    """
    text = str(cell)
    return column in sheet.nowrap and not any(east_asian_width(c) in "WF" for c in text)


def bodies(sheet: Sheet) -> list[tuple[bool, list[int]]]:
    """A table's rows as HTML bodies: (keep, row indexes), the header and total rows left out.

    A group heading (``sheet.groups``) opens a body that keeps it with the two rows after it,
    so that a heading never stands alone at the foot of a printed page.
    """
    found: list[tuple[bool, list[int]]] = []
    rows = range(1 if sheet.header else 0, len(sheet.rows) - (1 if sheet.total else 0))
    keep_left = 0
    for index in rows:
        if index in sheet.groups:
            if not (found and found[-1][0] and found[-1][1][-1] in sheet.groups):
                found.append((True, []))
            keep_left = 2
        elif keep_left:
            keep_left -= 1
        elif not found or found[-1][0]:
            found.append((False, []))
        found[-1][1].append(index)
    return found


def docx(doc: Document) -> bytes:
    """The front, then each part; a landscape part on landscape pages."""
    from sbsguide.documents import docx as layer

    landscape = False
    if isinstance(doc.cover, StandardCover):
        from sbsguide.documents import standard

        document = standard.front_matter(doc.cover, doc.labels, doc.lang)
    elif doc.cover is None:  # a form: its title, then its parts, no 目次
        document = layer.new_document(
            title=doc.title, author="", lang=doc.lang, page_label=doc.labels["page_of"]
        )
        landscape = bool(doc.parts) and doc.parts[0].landscape
        if landscape:
            layer.landscape_section(document, first=True)
        layer.title(document, doc.title)
    else:
        from sbsguide.documents.controlled import front_matter

        document = front_matter(doc.cover, doc.labels, doc.lang, doc.title)
    for part in doc.preface:  # 前言: its title centred, as a standard's element titles are
        layer.heading(document, part.title, 1).alignment = 1
        _word_blocks(document, doc, part.blocks, 2, False, part.title)
    if isinstance(doc.cover, StandardCover):
        standard.body_title(document, doc.cover.title)
    for part in doc.parts:
        if part.landscape != landscape:
            (layer.landscape_section if part.landscape else layer.portrait_section)(document)
            landscape = part.landscape
        if part.title:
            layer.heading(document, part.title, 1)
        _word_blocks(document, doc, part.blocks, 2, landscape, part.title or doc.title)
    return layer.save(document)


def _word_blocks(
    document: Any,
    doc: Document,
    blocks: tuple[Block, ...],
    level: int,
    landscape: bool,
    heading: str,
) -> None:
    from sbsguide.documents import docx as layer

    for block in blocks:
        if isinstance(block, str):
            layer.body(document, block)
        elif isinstance(block, Sheet):
            if captioned(block, heading):
                layer.caption(document, block.title, keep_with_next=True).runs[0].bold = True
            layer.sheet_table(document, block, landscape=landscape)
        elif isinstance(block, Figures):
            from sbsguide.documents import drawing

            width = layer.text_width_mm(landscape)
            for number, diagram in enumerate(block.diagrams, 1):
                drawing.figure(document, diagram, width_mm=width, number=number)
                layer.caption(document, f"{doc.labels['figure']}{number} {diagram.caption}")
            if block.legend:
                layer.body(document, block.legend)
        else:
            layer.heading(document, block.title, min(level, 3))
            _word_blocks(document, doc, block.blocks, level + 1, landscape, block.title)


def xlsx(doc: Document) -> bytes:
    """The cover, the document's text on one sheet (when it has any), then one sheet per table."""
    from sbsguide.documents import sheets

    text: list[Row] = []
    paragraphs = False

    def walk(blocks: tuple[Block, ...]) -> None:
        nonlocal paragraphs
        for block in blocks:
            if isinstance(block, str):
                text.append([block])
                paragraphs = True
            elif isinstance(block, Sheet | Figures):
                table = block if isinstance(block, Sheet) else block.table
                text.append([f"→ {table.title}"])
                if isinstance(block, Figures) and block.legend:
                    text.append([block.legend])
            else:
                text.append([block.title])
                walk(block.blocks)

    for part in (*doc.preface, *doc.parts):
        if part.title:
            text.append([part.title])
        walk(part.blocks)
    front: list[Sheet] = []
    if isinstance(doc.cover, StandardCover):
        lines: list[Row] = [[line] for line in doc.cover.lines()]
        front.append(Sheet(doc.labels["cover"], lines, (60,), header=False))
    elif doc.cover is not None:
        front.append(sheets.cover_sheet(doc.cover, doc.labels, doc.title))
    if paragraphs:  # 84 characters: one A4 portrait width of wrapped text
        front.append(Sheet(doc.labels["report_sheet"], text, (84,), header=False))
    return sheets.xlsx([*front, *doc.sheets()], doc.labels["footer"])


def sort_kinds(sheet: Sheet) -> list[str]:
    """How the HTML sorts each column of a table that filters in Excel: number or text."""
    body = sheet.rows[1 : len(sheet.rows) - 1 if sheet.total else None]
    kinds = []
    for column in range(len(sheet.widths)):
        values = [str(row[column]) for row in body if column < len(row) and row[column] != ""]
        numeric = values and all(re.fullmatch(r"-?\d+(\.\d+)?%?|—", v) for v in values)
        kinds.append("number" if numeric else "text")
    return kinds


def sortable(doc: Document) -> bool:
    """Whether the HTML page carries its sort script (and the policy that lets it run)."""
    return any(sheet.autofilter and sheet.header for sheet in doc.sheets())


def _template_values(doc: Document) -> dict[str, Any]:
    return {
        "r": doc,
        "L": doc.labels,
        "title": doc.title,
        "kind_of": kind_of,
        "captioned": captioned,
        "bodies": bodies,
        "unbroken": unbroken,
        "column_widths": column_widths,
        "sort_kinds": sort_kinds,
    }


def html(doc: Document) -> bytes:
    """One self-contained page that prints on A4 (the reports' style sheet)."""
    from sbsguide.templating import environment

    template = environment("report", html=True).get_template("document.html.j2")
    values = _template_values(doc)
    return template.render(page_css=page_css(doc.labels), sortable=sortable(doc), **values).encode(
        "utf-8"
    )


def markdown(doc: Document) -> bytes:
    from sbsguide.templating import environment

    template = environment("report", html=False).get_template("document.md.j2")
    text = re.sub(r"\n{3,}", "\n\n", template.render(**_template_values(doc)))  # one blank line
    return (text.rstrip("\n") + "\n").encode("utf-8")


WRITERS = {"docx": docx, "xlsx": xlsx, "html": html, "md": markdown}
