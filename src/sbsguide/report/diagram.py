"""Geometry of the structure diagram (the guide's figures 1–5): boxes, labels and connectors.

Pure numbers and strings; the HTML template draws them as SVG (escaping every label).
"""

from __future__ import annotations

from dataclasses import dataclass

from sbsguide.report.model import TableReport

WIDTH = 980
GLYPH = 15.0  # line height of an upright category label
TRUNK = 78.0  # x of the connector that runs from the root down to every sub-system


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    label: str
    count: int
    kind: str  # root | subsystem | category
    vertical: bool = False

    @property
    def glyphs(self) -> list[tuple[float, str]]:
        """(y, character) of an upright label, one character a line as Chinese diagrams are."""
        return [(self.y + 20 + i * GLYPH, c) for i, c in enumerate(self.label)]


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True, slots=True)
class Diagram:
    width: float
    height: float
    boxes: tuple[Box, ...]
    lines: tuple[Line, ...]
    layers: tuple[tuple[float, str], ...]  # (y, label) at the left margin


def layout(report: TableReport, root_label: str) -> Diagram:
    """Layer 1 on top, layer 2 side by side, layer 3 below; categories as upright boxes."""
    left, right = 90.0, WIDTH - 20.0
    longest = max((len(c.name) for s in report.subsystems for c in s.categories), default=4)
    category_height = longest * GLYPH + 45
    boxes = [Box(WIDTH / 2 - 200, 10, 400, 40, root_label, report.totals.total, "root")]
    lines: list[Line] = []
    layers: list[tuple[float, str]] = []
    by_layer: dict[int, list[int]] = {}
    for index, subsystem in enumerate(report.subsystems):
        by_layer.setdefault(subsystem.layer, []).append(index)
    y = 90.0
    last_row = y
    for layer, indexes in sorted(by_layer.items()):
        layers.append((y + 25, report.labels["layer"].format(n=layer)))
        span = (right - left - 20 * (len(indexes) - 1)) / len(indexes)
        for position, index in enumerate(indexes):
            subsystem = report.subsystems[index]
            x = left + position * (span + 20)
            boxes.append(Box(x, y, span, 40, subsystem.name, subsystem.count, "subsystem"))
            if position == 0:  # the trunk runs down the left margin, clear of every box
                lines.append(Line(TRUNK, y + 20, x, y + 20))
            else:
                lines.append(Line(x - 20, y + 20, x, y + 20))
            count = len(subsystem.categories)
            gap = 6.0
            width = min(64.0, (span - gap * (count - 1)) / max(count, 1))
            start = x + (span - (width * count + gap * (count - 1))) / 2
            for n, category in enumerate(subsystem.categories):
                cx = start + n * (width + gap)
                boxes.append(
                    Box(
                        cx,
                        y + 70,
                        width,
                        category_height,
                        category.name,
                        category.count,
                        "category",
                        vertical=True,
                    )
                )
                lines.append(Line(x + span / 2, y + 40, cx + width / 2, y + 70))
        last_row = y + 20
        y += 70 + category_height + 40
    lines.append(Line(WIDTH / 2, 50, WIDTH / 2, 70))
    lines.append(Line(TRUNK, 70, WIDTH / 2, 70))
    lines.append(Line(TRUNK, 70, TRUNK, last_row))
    return Diagram(WIDTH, y, tuple(boxes), tuple(lines), tuple(layers))
