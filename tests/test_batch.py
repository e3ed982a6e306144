"""Many agencies at once: parallel batches with one exit code, and the provincial summary."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from conftest import EXAMPLES, run_sbs

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
    out = tmp_path / "out"
    result = run_sbs(
        "report",
        "--kind",
        "summary",
        str(tmp_path / "province"),
        "--output",
        str(out),
        "--as-of",
        "2026-11-26",
    )
    assert result.returncode == 0, result.stderr
    md = (out / "标准体系建设情况汇总表.md").read_text(encoding="utf-8")
    rows = [line for line in md.splitlines() if line.startswith("| ") and "---" not in line]
    assert len([r for r in rows if "应条款符合率" not in r and "不符合的机构数" not in r]) >= 6
    assert (
        "文件无法读取" in md
        and "| 昆明高新区中小企业公共服务中心 | 12530100MB1234567Q | 0 | 0 | 100.0% | — | 已完成 |"
        in md
    )
    assert "最常见的不符合条款" in md
    html = (out / "标准体系建设情况汇总表.html").read_text(encoding="utf-8")
    assert html.count('<tr class="agency">') == 6 and "data-sort" in html and "<script>" in html
    book = load_workbook(io.BytesIO((out / "标准体系建设情况汇总表.xlsx").read_bytes()))
    assert book.sheetnames[0] == "标准体系建设情况汇总表"
    assert book.active.max_row == 7
    bad = run_sbs("report", "--kind", "summary", str(tmp_path), "--format", "docx")
    assert bad.returncode == 2
