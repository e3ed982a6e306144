"""`sbs report`: every format read back as its user would, and consistent with `sbs check`."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import AS_OF, CONFORMING, EXAMPLES, ROOT, run_sbs
from sbsguide.loader import read_yaml
from sbsguide.report.build import build


def qn(tag: str) -> str:
    from docx.oxml.ns import qn as namespaced

    return str(namespaced(tag))


ALL_FORMATS = ("html", "md", "xlsx", "docx", "csv")
ARTIFACTS = ROOT / "test-artifacts"


def _numbers(path: Path) -> list[str]:
    data = read_yaml(path.read_text(encoding="utf-8")).data
    found = []
    for categories in data["standards"].values():
        for value in categories.values():
            if isinstance(value, list):
                found += [e["number"] for e in value if "number" in e]
    return found


def _files(path: Path, lang: str = "zh") -> dict[str, bytes]:
    reports = build(path.read_bytes(), ("table", "gap"), ALL_FORMATS, AS_OF, lang)  # type: ignore[arg-type]
    assert not reports.blocking
    return dict(reports.files)


@pytest.fixture(scope="module")
def conforming() -> dict[str, bytes]:
    return _files(CONFORMING)


def test_every_standard_appears_once_in_every_format(conforming: dict[str, bytes]) -> None:
    from docx import Document
    from openpyxl import load_workbook

    numbers = _numbers(CONFORMING)
    assert len(numbers) == len(set(numbers)) == 115
    html = conforming["标准体系表.html"].decode()
    md = conforming["标准体系表.md"].decode()
    rows = list(csv.reader(io.StringIO(conforming["标准体系表.csv"].decode("utf-8-sig"))))
    book = load_workbook(io.BytesIO(conforming["标准体系表.xlsx"]))
    detail = book["标准明细表"]
    xlsx_numbers = [row[2].value for row in detail.iter_rows(min_row=2) if row[2].value]
    document = Document(io.BytesIO(conforming["标准体系表.docx"]))
    [detail_table] = [t for t in document.tables if t.rows[0].cells[0].text == "序号"]
    docx_numbers = [
        row.cells[2].text for row in detail_table.rows[1:] if row.cells[0].text.isdigit()
    ]
    for number in numbers:
        assert html.count(f">{number}<") == 1, number
        assert md.count(f"| {number.replace('/', '/')} |") == 1, number
    assert [r[2] for r in rows[1:] if r[2]] == numbers
    assert xlsx_numbers == numbers
    assert docx_numbers == numbers


def _half_up(part: int, whole: int) -> str:
    """四舍五入 to one decimal, independently of the code under test."""
    return f"{(1000 * part + whole // 2) // whole / 10:.1f}%"


def test_statistics_add_up(conforming: dict[str, bytes]) -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(conforming["标准体系表.xlsx"]))["标准统计表"]
    header, *rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert header[7:10] == ["应有数", "现有数", "现有数/应有数"]
    *subsystems, totals, shares = rows
    for row in (*subsystems, totals):
        assert sum(row[1:7]) == row[8]  # 现有数: the standards in force, by level
        assert row[7] == row[8]  # the example drafts nothing and withdraws nothing
        assert row[9] == "100.0%"
        assert row[10] == _half_up(row[8], 115)  # the sub-system's share of all
    assert [sum(r[i] for r in subsystems) for i in range(1, 9)] == totals[1:9]
    assert totals[8] == 115
    national, industry, local = totals[1:4]
    assert totals[11] == _half_up(national + industry + local, 115)
    assert shares[1:7] == [_half_up(n, 115) for n in totals[1:7]]


def test_shares_round_half_up() -> None:
    from sbsguide.report.model import share

    assert (share(10, 32), share(1, 8), share(0, 0)) == ("31.3%", "12.5%", "—")


def test_status_is_in_the_remark_and_counts() -> None:
    text = CONFORMING.read_text(encoding="utf-8")
    for old, new in (
        ("name: 采购管理制度, implemented: 2024-02-01}", "name: 采购管理制度, status: withdrawn}"),
        ("name: 服务外包供应商评价规范, implemented: 2024-02-01}", "name: 服务外包供应商评价规范, status: drafting, note: 2025年发布}"),
        ("{code: BZ08-001, number: GB/T 45001-2020, name: 职业健康安全管理体系 要求及使用指南, implemented: 2020-03-06}", "{code: BZ08-001, number: GB/T 28001-2011, name: 职业健康安全管理体系 要求}"),
    ):  # fmt: skip
        text = text.replace(old, new)
    files = dict(build(text.encode(), ("table",), ("csv", "md"), AS_OF, "zh").files)
    csv_text = files["标准体系表.csv"].decode("utf-8-sig")
    assert "采购管理制度,,,已废止" in csv_text.replace('"', "")
    assert "制定中；2025年发布" in csv_text
    assert "被代替(现行：GB/T 45001-2020)" in csv_text
    md = files["标准体系表.md"].decode()
    # 34 entries (SPEC §7): the withdrawn one is in neither count, the superseded and the drafted
    # ones are planned (应有数 33) but not in force (现有数 31)
    assert "| 服务保障标准体系 | 20 | 0 | 0 | 0 | 11 | 0 | 33 | 31 | 93.9% |" in md


def test_xlsx_is_usable_in_excel(conforming: dict[str, bytes]) -> None:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(conforming["标准体系表.xlsx"]))
    assert book.sheetnames == ["封面", "正文", "标准体系结构图", "标准明细表", "标准统计表"]
    text = [row[0].value for row in book["正文"].iter_rows()]
    note = text[text.index("4 编制说明") + 1 :]  # the explanatory note, after its heading
    assert str(note[0]).startswith("本标准体系依据 DB53/T")
    detail = book["标准明细表"]
    assert detail.freeze_panes == "A2"
    assert [c.value for c in detail[1]][:7] == [
        "序号",
        "体系编号",
        "标准编号",
        "标准名称",
        "实施日期",
        "被代替标准号",
        "备注",
    ]
    number_cells = [row[2] for row in detail.iter_rows(min_row=2) if row[2].value]
    assert all(c.data_type == "s" for c in number_cells)
    assert detail.column_dimensions["D"].width >= 40  # Chinese titles fit


def test_docx_is_a_controlled_document_that_prints(conforming: dict[str, bytes]) -> None:
    """Read back what Word will print: widths, unsplittable rows, headers, language, TOC (#11)."""
    from docx import Document

    document = Document(io.BytesIO(conforming["标准体系表.docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["1 标准体系结构图", "2 标准明细表", "3 标准统计表", "4 编制说明"]
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "第 " in footer
    styles = document.styles.element.xml
    assert 'w:eastAsia="zh-CN"' in styles  # the document language
    assert 'w:eastAsia="宋体"' in document.styles["Normal"].element.xml
    heading = document.styles["Heading 1"]
    assert 'w:eastAsia="黑体"' in heading.element.xml and str(heading.font.color.rgb) == "000000"
    body = document.element.body.xml
    assert "TOC \\o" in body  # 目次 as a field
    properties = document.core_properties
    assert properties.author == "昆明高新区中小企业公共服务中心" and properties.created.year >= 2026
    assert "标准体系表" in properties.title
    [detail] = [t for t in document.tables if t.rows[0].cells[0].text == "序号"]
    xml = detail._tbl.xml
    rows = detail._tbl.findall(qn("w:tr"))
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert 'w:type="fixed"' in xml
    widths = [int(c.get(qn("w:w"))) for c in detail._tbl.find(qn("w:tblGrid"))]
    assert widths[3] == max(widths)  # the title column takes the most room
    assert min(widths[2], widths[5]) / 56.7 > 30.9  # GB/T 24421.1—2023 fits on one line
    assert widths[4] / 56.7 > 17.9  # and a date
    cover = document.tables[0]
    assert [c.text for c in cover.columns[0].cells][-3:] == ["文件编号", "版本", "受控状态"]


def _without_document(text: str) -> str:
    """The example without its document block (the last block of the file)."""
    return text[: text.index("\ndocument:")] + "\n"


def test_document_control_from_the_system_file() -> None:
    text = _without_document(CONFORMING.read_text(encoding="utf-8")) + (
        "document:\n"
        "  number: KMGX/BZTX-2024\n"
        "  version: A/1\n"
        "  controlled: 否\n"
        "  prepared_by: {name: 李娜, date: 2024-02-20}\n"
        "  approved_by: {name: 王明, date: 2024-02-28}\n"
        "  revisions:\n"
        "    - {version: A/0, date: 2023-12-01, summary: 首次发布, by: 李娜}\n"
    )
    files = dict(build(text.encode(), ("table", "gap"), ("md", "docx"), AS_OF, "zh").files)
    md = files["标准体系表.md"].decode()
    for expected in ("| 文件编号 | KMGX/BZTX-2024 |", "| 版本 | A/1 |", "| 受控状态 | 非受控 |"):
        assert expected in md
    assert "| 编制 | 李娜 | 2024-02-20 |" in md and "| 审核 |   |   |" in md  # left to sign
    assert "| A/0 | 2023-12-01 | 首次发布 | 李娜 |" in md
    assert "KMGX/BZTX-2024" in files["差距分析报告.md"].decode()


def test_gap_verdicts_come_from_the_check(tmp_path: Path) -> None:
    files = _files(EXAMPLES / "qujing-draft" / "system.yaml")
    gap = files["差距分析报告.md"].decode()
    check = json.loads(
        run_sbs(
            "check", str(EXAMPLES / "qujing-draft"), "--format", "json", "--as-of", "2026-11-26"
        ).stdout
    )
    errors = check["summary"]["error"]
    assert f"| 错误 | {errors} |" in gap
    assert re.search(r"\| 5\.5\.1 标准实施和评价 \(应\) \| .* \| 不符合 \|", gap)
    assert re.search(r"\| 5\.2 制定标准化工作计划 \(应\) \| .* \| 符合 \|", gap)
    clean = _files(CONFORMING)["差距分析报告.md"].decode()
    assert "| 符合指南中可检查的要求 |" in clean and "100.0%" in clean


@pytest.mark.parametrize("example", ["kunming-hightech", "qujing-draft"])
def test_markdown_reports_are_pinned(example: str, golden) -> None:  # type: ignore[no-untyped-def]
    files = _files(EXAMPLES / example / "system.yaml")
    golden(f"report/{example}.table.md", files["标准体系表.md"].decode())
    golden(f"report/{example}.gap.md", files["差距分析报告.md"].decode())


HOSTILE = (
    CONFORMING.read_text(encoding="utf-8")
    .replace("  name: 昆明高新区中小企业公共服务中心\n", '  name: "<img src=x onerror=alert(1)>"\n')
    .replace(
        "{code: BZ03-001, number: Q/KMGX 320-2024, name: 采购管理制度",
        '{code: BZ03-001, number: Q/KMGX 320-2024, name: "=HYPERLINK(\\"http://x\\")"',
    )
)


def test_hostile_text_stays_text_in_every_format(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "system.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    files = _files(path)
    html = files["标准体系表.html"].decode()
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    book = load_workbook(io.BytesIO(files["标准体系表.xlsx"]))
    cells = [
        c for row in book["标准明细表"].iter_rows() for c in row if str(c.value).startswith("=")
    ]
    assert cells and all(c.data_type == "s" for c in cells)
    rows = list(csv.reader(io.StringIO(files["标准体系表.csv"].decode("utf-8-sig"))))
    assert any(r[3] == '\'=HYPERLINK("http://x")' for r in rows)
    assert "\\<img" in files["标准体系表.md"].decode()


def test_report_command_writes_only_its_own_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep", encoding="utf-8")
    result = run_sbs(
        "report",
        str(CONFORMING),
        "--output",
        str(out),
        "--format",
        "html,md",
        "--as-of",
        "2026-11-26",
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["mine.txt", "标准体系表.html", "标准体系表.md", "差距分析报告.html", "差距分析报告.md"]
    )
    assert (out / "mine.txt").read_text(encoding="utf-8") == "keep"
    english = run_sbs(
        "report",
        str(CONFORMING),
        "--output",
        str(out),
        "--format",
        "md",
        "--kind",
        "gap",
        "--lang",
        "en",
        "--as-of",
        "2026-11-26",
    )
    assert english.returncode == 0 and (out / "gap-report.md").exists()


def test_report_refuses_a_broken_file_and_bad_options(tmp_path: Path) -> None:
    path = tmp_path / "system.yaml"
    path.write_text("version: 1\nagency: {name: a\n", encoding="utf-8")
    result = run_sbs("report", str(path), "--output", str(tmp_path / "out"))
    assert result.returncode == 1 and not (tmp_path / "out").exists()
    assert run_sbs("report", str(CONFORMING), "--format", "pdf").returncode == 2
    assert run_sbs("report", str(CONFORMING), "--kind", "summary-x").returncode == 2


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def _run_chromium(*args: str) -> subprocess.CompletedProcess[str]:
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs chromium (.ci/run); it is missing")
        pytest.skip("chromium is not installed")
    profile = tempfile.mkdtemp()
    return subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_html_in_real_chromium(tmp_path: Path) -> None:
    path = tmp_path / "system.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    page = tmp_path / "table.html"
    page.write_bytes(_files(path)["标准体系表.html"])
    dom = _run_chromium("--dump-dom", page.as_uri()).stdout
    assert "<title>&lt;img src=x onerror=alert(1)&gt; 标准体系表</title>" in dom
    assert len(re.findall(r'<tr><td class="nowrap">\d+</td>', dom)) == 115  # 序号 1 … 115
    assert "<svg" in dom and "<img" not in dom
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "standard-system-table.png"
    _run_chromium("--window-size=1100,1400", f"--screenshot={screenshot}", page.as_uri())
    assert screenshot.stat().st_size > 10_000
    pdf = ARTIFACTS / "standard-system-table.pdf"
    _run_chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


def test_structure_figures_wrap_and_never_overlap() -> None:
    """Twenty extra categories in one sub-system: boxes wrap into rows, none overlaps (#11)."""
    from sbsguide.report.build import models
    from sbsguide.report.diagram import figures

    extra = "    extra:\n" + "".join(
        f"      - {{name: 自设类别{i}, standards: [{{number: Q/KMGX {900 + i}-2024, name: 自设标准{i}}}]}}\n"
        for i in range(20)
    )
    text = CONFORMING.read_text(encoding="utf-8").replace(
        "  # ------------------------------------------------------------------ 第三层",
        extra + "  # ------------------------------------------------------------------ 第三层",
    )
    for lang in ("zh", "en"):
        built = models(text.encode(), AS_OF, lang)  # type: ignore[arg-type]
        assert not isinstance(built, list), built
        table, _ = built
        pictures = figures(table, "root")
        assert len(pictures) == 5
        for diagram in pictures:
            boxes = [b for b in diagram.boxes if b.kind == "category"]
            for i, a in enumerate(boxes):
                for b in boxes[i + 1 :]:
                    apart = (
                        a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
                    )
                    assert apart, (lang, a.label, b.label)
            assert all(b.x >= 0 and b.x + b.w <= diagram.width for b in diagram.boxes)
            assert all(b.vertical == (lang == "zh") for b in boxes)


# --- one count model and clause verdicts (SPEC §7) -------------------------------------------


def _models(text: str):  # type: ignore[no-untyped-def]
    from sbsguide.report.build import models

    built = models(text.encode("utf-8"), AS_OF, "zh")
    assert not isinstance(built, list), built
    return built


def test_every_count_of_the_qujing_table_agrees_with_one_classification() -> None:
    table, _ = _models((EXAMPLES / "qujing-draft" / "system.yaml").read_text(encoding="utf-8"))
    rows = table.rows
    classes = [r.status_class for r in rows]
    current = classes.count("current")
    missing = sum(1 for s in table.subsystems for c in s.categories if c.missing)
    assert missing == 1  # 采购管理标准
    # 现有数 everywhere: figure boxes, sub-system totals, statistics, cover
    assert sum(s.count for s in table.subsystems) == current == table.totals.total
    assert [s.count for s in table.subsystems] == [r.total for r in table.statistics]
    # 应有数: 现行 + 制定中 + 被代替 + one per 缺 category
    expected = current + classes.count("drafting") + classes.count("superseded") + missing
    assert table.totals.planned == expected
    # every listed entry numbered, in order; its class in 备注 when not 现行
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    [superseded] = [r for r in rows if r.status_class == "superseded"]
    assert superseded.number == "GB/T 24421.2—2009" and "被代替" in superseded.remark
    # the same numbers in the Markdown figure, statistics and note
    files = _files(EXAMPLES / "qujing-draft" / "system.yaml")
    md = files["标准体系表.md"].decode()
    assert f"| 合计 |  |  | {table.totals.total} |" in md  # the structure's table: figure 1's top
    assert "| 合计 | " in md and f"| {table.totals.planned} | {table.totals.total} |" in md
    assert f"应有标准 {table.totals.planned} 项，现有(现行有效)标准 {table.totals.total} 项" in md
    assert "|  |  |  | 缺(至少 1 项) |  |  | 缺 |" in md


def test_a_withdrawn_entry_another_names_in_replaces_is_superseded() -> None:
    text = CONFORMING.read_text(encoding="utf-8").replace(
        "      - {code: BZ03-002, number: Q/KMGX 321-2024, name: 服务外包供应商评价规范, implemented: 2024-02-01}\n",
        "      - {code: BZ03-002, number: Q/KMGX 321-2024, name: 服务外包供应商评价规范, implemented: 2024-02-01, replaces: Q/KMGX 322-2020}\n"
        "      - {code: BZ03-003, number: Q/KMGX 322-2020, name: 供应商评价办法, status: withdrawn}\n"
        "      - {code: BZ03-004, number: Q/KMGX 323-2020, name: 采购台账办法, status: withdrawn}\n",
    )
    table, _ = _models(text)
    by_number = {r.number: r for r in table.rows}
    assert by_number["Q/KMGX 322-2020"].status_class == "superseded"
    assert by_number["Q/KMGX 323-2020"].status_class == "withdrawn"
    assert by_number["Q/KMGX 323-2020"].remark.startswith("已废止")
    # withdrawn: listed and numbered, counted in neither; superseded: in 应有数 only
    base, _ = _models(CONFORMING.read_text(encoding="utf-8"))
    assert table.totals.total == base.totals.total
    assert table.totals.planned == base.totals.planned + 1


def test_a_conclusion_with_warnings_only_never_says_conforming() -> None:
    text = CONFORMING.read_text(encoding="utf-8").replace(
        "{code: SS03-012, number: Q/KMGX 220-2024, name: 融资对接服务规范, implemented: 2024-02-01}",
        "{code: SS03-012, number: Q/KMGX 220-2024, name: 融资规范, implemented: 2024-02-01}",
    )
    _, gap = _models(text)
    verdicts = {c.number: c.verdict for c in gap.clauses}
    assert verdicts["4.5"] == "to-improve"
    assert "符合指南中可检查的要求" not in gap.verdict_label
    assert gap.verdict_label == "没有不符合的条款，1 条条款待改进"


def test_a_clause_met_only_by_drafts_is_planned_during_the_trial() -> None:
    from sbsguide.report.build import models

    text = CONFORMING.read_text(encoding="utf-8").replace(
        "{code: SS03-012, number: Q/KMGX 220-2024, name: 融资对接服务规范, implemented: 2024-02-01}",
        "{code: SS03-012, name: 融资对接服务规范, status: drafting}",
    )
    from datetime import date

    built = models(text.encode("utf-8"), date(2024, 4, 15), "zh")
    assert not isinstance(built, list)
    _, gap = built
    verdicts = {c.number: c.verdict for c in gap.clauses}
    assert verdicts["4.5"] == "in-plan"
    assert "计划中" in gap.verdict_label and "4.5" in gap.verdict_label


def test_the_control_state_shows_only_when_the_system_says_it() -> None:
    """#19: 受控状态 only when document.controlled is set; 编制日期 from prepared_by.date."""
    text = _without_document(CONFORMING.read_text(encoding="utf-8"))
    bare = dict(build(text.encode(), ("table",), ("md",), AS_OF, "zh").files)["标准体系表.md"]
    assert "受控状态" not in bare.decode() and "| 编制日期 | 2026-11-26 |" in bare.decode()
    signed = dict(build(CONFORMING.read_bytes(), ("table",), ("md",), AS_OF, "zh").files)
    md = signed["标准体系表.md"].decode()
    assert "| 受控状态 | 受控 |" in md and "| 编制日期 | 2024-01-08 |" in md
    assert "sbs" not in md.split("编制说明")[-1]  # the note names no tool


def test_gap_report_actions_have_owner_due_and_verified_and_clauses_continue() -> None:
    """#19 item 6: a clause's later rows say whose they are; the action list has room to assign."""
    from openpyxl import load_workbook

    files = _files(EXAMPLES / "qujing-draft" / "system.yaml")
    book = load_workbook(io.BytesIO(files["差距分析报告.xlsx"]))
    actions = [c.value for c in next(book["整改行动清单"].iter_rows(max_row=1))]
    assert actions[-3:] == ["责任人", "完成时限", "验证"]
    clauses = [row[0].value for row in book["条款符合情况"].iter_rows(min_row=2)]
    assert "4.4(续)" in clauses and None not in clauses
    footer = book["整改行动清单"].oddFooter.center.text
    assert footer == "第 &P 页 共 &N 页"
    english = _files(EXAMPLES / "qujing-draft" / "system.yaml", "en")
    book = load_workbook(io.BytesIO(english["gap-report.xlsx"]))
    [sheet] = [
        book[n]
        for n in book.sheetnames
        if next(book[n].iter_rows(max_row=1))[-1].value == "Verified"
    ]
    assert sheet.oddFooter.center.text == "Page &P of &N"
    assert {row[1].value for row in sheet.iter_rows(min_row=2)} <= {"Error", "Warning"}


def test_the_contents_are_filled_in_before_any_update() -> None:
    """#19 item 4: 目次 prints its entries as written; Word is asked to update it on opening."""
    from docx import Document

    files = _files(CONFORMING)
    document = Document(io.BytesIO(files["差距分析报告.docx"]))
    texts = [p.text for p in document.paragraphs]
    contents = texts[texts.index("目次") + 1 : texts.index("目次") + 5]
    assert contents == ["1 结论", "2 条款符合情况", "3 子体系和类别覆盖情况", "4 整改行动清单"]
    assert "w:updateFields" in document.settings.element.xml
    assert "TOC \\o" in document.element.body.xml


def test_the_word_figures_are_shapes_holding_their_text() -> None:
    """Figures 1–5 in Word: native shapes a program can read, and alt text of 名称（N）(#19)."""
    from docx import Document

    table, _ = _models((EXAMPLES / "qujing-draft" / "system.yaml").read_text(encoding="utf-8"))
    files = _files(EXAMPLES / "qujing-draft" / "system.yaml")
    document = Document(io.BytesIO(files["标准体系表.docx"]))
    body = document.element.body
    wps = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
    drawings = body.findall(f".//{qn('w:drawing')}")
    assert len(drawings) == 5  # figure 1 and one per sub-system
    docprs = [d.find(".//{*}docPr") for d in drawings]
    assert len({p.get("id") for p in docprs}) == 5
    captions = [p.text for p in document.paragraphs if p.text.startswith("图")]
    assert captions == [
        "图1 标准体系结构图",
        *(f"图{n} {s.name}" for n, s in enumerate(table.subsystems, 2)),
    ]

    def shape_texts(drawing) -> list[str]:  # type: ignore[no-untyped-def]
        texts = []
        for shape in drawing.iter(f"{wps}wsp"):
            content = shape.find(f".//{qn('w:txbxContent')}")
            if content is not None:
                texts.append("".join(t.text for t in content.iter(qn("w:t"))))
        return texts

    first = shape_texts(drawings[0])
    assert f"曲靖市中小企业服务中心 标准体系表 ({table.totals.total})" in first
    for subsystem in table.subsystems:
        assert f"{subsystem.name} ({subsystem.count})" in first
        for category in subsystem.categories:
            assert any(category.name in text for text in first), category.name
    assert any(t.startswith("BZ03采购管理标准") and t.endswith("(0) 缺") for t in first)
    # the alternative text lists every box as 名称（N）, the missing category marked
    alt = docprs[0].get("descr")
    assert f"标准体系表（{table.totals.total}）" in alt and "采购管理标准（0） 缺" in alt
    boxes = 1 + sum(1 + len(s.categories) for s in table.subsystems)
    assert alt.count("）") == boxes
    # the missing category is drawn red, a declared not-applicable one dashed
    red = [s for s in drawings[0].iter(f"{wps}wsp") if 'val="BB0000"' in etree_string(s)]
    assert len(red) == 1 and "采购" in "".join(t.text for t in red[0].iter(qn("w:t")))


def etree_string(element) -> str:  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.tostring(element, encoding="unicode")
