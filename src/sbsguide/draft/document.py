"""A draft as the one document model (documents/model.py), in the page form of a standard.

The cover of an enterprise standard, 前言 in the front matter, then the numbered clauses as
parts ("1 范围", "6.2 …") so Word's contents field finds them; list items as a), b), c).
"""

from __future__ import annotations

from sbsguide.documents.model import Document, Part, StandardCover
from sbsguide.draft import Clause, Draft, words

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def document(draft: Draft) -> Document:
    w = words(draft.lang)
    english_title, issued, implemented = draft.cover
    number = draft.number.replace("-", "—")
    replaces = draft.replaces.replace("-", "—")
    cover = StandardCover(
        agency=draft.agency,
        mark=draft.mark,
        banner=str(w["banner"]).format(agency=draft.agency),
        number=number,
        replaces=str(w["replaces"]).format(number=replaces) if replaces else "",
        title=draft.title,
        english_title=english_title,
        issued=issued,
        implemented=implemented,
        publisher=str(w["publisher"]).format(agency=draft.agency),
    )
    labels = {key: str(w[key]) for key in ("toc", "toc_hint", "cover", "report_sheet", "footer")}
    labels["page_of"] = "{page}"  # a standard's pages carry their number alone
    return Document(
        f"{number} {draft.title}",
        draft.lang,
        labels,
        cover,
        tuple(_part(clause) for clause in draft.clauses),
        preface=(Part(str(w["foreword"]), tuple(draft.foreword)),),
    )


def _part(clause: Clause) -> Part:
    items = (f"{LETTERS[n % 26]}) {item}" for n, item in enumerate(clause.items))
    children = (_part(child) for child in clause.children)
    return Part(f"{clause.number} {clause.title}", (*clause.paragraphs, *items, *children))
