"""Project configuration and user catalogues (#16): found like a linter's, layered, explained."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from conftest import AS_OF, CONFORMING, run_sbs

DATE = ("--as-of", AS_OF.isoformat())


def _project(root: Path, config: str) -> Path:
    """A repository with .sbs/config.yaml at its root and a system two folders down."""
    (root / ".sbs").mkdir(parents=True)
    (root / ".sbs" / "config.yaml").write_text(config, encoding="utf-8")
    system = root / "clients" / "a" / "system.yaml"
    system.parent.mkdir(parents=True)
    shutil.copy(CONFORMING, system)
    return system


def _rules(result: object) -> list[tuple[str, str]]:
    document = json.loads(result.stdout)  # type: ignore[attr-defined]
    return [(f["rule"], f["severity"]) for f in document["files"][0]["findings"]]


def test_a_configuration_in_a_parent_folder_decides_and_flags_override(tmp_path: Path) -> None:
    text = CONFORMING.read_text(encoding="utf-8").replace(
        "{name: 融资对接, class: 投融资服务, demand: 企业融资促进}",
        "{name: 融资对接, class: 投融资服务}",
    )
    system = _project(tmp_path, "severity: {key-demands: error}\nignore: [dates]\n")
    system.write_text(text, encoding="utf-8")
    raised = run_sbs("check", str(system), "--format", "json", *DATE, cwd=tmp_path)
    assert ("key-demands", "error") in _rules(raised) and raised.returncode == 1
    flagged = run_sbs("check", str(system), "--format", "json", "--ignore", "key-demands", *DATE)
    assert "key-demands" not in {r for r, _ in _rules(flagged)}
    shown = run_sbs("check", str(system), "--show-config", cwd=tmp_path / "clients")
    assert shown.returncode == 0
    assert "key-demands: error" in shown.stdout
    assert f"{tmp_path / '.sbs' / 'config.yaml'}:1" in shown.stdout  # where it came from
    assert "lang: zh    [default]" in shown.stdout


def test_a_bad_key_is_a_located_usage_error_with_a_suggestion(tmp_path: Path) -> None:
    system = _project(tmp_path, "strict: false\nignor: [dates]\n")
    result = run_sbs("check", str(system), cwd=tmp_path)
    assert result.returncode == 2
    assert f"{tmp_path / '.sbs' / 'config.yaml'}:2:1" in result.stderr
    assert "是否应为“ignore”" in result.stderr


def test_an_error_is_never_lowered_below_warning(tmp_path: Path) -> None:
    system = _project(tmp_path, "severity:\n  trial-period: info\n")
    result = run_sbs("check", str(system))
    assert result.returncode == 2 and ":2:" in result.stderr and "不能降为 info" in result.stderr


def test_lang_and_strict_come_from_the_configuration_nearest_here(tmp_path: Path) -> None:
    system = _project(tmp_path, "lang: en\nstrict: true\n")
    result = run_sbs("check", str(system), *DATE, cwd=tmp_path)
    assert "Checked 1 file(s)" in result.stdout
    zh = run_sbs("check", str(system), "--lang", "zh", *DATE, cwd=tmp_path)
    assert "共检查 1 个文件" in zh.stdout


def _standards_list(folder: Path, kind: str) -> Path:
    rows = [
        ["国家标准清单"],
        ["序号", "标准号", "标准名称", "状态", "发布日期", "实施日期", "代替标准号", "被代替标准号"],
        ["1", "SB/T 10001-2023", "某行业服务规范", "现行", "2023-05-01", "2023-12-01", "", ""],
        ["2", "GB/T 19001-2016", "质量管理体系 要求", "废止", "2016-12-30", "2017-07-01", "GB/T 19001-2008", ""],
        ["3", "GB/T 99999-2020", "一个被代替的标准", "被代替", "", "2020-01-01", "", "GB/T 99999-2024"],
        ["4", "无编号", "读不出的行", "现行", "", "", "", ""],
    ]  # fmt: skip
    if kind == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        path = folder / "list.csv"
        path.write_bytes(buffer.getvalue().encode("gb18030"))
        return path
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = folder / "list.xlsx"
    book.save(path)
    return path


def test_a_standards_list_becomes_a_user_catalogue_the_check_uses(tmp_path: Path) -> None:
    for kind in ("xlsx", "csv"):
        root = tmp_path / kind
        system = _project(root, "catalogues: [catalogue.yaml]\n")
        (root / ".sbs" / "config.yaml").write_text("# none yet\n", encoding="utf-8")
        text = CONFORMING.read_text(encoding="utf-8").replace(
            "      - {code: BZ09-004, number: Q/KMGX 380-2024, name: 服务质量管理规范, implemented: 2024-02-01}\n",
            "      - {code: BZ09-004, number: SB/T 10001-2023, name: 某行业服务规范}\n",
        )
        system.write_text(text, encoding="utf-8")
        before = run_sbs("check", str(system), "--format", "json", *DATE)
        assert ("unknown-standard", "info") in _rules(before)
        listed = _standards_list(root, kind)
        made = run_sbs(
            "catalog", "import", str(listed), "--output", str(root / ".sbs" / "catalogue.yaml")
        )
        assert made.returncode == 0, made.stderr
        assert "新增 3 个版本" in made.stdout and "无编号" in made.stdout
        assert "按代替它的新标准处理" in made.stdout
        # the line to paste, relative to .sbs/ where the configuration lives (#22)
        assert "  catalogues: [catalogue.yaml]" in made.stdout and ".sbs/.sbs" not in made.stdout
        (root / ".sbs" / "config.yaml").write_text(
            "# the province's list\ncatalogues: [catalogue.yaml]\n", encoding="utf-8"
        )
        after = run_sbs("check", str(system), "--format", "json", *DATE)
        rules = _rules(after)
        assert ("unknown-standard", "info") not in rules  # now verified
        assert ("superseded-standard", "error") in rules  # GB/T 19001-2016 is 废止 there
        document = json.loads(after.stdout)
        assert document["catalogues"] == ["sbs", str((root / ".sbs" / "catalogue.yaml").resolve())]
        shown = run_sbs("catalog", "10001", cwd=root)
        assert "catalogue.yaml" in shown.stdout
        again = run_sbs(
            "catalog", "import", str(listed), "--output", str(root / ".sbs" / "catalogue.yaml")
        )
        assert "新增 0 个版本，更新 0 个版本" in again.stdout
        assert "已列出该文件" in again.stdout
        kept = (root / ".sbs" / "catalogue.yaml").read_text(encoding="utf-8")
        assert kept.startswith("# A user catalogue")  # comments survive a merge


def test_stale_entries_and_the_catalogue_date() -> None:
    stale = run_sbs("catalog", "--stale")
    assert stale.returncode == 0 and "自带目录编制于 2026-11-27" in stale.stdout
    assert stale.stdout.index("置信度 低") < stale.stdout.index("置信度 中")
    assert "catalogue 2026-11-27" in run_sbs("--version").stdout


def test_a_configuration_error_is_said_in_the_runs_language(tmp_path: Path) -> None:
    system = _project(tmp_path, "ignor: [dates]\n")
    result = run_sbs("check", str(system), "--lang", "en")
    assert result.returncode == 2 and 'did you mean "ignore"?' in result.stderr
    assert "未知" not in result.stderr


def test_catalog_import_reports_undated_rows(tmp_path: Path) -> None:
    listed = tmp_path / "list.csv"
    listed.write_text(
        "标准号,标准名称\nGB/T 9999,无年代号的标准\nGB/T 9998-2020,有年代号的标准\n",
        encoding="utf-8",
    )
    made = run_sbs("catalog", "import", str(listed), "--output", str(tmp_path / "c.yaml"))
    assert made.returncode == 0, made.stderr
    assert "1 行的标准号没有年代号" in made.stdout
    [row] = [line for line in made.stdout.splitlines() if "GB/T 9999" in line]
    assert row.split() == ["2", "GB/T", "9999"]
    english = run_sbs(
        "catalog", "import", str(listed), "--output", str(tmp_path / "d.yaml"), "--lang", "en"
    )
    assert "1 rows have a number without a year" in english.stdout


def test_every_configuration_message_names_only_arguments_it_is_given() -> None:
    """A brace in a message's text is written {{ }}: ``summary: [a]`` once crashed on one."""
    import string

    from sbsguide.config_words import WORDS

    given = {"reason", "key", "suggestion", "name", "value", "place", "detail", "limit", "expected"}
    for word, texts in WORDS.items():
        for text in texts:
            names = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            assert names <= given, (word, names - given)


def test_a_summary_block_of_the_wrong_shape_is_a_located_usage_error(tmp_path: Path) -> None:
    system = _project(tmp_path, "summary: [a]\n")
    result = run_sbs("report", "--kind", "summary", str(system.parent), "--format", "md",
                     "--output", str(tmp_path / "out"), cwd=tmp_path)  # fmt: skip
    assert result.returncode == 2 and "submitter" in result.stderr
