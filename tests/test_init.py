"""`sbs init` as a new agency meets it: flags, prompts on a terminal, never overwriting."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run_sbs
from sbsguide.loader import read_yaml

AS_OF = "2026-11-26"
FILES = [
    "system.yaml",
    "README.md",
    ".pre-commit-config.yaml",
    ".github/workflows/sbs.yml",
    ".gitlab-ci.yml",
    ".sbs/system.schema.json",
    ".sbs/config.yaml",
    "records.yaml",  # the trial's records (5.5), to fill once it starts
]
# What a freshly scaffolded system still lacks: exactly what the agency has to fill in.
TO_FILL = [
    ("agency-facts", "agency"),
    ("working-group", "organization.working_group.members"),
    ("duties-assigned", "organization.positions"),
    ("work-plan", "plan"),
    ("trial-period", "trial_run"),
    ("service-list", "services.published"),
    ("service-list", "services.items"),
    ("required-category", "standards.foundation.other"),
    ("listed-content", "standards.delivery.elements"),
    ("listed-content", "standards.delivery.elements"),
    ("listed-content", "standards.delivery.elements"),
    ("listed-content", "standards.delivery.elements"),
    ("listed-content", "standards.delivery.process"),
    ("listed-content", "standards.delivery.process"),
    ("listed-content", "standards.delivery.process"),
    ("listed-content", "standards.delivery.process"),
    ("listed-content", "standards.delivery.sharing"),
    ("listed-content", "standards.delivery.evaluation"),
    ("listed-content", "standards.delivery.evaluation"),
    ("required-category", "standards.support.procurement"),
    ("required-category", "standards.posts.decision"),
    ("required-category", "standards.posts.management"),
    ("required-category", "standards.posts.general"),
]


def _init(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_sbs(
        "init", str(folder), "--agency", "测试中心", "--principal", "张三", "--as-of", AS_OF, *args
    )


def _findings(path: Path, *args: str) -> list[dict[str, object]]:
    result = run_sbs("check", str(path), "--format", "json", "--as-of", AS_OF, *args)
    findings: list[dict[str, object]] = json.loads(result.stdout)["files"][0]["findings"]
    return findings


def test_scaffold_checks_with_exactly_the_things_left_to_fill(tmp_path: Path) -> None:
    result = _init(tmp_path / "demo")
    assert result.returncode == 0, result.stderr
    assert all((tmp_path / "demo" / name).is_file() for name in FILES)
    findings = _findings(tmp_path / "demo" / "system.yaml")
    assert [(f["rule"], f["path"]) for f in findings] == TO_FILL
    assert all(f["message"] and f["hint"] for f in findings)


def test_scaffold_has_every_category_in_order_with_name_and_clause(tmp_path: Path) -> None:
    from sbsguide.guide import load_guide

    _init(tmp_path / "demo")
    text = (tmp_path / "demo" / "system.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=.sbs/system.schema.json\n")
    positions = []
    for category in load_guide().categories():
        line = next(
            line
            for line in text.splitlines()
            if line.strip().startswith(f"{category.key}:") and category.name in line
        )
        assert f"({category.clause}" in line
        positions.append(text.index(line))
    assert positions == sorted(positions)
    values = "\n".join(line.split("#")[0] for line in text.splitlines())
    assert not re.search(r"\d{4}-\d{2}-\d{2}", values)  # no invented dates (examples are comments)


def test_second_run_changes_no_byte_and_force_rewrites(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    _init(folder)
    system = folder / "system.yaml"
    system.write_text(system.read_text(encoding="utf-8") + "# 本机构的修改\n", encoding="utf-8")
    snapshot = {name: (folder / name).read_bytes() for name in FILES}
    again = _init(folder)
    assert again.returncode == 1  # nothing written: said, and not a success
    assert {name: (folder / name).read_bytes() for name in FILES} == snapshot
    assert again.stdout.count("已存在，未覆盖") == len(FILES)
    _init(folder, "--force")
    assert "# 本机构的修改" not in system.read_text(encoding="utf-8")


def test_scaffold_validates_against_the_json_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    _init(tmp_path / "demo")
    schema = json.loads(
        (tmp_path / "demo" / ".sbs" / "system.schema.json").read_text(encoding="utf-8")
    )
    data = read_yaml((tmp_path / "demo" / "system.yaml").read_text(encoding="utf-8")).data
    jsonschema.Draft202012Validator(schema).validate(json.loads(json.dumps(data, default=str)))


def test_comments_survive_sbs_fix(tmp_path: Path) -> None:
    _init(tmp_path / "demo")
    system = tmp_path / "demo" / "system.yaml"
    text = system.read_text(encoding="utf-8").replace(
        "    procurement: []",
        "    procurement:\n      - {number: Q/TEST 320—2025, name: 采购管理制度}",
    )
    system.write_text(text, encoding="utf-8")
    assert run_sbs("fix", str(system), "--as-of", AS_OF).returncode == 0
    fixed = system.read_text(encoding="utf-8")

    def comment_lines(content: str) -> list[str]:
        return [line for line in content.splitlines() if line.lstrip().startswith("#")]

    assert comment_lines(fixed) == comment_lines(text)
    assert "{code: BZ03-001, number: Q/TEST 320-2025" in fixed


def test_english_and_minimal_variants(tmp_path: Path) -> None:
    _init(tmp_path / "en", "--lang", "en")
    english = (tmp_path / "en" / "system.yaml").read_text(encoding="utf-8")
    assert "standardisation guidelines (6.2.2)" in english and "标准化导则(" not in english
    assert "Filling it in" in (tmp_path / "en" / "README.md").read_text(encoding="utf-8")
    _init(tmp_path / "min", "--minimal")
    minimal = (tmp_path / "min" / "system.yaml").read_text(encoding="utf-8")
    full = (tmp_path / "en" / "system.yaml").read_text(encoding="utf-8")
    assert minimal.count("\n      - {code:") == 6  # only the normative references are entries
    assert "# - {code: JC02-001, number: GB/T 10112-2019" in minimal
    assert full.count("\n      - {code:") > 60
    assert not [f for f in _findings(tmp_path / "min" / "system.yaml") if f["rule"] == "schema"]


def test_no_standard_is_placed_twice(tmp_path: Path) -> None:
    _init(tmp_path / "demo")
    rules = {f["rule"] for f in _findings(tmp_path / "demo" / "system.yaml")}
    assert not rules & {"duplicate-standard", "system-code", "layer-placement", "schema"}


def test_bad_inputs_are_clear_exit_2(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    assert run_sbs("init", str(afile)).returncode == 2
    bad = _init(tmp_path / "demo", "--credit-code", "12530100MB1234567R")
    assert bad.returncode == 2 and "无效" in bad.stderr
    assert not (tmp_path / "demo").exists()
    unwritable = run_sbs("init", "/proc/sbs-demo", "--agency", "a", "--principal", "b")
    assert unwritable.returncode == 2 and "Traceback" not in unwritable.stderr


def _converse(args: list[str], answers: list[tuple[str, str]], cwd: Path) -> str:
    """Run sbs on a pseudo-terminal, typing each answer once its prompt appears."""
    master, slave = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    process = subprocess.Popen(
        [sys.executable, "-m", "sbsguide", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=cwd,
        env=env,
    )
    os.close(slave)
    seen, deadline = b"", time.monotonic() + 60
    pending = list(answers)
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        if pending and pending[0][0].encode() in seen.split(b"\n")[-1] + seen[-200:]:
            prompt, answer = pending.pop(0)
            seen = seen.replace(prompt.encode(), b"<asked>", 1)
            os.write(master, answer.encode() + b"\r")
        if process.poll() is not None and not ready:
            break
    process.wait(timeout=30)
    os.close(master)
    return seen.decode("utf-8", "replace")


def test_interactive_run_gets_the_same_file_as_the_flags(tmp_path: Path) -> None:
    transcript = _converse(
        ["init", "asked", "--as-of", AS_OF],
        [
            ("实施机构名称", "测试中心"),
            ("主要负责人", "张三"),
            ("统一社会信用代码", "12530100MB1234567R"),
            ("统一社会信用代码", "12530100MB1234567Q"),
        ],
        tmp_path,
    )
    assert "无效" in transcript  # the bad code was asked again
    flagged = run_sbs(
        "init",
        str(tmp_path / "flagged"),
        "--agency",
        "测试中心",
        "--principal",
        "张三",
        "--credit-code",
        "12530100MB1234567Q",
        "--as-of",
        AS_OF,
    )
    assert flagged.returncode == 0
    asked = (tmp_path / "asked" / "system.yaml").read_text(encoding="utf-8")
    assert asked == (tmp_path / "flagged" / "system.yaml").read_text(encoding="utf-8")
    assert "credit_code: 12530100MB1234567Q" in asked


def test_without_a_terminal_init_never_waits(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sbsguide", "init", str(tmp_path / "demo")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "待填写：实施机构名称" in (tmp_path / "demo" / "system.yaml").read_text(encoding="utf-8")


def test_the_first_hour_from_a_bare_scaffold_to_a_clean_strict_check(tmp_path: Path) -> None:
    """`sbs init` without flags, filled in by hand as its comments say, checks clean (#14)."""
    folder = tmp_path / "demo"
    result = run_sbs("init", str(folder))
    assert result.returncode == 0, result.stderr
    path = folder / "system.yaml"
    fresh = run_sbs("check", str(path), "--as-of", AS_OF)
    assert fresh.returncode == 1 and "尚未填写：“待填写：实施机构名称”" in fresh.stdout
    services = "".join(
        f"    - {{name: {name}, class: {kind}, demand: {demand}}}\n"
        for name, kind, demand in (
            ("生产要素对接", "商务服务", "企业生产要素协调"),
            ("政策咨询", "管理咨询", "企业支持政策"),
            ("安全生产咨询", "专业技术服务", "企业安全生产"),
            ("人才对接", "人力资源与培训", "企业人力资源"),
            ("用工指导", "人力资源与培训", "企业用工管理"),
            ("转型诊断", "信息技术服务", "企业转型升级"),
            ("融资对接", "投融资服务", "企业融资促进"),
            ("生活配套", "商务服务", "企业生产生活保障"),
        )
    )
    edits = [
        ("待填写：实施机构名称", "曲靖某中小企业服务中心"),
        ("待填写：主要负责人", "张三"),
        ("  # site_area_m2: 服务场所面积(平方米)", "  site_area_m2: 800"),
        ("  # full_time_staff: 专职服务人员数", "  full_time_staff: 6"),
        ("  # facilities: [企业服务大厅, 培训教室]", "  facilities: [企业服务大厅, 培训教室]"),
        ("    members: []", "    members: [{name: 李四, position: 标准化专员, standardization_staff: 是}]"),
        (
            "  positions: []",
            "  positions:\n"
            "    - {name: 主任, level: 决策层, duties: [主持全面工作]}\n"
            "    - {name: 综合部部长, level: 管理层, duties: [组织保障标准的实施]}\n"
            "    - {name: 标准化专员, level: 一般人员, duties: [维护标准体系表]}",
        ),
        ("  # title: 计划名称，如 2025年度标准化工作计划", "  title: 2025年度标准化工作计划"),
        ("  # approved_on: 批准日期", "  approved_on: 2025年1月10日"),
        ("  # start: 试运行开始日期", "  start: 2025-02-01"),
        ("  # end: 结束日期(试运行进行中不填；至少在开始日期3个月之后)", "  end: 2025-05-31"),
        (
            "  # self_evaluation:                      # 试运行结束后填写",
            "  self_evaluation: {date: 2025/6/5, findings: [考核指标不可量化], actions: [修订岗位标准]}",
        ),
        ("  published: false ", "  published: 是     "),
        ("  items: []", "  published_via: 中心官网\n  items:\n" + services.rstrip("\n")),
        ("  # platform: 共享平台，如 云南省中小企业公共服务平台", "  platform: 云南省中小企业公共服务平台"),
        ("    other: []  ", "    other: {not_applicable: 本中心没有需要另列的标准}"),
        (
            "      - {code: SS01-003, number: 云工信规〔2022〕1号",
            "      - {number: Q/QJ 101-2025, name: 服务场所与设施配置规范,"
            " covers: [设施建设, 设施配备, 信息平台, 人员配备]}\n"
            "      - {code: SS01-003, number: 云工信规〔2022〕1号",
        ),
        (
            "      - {code: SS03-001, number: GB/T 32168-2015, name: 政务服务中心网上服务规范}",
            "      - {code: SS03-001, number: GB/T 32168-2015, name: 政务服务中心网上服务规范}\n"
            "      - {number: Q/QJ 201-2025, name: 企业公共服务联系规范}\n"
            "      - {number: Q/QJ 202-2025, name: 企业公共服务实施指南, services: "
            "[生产要素对接, 政策咨询, 安全生产咨询, 人才对接, 用工指导, 转型诊断, 融资对接, 生活配套]}\n"
            "      - {number: Q/QJ 203-2025, name: 企业公共服务培育工作指南}\n"
            "      - {number: Q/QJ 204-2025, name: 创新项目培育工作指南}",
        ),
        (
            '政务数据开放共享 第2部分:基本要求"}',
            '政务数据开放共享 第2部分:基本要求"}\n'
            "      - {number: Q/QJ 230-2025, name: 服务资源共建管理规范, covers: [资源投入]}",
        ),
        (
            "      - {code: SS05-002, number: GB/T 36733-2018, name: 服务质量评价通则}",
            "      - {code: SS05-002, number: GB/T 36733-2018, name: 服务质量评价通则}\n"
            "      - {number: Q/QJ 240-2025, name: 服务监测与持续改进规范}",
        ),
        ("    procurement: []", "    procurement:\n      - {number: Q/QJ 320-2025, name: 采购管理制度}"),
        ("    decision: []", "    decision:\n      - {number: Q/QJ 401-2025, name: 主任岗位工作标准, post: 主任}"),
        (
            "    management: []",
            "    management:\n      - {number: Q/QJ 411-2025, name: 综合部部长岗位工作标准, post: 综合部部长}",
        ),
        (
            "    general: []",
            "    general:\n      - {number: Q/QJ 421-2025, name: 标准化专员岗位工作标准, post: 标准化专员}",
        ),
    ]  # fmt: skip
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    # 4.4: no public procurement standard is catalogued, so the officer records why (SPEC §7)
    text += (
        "waivers:\n  - {rule: prefer-public-standards, target: standards.support.procurement,"
        " reason: 已检索国家、行业和地方标准，暂无适用于采购管理的公开标准}\n"
    )
    path.write_text(text, encoding="utf-8")
    fixed = run_sbs("fix", str(path), "--as-of", AS_OF)  # assigns the new standards' codes
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    # the trial's records (5.5), in the records.yaml the scaffold wrote: every standard trained
    # on, a survey, the self-evaluation's problem closed
    numbers = re.findall(
        r"^\s+- \{(?:code: [^,]+, )?number: ([^,]+),", path.read_text(encoding="utf-8"), re.M
    )
    records = folder / "records.yaml"
    assert "trainings: []" in records.read_text(encoding="utf-8")
    records.write_text(
        "version: 1\n"
        f"trainings:\n  - {{date: 2025-02-10, standards: [{', '.join(numbers)}], participants: 6}}\n"
        "surveys:\n  - {period: 2025-03-01/2025-05-31, responses: 40, satisfied: 37}\n"
        "evaluation:\n  date: 2025-06-05\n  problems:\n"
        "    - {problem: 考核指标不可量化, action: 修订岗位标准, owner: 张三, due: 2025-09-30, status: 已完成}\n",
        encoding="utf-8",
    )
    clean = run_sbs("check", str(path), "--strict", "--as-of", AS_OF)
    assert clean.returncode == 0, clean.stdout


def test_init_that_writes_nothing_says_so(tmp_path: Path) -> None:
    assert _init(tmp_path / "demo").returncode == 0
    again = _init(tmp_path / "demo")
    assert again.returncode == 1 and "没有写入任何文件" in again.stdout
    assert "下一步" not in again.stdout


def test_ctrl_d_at_a_prompt_cancels_in_the_runs_language(tmp_path: Path) -> None:
    """Ctrl-D (end of input) at the first question: a sentence, exit 2, nothing written (#13)."""
    transcript = _converse(
        ["init", "asked", "--as-of", AS_OF], [("实施机构名称", "\x04")], tmp_path
    )
    assert "已取消，没有写入任何内容" in transcript, transcript
    assert "Traceback" not in transcript and "Aborted" not in transcript
    assert not (tmp_path / "asked" / "system.yaml").exists()
