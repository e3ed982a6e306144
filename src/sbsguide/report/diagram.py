"""Geometry of the structure figures (the guide's figures 1–5): boxes, labels and connectors.

Figure 1 is the whole system: layer 1 on top, layer 2 side by side, layer 3 below. Figures 2–5
are one sub-system each. Category boxes carry their 体系编号 prefix (JC01 …) and their count;
upright, one character a line, in Chinese; horizontal and wrapped in English. A sub-system with
more categories than fit in a row wraps onto further rows, so counts never overlap. Not
applicable, missing and optional categories are marked (dashed, red, dotted). Pure numbers and
strings (documents/diagram.py): the HTML template draws them as SVG, escaping every label, and
the Word writer as shapes holding their text (documents/drawing.py).
"""

from __future__ import annotations

import unicodedata

from sbsguide.documents.diagram import GLYPH, LINE, Box, Diagram, Line
from sbsguide.report.model import CategorySection, SubsystemSection, TableReport

WIDTH = 980.0
TRUNK = 78.0  # x of the connector that runs from the root down to every sub-system
GAP = 6.0
MIN_UPRIGHT = 30.0  # narrowest upright category box
MIN_FLAT = 96.0  # narrowest horizontal (English) category box


def _text_width(text: str, size: float) -> float:
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.55 for c in text)


def _count(category: CategorySection, labels: dict[str, str]) -> str:
    if category.state == "not_applicable":
        return labels["not_applicable"]
    if category.state == "optional":
        return f"({category.count}) {labels['optional']}"
    if category.state == "missing":
        return f"({category.count}) {labels['missing_mark']}"
    return f"({category.count})"


def _reading(label: str, count: int, lang: str, mark: str = "") -> str:
    """名称（N）, or "name (N)" in English, with a category's mark after it (缺, 不适用, 可选)."""
    text = f"{label}（{count}）" if lang == "zh" else f"{label} ({count})"
    return f"{text} {mark}" if mark else text


def _mark(category: CategorySection, labels: dict[str, str]) -> str:
    return {
        "not_applicable": labels["not_applicable"],
        "optional": labels["optional"],
        "missing": labels["missing_mark"],
    }.get(category.state, "")


def _categories(
    categories: tuple[CategorySection, ...],
    x: float,
    y: float,
    span: float,
    upright: bool,
    labels: dict[str, str],
    lang: str,
) -> tuple[list[Box], list[Line], float]:
    """Category boxes under a parent box centred at x + span / 2, wrapped into rows."""
    longest = max((len(c.name) for c in categories), default=4)
    height = longest * GLYPH + 62 if upright else 4 * LINE + 40
    least = MIN_UPRIGHT if upright else MIN_FLAT
    per_row = max(1, min(len(categories), int((span + GAP) // (least + GAP)), 10))
    boxes: list[Box] = []
    lines: list[Line] = []
    top = y
    for start in range(0, len(categories), per_row):
        row = categories[start : start + per_row]
        width = min(64.0 if upright else 140.0, (span - GAP * (per_row - 1)) / per_row)
        left = x + (span - (width * len(row) + GAP * (len(row) - 1))) / 2
        for n, category in enumerate(row):
            cx = left + n * (width + GAP)
            boxes.append(
                Box(
                    cx,
                    top,
                    width,
                    height,
                    category.name,
                    _count(category, labels),
                    "category",
                    vertical=upright,
                    state=category.state,
                    code=category.code,
                    reading=_reading(category.name, category.count, lang, _mark(category, labels)),
                )
            )
            lines.append(Line(x + span / 2, y - 30, cx + width / 2, top))
        top += height + 16
    return boxes, lines, top - 16


def layout(report: TableReport, root_label: str) -> Diagram:
    """Figure 1: the whole system, its three layers and four sub-systems with their categories."""
    labels = report.labels
    upright = report.lang == "zh"
    left, right = 90.0, WIDTH - 20.0
    root_width = min(WIDTH - 40, max(400.0, _text_width(root_label, 16) + 80))
    total = f"({report.totals.total})"
    reading = _reading(root_label, report.totals.total, report.lang)
    boxes = [
        Box(
            WIDTH / 2 - root_width / 2,
            10,
            root_width,
            40,
            root_label,
            total,
            "root",
            reading=reading,
        )
    ]
    lines: list[Line] = []
    layers: list[tuple[float, str]] = []
    by_layer: dict[int, list[SubsystemSection]] = {}
    for subsystem in report.subsystems:
        by_layer.setdefault(subsystem.layer, []).append(subsystem)
    y = 90.0
    last_row = y
    for layer, subsystems in sorted(by_layer.items()):
        layers.append((y + 25, labels["layer"].format(n=layer)))
        span = (right - left - 20 * (len(subsystems) - 1)) / len(subsystems)
        bottom = y
        for position, subsystem in enumerate(subsystems):
            x = left + position * (span + 20)
            reading = _reading(subsystem.name, subsystem.count, report.lang)
            boxes.append(
                Box(
                    x,
                    y,
                    span,
                    40,
                    subsystem.name,
                    f"({subsystem.count})",
                    "subsystem",
                    reading=reading,
                )
            )
            lines.append(Line(TRUNK if position == 0 else x - 20, y + 20, x, y + 20))
            more, links, end = _categories(
                subsystem.categories, x, y + 70, span, upright, labels, report.lang
            )
            boxes += more
            lines += [Line(ln.x1, y + 40, ln.x2, ln.y2) for ln in links]
            bottom = max(bottom, end)
        last_row = y + 20
        y = bottom + 40
    lines.append(Line(WIDTH / 2, 50, WIDTH / 2, 70))
    lines.append(Line(TRUNK, 70, WIDTH / 2, 70))
    lines.append(Line(TRUNK, 70, TRUNK, last_row))
    return Diagram(WIDTH, y, tuple(boxes), tuple(lines), tuple(layers), labels["structure"])


def layout_subsystem(report: TableReport, subsystem: SubsystemSection) -> Diagram:
    """Figures 2–5: one sub-system and its categories."""
    labels = report.labels
    upright = report.lang == "zh"
    width = min(WIDTH - 40, max(360.0, _text_width(subsystem.name, 15) + 80))
    head = Box(
        WIDTH / 2 - width / 2,
        10,
        width,
        40,
        subsystem.name,
        f"({subsystem.count})",
        "subsystem",
        reading=_reading(subsystem.name, subsystem.count, report.lang),
    )
    boxes, links, end = _categories(
        subsystem.categories, 40, 80, WIDTH - 80, upright, labels, report.lang
    )
    lines = [Line(WIDTH / 2, 50, ln.x2, ln.y2) for ln in links]
    return Diagram(WIDTH, end + 20, (head, *boxes), tuple(lines), (), subsystem.name)


def figures(report: TableReport, root_label: str) -> list[Diagram]:
    """Figure 1 and one figure per sub-system, in the guide's order."""
    return [layout(report, root_label), *(layout_subsystem(report, s) for s in report.subsystems)]
