"""A hostile system through every command and format, and writes interrupted by kill -9."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from conftest import CONFORMING, run_sbs

HOSTILE = Path(__file__).parent / "fixtures" / "hostile" / "system.yaml"


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_check_in_every_format_stays_valid_and_inert(tmp_path: Path) -> None:
    for fmt in ("text", "json", "sarif", "junit", "github", "gitlab"):
        result = run_sbs("check", str(HOSTILE), "--format", fmt, "--as-of", "2026-11-26")
        assert result.returncode == 1, (fmt, result.stderr)
        assert "Traceback" not in result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout  # no terminal control
        if fmt in ("json", "sarif", "gitlab"):
            json.loads(result.stdout)
        if fmt == "junit":
            ET.fromstring(result.stdout.split("\n", 1)[1])


def test_reports_keep_everything_as_text_and_inside_the_output_folder(tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    work = tmp_path / "work"
    (work / "..evil").mkdir(parents=True)
    shutil.copy(HOSTILE, work / "..evil" / "system.yaml")
    shutil.copy(HOSTILE, work / "system.yaml")
    before = _tree(tmp_path)
    out = work / "out"
    result = run_sbs(
        "report",
        str(work / "system.yaml"),
        str(work / "..evil" / "system.yaml"),
        "--output",
        str(out),
        "--format",
        "html,md,xlsx,docx,csv",
        "--as-of",
        "2026-11-26",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    created = _tree(tmp_path) - before
    assert all(p.startswith("work/out/") or p == "work/out" for p in created), created
    assert {Path(p).parent.name for p in created if p.count("/") == 3} == {"work", "evil"}
    for folder in (out / "work", out / "evil"):
        html = (folder / "标准体系表.html").read_text(encoding="utf-8")
        assert "<script>" not in html and "<img" not in html and "<iframe" not in html
        assert "&lt;script&gt;alert(&#39;agency&#39;)&lt;/script&gt;" in html
        book = load_workbook(io.BytesIO((folder / "标准体系表.xlsx").read_bytes()))
        formulas = [
            c
            for ws in book
            for row in ws.iter_rows()
            for c in row
            if isinstance(c.value, str) and c.value and c.value[0] in "=+-@"
        ]
        assert formulas and all(c.data_type == "s" for c in formulas)
        for row in csv.reader(
            io.StringIO((folder / "标准体系表.csv").read_text(encoding="utf-8-sig"))
        ):
            assert not any(cell and cell[0] in "=+-@" for cell in row), row
        Document(io.BytesIO((folder / "差距分析报告.docx").read_bytes()))
        md = (folder / "标准体系表.md").read_text(encoding="utf-8")
        assert "\\<script\\>" in md and "\\|pipe\\|" in md


def test_summary_init_fix_and_import_with_hostile_input(tmp_path: Path) -> None:
    summary = run_sbs("report", "--kind", "summary", str(HOSTILE), "--output", str(tmp_path / "s"))
    assert summary.returncode == 0
    assert (
        "<script>"
        not in (tmp_path / "s" / "标准体系建设情况汇总表.html")
        .read_text(encoding="utf-8")
        .split("<script>\n// Sort")[0]
    )
    init = run_sbs(
        "init", str(tmp_path / "i"), "--agency", "../../<script>x</script>", "--principal", "=1+1"
    )
    assert init.returncode == 0 and not (tmp_path / "script").exists()
    assert (
        run_sbs("check", str(tmp_path / "i" / "system.yaml"), "--select", "schema").returncode == 0
    )
    fixed = tmp_path / "f.yaml"
    shutil.copy(HOSTILE, fixed)
    assert run_sbs("fix", str(fixed), "--check").returncode in (0, 1)
    run_sbs(
        "report",
        str(HOSTILE),
        "--kind",
        "table",
        "--format",
        "xlsx",
        "--output",
        str(tmp_path / "x"),
    )
    imported = run_sbs(
        "import", str(tmp_path / "x" / "标准体系表.xlsx"), "--output", str(tmp_path / "imp.yaml")
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert run_sbs("check", str(tmp_path / "imp.yaml"), "--select", "schema").returncode in (0, 1)
    assert (
        '"rule": "schema"'
        not in run_sbs("check", str(tmp_path / "imp.yaml"), "--format", "json").stdout
    )


def _big_system(tmp_path: Path, standards: int) -> Path:
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from generate import generate

    path = tmp_path / "system.yaml"
    path.write_text(generate(standards), encoding="utf-8")
    return path


def _killed_runs(args: list[str], delays: list[float]) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    for delay in delays:
        process = subprocess.Popen(
            [sys.executable, "-m", "sbsguide", *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()


def test_a_report_killed_mid_write_leaves_the_previous_files_intact(tmp_path: Path) -> None:
    system = _big_system(tmp_path, 3000)
    out = tmp_path / "out"
    args = [
        "report",
        str(system),
        "--output",
        str(out),
        "--format",
        "html,xlsx,docx",
        "--as-of",
        "2026-11-26",
    ]
    assert (
        subprocess.run([sys.executable, "-m", "sbsguide", *args], capture_output=True).returncode
        == 0
    )
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    rng = random.Random(53)  # kill points spread over the run, the same every time
    _killed_runs(args, sorted(rng.uniform(0.3, 3.5) for _ in range(4)))
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    assert set(after) == set(before)
    for name, content in after.items():  # each file whole: the old one, or a complete new one
        if content != before[name]:
            _assert_whole(name, content)


def _assert_whole(name: str, content: bytes) -> None:
    """A report file that opens completely (office files carry their write time, so a whole
    new file differs from the old one in bytes)."""
    from docx import Document
    from openpyxl import load_workbook

    if name.endswith(".xlsx"):  # a zip that opens had its central directory written last
        assert len(load_workbook(io.BytesIO(content)).sheetnames) >= 4
    elif name.endswith(".docx"):
        assert len(Document(io.BytesIO(content)).tables) >= 3
    else:
        assert content.rstrip().endswith(b"</html>")


def test_a_fix_killed_mid_write_leaves_the_file_whole(tmp_path: Path) -> None:
    system = _big_system(tmp_path, 3000)
    text = system.read_text(encoding="utf-8").replace(
        "number: GB/T 1.1-2020", "number: GB/T　1.1—2020"
    )
    system.write_text(text, encoding="utf-8")
    original = system.read_bytes()
    _killed_runs(["fix", str(system), "--as-of", "2026-11-26"], [0.2, 0.6, 1.0, 1.5])
    final = system.read_bytes()
    if final != original:  # the fix went through in one piece
        assert b"GB/T 1.1-2020" in final and final.count(b"\n") == original.count(b"\n")
    result = run_sbs("check", str(system), "--select", "schema", "--as-of", "2026-11-26")
    assert result.returncode == 0


@pytest.mark.parametrize("command", ["report", "draft", "evaluate"])
@pytest.mark.parametrize("link", ["loop", "nowhere"])
def test_an_output_folder_that_is_a_broken_link_is_said_once(
    tmp_path: Path, command: str, link: str
) -> None:
    """A link to itself, or to nothing: one clear line and exit 2, not a failure per file."""
    shutil.copy(CONFORMING, tmp_path / "system.yaml")
    output = tmp_path / "out"
    output.symlink_to(output if link == "loop" else tmp_path / "missing" / "x")
    result = run_sbs(command, str(tmp_path), "--output", str(output))
    assert result.returncode == 2
    assert result.stderr.count("无法写入") == 1 and result.stdout.count("无法写入") == 0
    assert ("符号链接循环" if link == "loop" else "不存在") in result.stderr
    assert not (tmp_path / "missing").exists()
