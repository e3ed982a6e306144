"""The documents as a reader gets them (#11): printed to PDF by LibreOffice and Chromium, then read.

Page counts, the text of each page, no row split across a page, and no tool language (YAML keys,
line numbers, commands) anywhere outside the technical annex. CI installs LibreOffice, Chromium,
poppler and a CJK font (.ci/run); elsewhere these tests skip when a tool is missing.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import AS_OF, CONFORMING, EXAMPLES, ROOT
from sbsguide.report.build import build

TOOLS = {"soffice": "LibreOffice", "chromium": "Chromium", "pdftotext": "poppler-utils"}
ARTIFACTS = ROOT / "test-artifacts" / "documents"

# Tool language a reader must never meet: keys (snake_case or dotted), 第 N 行, sbs commands.
TOOL_LANGUAGE = re.compile(
    r"\b[a-z]+_[a-z_0-9]+\b|\b[a-z]+\.[a-z]+(?:\.[a-z0-9]+)*\b|第\s*\d+\s*行|\bsbs [a-z]+\b"
    r"|not_applicable|\bline \d+"
)


def _need(*tools: str) -> None:
    missing = [TOOLS[t] for t in tools if shutil.which(t) is None]
    if missing and not os.environ.get("CI"):
        pytest.skip(f"needs {', '.join(missing)}")
    assert not missing, f"CI installs {missing} (.ci/run)"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document of the conforming example and of a draft, printed to PDF."""
    _need("soffice", "chromium", "pdftotext")
    folder = tmp_path_factory.mktemp("printed")
    pdfs: dict[str, Path] = {}
    for example, source in (("kunming", CONFORMING), ("qujing", EXAMPLES / "qujing-draft" / "system.yaml")):  # fmt: skip
        files = build(source.read_bytes(), ("table", "gap"), ("html", "docx", "xlsx"), AS_OF, "zh")
        for name, content in files.files:
            stem, kind = name.rsplit(".", 1)
            path = folder / kind / f"{example}-{stem}.{kind}"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(content)
    for kind in ("docx", "xlsx"):
        sources = sorted((folder / kind).iterdir())
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder / f"{kind}-pdf"),
             *map(str, sources)],
            check=True, capture_output=True, timeout=600,
            env={**os.environ, "HOME": str(folder)},
        )  # fmt: skip
        for pdf in (folder / f"{kind}-pdf").iterdir():
            pdfs[f"{pdf.stem}.{kind}"] = pdf
    for html in sorted((folder / "html").iterdir()):
        pdf = folder / "html-pdf" / f"{html.stem}.pdf"
        pdf.parent.mkdir(exist_ok=True)
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
             f"--print-to-pdf={pdf}", html.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        pdfs[f"{html.stem}.html"] = pdf
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, pdf in pdfs.items():
        shutil.copy(pdf, ARTIFACTS / f"{name}.pdf")
    return pdfs


def _pages(pdf: Path) -> list[str]:
    """The text of each page."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
def test_the_table_of_115_standards_prints_on_ten_pages_or_fewer(
    printed: dict[str, Path], kind: str
) -> None:
    pages = _pages(printed[f"kunming-标准体系表.{kind}"])
    assert 4 <= len(pages) <= 10, len(pages)
    assert "文件编号" in pages[0] and "受控状态" in pages[0]  # the cover of a controlled document
    assert any(re.search(r"第\s*2\s*页\s*共\s*\d+\s*页", p) for p in pages)  # page numbers


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
def test_no_standard_row_is_split_across_pages(printed: dict[str, Path], kind: str) -> None:
    """Each number and the start of its title are on one page, and that page only once."""
    from sbsguide.loader import read_yaml

    pages = _pages(printed[f"kunming-标准体系表.{kind}"])
    data = read_yaml(CONFORMING.read_text(encoding="utf-8")).data
    entries = [
        e
        for categories in data["standards"].values()
        for value in categories.values()
        if isinstance(value, list)
        for e in value
    ]
    for entry in entries:
        number = entry["number"].split("〔")[0][:9]  # a policy number may wrap in its cell
        holding = [p for p in pages if number in p and entry["name"][:4] in p]
        assert holding, number


def test_the_workbooks_detail_sheet_is_one_page_wide(printed: dict[str, Path]) -> None:
    """No column strips: every page of the detail sheet carries its last column's header."""
    pages = _pages(printed["kunming-标准体系表.xlsx"])
    detail = [p for p in pages if p.split()[0] == "标准明细表"]  # the sheet's page header
    assert len(detail) >= 2 and all("序号" in p and "备注" in p for p in detail)


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
def test_documents_speak_the_agencys_language(printed: dict[str, Path], kind: str) -> None:
    for name in ("kunming-标准体系表", "kunming-差距分析报告", "qujing-标准体系表", "qujing-差距分析报告"):  # fmt: skip
        text = "\n".join(_pages(printed[f"{name}.{kind}"]))
        found = sorted({m.group() for m in TOOL_LANGUAGE.finditer(text)})
        assert not found, (name, kind, found)


def test_markdown_and_html_sources_hold_no_tool_language_unless_annexed() -> None:
    source = (EXAMPLES / "qujing-draft" / "system.yaml").read_bytes()
    plain = dict(build(source, ("table", "gap"), ("md", "html"), AS_OF, "zh").files)
    gap = plain["差距分析报告.md"].decode()
    assert not TOOL_LANGUAGE.search(gap.replace("差距分析报告", "")), TOOL_LANGUAGE.findall(gap)
    annexed = dict(build(source, ("gap",), ("md",), AS_OF, "zh", annex=True).files)
    annex = annexed["差距分析报告.md"].decode()
    assert "附录 技术明细" in annex and "organization.working\\_group" in annex  # Markdown


def test_english_documents_hold_no_tool_language_either() -> None:
    source = (EXAMPLES / "qujing-draft" / "system.yaml").read_bytes()
    for name, content in build(source, ("table", "gap"), ("md",), AS_OF, "en").files:
        text = content.decode()
        assert not TOOL_LANGUAGE.search(text), (name, TOOL_LANGUAGE.findall(text))


def test_the_xlsx_prints_as_set_up() -> None:
    from openpyxl import load_workbook

    files = dict(build(CONFORMING.read_bytes(), ("table",), ("xlsx",), AS_OF, "zh").files)
    book = load_workbook(io.BytesIO(files["标准体系表.xlsx"]))
    detail = book["标准明细表"]
    assert detail.page_setup.paperSize == 9 and detail.page_setup.orientation == "landscape"
    assert detail.page_setup.fitToWidth == 1 and detail.page_setup.fitToHeight == 0
    assert detail.sheet_properties.pageSetUpPr.fitToPage
    assert detail.print_title_rows == "$1:$1"
    assert detail.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert "A2:G2" in detail.merged_cells  # 第1层 服务基础标准体系: a group heading across
    assert detail["D4"].value == "标准化工作导则 第1部分:标准化文件的结构和起草规则"
    assert detail["D4"].alignment.wrap_text and detail["D4"].border.left.style == "thin"
    assert detail.row_dimensions[4].height >= 30  # the title wraps to two lines
    cover = book["封面"]
    labels = [row[0].value for row in cover.iter_rows()]
    assert {"文件编号", "版本", "受控状态", "编制", "审核", "批准", "修订记录"} <= set(labels)
