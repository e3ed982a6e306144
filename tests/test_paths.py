"""Hostile files and paths (issue 13): nothing lost, nothing hangs, nothing written astray.

Each test is one reproduction from the issue, run through the real command line.
"""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from conftest import AS_OF, CONFORMING, EXAMPLES, run_sbs
from sbsguide.atomic import ChangedSinceRead
from sbsguide.service import plan_fix, write_fix

NO_FOUNDATION = "version: 1\nagency: {name: A, principal: B}\nstandards:\n  foundation: {}\n"
QUJING = EXAMPLES / "qujing-draft" / "system.yaml"
DATE = ("--as-of", AS_OF.isoformat())


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ("check",),
        ("check", "--format", "json"),
        ("report", "--format", "md"),
        ("report", "--kind", "summary", "--format", "md"),
    ],
)
def test_english_run_on_a_file_lacking_sub_systems(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = _write(tmp_path, "system.yaml", NO_FOUNDATION)
    target = str(tmp_path) if "summary" in command else str(path)
    extra = ("--output", str(tmp_path / "out")) if command[0] == "report" else ()
    result = run_sbs(*command, target, "--lang", "en", *extra)
    assert result.returncode == (0 if command[0] == "report" else 1), result.stderr
    if "json" in command:
        assert json.loads(result.stdout)["summary"]["error"] > 0


def test_a_trial_starting_at_the_end_of_the_calendar(tmp_path: Path) -> None:
    path = _write(tmp_path, "system.yaml", NO_FOUNDATION + "trial_run: {start: 9999-11-30}\n")
    assert run_sbs("check", str(path), *DATE).returncode == 1
    report = run_sbs("report", str(path), "--format", "md", "--output", str(tmp_path / "r"))
    assert report.returncode == 0


@pytest.mark.parametrize("where", ["folder", "missing/summary.md"])
def test_a_step_summary_that_cannot_be_written_is_said_not_fatal(
    tmp_path: Path, where: str
) -> None:
    (tmp_path / "folder").mkdir()
    summary = tmp_path / where
    result = run_sbs(
        "check", str(CONFORMING), "--format", "github", *DATE,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )  # fmt: skip
    assert result.returncode == 0
    assert "GITHUB_STEP_SUMMARY" in result.stderr and "汇总表未写入" in result.stderr


def test_a_full_disk_on_standard_output() -> None:
    with open("/dev/full", "w") as full:
        import subprocess
        import sys

        result = subprocess.run(
            [sys.executable, "-m", "sbsguide", "check", str(QUJING), *DATE],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr == "sbs: 无法写入标准输出：磁盘空间不足\n"


@pytest.mark.parametrize("command", [("check",), ("fix",), ("report", "--format", "md")])
def test_devices_and_fifos_are_refused_without_blocking(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    fifo = tmp_path / "system.yaml"
    os.mkfifo(fifo)
    for target in ("/dev/zero", str(fifo)):
        result = run_sbs(*command, target, "--output", str(tmp_path / "o")) if "report" in command else run_sbs(*command, target)  # fmt: skip
        assert result.returncode == 2, result
        assert "不是普通文件" in result.stdout + result.stderr


def test_a_directory_scan_lists_a_fifo_and_goes_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "system.yaml")
    (tmp_path / "b").mkdir()
    _write(tmp_path / "b", "system.yml", CONFORMING.read_text(encoding="utf-8"))
    result = run_sbs("check", str(tmp_path), *DATE)
    assert result.returncode == 2
    assert "命名管道(FIFO)" in result.stdout and "b/system.yml：0 个错误，0 个警告" in result.stdout


@pytest.mark.parametrize("command", [("check",), ("fix", "--check"), ("report", "--format", "md")])
def test_the_size_limit_applies_to_every_command(tmp_path: Path, command: tuple[str, ...]) -> None:
    extra = ("--output", str(tmp_path / "o")) if "report" in command else ()
    result = run_sbs(*command, str(CONFORMING), *extra, env={"SBS_MAX_BYTES": "1000"})
    assert result.returncode == 1
    assert "文件超过大小上限(1000 B)" in result.stdout


@pytest.mark.parametrize("value", ["abc", "-5", "0", " "])
def test_an_invalid_size_limit_is_a_usage_error(value: str) -> None:
    result = run_sbs("check", str(CONFORMING), env={"SBS_MAX_BYTES": value})
    assert result.returncode == 2
    assert "SBS_MAX_BYTES" in result.stderr and "应为正整数" in result.stderr


def test_an_xlsx_that_unpacks_far_beyond_the_limit_is_not_opened(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * 2_000_000 + b"</a>")
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 20_000
    result = run_sbs(
        "import", str(bomb), "--output", str(tmp_path / "s.yaml"),
        env={"SBS_MAX_BYTES": "20000"},
    )  # fmt: skip
    assert result.returncode == 2 and "解压后远超大小上限" in result.stderr
    assert not (tmp_path / "s.yaml").exists()


def test_jobs_never_outnumber_cores_or_files(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import concurrent.futures

    from sbsguide.engine import CheckOptions
    from sbsguide.service import PARALLEL_FROM, run_check

    asked: list[int] = []

    class Recording(concurrent.futures.ThreadPoolExecutor):
        def __init__(self, max_workers: int) -> None:
            asked.append(max_workers)
            super().__init__(max_workers)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Recording)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    for n in range(PARALLEL_FROM):
        _write(tmp_path, f"{n}.sbs.yaml", NO_FOUNDATION)
    result = run_check([str(tmp_path)], CheckOptions(as_of=AS_OF), jobs=1000)
    assert asked == [2] and len(result.files) == PARALLEL_FROM


def _needs_fixing(folder: Path) -> Path:
    text = CONFORMING.read_text(encoding="utf-8").replace("GB/T 19001-2016", "GB/T　19001—2016")
    return _write(folder, "real.yaml", text)


def test_fix_writes_through_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    real = _needs_fixing(tmp_path)
    link = tmp_path / "link.yaml"
    link.symlink_to(real.name)
    assert run_sbs("fix", str(link), *DATE).returncode == 0
    assert link.is_symlink() and "GB/T 19001-2016" in real.read_text(encoding="utf-8")


def test_fix_refuses_a_read_only_file(tmp_path: Path) -> None:
    real = _needs_fixing(tmp_path)
    before = real.read_bytes()
    real.chmod(0o444)
    result = run_sbs("fix", str(real), *DATE)
    assert result.returncode == 2 and "没有权限" in result.stderr
    assert real.read_bytes() == before and stat.S_IMODE(real.stat().st_mode) == 0o444


def test_fix_never_replaces_a_file_edited_while_it_worked(tmp_path: Path) -> None:
    real = _needs_fixing(tmp_path)
    raw = real.read_bytes()
    plan = plan_fix(raw, AS_OF, "zh")
    real.write_bytes(raw + b"# edited meanwhile\n")
    with pytest.raises(ChangedSinceRead):
        write_fix(real, plan, raw)
    assert real.read_bytes().endswith(b"# edited meanwhile\n")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_report_never_follows_a_symlinked_default_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    (work / "sbs-report").symlink_to(elsewhere)
    result = run_sbs("report", str(CONFORMING), "--format", "md", cwd=work)
    assert result.returncode == 2 and "符号链接" in result.stderr
    assert list(elsewhere.iterdir()) == []
    explicit = run_sbs(
        "report", str(CONFORMING), "--format", "md", "--output", str(work / "sbs-report"), cwd=work
    )
    assert explicit.returncode == 0 and "是符号链接" in explicit.stdout
    assert len(list(elsewhere.iterdir())) == 2


def test_a_killed_runs_temporary_file_is_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    leftover = out / ".标准体系表.md.sbs-999999999-abcd.tmp"
    leftover.write_bytes(b"x" * 1000)
    result = run_sbs("report", str(CONFORMING), "--format", "md", "--output", str(out))
    assert result.returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["差距分析报告.md", "标准体系表.md"]


def test_a_report_set_is_replaced_whole_or_not_at_all(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sbsguide import atomic

    (tmp_path / "a.md").write_text("old a")
    (tmp_path / "b.md").write_text("old b")
    staged = atomic._stage

    def failing(path: Path, content: bytes) -> Path:
        if path.name == "b.md":
            raise OSError(28, "No space left on device")
        return staged(path, content)

    monkeypatch.setattr(atomic, "_stage", failing)
    with pytest.raises(OSError):
        atomic.write_set(tmp_path, [("a.md", b"new a"), ("b.md", b"new b")])
    assert (tmp_path / "a.md").read_text() == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]


def test_unsupported_tags_and_merge_keys_are_said_plainly(tmp_path: Path) -> None:
    tagged = _write(tmp_path, "t.yaml", "!!python/object/apply:os.system\n- ls\n")
    result = run_sbs("check", str(tagged))
    assert "不支持的 YAML 标签 !!python/object/apply:os.system" in result.stdout
    merged = _write(
        tmp_path, "m.yaml", "version: 1\nagency:\n  <<: {name: A, principal: B}\n  address: 昆明\n"
    )
    findings = json.loads(run_sbs("check", str(merged), "--format", "json").stdout)
    assert {f["rule"] for f in findings["files"][0]["findings"]} >= {"required-subsystem"}
    assert not [
        f for f in findings["files"][0]["findings"] if f["rule"] in ("schema", "yaml-syntax")
    ]


def test_a_missing_file_prints_no_summary_of_zero_findings() -> None:
    result = run_sbs("check", "missing.yaml")
    assert result.returncode == 2
    assert result.stdout == "missing.yaml：无法打开：路径不存在\n"


def test_os_errors_are_in_the_runs_language(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop.name)
    assert "符号链接循环" in run_sbs("check", str(loop)).stdout
    assert "a loop of symbolic links" in run_sbs("check", str(loop), "--lang", "en").stdout
    folder = run_sbs("fix", str(tmp_path))
    assert folder.returncode == 2 and "这是一个目录" in folder.stderr


def test_odd_file_names_in_sarif_and_text(tmp_path: Path) -> None:
    odd = _write(tmp_path, "a b 中\n.sbs.yaml", NO_FOUNDATION)
    sarif = json.loads(run_sbs("check", str(odd), "--format", "sarif", cwd=tmp_path).stdout)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    assert uris == {"a%20b%20%E4%B8%AD%0A.sbs.yaml"}
    text = run_sbs("check", odd.name, cwd=tmp_path).stdout
    assert all(
        line.startswith(("a b 中\\n.sbs.yaml", "    ", "共检查")) for line in text.splitlines()
    )


def test_standard_input_with_a_name_to_show() -> None:
    result = run_sbs(
        "check", "-", "--stdin-filename", "clients/q/system.yaml", *DATE, stdin=QUJING.read_bytes()
    )
    assert result.returncode == 1
    assert result.stdout.startswith("clients/q/system.yaml:")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("check", "--jobs", "0"), "参数 --jobs 的值无效：应为不小于 1 的整数"),
        (("check", "--bogus"), "没有选项 --bogus"),
        (("explain",), "缺少参数"),
    ],
)
def test_the_parsers_own_errors_are_in_chinese(args: tuple[str, ...], said: str) -> None:
    result = run_sbs(*args)
    assert result.returncode == 2 and said in result.stderr
    assert "Usage" not in result.stderr and "Invalid" not in result.stderr
