"""The geometry of a box-and-line figure, shared by the HTML (SVG) and Word (DrawingML) writers.

Pure numbers and strings in a 980-unit wide plane (y grows downwards); a writer scales the plane
to its page. Which boxes a figure has, and where, is the caller's business (report/diagram.py
lays out the guide's figures 1–5).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

GLYPH = 15.0  # line height of an upright label
LINE = 13.0  # line height of a horizontal label


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    label: str
    count: str
    kind: str  # root | subsystem | category
    vertical: bool = False
    state: str = "filled"  # filled | not_applicable | missing | optional
    code: str = ""
    reading: str = ""  # what the box says as one line of text: 名称（N）, for alternative text

    @property
    def glyphs(self) -> list[tuple[float, str]]:
        """(y, character) of an upright label, one character a line as Chinese diagrams are."""
        top = self.y + (34 if self.code else 20)
        return [(top + i * GLYPH, c) for i, c in enumerate(self.label)]

    @property
    def lines(self) -> list[tuple[float, str]]:
        """(y, text) of a horizontal label wrapped to the box."""
        wrapped = textwrap.wrap(self.label, self.per_line) or [""]
        top = self.y + (30 if self.code else 18)
        return [(top + i * LINE, text) for i, text in enumerate(wrapped)]

    @property
    def per_line(self) -> int:
        return max(int(self.w / 6.2), 6)


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
    caption: str = ""

    @property
    def reading(self) -> str:
        """Every box as 名称（N）, in drawing order: the figure's alternative text."""
        return "；".join(box.reading for box in self.boxes if box.reading)
