"""A figure in Word as a drawing: one group of native shapes, each box a shape holding its text.

The same geometry as the HTML's SVG (documents/diagram.py), scaled to the text width. Boxes are
rectangles whose text a program can read (a text box inside the shape, not a picture), lines are
line shapes, the layer labels are borderless text boxes; the group sits inline in its own
paragraph, so the figure flows with the text and two short figures share a page. The drawing
also carries the whole figure as alternative text: every box as 名称（N）.

Written as DrawingML (wpg group of wps shapes, Word 2010 and later, LibreOffice, WPS).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from sbsguide.documents.diagram import GLYPH, Box, Diagram, Line
from sbsguide.documents.sheets import xml_safe

EMU_PER_MM = 36000
PT_PER_UNIT_AT_170MM = 170 * EMU_PER_MM / 980 / 12700  # a unit of the plane, in points

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"'
)
_GROUP = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
_FILL = {"root": "EEF2F7", "subsystem": "EEF2F7"}
_STATE = {  # outline of a category box by state, as the HTML's CSS has it
    "filled": ("222222", 9525, "solid", "FFFFFF"),
    "not_applicable": ("222222", 9525, "dash", "F4F4F4"),
    "missing": ("BB0000", 25400, "solid", "FFFFFF"),
    "optional": ("222222", 9525, "sysDot", "FFFFFF"),
}


class _Scale:
    def __init__(self, diagram: Diagram, width_mm: float) -> None:
        self.emu = width_mm * EMU_PER_MM / diagram.width
        self.pt = self.emu / 12700

    def __call__(self, units: float) -> int:
        return max(round(units * self.emu), 0)

    def half_points(self, units: float) -> int:
        return max(round(units * self.pt * 2), 8)

    def twips(self, units: float) -> int:
        return round(units * self.pt * 20)


def _run(text: str, half_points: int, *, bold: bool = False, colour: str = "") -> str:
    properties = f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    if bold:
        properties = "<w:b/>" + properties
    if colour:
        properties += f'<w:color w:val="{colour}"/>'
    text = escape(xml_safe(text))
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _paragraph(runs: str, line_twips: int = 0) -> str:
    spacing = (
        f'<w:spacing w:before="0" w:after="0" w:line="{line_twips}" w:lineRule="exact"/>'
        if line_twips
        else '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
    )
    indent = '<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="center"/>'
    return f"<w:p><w:pPr>{spacing}{indent}</w:pPr>{runs}</w:p>"


def _box_text(box: Box, s: _Scale) -> str:
    """The paragraphs inside a box: its code, its label (upright: a character a line), its count."""
    small, body = s.half_points(10), s.half_points(13)
    paragraphs = []
    if box.code:
        paragraphs.append(_paragraph(_run(box.code, small, colour="444444")))
    if box.kind != "category":
        size = s.half_points(16 if box.kind == "root" else 14)
        paragraphs.append(_paragraph(_run(f"{box.label} {box.count}", size)))
    elif box.vertical:
        line = s.twips(GLYPH)
        paragraphs += [_paragraph(_run(glyph, body), line) for _, glyph in box.glyphs]
        paragraphs.append(_paragraph(_run(box.count, s.half_points(11))))
    else:
        paragraphs += [_paragraph(_run(text, s.half_points(11))) for _, text in box.lines]
        paragraphs.append(_paragraph(_run(box.count, s.half_points(11))))
    return "".join(paragraphs)


def _frame(x: float, y: float, w: float, h: float, s: _Scale, flip: str = "") -> str:
    return f'<a:xfrm{flip}><a:off x="{s(x)}" y="{s(y)}"/><a:ext cx="{s(w)}" cy="{s(h)}"/></a:xfrm>'


def _outline(colour: str, width: int, dash: str) -> str:
    return (
        f'<a:ln w="{width}"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        f'<a:prstDash val="{dash}"/></a:ln>'
    )


def _text_shape(
    shape_id: int, name: str, frame: str, fill: str, line: str, text: str, anchor: str
) -> str:
    return (
        f'<wps:wsp><wps:cNvPr id="{shape_id}" name={quoteattr(xml_safe(name))}/>'
        f'<wps:cNvSpPr/><wps:spPr>{frame}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f"{fill}{line}</wps:spPr>"
        f"<wps:txbx><w:txbxContent>{text}</w:txbxContent></wps:txbx>"
        f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="{25400}" rIns="0" bIns="0"'
        f' anchor="{anchor}" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
    )


def _box(shape_id: int, box: Box, s: _Scale) -> str:
    colour, width, dash, fill = _STATE[box.state]
    fill = _FILL.get(box.kind, fill)
    return _text_shape(
        shape_id,
        box.reading or box.label,
        _frame(box.x, box.y, box.w, box.h, s),
        f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>',
        _outline(colour, width, dash),
        _box_text(box, s),
        "ctr" if box.kind != "category" else "t",
    )


def _line(shape_id: int, line: Line, s: _Scale) -> str:
    x, y = min(line.x1, line.x2), min(line.y1, line.y2)
    w, h = abs(line.x2 - line.x1), abs(line.y2 - line.y1)
    # a line shape runs from the top left to the bottom right of its frame; flipped, top right
    # to bottom left
    falling = (line.x2 - line.x1) * (line.y2 - line.y1) >= 0
    flip = "" if falling else ' flipH="1"'
    return (
        f'<wps:wsp><wps:cNvPr id="{shape_id}" name="line {shape_id}"/><wps:cNvCnPr/>'
        f'<wps:spPr>{_frame(x, y, w, h, s, flip)}<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        f"<a:noFill/>{_outline('555555', 9525, 'solid')}</wps:spPr><wps:bodyPr/></wps:wsp>"
    )


def _layer_label(shape_id: int, y: float, label: str, s: _Scale) -> str:
    text = _paragraph(_run(label, s.half_points(14), bold=True))
    return _text_shape(
        shape_id,
        label,
        _frame(0, y - 18, 80, 26, s),
        "<a:noFill/>",
        "<a:ln><a:noFill/></a:ln>",
        text,
        "t",
    )


def figure(document: Any, diagram: Diagram, *, width_mm: float, number: int) -> Any:
    """Append ``diagram`` as an inline group of shapes in a centred paragraph of its own."""
    from docx.oxml import parse_xml

    s = _Scale(diagram, width_mm)
    first = number * 1000  # drawing ids unique in the document: 1000 a figure
    shapes: list[str] = []
    for line in diagram.lines:
        shapes.append(_line(first + len(shapes) + 1, line, s))
    for y, label in diagram.layers:
        shapes.append(_layer_label(first + len(shapes) + 1, y, label, s))
    for box in diagram.boxes:
        shapes.append(_box(first + len(shapes) + 1, box, s))
    cx, cy = s(diagram.width), s(diagram.height)
    alt = xml_safe(diagram.reading)
    drawing = parse_xml(
        f"<w:drawing {_NS}>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{first}" name={quoteattr(xml_safe(diagram.caption))}'
        f" descr={quoteattr(alt)}/>"
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic><a:graphicData uri="{_GROUP}">'
        "<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr>"
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
        f'<a:chOff x="0" y="0"/><a:chExt cx="{cx}" cy="{cy}"/></a:xfrm></wpg:grpSpPr>'
        f"{''.join(shapes)}</wpg:wgp></a:graphicData></a:graphic></wp:inline></w:drawing>"
    )
    paragraph = document.add_paragraph()
    paragraph.alignment = 1  # centred
    paragraph.paragraph_format.first_line_indent = 0
    paragraph.paragraph_format.keep_with_next = True  # with its caption
    paragraph.add_run()._r.append(drawing)
    return paragraph
