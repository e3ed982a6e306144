"""`sbs evaluate`: the records, the indicators of SPEC §7 and the self-evaluation report (5.5)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import CONFORMING, EXAMPLES, run_sbs
from sbsguide.evaluate import evaluate

AS_OF = date(2026, 12, 6)
KUNMING_RECORDS = EXAMPLES / "kunming-hightech" / "records.yaml"
# the example's records with gaps: 52 standards trained, P2 open past its due date
PARTIAL_RECORDS = Path(__file__).parent / "fixtures" / "records" / "kunming-partial.yaml"


def _report(
    system: bytes,
    records: str | None,
    *,
    formats: tuple[str, ...] = ("json",),
    period: tuple[date, date] | None = None,
    lang: str = "zh",
) -> dict[str, bytes]:
    kept = (records.encode("utf-8"), "records.yaml") if records is not None else None
    result = evaluate(system, kept, formats, AS_OF, lang, period=period)  # type: ignore[arg-type]
    assert not result.blocking and result.files, result.records_findings
    return dict(result.files)


def _indicators(system: bytes, records: str | None, **kw: Any) -> dict[str, dict[str, Any]]:
    body = _report(system, records, **kw)["标准体系自我评价报告.json"]
    return {i["name"]: i for i in json.loads(body)["indicators"]}


@pytest.fixture(scope="module")
def kunming() -> dict[str, dict[str, Any]]:
    return _indicators(CONFORMING.read_bytes(), PARTIAL_RECORDS.read_text(encoding="utf-8"))


def test_the_indicators_of_the_conforming_example(kunming: dict[str, dict[str, Any]]) -> None:
    """Counted by hand from records.yaml: 52 standards trained, 20 inspected, 5 inspections."""
    figures = {name: (i["numerator"], i["denominator"]) for name, i in kunming.items()}
    assert figures == {
        "体系完整率": (23, 23),
        "现行有效率": (115, 115),
        "宣贯率": (52, 115),
        "实施检查覆盖率": (20, 115),
        "实施符合率": (3, 5),
        "岗位标准覆盖率": (10, 10),
        "服务过程覆盖率": (11, 11),
        "顾客满意度": (108, 120),  # pooled: 49 + 59 of 56 + 64
        "问题整改率": (2, 3),
    }
    assert kunming["宣贯率"]["value"] == 52 / 115  # unrounded
    assert kunming["宣贯率"]["name_en"] == "training rate"
    assert len(kunming["实施检查覆盖率"]["missing"]) == 95
    assert (
        "GB/T 1.1—2020 标准化工作导则 第1部分:标准化文件的结构和起草规则"
        in kunming["宣贯率"]["missing"]
    )
    # 基本符合 and 不符合 shown beside, never counted as 符合
    assert kunming["实施符合率"]["beside"] == {"partly": 1, "nonconforming": 1}
    assert kunming["问题整改率"]["missing"] == [
        "P2 部分岗位工作标准的考核指标不可量化（2024-12-31）"
    ]


def test_without_records_only_the_indicators_that_need_none_have_figures() -> None:
    found = _indicators(CONFORMING.read_bytes(), None)
    assert found["体系完整率"]["value"] == 1.0 and found["服务过程覆盖率"]["value"] == 1.0
    for name in ("宣贯率", "实施检查覆盖率", "实施符合率", "顾客满意度", "问题整改率"):
        assert found[name]["value"] is None and found[name]["no_records"] is True, name
    md = _report(CONFORMING.read_bytes(), None, formats=("md",))["标准体系自我评价报告.md"]
    assert "无记录" in md.decode()


RECORDS = """\
version: 1
trainings:
  - {date: 2024-03-05, standards: [GB/T 24421.1, Q/KMGX 001-2024, 服务场所标识设置规范]}
  - {date: 2024-03-06, standards: [GB/T 24421.2-2009]}   # another edition: not this system's
  - {date: 2024-08-01, standards: [Q/KMGX 003-2024]}     # after the trial
  - {date: 2027-01-01, standards: [Q/KMGX 004-2024]}     # after the check date: counts nowhere
inspections: []
surveys:
  - {period: 2024年4月1日至2024年6月30日, responses: 0, satisfied: 0}
evaluation:
  problems:
    - {problem: 台账不全, action: 补齐, owner: 李娜, due: 2024-09-30, status: 已完成}
"""


def test_records_match_by_number_edition_and_title_within_the_period() -> None:
    found = _indicators(CONFORMING.read_bytes(), RECORDS)
    # GB/T 24421.1 (no year), Q/KMGX 001-2024, and a title; not the 2009 edition, not August
    assert found["宣贯率"]["numerator"] == 3
    # no inspection, no response: a zero denominator has no value (不适用)
    assert found["实施符合率"]["denominator"] == 0 and found["实施符合率"]["value"] is None
    assert found["顾客满意度"]["value"] is None
    assert found["问题整改率"]["value"] == 1.0  # 已完成 is closed
    # --period takes the August training in, never the one after the check date
    wide = _indicators(
        CONFORMING.read_bytes(), RECORDS, period=(date(2024, 1, 1), date(2027, 12, 31))
    )
    assert wide["宣贯率"]["numerator"] == 4


def test_the_conclusion_never_says_conforming_while_a_shall_clause_is_unmet() -> None:
    system = (EXAMPLES / "qujing-draft" / "system.yaml").read_bytes()
    body = json.loads(_report(system, RECORDS)["标准体系自我评价报告.json"])
    assert "尚不符合指南的要求" in body["conclusion"]
    assert "符合指南中可检查的要求" not in body["conclusion"]
    sources = {p["source"] for p in body["problems"]}
    assert sources == {"自我评价", "体系检查"}  # the records' problems and the check's
    bare = _report(system, None, formats=("md",))["标准体系自我评价报告.md"].decode()
    actions = bare.split("## 8 改进措施")[1].split("## 9")[0]
    assert "未记录改进措施" in actions  # never a bare 无 while clause 7 lists problems
    kunming = json.loads(
        _report(CONFORMING.read_bytes(), PARTIAL_RECORDS.read_text(encoding="utf-8"))[
            "标准体系自我评价报告.json"
        ]
    )
    assert "符合指南中可检查的要求" in kunming["conclusion"]
    assert "1 项问题尚未完成整改" in kunming["conclusion"]  # P2, open


def test_the_teams_own_conclusion_is_used_as_written() -> None:
    records = RECORDS + '  conclusion: "标准体系运行有效，同意申请验收。"\n'
    body = json.loads(_report(CONFORMING.read_bytes(), records)["标准体系自我评价报告.json"])
    assert body["conclusion"] == "标准体系运行有效，同意申请验收。"


def test_the_report_in_word_and_excel_reads_as_the_guide_asks() -> None:
    from docx import Document
    from openpyxl import load_workbook

    files = _report(
        CONFORMING.read_bytes(),
        PARTIAL_RECORDS.read_text(encoding="utf-8"),
        formats=("docx", "xlsx", "html", "md"),
    )
    document = Document(io.BytesIO(files["标准体系自我评价报告.docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "1 基本情况",
        "2 评价依据",
        "3 评价组织与方法",
        "4 标准体系评价",
        "5 标准实施评价",
        "6 顾客满意度",
        "7 存在的问题",
        "8 改进措施",
        "9 评价结论",
        "附表A 实施检查记录汇总",
        "附表B 未实施标准清单",
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "GB/T 24421.4—2023" in text and "sbs" not in text.replace("sbsguide", "")
    [indicators] = [t for t in document.tables if t.rows[0].cells[0].text == "指标"]
    assert (
        indicators.rows[3].cells[0].text == "宣贯率" and indicators.rows[3].cells[4].text == "45.2%"
    )
    [actions] = [t for t in document.tables if t.rows[0].cells[-1].text == "验证"]
    assert [r.cells[5].text for r in actions.rows[1:]] == ["已完成", "逾期未完成", "已完成"]
    book = load_workbook(io.BytesIO(files["标准体系自我评价报告.xlsx"]))
    assert book.sheetnames[:4] == ["封面", "报告正文", "基本情况", "评价组织与方法"]
    assert "表2 评价指标" in book.sheetnames
    html = files["标准体系自我评价报告.html"].decode()
    assert "<h2>9 评价结论</h2>" in html and "45.2%" in html


def test_the_english_twin() -> None:
    files = _report(
        CONFORMING.read_bytes(),
        PARTIAL_RECORDS.read_text(encoding="utf-8"),
        formats=("md", "json"),
        lang="en",
    )
    md = files["self-evaluation-report.md"].decode()
    conclusion = md.split("## 9 Conclusion")[1].split("## Annex")[0]
    assert "training rate 45.2%" in conclusion and "problems still open: 1" in conclusion
    assert not any("\u4e00" <= c <= "\u9fff" for c in conclusion)  # no Chinese left in it
    body = json.loads(files["self-evaluation-report.json"])
    # the records' own problems, and what the check finds in them (standards never trained on)
    assert {p["source"] for p in body["problems"]} == {"self-evaluation", "system check"}
    checked = [p for p in body["problems"] if p["source"] == "system check"]
    assert all(p["clause"] == "5.5.1" for p in checked), checked


def test_the_command_finds_the_records_beside_the_system(tmp_path: Path) -> None:
    result = run_sbs(
        "evaluate",
        str(EXAMPLES / "kunming-hightech"),
        "--format",
        "json",
        "--output",
        str(tmp_path),
        "--as-of",
        "2026-12-06",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    body = json.loads((tmp_path / "标准体系自我评价报告.json").read_text(encoding="utf-8"))
    assert body["indicators"][2]["numerator"] == 115  # records.yaml was read: all trained


def test_broken_records_are_located_findings_and_exit_1(tmp_path: Path) -> None:
    system = tmp_path / "system.yaml"
    system.write_bytes(CONFORMING.read_bytes())
    (tmp_path / "records.yaml").write_text(
        "version: 1\ninspections:\n  - {date: 2024-04-10, result: 很好}\n", encoding="utf-8"
    )
    result = run_sbs("evaluate", str(system), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "records.yaml:3:" in result.stdout and "schema" in result.stdout
    assert not (tmp_path / "out").exists()
    bad = run_sbs("evaluate", str(system), "--period", "2024-13-01/2024-06-30")
    assert bad.returncode == 2 and "评价期间" in bad.stderr


def test_the_template_workbook_lists_the_standards_and_offers_choices(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    system = tmp_path / "system.yaml"
    system.write_bytes(CONFORMING.read_bytes())
    assert run_sbs("evaluate", str(tmp_path), "--template").returncode == 0
    book = load_workbook(tmp_path / "实施与评价记录.xlsx")
    assert book.sheetnames == ["宣贯培训", "实施检查", "满意度调查", "问题与改进", "标准清单"]
    standards = [row for row in book["标准清单"].iter_rows(min_row=2, values_only=True)]
    assert len(standards) == 115 and standards[0][0] == "GB/T 1.1-2020"
    choices = [v.formula1 for v in book["实施检查"].data_validations.dataValidation]
    assert '"符合,基本符合,不符合"' in choices
    assert book["实施检查"].print_title_rows == "$1:$1"
    again = run_sbs("evaluate", str(tmp_path), "--template")
    assert again.returncode == 2  # never overwritten
    assert run_sbs("evaluate", str(tmp_path), "--template", "--format", "yaml").returncode == 0
    written = (tmp_path / "records.yaml").read_text(encoding="utf-8")
    assert "#   Q/KMGX 426-2024  会计岗位工作标准" in written
    # the template as written loads, and evaluates
    result = run_sbs("evaluate", str(tmp_path), "--format", "json", "--output", str(tmp_path))
    assert result.returncode == 0, result.stdout


def test_the_records_schema_is_committed_and_accepts_what_the_check_accepts() -> None:
    from conftest import ROOT
    from sbsguide.loader import read_yaml

    jsonschema = pytest.importorskip("jsonschema")
    result = run_sbs("schema", "--records")
    committed = (ROOT / "schemas" / "records.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed
    validator = jsonschema.Draft202012Validator(json.loads(committed))
    for text in (KUNMING_RECORDS.read_text(encoding="utf-8"), RECORDS):
        data = read_yaml(text).data
        validator.validate(json.loads(json.dumps(data, default=str)))  # Chinese values, 至
    bad = read_yaml("inspections:\n  - {date: 2024-04-10, result: 很好}\n").data
    assert not validator.is_valid(json.loads(json.dumps(bad, default=str)))


def test_a_records_file_that_is_not_a_regular_file_is_a_usage_error(tmp_path: Path) -> None:
    """A FIFO, a folder or a dangling link at records.yaml is named, never silently left out."""
    import os

    (tmp_path / "system.yaml").write_bytes(CONFORMING.read_bytes())
    records = tmp_path / "records.yaml"
    for make, words in (
        (lambda: os.mkfifo(records), "FIFO"),
        (lambda: records.mkdir(), "目录"),
        (lambda: records.symlink_to(tmp_path / "gone.yaml"), "路径不存在"),
    ):
        make()
        result = run_sbs("evaluate", str(tmp_path), "--output", str(tmp_path / "out"))
        assert result.returncode == 2 and words in result.stderr, result.stderr
        assert not (tmp_path / "out").exists()
        records.rmdir() if records.is_dir() and not records.is_symlink() else records.unlink()


def test_the_template_goes_into_a_named_folder(tmp_path: Path) -> None:
    (tmp_path / "system.yaml").write_bytes(CONFORMING.read_bytes())
    folder = tmp_path / "forms"
    folder.mkdir()
    result = run_sbs("evaluate", str(tmp_path), "--template", "--output", str(folder))
    assert result.returncode == 0 and (folder / "实施与评价记录.xlsx").is_file()


def test_check_reads_the_records_beside_the_system_as_a_file_of_its_own(tmp_path: Path) -> None:
    """`sbs check` judges the records it finds beside the system (SPEC §7), located in them."""
    system = tmp_path / "kunming.sbs.yaml"
    system.write_bytes(CONFORMING.read_bytes())
    records = tmp_path / "kunming.records.yaml"
    records.write_text(
        PARTIAL_RECORDS.read_text(encoding="utf-8").replace(
            "Q/KMGX 001, Q/KMGX 002", "Q/KMGX 001-2019, Q/KMGX 002"
        ),
        encoding="utf-8",
    )
    result = run_sbs("check", str(tmp_path), "--format", "json", "--as-of", "2026-11-26")
    assert result.returncode == 0, result.stdout  # warnings only
    own, kept = json.loads(result.stdout)["files"]
    assert kept["path"] == str(records)
    assert [(f["rule"], f["line"]) for f in own["findings"] if not f["waived"]] == [
        ("implementation-records", 94),
        ("implementation-records", 180),
        ("implementation-records", 228),
    ]
    assert [(f["rule"], f["line"], f["message"]) for f in kept["findings"]] == [
        (
            "implementation-records",
            9,
            "记录中的标准“Q/KMGX 001-2019”不在标准体系中，是否应为“Q/KMGX 001-2024”？",
        ),
        (
            "implementation-records",
            61,
            "问题“P2”的完成时限 2024-12-31 已过(检查日期 2026-11-26)，仍未完成",
        ),
    ]
    records.write_text("trainings: [\n", encoding="utf-8")  # broken: its own error, exit 1
    broken = run_sbs("check", str(system), "--as-of", "2026-11-26")
    assert broken.returncode == 1 and "kunming.records.yaml:2:1: 错误[yaml-syntax]" in broken.stdout
    records.unlink()
    records.mkdir()  # not a file: said, as any path that cannot be read
    unreadable = run_sbs("check", str(system), "--as-of", "2026-11-26")
    assert unreadable.returncode == 2 and "kunming.records.yaml" in unreadable.stdout
    assert "Traceback" not in unreadable.stdout + unreadable.stderr
    from_stdin = run_sbs("check", "-", "--as-of", "2026-11-26", stdin=CONFORMING.read_bytes())
    assert "implementation-records" not in from_stdin.stdout  # no folder: not looked for


def _filled_workbook(folder: Path) -> Path:
    """The template a person filled: a title row inserted, standards typed with 、, a bad date."""
    from datetime import datetime

    from openpyxl import load_workbook

    written = run_sbs("evaluate", "--template", str(folder), "--as-of", "2026-11-26")
    assert written.returncode == 0, written.stdout + written.stderr
    path = folder / "实施与评价记录.xlsx"
    book = load_workbook(path)

    def fill(sheet: str, row: list[Any]) -> None:  # as a person types: the next empty row
        rows = book[sheet]
        at = next(r for r in range(2, 600) if rows.cell(r, 1).value is None)
        for column, value in enumerate(row, 1):
            rows.cell(at, column, value)

    trainings = book["宣贯培训"]
    trainings.insert_rows(1)
    trainings["A1"] = "2024 年标准宣贯培训记录"  # a title above the header: still found
    fill(
        "宣贯培训", [datetime(2024, 3, 5), "总体宣贯", "Q/KMGX 001、Q/KMGX 002，GB/T 24421.1-2009"]
    )
    fill("宣贯培训", ["2024年3月12日", "实施标准", "Q/KMGX 210", 15, "王明"])
    fill("实施检查", ["2024-13-01", "张强", "企业服务部", "Q/KMGX 210", "基本符合"])
    fill("实施检查", [datetime(2024, 4, 24), "李娜", "综合管理部", "Q/KMGX 301", "符合"])
    fill("满意度调查", [datetime(2024, 4, 1), datetime(2024, 6, 30), "问卷", 120, 108])
    fill(
        "问题与改进",
        ["P1", "台账未按规定填写", "6.3.2", "专项培训", "张强", datetime(2024, 8, 31), "已完成"],
    )
    book.save(path)
    return path


def test_the_filled_workbook_is_read_as_the_records(tmp_path: Path) -> None:
    """check and evaluate read the workbook: each finding at its sheet's row and column."""
    (tmp_path / "system.yaml").write_bytes(CONFORMING.read_bytes())
    workbook = _filled_workbook(tmp_path)
    result = run_sbs("check", str(tmp_path), "--format", "json", "--as-of", "2026-11-26")
    _, kept = json.loads(result.stdout)["files"]
    assert kept["path"] == str(workbook)
    assert [(f["rule"], f["line"], f["column"], f["message"]) for f in kept["findings"]] == [
        (
            "schema",
            2,
            1,
            "“实施检查”表：" + kept["findings"][0]["message"].split("表：", 1)[1],
        )
    ]
    assert kept["findings"][0]["message"] == "“实施检查”表：“日期”不是有效日期：“2024-13-01”"
    assert result.returncode == 1  # a record that cannot be read is an error
    # the date put right, the workbook's records count: 2 trainings, 2 inspections, 1 survey
    from openpyxl import load_workbook

    book = load_workbook(workbook)
    book["实施检查"]["A2"] = "2024-04-10"
    book.save(workbook)
    checked = run_sbs("check", str(tmp_path), "--format", "json", "--as-of", "2026-11-26")
    _, kept = json.loads(checked.stdout)["files"]
    assert [(f["line"], f["column"], f["message"]) for f in kept["findings"]] == [
        (
            3,
            3,
            "“宣贯培训”表：记录中的标准“GB/T 24421.1-2009”不在标准体系中，是否应为“GB/T 24421.1-2023”？",
        )
    ]
    out = tmp_path / "out"
    evaluated = run_sbs(
        "evaluate", str(tmp_path), "--format", "json", "--output", str(out), "--as-of", "2026-11-26"
    )
    assert evaluated.returncode == 0, evaluated.stdout + evaluated.stderr
    body = json.loads((out / "标准体系自我评价报告.json").read_text(encoding="utf-8"))
    figures = {i["name"]: (i["numerator"], i["denominator"]) for i in body["indicators"]}
    assert figures["宣贯率"] == (3, 115)  # Q/KMGX 001, 002, 210; not the 2009 edition
    assert figures["实施符合率"] == (1, 2) and figures["顾客满意度"] == (108, 120)
    assert figures["问题整改率"] == (1, 1)
    # beside a records.yaml the YAML is preferred (SPEC §7)
    (tmp_path / "records.yaml").write_text("version: 1\n", encoding="utf-8")
    preferred = run_sbs("check", str(tmp_path), "--format", "json", "--as-of", "2026-11-26")
    assert json.loads(preferred.stdout)["files"][1]["path"] == str(tmp_path / "records.yaml")


def test_a_file_that_is_no_workbook_is_one_located_error(tmp_path: Path) -> None:
    (tmp_path / "system.yaml").write_bytes(CONFORMING.read_bytes())
    (tmp_path / "实施与评价记录.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    result = run_sbs("check", str(tmp_path), "--as-of", "2026-11-26")
    assert result.returncode == 1 and "无法作为 Excel 工作簿(.xlsx)读取" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


RUBRIC = EXAMPLES / "rubric-example.yaml"


def test_the_example_rubric_is_scored_from_the_indicators_and_the_check(tmp_path: Path) -> None:
    result = run_sbs(
        "evaluate", str(EXAMPLES / "kunming-hightech"), "--rubric", str(RUBRIC),
        "--format", "json,docx,xlsx,html", "--output", str(tmp_path), "--as-of", "2026-11-26",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    body = json.loads((tmp_path / "自评计分表.json").read_text(encoding="utf-8"))
    scores = {i["id"]: i["score"] for i in body["items"]}
    # every indicator 100 % but inspection coverage 48/115 (proportional: 10 × 0.417 = 4.2)
    # and problems closed 3/4 (short of the 100 % item 11 asks: no points)
    assert scores == {
        "1": 5, "2": 5, "3": 15, "4": 10, "5": 10, "6": 10, "7": 10, "8": 4.2, "9": 10,
        "10": 5, "11": 0, "12": None,
    }  # fmt: skip
    assert (body["points"], body["score"], body["to_assess"]) == (100, 84.2, 1)
    assert body["items"][7]["evidence"] == "实施检查覆盖率 41.7%（48/115）"
    from docx import Document

    word = Document(str(tmp_path / "自评计分表.docx"))
    scores_table, checklist = word.tables[-2:]
    assert [c.text for c in scores_table.rows[8].cells[:4]] == ["8", "标准实施检查", "10", "4.2"]
    assert scores_table.rows[-1].cells[3].text == "84.2"
    assert [c.text for c in checklist.rows[1].cells] == [
        "12", "标准文本规范、受控发放", "5", "标准发布文件、受控发放登记表、现场抽查 3 份标准文本", "☐", "",
    ]  # fmt: skip
    assert "示例，非官方" in (tmp_path / "自评计分表.html").read_text(encoding="utf-8")


def test_a_rule_item_cites_what_the_check_found_and_a_workbook_rubric_reads_the_same(
    tmp_path: Path,
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["某评估机构 标准化试点自评细则"])  # a title row above the header
    sheet.append(["序号", "评价项目", "分值", "评价指标", "达标值", "检查规则", "需附证据"])
    sheet.append(["1", "试运行满3个月", 10, None, None, "trial-period", None])
    sheet.append(["2", "服务过程有标准", 10, "服务过程覆盖率", "80%", None, None])
    sheet.append(["3", "现场抽查", 5, None, None, None, "现场照片"])
    rubric = tmp_path / "细则.xlsx"
    book.save(rubric)
    result = run_sbs(
        "evaluate", str(EXAMPLES / "qujing-draft"), "--rubric", str(rubric), "--format", "json",
        "--output", str(tmp_path / "out"), "--as-of", "2026-11-26",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    body = json.loads((tmp_path / "out" / "自评计分表.json").read_text(encoding="utf-8"))
    trial, services, manual = body["items"]
    assert trial["score"] == 0 and trial["evidence"].startswith("体系检查发现 1 项问题：试运行从")
    assert services["how"] == "达到 80.0% 得满分" and manual["score"] is None


def test_a_wrong_rubric_is_located_and_nothing_is_written(tmp_path: Path) -> None:
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(
        "items:\n  - {item: 宣贯, points: 10, indicator: 宣贯覆盖率}\n  - {item: x}\n",
        encoding="utf-8",
    )
    result = run_sbs(
        "evaluate", str(EXAMPLES / "kunming-hightech"), "--rubric", str(rubric),
        "--output", str(tmp_path / "out"),
    )  # fmt: skip
    assert result.returncode == 1, result.stdout
    assert f"{rubric}:2:" in result.stdout and "宣贯率" in result.stdout  # the names allowed
    assert f"{rubric}:3:" in result.stdout  # points missing
    assert not (tmp_path / "out").exists()
    assert "Traceback" not in result.stdout + result.stderr


def test_the_indicators_are_shown_per_sub_system() -> None:
    md = _report(
        CONFORMING.read_bytes(), PARTIAL_RECORDS.read_text(encoding="utf-8"), formats=("md",)
    )["标准体系自我评价报告.md"].decode()
    table = md.split("**表3 各子体系的指标**")[1].split("**表4")[0]
    assert "| 子体系 | 体系完整率 | 宣贯率 | 实施检查覆盖率 |" in table
    # the sub-systems add up to the whole: 8 + 21 + 13 + 10 = 52 trained of 39 + 32 + 34 + 10
    assert "| 服务基础标准体系 | 100.0%（6/6） | 20.5%（8/39） | 2.6%（1/39） |" in table
    assert "| 岗位工作标准体系 | 100.0%（3/3） | 100.0%（10/10） | 40.0%（4/10） |" in table


def test_the_examples_indicators_equal_a_hand_computation_from_its_records(tmp_path: Path) -> None:
    """Counted here without sbs's code: plain YAML, numbers compared without their year."""
    import re

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    records = yaml.load(KUNMING_RECORDS.read_text(encoding="utf-8"))
    system_text = CONFORMING.read_text(encoding="utf-8")
    # the standards block only (the document block has a number of its own); none is withdrawn
    system_text = system_text.split("\nstandards:", 1)[1].split("\nwaivers:", 1)[0]
    in_force = {
        re.sub(r"[-—]\d{4}$", "", n.strip()) for n in re.findall(r"number: ([^,}\n]+)", system_text)
    }

    def bare(reference: str) -> str:
        return re.sub(r"[-—]\d{4}$", "", str(reference).strip())

    trained = {bare(r) for t in records["trainings"] for r in t["standards"]} & in_force
    inspected = {bare(r) for i in records["inspections"] for r in i["standards"]} & in_force
    results = [i["result"] for i in records["inspections"]]
    surveys = records["surveys"]
    problems = records["evaluation"]["problems"]
    result = run_sbs(
        "evaluate", str(EXAMPLES / "kunming-hightech"), "--format", "json",
        "--output", str(tmp_path), "--as-of", "2026-11-26",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    body = json.loads((tmp_path / "标准体系自我评价报告.json").read_text(encoding="utf-8"))
    figures = {i["name"]: (i["numerator"], i["denominator"]) for i in body["indicators"]}
    assert len(in_force) == 115
    assert figures["宣贯率"] == (len(trained), 115)
    assert figures["实施检查覆盖率"] == (len(inspected), 115)
    assert figures["实施符合率"] == (results.count("符合"), len(results))
    assert len(results) >= 40
    assert figures["顾客满意度"] == (
        sum(s["satisfied"] for s in surveys),
        sum(s["responses"] for s in surveys),
    )
    assert figures["问题整改率"] == (
        sum(p["status"] == "已完成" for p in problems),
        len(problems),
    )
    overdue = next(i for i in body["indicators"] if i["name"] == "问题整改率")["missing"]
    assert overdue == ["P4 信息平台数据更新不及时（2024-12-31）"]


def test_a_workbook_missing_sheets_or_with_unknown_columns_says_what_it_did_not_read(
    tmp_path: Path,
) -> None:
    from openpyxl import Workbook

    (tmp_path / "system.yaml").write_bytes(CONFORMING.read_bytes())
    book = Workbook()
    sheet = book.active
    sheet.title = "检查记录"  # not the template's name: found by its header
    sheet.append(["检查日期", "检查人", "检查范围", "检查的标准", "检查结论", "整改期限说明"])
    sheet.append(["2024-04-10", "张强", "服务大厅", "Q/KMGX 210", "符合", "无"])
    sheet.append([None, None, None, None, None, None])  # a blank row: skipped
    book.save(tmp_path / "实施与评价记录.xlsx")
    result = run_sbs("check", str(tmp_path), "--format", "json", "--as-of", "2026-11-26")
    _, kept = json.loads(result.stdout)["files"]
    said = [
        (f["key"] if "key" in f else f["rule"], f["line"], f["message"]) for f in kept["findings"]
    ]
    messages = [m for _, _, m in said]
    assert "“检查记录”表的列“整改期限说明”不是可识别的表头，该列未读取" in " ".join(messages)
    for missing in ("宣贯培训", "满意度调查", "问题与改进"):
        assert f"记录表中没有“{missing}”表，这类记录按没有记录处理" in messages
    out = tmp_path / "out"
    evaluated = run_sbs(
        "evaluate", str(tmp_path), "--format", "json", "--output", str(out), "--as-of", "2026-11-26"
    )
    assert evaluated.returncode == 0, evaluated.stdout
    body = json.loads((out / "标准体系自我评价报告.json").read_text(encoding="utf-8"))
    figures = {i["name"]: (i["numerator"], i["denominator"]) for i in body["indicators"]}
    assert figures["实施符合率"] == (1, 1)  # the one inspection was read
