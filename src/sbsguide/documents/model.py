"""One document model for every format: a cover, then numbered parts of paragraphs and tables.

A builder (evaluate/report.py) says *what* a document holds; the writers (documents/write.py)
say how it prints in Word, Excel, HTML and Markdown, so the formats of one document cannot
disagree and a new document needs no new writer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from sbsguide.documents.cover import Cover
from sbsguide.documents.sheets import Sheet


@dataclass(frozen=True, slots=True)
class Part:
    """A numbered part: its title (with its number, "5 标准实施评价") and what it holds."""

    title: str
    blocks: tuple[Block, ...]
    landscape: bool = False  # wide tables print on a landscape page


Block: TypeAlias = "str | Sheet | Part"
"""A paragraph, a table, or a sub-part (a level-2 heading and its blocks)."""


@dataclass(frozen=True, slots=True)
class Document:
    title: str  # 标准体系自我评价报告
    lang: str
    labels: dict[str, str]  # the cover's and the page's words (page_of, toc, footer …)
    cover: Cover
    parts: tuple[Part, ...]

    def sheets(self) -> list[Sheet]:
        """Every table of the document, in order (the workbook's sheets after its cover)."""
        found: list[Sheet] = []

        def walk(blocks: tuple[Block, ...]) -> None:
            for block in blocks:
                if isinstance(block, Sheet):
                    found.append(block)
                elif isinstance(block, Part):
                    walk(block.blocks)

        for part in self.parts:
            walk(part.blocks)
        return found
