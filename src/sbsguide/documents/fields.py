"""Word fields: PAGE and NUMPAGES in footers, and the 目次 (TOC) with its contents pre-filled.

A field shows its stored result until Word or WPS updates it; LibreOffice prints the stored
result as it is. So the contents are written into the TOC field's result from the headings, and
Word is asked to update the fields on opening.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn as _q

from sbsguide.documents.sheets import xml_safe


def field(paragraph: Any, instruction: str, shown: str) -> None:
    """A field (PAGE, NUMPAGES, TOC …) with the text shown until it is updated."""
    from lxml import etree

    def run() -> Any:
        return etree.SubElement(paragraph._p, _q("w:r"))

    etree.SubElement(run(), _q("w:fldChar")).set(_q("w:fldCharType"), "begin")
    code = etree.SubElement(run(), _q("w:instrText"))
    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    code.text = f" {instruction} "
    etree.SubElement(run(), _q("w:fldChar")).set(_q("w:fldCharType"), "separate")
    etree.SubElement(run(), _q("w:t")).text = shown
    etree.SubElement(run(), _q("w:fldChar")).set(_q("w:fldCharType"), "end")


def fill_contents(document: Any) -> None:
    """目次 pre-filled: the TOC field's shown result lists the headings (levels 1–2).

    Until Word or WPS updates the field (they are asked to on opening, ``updateFields``), the
    printed page still lists the contents; LibreOffice prints the result as it is.
    """
    from copy import deepcopy

    from lxml import etree

    body = document.element.body
    codes = [c for c in body.iter(_q("w:instrText")) if (c.text or "").strip().startswith("TOC")]
    if not codes:
        return
    field_paragraph = codes[0].getparent().getparent()
    headings = [
        (p.style.name[-1], p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name in ("Heading 1", "Heading 2") and p.text.strip()
    ]
    if not headings:
        return
    runs = field_paragraph.findall(_q("w:r"))
    shown = [r for r in runs if r.find(_q("w:t")) is not None]
    end = runs[-1]  # the fldChar "end"
    for run in shown:
        field_paragraph.remove(run)
    field_paragraph.remove(end)

    def entry(paragraph: Any, level: str, text: str) -> None:
        if level == "2":
            indent = etree.SubElement(_properties(paragraph), _q("w:ind"))
            indent.set(_q("w:firstLine"), "420")
        run = etree.SubElement(paragraph, _q("w:r"))
        shown_text = etree.SubElement(run, _q("w:t"))
        shown_text.text = xml_safe(text)
        shown_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    level, text = headings[0]
    entry(field_paragraph, level, text)
    last = field_paragraph
    for level, text in headings[1:]:
        paragraph = etree.Element(_q("w:p"))
        properties = field_paragraph.find(_q("w:pPr"))
        if properties is not None:
            paragraph.append(deepcopy(properties))
            for old in paragraph.findall(f"{_q('w:pPr')}/{_q('w:ind')}"):
                old.getparent().remove(old)
        entry(paragraph, level, text)
        last.addnext(paragraph)
        last = paragraph
    last.append(end)
    settings = document.settings.element
    if settings.find(_q("w:updateFields")) is None:
        etree.SubElement(settings, _q("w:updateFields")).set(_q("w:val"), "true")


def _properties(paragraph: Any) -> Any:
    from lxml import etree

    found = paragraph.find(_q("w:pPr"))
    if found is None:
        found = etree.Element(_q("w:pPr"))
        paragraph.insert(0, found)
    return found
