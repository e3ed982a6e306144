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
    assert again.returncode == 0
    assert {name: (folder / name).read_bytes() for name in FILES} == snapshot
    assert again.stdout.count("已存在") == len(FILES)
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
