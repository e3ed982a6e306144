"""The writers of the one document model (documents/model.py): Word, Excel, HTML, Markdown.

Each prints the same cover (document control), the same parts in the same order and the same
tables; the Word and Excel print set-up is the layer's (documents/docx.py, documents/sheets.py),
the HTML and Markdown come from two generic templates (templates/report/document.*.j2).
"""

from __future__ import annotations

from typing import Any

from sbsguide.documents.model import Block, Document
from sbsguide.documents.sheets import Row, Sheet


def page_css(labels: dict[str, str]) -> str:
    """The page footer of the print CSS: ``"第 " counter(page) " 页 共 " counter(pages) " 页"``."""
    before, rest = labels["page_of"].split("{page}")
    middle, after = rest.split("{pages}")
    return f'"{before}" counter(page) "{middle}" counter(pages) "{after}"'


def kind_of(block: Block) -> str:
    """text, table or part: what a template asks of a block (the sandbox has no isinstance)."""
    if isinstance(block, str):
        return "text"
    return "table" if isinstance(block, Sheet) else "part"


def docx(doc: Document) -> bytes:
    """Cover, 目次, then each part; a landscape part on landscape pages."""
    from sbsguide.documents import docx as layer

    document = layer.front_matter(doc.cover, doc.labels, doc.lang, doc.title)
    landscape = False
    for part in doc.parts:
        if part.landscape != landscape:
            (layer.landscape_section if part.landscape else layer.portrait_section)(document)
            landscape = part.landscape
        layer.heading(document, part.title, 1)
        _word_blocks(document, part.blocks, 2, landscape, part.title)
    return layer.save(document)


def captioned(sheet: Sheet, heading: str) -> bool:
    """Whether a table prints its title above it: not when the heading already says it."""
    return sheet.title not in heading


def _word_blocks(
    document: Any, blocks: tuple[Block, ...], level: int, landscape: bool, heading: str
) -> None:
    from sbsguide.documents import docx as layer

    for block in blocks:
        if isinstance(block, str):
            layer.paragraph(document, block)
        elif isinstance(block, Sheet):
            if captioned(block, heading):
                caption = layer.paragraph(document, block.title)
                caption.alignment = 1  # centred, as a table title is
                caption.paragraph_format.first_line_indent = 0
                caption.paragraph_format.keep_with_next = True
                caption.runs[0].bold = True
            layer.sheet_table(document, block, landscape=landscape)
        else:
            layer.heading(document, block.title, min(level, 3))
            _word_blocks(document, block.blocks, level + 1, landscape, block.title)


def xlsx(doc: Document) -> bytes:
    """A cover sheet, the text of the report on one sheet, then one sheet per table."""
    from sbsguide.documents import sheets

    text: list[Row] = []

    def walk(blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, str):
                text.append([block])
            elif isinstance(block, Sheet):
                text.append([f"→ {block.title}"])
            else:
                text.append([block.title])
                walk(block.blocks)

    headings = set()
    for part in doc.parts:
        headings.add(len(text))
        text.append([part.title])
        walk(part.blocks)
    body = Sheet(doc.labels["report_sheet"], text, (96,), header=False, label_column=False)
    cover = sheets.cover_sheet(doc.cover, doc.labels, doc.title)
    return sheets.xlsx([cover, body, *doc.sheets()], doc.labels["footer"])


def html(doc: Document) -> bytes:
    """One self-contained page that prints on A4 (the reports' style sheet)."""
    from sbsguide.templating import environment

    template = environment("report", html=True).get_template("document.html.j2")
    return template.render(
        r=doc,
        L=doc.labels,
        title=doc.title,
        page_css=page_css(doc.labels),
        kind_of=kind_of,
        captioned=captioned,
    ).encode("utf-8")


def markdown(doc: Document) -> bytes:
    from sbsguide.templating import environment

    template = environment("report", html=False).get_template("document.md.j2")
    return template.render(
        r=doc, L=doc.labels, title=doc.title, kind_of=kind_of, captioned=captioned
    ).encode("utf-8")


WRITERS = {"docx": docx, "xlsx": xlsx, "html": html, "md": markdown}
