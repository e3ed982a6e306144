"""`sbs import`: realistic tables in, every standard out exactly once, in the right category."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import CONFORMING, run_sbs
from sbsguide.importer import read_table
from sbsguide.loader import read_yaml
from sbsguide.tables import date_of, text_of

openpyxl = pytest.importorskip("openpyxl")

HEADER_A = [
    "序号",
    "标准体系表编号",
    "标准代号和编号",
    "标准名称",
    "实施日期",
    "代替标准号",
    "备注",
]


def _placed(path: Path) -> list[tuple[str, str, str]]:
    """(category, number, name) of every standard in a system file, in file order."""
    data = read_yaml(path.read_text(encoding="utf-8")).data
    found = []
    for subsystem, categories in data["standards"].items():
        for key, value in categories.items():
            if key == "extra":
                for own in value:
                    found += [
                        (f"{subsystem}.extra", e.get("number", ""), e["name"])
                        for e in own["standards"]
                    ]
            elif isinstance(value, list):
                found += [(f"{subsystem}.{key}", e.get("number", ""), e["name"]) for e in value]
    return found


def _import(table: Path, tmp_path: Path, *args: str) -> Path:
    output = tmp_path / "system.yaml"
    result = run_sbs("import", str(table), "--output", str(output), *args)
    assert result.returncode == 0, result.stdout + result.stderr
    check = run_sbs("check", str(output), "--format", "json", "--select", "schema")
    assert '"rule": "schema"' not in check.stdout and '"rule": "yaml-syntax"' not in check.stdout
    return output


def test_title_rows_merged_cells_sections_and_subtotals(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["曲靖市某中小企业服务中心标准明细表"])
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(HEADER_A)
    sheet.append(["一、服务基础标准体系"])
    sheet.merge_cells("A4:G4")
    sheet.append(["标准化导则"])
    sheet.merge_cells("A5:G5")
    sheet.append(
        [
            1,
            "JC01-001",
            "GB/T 1.1—2020",
            "标准化工作导则 第1部分：标准化文件的结构和起草规则",
            dt.datetime(2020, 10, 1),
            "GB/T 1.1-2009",
            None,
        ]
    )
    sheet.append([2, None, "DB53/T 1117", "中小企业公共服务分类", None, None, "版本待核实"])
    sheet.append(["小计", None, None, "2 项", None, None, None])
    sheet.append(["服务保障标准体系"])
    sheet.merge_cells("A9:G9")
    sheet.append(["安全与应急标准"])
    sheet.merge_cells("A10:G10")
    sheet.append([3, None, "Q/QJ 350-2024", "突发事件应急预案", 45352, None, None])
    sheet.append([4, None, "Q/QJ 351-2024", "消防器材管理规定", "2024.3.1", None, None])
    sheet.append([5, None, "Q/QJ 352-2024", "安全检查制度", "2024年3月1日", None, None])
    sheet.append([])
    sheet.append(["合计", None, None, "5 项", None, None, None])
    table = tmp_path / "table.xlsx"
    book.save(table)
    output = _import(table, tmp_path, "--agency", "曲靖市某中小企业服务中心")
    assert _placed(output) == [
        (
            "foundation.guidelines",
            "GB/T 1.1-2020",
            "标准化工作导则 第1部分：标准化文件的结构和起草规则",
        ),
        ("foundation.guidelines", "DB53/T 1117", "中小企业公共服务分类"),
        ("support.safety", "Q/QJ 350-2024", "突发事件应急预案"),
        ("support.safety", "Q/QJ 351-2024", "消防器材管理规定"),
        ("support.safety", "Q/QJ 352-2024", "安全检查制度"),
    ]
    data = read_yaml(output.read_text(encoding="utf-8")).data
    safety = data["standards"]["support"]["safety"]
    assert [e["implemented"] for e in safety] == [dt.date(2024, 3, 1)] * 3
    assert data["standards"]["foundation"]["guidelines"][0]["replaces"] == "GB/T 1.1-2009"


def test_flat_table_with_a_category_column_and_unplaceable_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "明细"
    sheet.append(["编号", "标准号", "名称", "类别", "备注"])
    sheet.append(["BZ02-001", "Q/T 1-2024", "财务管理制度", "财务管理标准", None])
    sheet.append([None, "GB/T 19001-2016", "质量管理体系 要求", None, None])  # catalogue
    sheet.append([None, "Q/T 2-2024", "年度应急演练方案", None, None])  # title words
    sheet.append(["SS03-004", "Q/T 3-2024", "企业走访制度", None, None])  # system code
    sheet.append([None, "Q/T 4-2024", "内部联络表格样式", None, "无法归类"])  # nothing places it
    sheet.append([None, None, "【不适用】本中心不开展统计分析", "数理统计", None])
    table = tmp_path / "flat.xlsx"
    book.save(table)
    result = read_table(table, None)
    assert [(r.placed, r.reason) for r in result.rows] == [
        ("support.finance", "column"),
        ("support.quality", "catalogue"),
        ("support.safety", "title"),
        ("delivery.process", "code"),
        ("", ""),
    ]
    output = _import(table, tmp_path)
    placed = _placed(output)
    assert ("foundation.extra", "Q/T 4-2024", "内部联络表格样式") in placed
    assert len(placed) == 5
    data = read_yaml(output.read_text(encoding="utf-8")).data
    assert data["standards"]["foundation"]["statistics"] == {
        "not_applicable": "本中心不开展统计分析"
    }
    text = output.read_text(encoding="utf-8")
    assert "待归类(导入)" in text and "请移到合适的类别" in text


def test_gb18030_csv(tmp_path: Path) -> None:
    rows = [
        "序号,体系编号,标准编号,标准名称,实施日期,备注",
        "服务实施标准体系,,,,,",
        "服务评价与改进标准,,,,,",
        "1,,GB/T 36733-2018,服务质量评价通则,2019-04-01,",
        "2,,Q/KM 240-2024,服务质量评级规范,2024/2/1,",
    ]
    table = tmp_path / "table.csv"
    table.write_bytes("\n".join(rows).encode("gb18030"))
    output = _import(table, tmp_path)
    assert _placed(output) == [
        ("delivery.evaluation", "GB/T 36733-2018", "服务质量评价通则"),
        ("delivery.evaluation", "Q/KM 240-2024", "服务质量评级规范"),
    ]


def test_report_xlsx_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "report"
    assert (
        run_sbs(
            "report",
            str(CONFORMING),
            "--kind",
            "table",
            "--format",
            "xlsx",
            "--output",
            str(out),
            "--as-of",
            "2026-11-26",
        ).returncode
        == 0
    )
    output = _import(out / "标准体系表.xlsx", tmp_path)
    assert sorted(_placed(output)) == sorted(_placed(CONFORMING))


def test_cells_stay_as_written() -> None:
    assert text_of(1.1) == "1.1" and text_of(2020.0) == "2020" and text_of(" x ") == "x"
    assert date_of(45352) == "2024-03-01" and date_of("2024.3.1") == "2024-03-01"
    assert date_of("2024年3月1日") == "2024-03-01" and date_of("2024-02-30") == ""


def test_import_never_overwrites_and_reports_bad_input(tmp_path: Path) -> None:
    output = tmp_path / "system.yaml"
    output.write_text("mine\n", encoding="utf-8")
    book = openpyxl.Workbook()
    book.active.append(["标准编号", "标准名称"])
    book.active.append(["GB/T 1.1-2020", "标准化工作导则"])
    table = tmp_path / "t.xlsx"
    book.save(table)
    refused = run_sbs("import", str(table), "--output", str(output))
    assert refused.returncode == 2 and output.read_text(encoding="utf-8") == "mine\n"
    assert run_sbs("import", str(table), "--output", str(output), "--force").returncode == 0
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a workbook")
    for bad in (junk, tmp_path / "missing.xlsx", tmp_path / "t.txt"):
        result = run_sbs("import", str(bad), "--output", str(tmp_path / "o.yaml"))
        assert result.returncode == 2 and "Traceback" not in result.stderr


# ---- issue 14: import loses nothing and writes only valid files -------------------------------


def _csv(tmp_path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "table.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_a_sub_system_heading_clears_the_category_above_it(tmp_path: Path) -> None:
    table = _csv(
        tmp_path,
        [
            ["序号", "标准编号", "标准名称"],
            ["服务保障标准体系"],
            ["安全与应急标准"],
            ["1", "GB/T 29639-2020", "生产经营单位生产安全事故应急预案编制导则"],
            ["岗位工作标准体系"],
            ["2", "Q/QJZX 401-2024", "主任岗位工作标准"],
        ],
    )
    output = tmp_path / "out.yaml"
    result = run_sbs("import", str(table), "--output", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("posts.general", "Q/QJZX 401-2024", "主任岗位工作标准") in _placed(output)
    assert "   6  Q/QJZX 401-2024 主任岗位工作标准 → posts.general" in result.stdout


def test_rows_and_cells_that_cannot_be_used_are_listed_never_dropped(tmp_path: Path) -> None:
    table = _csv(
        tmp_path,
        [
            ["序号", "体系编号", "标准编号", "标准名称", "发布日期", "实施日期", "代替标准", "替代标准", "备注", "负责部门"],
            ["1"],
            ["2", "2023-12-20", "Q/QJZX 101-2024", "服务规范", "2024.1.5", "2024.13.1", "Q/QJZX 101-2020", "", "2023-12-20", "综合科"],
            ["3", "", "GB/T 28001-2011", "职业健康安全管理体系 要求", "", "2012-02-01", "", "GB/T 45001-2020", "", ""],
        ],
    )  # fmt: skip
    output = tmp_path / "out.yaml"
    result = run_sbs("import", str(table), "--output", str(output))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "以下 1 行没有标准名称，未导入" in result.stdout
    assert "2024.13.1" in result.stdout and "未使用的列：负责部门" in result.stdout
    assert "替代标准" in result.stdout
    data = read_yaml(output.read_text(encoding="utf-8")).data
    entries = [e for c in data["standards"].values() for v in c.values() if isinstance(v, list) for e in v if isinstance(e, dict) and "number" in e]  # fmt: skip
    service = next(e for e in entries if e["number"] == "Q/QJZX 101-2024")
    assert service["code"] == "2023-12-20" and service["note"].startswith("2023-12-20")
    assert "实施日期：2024.13.1" in service["note"] and service["replaces"] == "Q/QJZX 101-2020"
    assert service["published"] == dt.date(2024, 1, 5)
    old = next(e for e in entries if e["number"] == "GB/T 28001-2011")
    assert "替代标准：GB/T 45001-2020" in old["note"]


def test_a_two_row_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "标准", "标准", "实施日期"])
    sheet.append(["", "编号", "名称", ""])
    sheet.append(["1", "GB/T 29639-2020", "生产经营单位生产安全事故应急预案编制导则", "2020-11-01"])
    path = tmp_path / "t.xlsx"
    book.save(path)
    output = _import(path, tmp_path)
    assert ("support.safety", "GB/T 29639-2020", "生产经营单位生产安全事故应急预案编制导则") in (
        _placed(output)
    )


def test_a_table_without_standards_writes_nothing(tmp_path: Path) -> None:
    table = _csv(tmp_path, [["序号", "标准编号", "标准名称"], [], ["合计"]])
    result = run_sbs("import", str(table), "--output", str(tmp_path / "s.yaml"))
    assert result.returncode == 1 and "没有可导入的标准" in result.stdout
    assert not (tmp_path / "s.yaml").exists()


def test_the_output_folder_is_created(tmp_path: Path) -> None:
    table = _csv(tmp_path, [["标准编号", "标准名称"], ["GB/T 29639-2020", "应急预案编制导则"]])
    output = tmp_path / "clients" / "a" / "system.yaml"
    assert run_sbs("import", str(table), "--output", str(output)).returncode == 0
    assert output.is_file()


UGLY_TABLES = {
    "title-rows-and-sections-at-two-levels": [
        ["某中心标准明细表"],
        ["编制日期：2024年3月"],
        ["序号", "标准编号", "标准名称", "实施日期", "备注"],
        ["一、服务基础标准体系"],
        ["(一)标准化导则"],
        ["1", "GB/T 1.1-2020", "标准化工作导则 第1部分:标准化文件的结构和起草规则", "2020-10-01", "=SUM(A1)"],
        ["2", "GB/T 24421.1-2023", "服务业组织标准化工作指南 第1部分:基本要求", "2023/9/7", "@备注"],
        ["二、服务保障标准体系"],
        ["3", "Q/X 301-2024", "人事管理制度", "2024年3月1日", "-"],
        ["小计", "", "", "", ""],
        ["三、岗位工作标准体系"],
        ["4", "Q/X 401-2024", "主任岗位工作标准", "45292", "2024-01-01"],
        ["5", "Q/X 402-2024", "会计工作规范: 出纳", "", "true"],
        ["", "", "", "", ""],
        ["6", "", "待定的新标准", "", "null"],
    ],
}  # fmt: skip


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
@pytest.mark.parametrize("name", list(UGLY_TABLES))
def test_ugly_tables_import_every_data_row_into_a_valid_file(
    tmp_path: Path, name: str, encoding: str
) -> None:
    rows = UGLY_TABLES[name]
    table = _csv(tmp_path, rows, encoding)
    output = _import(table, tmp_path)
    data_rows = [r for r in rows if len(r) > 2 and r[0].isdigit()]
    assert len(_placed(output)) == len(data_rows)


def test_a_carriage_return_inside_a_csv_cell(tmp_path: Path) -> None:
    """Found by fuzz/fuzz_import.py: a bare CR in a cell stopped the csv reader (issue 13)."""
    table = tmp_path / "t.csv"
    table.write_bytes("标准编号,标准名称\nQ/X 401-2024,主任\r岗位工作标准\n".encode())
    output = _import(table, tmp_path)
    assert _placed(output)[0][1] == "Q/X 401-2024"


def test_a_title_that_starts_with_an_equals_sign(tmp_path: Path) -> None:
    """Found by the long hypothesis profile: ``=?`` read back as YAML 1.1's value key (#13)."""
    table = tmp_path / "t.csv"
    table.write_bytes("标准编号,标准名称\nQ/X 401-2024,=?\n".encode())
    output = _import(table, tmp_path)
    assert _placed(output)[0][2] == "=?"


def test_a_totals_row_ends_its_section_and_every_inferred_placement_is_listed(
    tmp_path: Path,
) -> None:
    """#22: a post standard after 合计 is not put into the section above; it is placed afresh."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER_A)
    sheet.append(["安全与应急标准"])
    sheet.merge_cells("A2:G2")
    sheet.append([1, None, "Q/QJ 350-2024", "突发事件应急预案", None, None, None])
    sheet.append(["合计", None, None, "1 项", None, None, None])
    sheet.append([2, None, "Q/QJ 421-2024", "标准化专员岗位工作标准", None, None, None])
    table = tmp_path / "table.xlsx"
    book.save(table)
    output = tmp_path / "system.yaml"
    result = run_sbs("import", str(table), "--output", str(output))
    assert result.returncode == 0, result.stdout
    assert ("posts.general", "Q/QJ 421-2024", "标准化专员岗位工作标准") in _placed(output)
    [listed] = [line for line in result.stdout.splitlines() if "Q/QJ 421-2024" in line]
    assert "依据名称中的词" in listed
