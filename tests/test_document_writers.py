"""The four writers of the one document model (documents/write.py), each tried once on a model
that holds every kind of block: what a reader of each format gets from the same document."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest

from sbsguide.documents.cover import Cover
from sbsguide.documents.diagram import Box, Diagram
from sbsguide.documents.model import Document, Figures, Part
from sbsguide.documents.sheets import Sheet
from sbsguide.documents.write import WRITERS
from sbsguide.report.model import labels

L = labels("zh")
COVER = Cover("测试中心", "", "DB53/T XXXX—2023", date(2026, 12, 1), "0", 3)
DETAIL = Sheet(
    "明细",
    [
        ["序号", "编号", "名称"],
        ["第1层 基础"],  # a group heading
        [1, "GB/T 1.1—2020", "导则"],
        [2, "国统字〔2017〕213号", "统计"],
        [3, "GB 2894-2008", "标志"],
        ["", "", "缺(至少 1 项)"],
    ],
    (6, 20, 30),
    groups=frozenset({1}),
    nowrap=frozenset({0, 1}),
    marks={(5, 2): "not-met"},
)
AGENCIES = Sheet(
    "各机构",
    [["序号", "机构", "标准数"], [1, "甲", 115], [2, "乙", 23], ["", "合计", 138]],
    (6, 30, 8),
    autofilter=True,
    total=True,
)
FIGURE = Diagram(
    200, 80, (Box(10, 10, 180, 40, "基础", "(3)", "root", reading="基础（3）"),), (), (), "结构图"
)
STRUCTURE = Sheet("结构", [["子体系", "标准数"], ["基础", 3]], (20, 8))


def _document(*parts: Part, cover: Cover | None = COVER) -> Document:
    return Document("测试文件", "zh", L, cover, parts)


FULL = _document(
    Part("1 结构", ("正文 *强调* <b>", Figures((FIGURE,), STRUCTURE, "图例"))),
    Part("2 明细", (DETAIL, Part("2.1 子部分", ("子部分的话",)))),
    Part("3 汇总", (AGENCIES,), landscape=True),
)


def test_markdown_prints_tables_where_figures_were_and_escapes_text() -> None:
    md = WRITERS["md"](FULL).decode()
    assert md.startswith("# 测试中心 测试文件\n")
    assert "正文 \\*强调\\* \\<b\\>" in md  # text shows as written, never as markup
    assert "| 子体系 | 标准数 |\n|---|---|\n| 基础 | 3 |" in md  # the figure's table
    assert "| **第1层 基础** | | |" in md  # a group heading across the row
    assert "|  | **合计** | **138** |" in md  # the total row
    assert "### 2.1 子部分" in md and "\n\n\n" not in md


def test_html_keeps_headings_with_rows_and_sorts_what_filters_in_excel() -> None:
    html = WRITERS["html"](FULL).decode()
    keep = re.search(r'<tbody class="keep">(.*?)</tbody>', html, re.S)
    assert keep and keep[1].count("<tr") == 3  # the heading and the two rows after it
    assert '<td class="not-met">缺(至少 1 项)</td>' in html
    assert '<td class="nowrap">GB/T 1.1—2020</td>' in html
    assert "<td>国统字〔2017〕213号</td>" in html  # Chinese in a number column may wrap
    assert '<th data-sort="number">标准数</th>' in html and '<th data-sort="text">机构</th>' in html
    assert '<tfoot class="total"><tr><td></td><td>合计</td><td>138</td></tr>\n</tfoot>' in html
    assert "script-src 'unsafe-inline'" in html and "<script>" in html
    assert "<svg" in html and "图1 结构图" in html
    plain = WRITERS["html"](_document(Part("1 明细", (DETAIL,)))).decode()
    assert "<script" not in plain and "script-src" not in plain  # nothing to sort, no script


def test_the_workbook_has_a_text_sheet_only_when_the_document_has_text() -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(WRITERS["xlsx"](FULL)))
    assert book.sheetnames == ["封面", "正文", "结构", "明细", "各机构"]
    text = [row[0].value for row in book["正文"].iter_rows()]
    assert text[:4] == ["1 结构", "正文 *强调* <b>", "→ 结构", "图例"]
    assert book["各机构"]["C4"].font.b and not book["各机构"]["C3"].font.b  # the total row
    assert "A2:C2" in book["明细"].merged_cells  # the group heading
    tables_only = load_workbook(io.BytesIO(WRITERS["xlsx"](_document(Part("1", (DETAIL,))))))
    assert tables_only.sheetnames == ["封面", "明细"]


def test_word_draws_figures_and_bolds_what_heads_or_sums() -> None:
    from docx import Document as Word

    document = Word(io.BytesIO(WRITERS["docx"](FULL)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["1 结构", "2 明细", "2.1 子部分", "3 汇总"]
    body = document.element.body.xml
    assert 'descr="基础（3）"' in body  # the figure's alternative text lists its boxes
    assert "图1 结构图" in [p.text for p in document.paragraphs]
    agencies = document.tables[-1]
    total, row = agencies.rows[-1].cells[1], agencies.rows[1].cells[1]
    assert total.paragraphs[0].runs[0].bold and not row.paragraphs[0].runs[0].bold
    assert document.sections[-1].page_width > document.sections[-1].page_height  # landscape


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "xlsx"])
def test_a_form_has_its_title_and_no_cover(fmt: str) -> None:
    form = _document(Part("", (AGENCIES,)), Part("明细", (DETAIL,)), cover=None)
    written = WRITERS[fmt](form)
    if fmt == "md":
        # the title, then the untitled part's table with no heading of its own
        assert written.decode().startswith("# 测试文件\n\n**各机构**\n\n| 序号 |")
    elif fmt == "html":
        assert "<h1>测试文件</h1>" in written.decode() and 'class="cover"' not in written.decode()
    elif fmt == "docx":
        from docx import Document as Word

        document = Word(io.BytesIO(written))
        assert document.paragraphs[0].text == "测试文件" and "TOC" not in document.element.xml
    else:
        from openpyxl import load_workbook

        assert load_workbook(io.BytesIO(written)).sheetnames == ["各机构", "明细"]
