"""Many agencies at once: parallel batches with one exit code, and the provincial summary."""

from __future__ import annotations

import io
import json
import re
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
    kunming = next(r for r in rows if "| 昆明高新区中小企业公共服务中心 | 12530100MB" in r)
    assert re.match(
        r"\| \d \| 昆明高新区中小企业公共服务中心 \| 12530100MB1234567Q \| 115 \| 55.7% \| 0 \| 0 \|"
        r" 100.0% \| — \| 已完成 \|",
        kunming,
    )
    assert "文件无法读取" in md and "| **合计** |" in md  # why a file was not read; the totals
    assert "province/" not in md and str(tmp_path) not in md  # agencies by name, never by path
    seqs = [r.split(" | ")[0].strip("| ") for r in rows if re.match(r"\| \d+ \| ", r)]
    assert seqs[:7] == ["1", "2", "3", "4", "5", "6", "7"]  # 序号
    assert "最常见的不符合条款" in md
    assert "相同的统一社会信用代码" in md and "12530100MB1234567Q" in md  # two copies share one
    html = (out / "标准体系建设情况汇总表.html").read_text(encoding="utf-8")
    agencies = re.search(r'<table class="sortable">.*?<tbody>(.*?)</tbody>', html, re.S)
    assert agencies and agencies[1].count("<tr>") == 7  # the totals row is in the table's foot
    assert 'data-sort="number"' in html and "<script>" in html and "<tfoot" in html
    assert '<p class="legend screen-only">点击表头排序</p>' in html  # the hint is not printed
    book = load_workbook(io.BytesIO((out / "标准体系建设情况汇总表.xlsx").read_bytes()))
    assert book.sheetnames[:2] == ["标准体系建设情况汇总表", "各机构情况"]
    assert book["各机构情况"].max_row == 9  # header, seven agencies, totals
    assert (out / "标准体系建设情况汇总表.docx").is_file()
    bad = run_sbs("report", "--kind", "summary", str(tmp_path), "--format", "csv")
    assert bad.returncode == 2


def test_the_summary_title_block_from_flags_and_configuration(tmp_path: Path) -> None:
    """SPEC §7: 报送单位, 填报人 and 填报日期 (default the check date); agencies sorted."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".sbs").mkdir()
    (tmp_path / ".sbs" / "config.yaml").write_text(
        "summary: {submitter: 云南省中小企业发展中心, preparer: 张三}\n", encoding="utf-8"
    )
    for name in ("kunming-hightech", "qujing-draft"):
        shutil.copytree(EXAMPLES / name, tmp_path / name)
    args = ("report", "--kind", "summary", ".", "--format", "md", "--as-of", "2026-11-26")
    configured = run_sbs(*args, "--output", "a", cwd=tmp_path)
    assert configured.returncode == 0, configured.stderr
    md = (tmp_path / "a" / "标准体系建设情况汇总表.md").read_text(encoding="utf-8")
    assert "| 报送单位 | 云南省中小企业发展中心 |" in md and "| 填报人 | 张三 |" in md
    assert "| 填报日期 | 2026-11-26 |" in md
    assert md.index("昆明高新区") < md.index("曲靖市")  # region 530100 before 530300
    flagged = run_sbs(
        *args, "--output", "b", "--preparer", "李四", "--date", "2026-12-01", cwd=tmp_path
    )
    assert flagged.returncode == 0, flagged.stderr
    md = (tmp_path / "b" / "标准体系建设情况汇总表.md").read_text(encoding="utf-8")
    assert "| 填报人 | 李四 |" in md and "| 填报日期 | 2026-12-01 |" in md
    (tmp_path / ".sbs" / "config.yaml").write_text("summary: {submiter: x}\n", encoding="utf-8")
    wrong = run_sbs(*args, "--output", "c", cwd=tmp_path)
    assert wrong.returncode == 2 and "submitter" in wrong.stderr


def test_a_control_character_in_the_title_block_never_reaches_the_documents(
    tmp_path: Path,
) -> None:
    shutil.copytree(EXAMPLES / "kunming-hightech", tmp_path / "a")
    result = run_sbs(
        "report", "--kind", "summary", str(tmp_path / "a"), "--format", "md,html,xlsx",
        "--output", str(tmp_path / "out"), "--submitter", "云南\x1b[31m省",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for name in ("标准体系建设情况汇总表.md", "标准体系建设情况汇总表.html"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert "\x1b" not in text and "云南" in text
