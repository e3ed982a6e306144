"""One document model for every format: a front, then numbered parts of paragraphs and tables.

A builder says *what* a document holds (report/document.py for the table and the gap report,
draft/document.py for a draft, evaluate/document.py for the self-evaluation); the writers
(documents/write.py) say how it prints in Word, Excel, HTML and Markdown, so the formats of one
document cannot disagree and a new document needs no new writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from sbsguide.documents.cover import Cover
from sbsguide.documents.diagram import Diagram
from sbsguide.documents.sheets import Sheet


@dataclass(frozen=True, slots=True)
class Part:
    """A numbered part: its title (with its number, "5 标准实施评价") and what it holds."""

    title: str
    blocks: tuple[Block, ...]
    landscape: bool = False  # wide tables print on a landscape page


@dataclass(frozen=True, slots=True)
class Figures:
    """Figures numbered 图1, 图2 …, and the table that says the same thing.

    Word and HTML draw the diagrams (with every box as alternative text); a workbook and
    Markdown, which cannot draw, print the table instead.
    """

    diagrams: tuple[Diagram, ...]
    table: Sheet
    legend: str = ""


Block: TypeAlias = "str | Sheet | Figures | Part"
"""A paragraph, a table, figures, or a sub-part (a heading one level down and its blocks)."""


@dataclass(frozen=True, slots=True)
class StandardCover:
    """The cover of a standard in the page form of GB/T 1.1-2020 (a draft)."""

    agency: str
    mark: str  # the enterprise-standard mark: "Q/KMGX"
    banner: str  # 昆明高新区中小企业服务中心企业标准
    number: str  # Q/KMGX 301—2025, with the em dash
    replaces: str  # "代替 Q/KMGX 301—2020", or ""
    title: str
    english_title: str
    issued: str  # "2025-03-01 发布" or 【待填写】
    implemented: str
    publisher: str  # 昆明高新区中小企业服务中心　发布

    def lines(self) -> tuple[str, ...]:
        """The cover's lines from top to bottom (what a format that cannot lay it out prints)."""
        lines = (self.mark, self.banner, self.number, self.replaces, self.title)
        return (*lines, self.english_title, self.issued, self.implemented, self.publisher)


@dataclass(frozen=True, slots=True)
class Document:
    title: str  # 标准体系自我评价报告
    lang: str
    labels: dict[str, str]  # the front's and the page's words (page_of, toc, footer …)
    cover: Cover | StandardCover | None  # None: a form, its title on its first page (a summary)
    parts: tuple[Part, ...]  # a part without a title prints no heading (a form's title block)
    preface: tuple[Part, ...] = ()  # after 目次, before part 1: a standard's 前言
    # The cover says the page form: a report's (document control, "第 X 页 共 Y 页") or a
    # standard's (GB/T 1.1: the number in the page header, front matter in roman numerals, the
    # body from 1, under the standard's title)

    @property
    def form(self) -> str:
        """The page form, as the templates ask: ``standard`` (GB/T 1.1), ``report`` or ``form``."""
        if self.cover is None:
            return "form"
        return "standard" if isinstance(self.cover, StandardCover) else "report"

    def sheets(self) -> list[Sheet]:
        """Every table of the document, in order (the workbook's sheets after its cover)."""
        found: list[Sheet] = []

        def walk(blocks: tuple[Block, ...]) -> None:
            for block in blocks:
                if isinstance(block, Sheet):
                    found.append(block)
                elif isinstance(block, Figures):
                    found.append(block.table)
                elif isinstance(block, Part):
                    walk(block.blocks)

        for part in (*self.preface, *self.parts):
            walk(part.blocks)
        return found
