"""The page form of a controlled document in Word: what a report prints before its parts.

The cover (the agency and the title, the facts, 文件编号/版本/受控状态, 编制/审核/批准 and the 修订
记录), then 目次 on a page of its own. documents/standard.py is the other form, a standard's.
"""

from __future__ import annotations

from typing import Any

from sbsguide.documents.cover import Cover
from sbsguide.documents.docx import (
    new_document,
    page_break,
    paragraph,
    table,
    table_of_contents,
    title,
)


def cover_page(document: Any, cover: Cover, labels: dict[str, str], name: str) -> None:
    """The cover page: title, the facts, document control, signatures, revision history."""
    L = labels
    for text in (cover.agency, name):
        title(document, text)
    facts = [
        [L["credit_code"], cover.credit_code or "—"],
        [L["guide"], cover.guide],
        [L["as_of"], cover.prepared_on],
        *cover.control_rows(L),
    ]
    table(document, facts, (3, 7), header=False, bold_first_column=True)
    document.add_paragraph()
    table(document, cover.signature_rows(L), (2, 4, 4))
    document.add_paragraph()
    paragraph(document, L["revisions"]).runs[0].bold = True
    table(document, cover.revision_rows(L), (2, 2.4, 7, 2))
    page_break(document)


def front_matter(cover: Cover, labels: dict[str, str], lang: str, name: str) -> Any:
    """A new document with its cover and 目次: what every report opens with."""
    document = new_document(
        title=f"{cover.agency} {name}",
        author=cover.agency,
        lang=lang,
        page_label=labels["page_of"],
    )
    cover_page(document, cover, labels, name)
    table_of_contents(document, labels["toc"], labels["toc_hint"])
    page_break(document)
    return document
