"""Many agencies at once: parallel batches with one exit code, and the provincial summary."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from conftest import CONFORMING, EXAMPLES, run_sbs

SOURCES = sorted(EXAMPLES.glob("*/system.yaml"))


def _batch(root: Path, count: int) -> None:
    for i in range(count):
        folder = root / f"agency-{i:03d}"
        folder.mkdir(parents=True)
        shutil.copy(SOURCES[i % len(SOURCES)], folder / "system.yaml")
    (root / "agency-broken").mkdir()
    (root / "agency-broken" / "system.yaml").write_text("version: 1\nagency: [\n", encoding="utf-8")
    (root / "extra.sbs.yaml").write_bytes(SOURCES[0].read_bytes())


def test_parallel_batch_gives_the_same_results_in_input_order(tmp_path: Path) -> None:
    _batch(tmp_path, 20)
    one = run_sbs(
        "check", str(tmp_path), "--jobs", "1", "--format", "json", "--as-of", "2026-11-26"
    )
    two = run_sbs(
        "check", str(tmp_path), "--jobs", "2", "--format", "json", "--as-of", "2026-11-26"
    )
    assert one.returncode == two.returncode == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)
    files = json.loads(two.stdout)["files"]
    assert len(files) == 22
    assert [f["path"] for f in files] == sorted(f["path"] for f in files)
    broken = next(f for f in files if "broken" in f["path"])
    assert [x["rule"] for x in broken["findings"]] == ["yaml-syntax"]


def test_a_batch_exits_with_its_highest_code(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(EXAMPLES / "kunming-hightech" / "system.yaml", good / "system.yaml")
    assert run_sbs("check", str(good), "--as-of", "2026-11-26").returncode == 0
    mixed = run_sbs("check", str(good), str(EXAMPLES / "qujing-draft"), "--as-of", "2026-11-26")
    assert mixed.returncode == 1
    missing = run_sbs("check", str(good), str(tmp_path / "nowhere"), "--as-of", "2026-11-26")
    assert missing.returncode == 2 and "kunming" not in missing.stdout


def test_provincial_summary_in_three_formats(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _batch(tmp_path / "province", 4)
    (tmp_path / "province" / "agency-dup").mkdir()
    shutil.copy(CONFORMING, tmp_path / "province" / "agency-dup" / "system.yaml")
    out = tmp_path / "out"
    result = run_sbs(
        "report",
        "--kind",
        "summary",
        "province",
        "--output",
        str(out),
        "--as-of",
        "2026-11-26",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    md = (out / "标准体系建设情况汇总表.md").read_text(encoding="utf-8")
    rows = [line for line in md.splitlines() if line.startswith("| ") and "---" not in line]
    assert len([r for r in rows if "应条款符合率" not in r and "不符合的机构数" not in r]) >= 6
    kunming = next(r for r in rows if r.startswith("| 昆明高新区中小企业公共服务中心 |"))
    assert kunming.startswith(
        "| 昆明高新区中小企业公共服务中心 | 12530100MB1234567Q | 115 | 55.7% | 0 | 0 | 100.0% | — |"
        " 已完成 |"
    )
    assert "文件无法读取" in md and "| **合计** |" in md  # why a file was not read; the totals
    assert str(tmp_path) not in md  # paths relative to where the reviewer stands
    assert "最常见的不符合条款" in md
    assert "相同的统一社会信用代码" in md and "12530100MB1234567Q" in md  # two copies share one
    html = (out / "标准体系建设情况汇总表.html").read_text(encoding="utf-8")
    assert html.count('<tr class="agency">') == 7 and "data-sort" in html and "<script>" in html
    assert '<span class="screen-only">' in html  # the sort hint is not printed
    book = load_workbook(io.BytesIO((out / "标准体系建设情况汇总表.xlsx").read_bytes()))
    assert book.sheetnames[0] == "标准体系建设情况汇总表"
    assert book.active.max_row == 9  # header, seven agencies, totals
    assert (out / "标准体系建设情况汇总表.docx").is_file()
    bad = run_sbs("report", "--kind", "summary", str(tmp_path), "--format", "csv")
    assert bad.returncode == 2
