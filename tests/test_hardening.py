"""The newer surfaces as hard as `sbs check` (#20): configuration, user catalogues, drafts and
catalogue import. Each reproduction of the issue ends in a clear message with exit 1 or 2, or a
correct result with exit 0; none in an internal error (``run_sbs`` asserts that for every run)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import AS_OF, CONFORMING, run_sbs

DATE = ("--as-of", "2026-11-26")


def _project(root: Path, config: str) -> Path:
    """A repository (``.git``) with a configuration and the conforming system at its root."""
    (root / ".git").mkdir(parents=True)
    (root / ".sbs").mkdir()
    (root / ".sbs" / "config.yaml").write_text(config, encoding="utf-8")
    shutil.copy(CONFORMING, root / "system.yaml")
    return root / "system.yaml"


# --- configuration ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["[a]", "{a: 1}", "maybe"])
def test_strict_that_is_not_a_boolean_is_a_located_usage_error(tmp_path: Path, value: str) -> None:
    system = _project(tmp_path, f"strict: {value}\n")
    result = run_sbs("check", str(system))
    assert result.returncode == 2
    assert "config.yaml:1:1:" in result.stderr and "strict" in result.stderr


def test_a_catalogue_path_that_loops_or_holds_nul_is_a_usage_error(tmp_path: Path) -> None:
    system = _project(tmp_path, "catalogues: [loop.yaml]\n")
    (tmp_path / ".sbs" / "loop.yaml").symlink_to("loop.yaml")
    looped = run_sbs("check", str(system), "--lang", "en")
    assert looped.returncode == 2 and "symbolic link loop" in looped.stderr
    (tmp_path / ".sbs" / "config.yaml").write_text('catalogues: ["a\\0b"]\n', encoding="utf-8")
    nul = run_sbs("check", str(system))
    assert nul.returncode == 2 and "空字符" in nul.stderr and "a\\0b" in nul.stderr


def test_a_user_catalogue_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    system = _project(tmp_path, "catalogues: [big.yaml]\n")
    (tmp_path / ".sbs" / "big.yaml").write_text("entries: []\n# " + "x" * 2000, encoding="utf-8")
    result = run_sbs("check", str(system), env={"SBS_MAX_BYTES": "1000"})
    assert result.returncode == 2 and "超过大小上限" in result.stderr


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ("{number: GB/T 9999, year: abc}", "year"),
        ("{number: GB/T 9999, year: [2023]}", "year"),
        ("{number: GB/T 9999, title: [x]}", "title"),
        ("{number: GB/T 9999-2023, implemented: 2023-02-30}", "implemented"),
        ("{number: GB/T 9999, status: bogus}", "status"),
        ("{number: GB/T 9999, confidence: 5}", "confidence"),
        ("{number: GB/T 9999, categories: [support.nope]}", "categories"),
    ],
)
def test_user_catalogue_fields_are_validated_and_located(
    tmp_path: Path, entry: str, field: str
) -> None:
    system = _project(tmp_path, "catalogues: [c.yaml]\n")
    (tmp_path / ".sbs" / "c.yaml").write_text(f"entries:\n  - {entry}\n", encoding="utf-8")
    for command in (("check", str(system)), ("catalog", "9999"), ("report", str(system))):
        result = run_sbs(*command, "--lang", "en", cwd=tmp_path)
        assert result.returncode == 2, command
        assert "c.yaml:2:" in result.stderr and f'"{field}"' in result.stderr


def test_the_shipped_catalogue_obeys_the_same_entry_model() -> None:
    from sbsguide.catalogue import shipped
    from sbsguide.catalogue.entry import CatalogueEntry

    for raw in shipped()["entries"]:
        CatalogueEntry.model_validate(raw)


def test_a_catalogue_of_too_many_entries_is_refused_quickly(tmp_path: Path) -> None:
    system = _project(tmp_path, "catalogues: [c.yaml]\n")
    lines = "".join(f"  - {{number: Q/X {n}, year: 2020}}\n" for n in range(200_001))
    (tmp_path / ".sbs" / "c.yaml").write_text("entries:\n" + lines, encoding="utf-8")
    result = run_sbs("check", str(system))
    assert result.returncode == 2 and "200000" in result.stderr


_ALIAS_BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 12)
)


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ("lang: zh\nlang: en\n", "重复"),
        (_ALIAS_BOMB, "别名"),
        ("select: " + "[" * 100 + "]" * 100 + "\n", "嵌套超过"),
    ],
)
def test_configuration_yaml_problems_are_said_as_for_the_system_file(
    tmp_path: Path, config: str, words: str
) -> None:
    system = _project(tmp_path, config)
    result = run_sbs("check", str(system))
    assert result.returncode == 2 and words in result.stderr


def test_an_oversized_configuration_is_said_in_the_runs_language(tmp_path: Path) -> None:
    system = _project(tmp_path, "# " + "x" * 2000 + "\n")
    result = run_sbs("check", str(system), env={"SBS_MAX_BYTES": "1000"})
    assert result.returncode == 2 and "配置文件超过大小上限" in result.stderr


def test_a_configuration_above_the_repository_root_is_not_obeyed(tmp_path: Path) -> None:
    (tmp_path / ".sbs").mkdir()
    (tmp_path / ".sbs" / "config.yaml").write_text("ignore: [dates]\n", encoding="utf-8")
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    system = repository / "system.yaml"
    system.write_text(
        CONFORMING.read_text(encoding="utf-8").replace(
            "  approved_on: 2024-01-10\n", "  approved_on: 2024-03-10\n"
        ),
        encoding="utf-8",
    )
    result = run_sbs("check", str(system), "--format", "json", *DATE)
    [file] = json.loads(result.stdout)["files"]
    assert file["configurations"] == []
    assert "dates" in [f["rule"] for f in file["findings"]]


def test_select_and_ignore_of_one_rule_is_a_usage_error(tmp_path: Path) -> None:
    system = _project(tmp_path, "select: [dates]\nignore: [dates]\n")
    assert run_sbs("check", str(system)).returncode == 2
    (tmp_path / ".sbs" / "config.yaml").write_text("ignore: [dates]\n", encoding="utf-8")
    both = run_sbs("check", str(system), "--select", "dates", "--ignore", "dates")
    assert both.returncode == 2 and "--select" in both.stderr


def test_a_flag_wins_over_the_file_rule_by_rule(tmp_path: Path) -> None:
    system = _project(tmp_path, "ignore: [dates]\n")
    system.write_text(
        system.read_text(encoding="utf-8").replace(
            "  approved_on: 2024-01-10\n", "  approved_on: 2024-03-10\n"
        ),
        encoding="utf-8",
    )
    quiet = run_sbs("check", str(system), "--format", "json", *DATE)
    assert "dates" not in quiet.stdout.split('"rule"')[-1]
    selected = run_sbs("check", str(system), "--select", "dates", "--format", "json", *DATE)
    assert [f["rule"] for f in json.loads(selected.stdout)["files"][0]["findings"]] == ["dates"]


def test_every_output_names_the_configuration(tmp_path: Path) -> None:
    system = _project(tmp_path, "ignore: [dates]\n")
    used = str((tmp_path / ".sbs" / "config.yaml").resolve())
    text = run_sbs("check", str(system), *DATE)
    assert f"配置：{used}" in text.stdout
    document = json.loads(run_sbs("check", str(system), "--format", "json", *DATE).stdout)
    assert document["files"][0]["configurations"] == [used]
    sarif = json.loads(run_sbs("check", str(system), "--format", "sarif", *DATE).stdout)
    assert sarif["runs"][0]["properties"]["configurations"] == [used]


def test_the_home_folder_bounds_the_search(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (tmp_path / ".sbs").mkdir()
    (tmp_path / ".sbs" / "config.yaml").write_text("strict: [broken]\n", encoding="utf-8")
    project = home / "work"
    project.mkdir(parents=True)
    shutil.copy(CONFORMING, project / "system.yaml")
    result = run_sbs("check", "system.yaml", *DATE, cwd=project, env={"HOME": str(home)})
    assert result.returncode == 0, result.stderr


def test_reading_stops_past_the_node_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """SPEC §7: a bound on work, not only on bytes (nine million scalars fit in 18 MB)."""
    from sbsguide import yamldata
    from sbsguide.engine import CheckOptions, check_bytes

    check_bytes(CONFORMING.read_bytes(), CheckOptions(as_of=AS_OF))  # data files read first
    monkeypatch.setattr(yamldata, "MAX_NODES", 1_000)
    flat = b"version: 1\nx: [" + b",".join([b"1"] * 5_000) + b"]\n"
    [finding] = check_bytes(flat, CheckOptions(as_of=AS_OF))
    assert (finding.rule, finding.key, finding.line) == ("yaml-syntax", "too-many-nodes", 2)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("chek",), "是否应为“check”"),
        (("serve",), "没有名为“serve”的命令"),
        (("catlog", "--lang", "en"), 'did you mean "catalog"?'),
    ],
)
def test_an_unknown_command_is_a_usage_error_with_a_did_you_mean(
    args: tuple[str, ...], words: str
) -> None:
    result = run_sbs(*args)
    assert result.returncode == 2 and words in result.stderr


# --- drafts ----------------------------------------------------------------------------------

PROCUREMENT = "      - {code: BZ03-002, number: Q/KMGX 321-2024, name: 服务外包供应商评价规范, implemented: 2024-02-01}\n"


def _system_with(tmp_path: Path, old: str, new: str) -> Path:
    text = CONFORMING.read_text(encoding="utf-8")
    assert text.count(old) == 1
    system = tmp_path / "system.yaml"
    system.write_text(text.replace(old, new), encoding="utf-8")
    return system


def test_a_control_character_in_a_name_is_drafted_xml_safe(tmp_path: Path) -> None:
    from docx import Document

    system = _system_with(
        tmp_path,
        PROCUREMENT,
        PROCUREMENT.replace("服务外包", '"服务\\x01外包').replace("规范,", '规范",'),
    )
    out = tmp_path / "out"
    result = run_sbs("draft", str(system), "--only", "Q/KMGX 321-2024", "--output", str(out))
    assert result.returncode == 0, result.stdout
    [written] = out.glob("*.docx")
    assert "外包" in "".join(p.text for p in Document(str(written)).paragraphs)


def test_the_default_drafts_folder_is_never_followed_through_a_symlink(tmp_path: Path) -> None:
    shutil.copy(CONFORMING, tmp_path / "system.yaml")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "sbs-drafts").symlink_to(tmp_path / "elsewhere")
    result = run_sbs("draft", "--only", "会计", cwd=tmp_path)
    assert result.returncode == 2 and "符号链接" in result.stderr
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_colliding_draft_names_get_distinct_files_and_the_count_is_true(tmp_path: Path) -> None:
    system = _system_with(
        tmp_path,
        PROCUREMENT,
        PROCUREMENT
        + "      - {code: BZ03-003, number: Q/KMGX 395-2024, name: 管理/规范}\n"
        + "      - {code: BZ03-004, number: Q/KMGX 395-2024, name: 管理_规范}\n",
    )
    for extra in ((), ("--force",)):
        result = run_sbs(
            "draft", str(system), "--only", "Q/KMGX 395-2024", "--output", str(tmp_path / "o"),
            "--format", "md", *extra,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout
        files = sorted(p.name for p in (tmp_path / "o").iterdir())
        assert files == ["Q_KMGX 395-2024 管理_规范 (2).md", "Q_KMGX 395-2024 管理_规范.md"]
        assert "共写入 2 个文件，0 个已存在未覆盖" in result.stdout


def test_a_proposed_number_is_never_one_the_system_uses(tmp_path: Path) -> None:
    # the next post number would be Q/KMGX 427-2024: give it to a procurement standard
    system = _system_with(
        tmp_path,
        PROCUREMENT,
        PROCUREMENT + "      - {code: BZ03-003, number: Q/KMGX 427-2024, name: 采购档案管理规定}\n",
    )
    text = system.read_text(encoding="utf-8").replace(
        "    - name: 会计\n",
        "    - name: 出纳\n      level: general\n      duties: [现金收付]\n    - name: 会计\n",
    )
    system.write_text(text, encoding="utf-8")
    result = run_sbs("draft", str(system), "--only", "出纳", "--output", str(tmp_path / "o"))
    assert result.returncode == 0, result.stdout
    assert "Q/KMGX 427-2024" not in result.stdout.split("加入")[-1]
    assert "Q/KMGX 428-2024" in result.stdout


def test_markdown_drafts_escape_html_from_the_system(tmp_path: Path) -> None:
    system = _system_with(
        tmp_path,
        PROCUREMENT,
        PROCUREMENT.replace(
            "服务外包供应商评价规范", '"<script>alert(1)</script><img src=x onerror=y>"'
        ),
    )
    result = run_sbs(
        "draft", str(system), "--only", "Q/KMGX 321-2024", "--format", "md",
        "--output", str(tmp_path / "o"),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout
    [md] = (tmp_path / "o").glob("*.md")
    text = md.read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<(script|img)", text) and "\\<script\\>" in text


@pytest.mark.parametrize("service", ["@线上咨询", "咨询: 线上", "知识产权托管 "])
def test_the_yaml_line_to_paste_parses_and_keeps_the_value(tmp_path: Path, service: str) -> None:
    from sbsguide.loader import read_yaml

    system = _system_with(
        tmp_path,
        "    - {name: 市场开拓, class: 市场策划}\n",
        f'    - {{name: 市场开拓, class: 市场策划}}\n    - {{name: "{service}", class: 管理咨询}}\n',
    )
    result = run_sbs("draft", str(system), "--only", service, "--output", str(tmp_path / "o"))
    assert result.returncode == 0, result.stdout
    [line] = [x for x in result.stdout.splitlines() if "加入：" in x]
    document = read_yaml(line.split("加入：", 1)[1])
    assert not document.problems
    assert document.data[0]["services"] == [service]


def test_the_readmes_only_example_typed_unquoted_is_understood(tmp_path: Path) -> None:
    shutil.copy(CONFORMING, tmp_path / "system.yaml")
    result = run_sbs("draft", "--only", "Q/KMGX", "214-2024", "--output", "o", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [p.name for p in (tmp_path / "o").iterdir()] == [
        "Q_KMGX 214-2024 生产要素对接服务规范.docx"
    ]


def test_an_output_name_too_long_is_said_and_every_draft_is_accounted_for(tmp_path: Path) -> None:
    result = run_sbs(
        "draft", str(CONFORMING), "--only", "会计", "--output", str(tmp_path / ("长" * 120)),
    )  # fmt: skip
    assert result.returncode == 2
    said = result.stdout + result.stderr
    assert "标准输出" not in said and "名称过长" in said and "长" * 120 in said


# --- catalogue import ------------------------------------------------------------------------


def _list(folder: Path) -> Path:
    listed = folder / "list.csv"
    listed.write_text("标准号,标准名称\nGB/T 9998-2020,某标准\n", encoding="utf-8")
    return listed


@pytest.mark.parametrize(
    "content",
    [
        CONFORMING.read_bytes(),
        b"entries: hello\n",
        b"- a\n- b\n",
        b"entries: [\n",
        b"\x7fELF\x00\x01",
    ],
    ids=["system-file", "entries-not-a-list", "a-list", "bad-yaml", "binary"],
)
def test_catalog_import_refuses_a_target_that_is_not_a_catalogue(
    tmp_path: Path, content: bytes
) -> None:
    target = tmp_path / "target.yaml"
    target.write_bytes(content)
    result = run_sbs("catalog", "import", str(_list(tmp_path)), "--output", str(target))
    assert result.returncode == 2 and "不是标准目录文件" in result.stderr
    assert "list.csv" not in result.stderr  # the table is not blamed
    assert target.read_bytes() == content


def test_catalog_import_names_a_fifo_or_folder_target(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    for name, words in (("pipe", "命名管道"), ("folder", "目录")):
        result = run_sbs(
            "catalog", "import", str(_list(tmp_path)), "--output", str(tmp_path / name)
        )
        assert result.returncode == 2 and words in result.stderr and name in result.stderr


def test_catalog_import_writes_through_a_symlinked_catalogue(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text("entries: []\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to("real.yaml")
    result = run_sbs(
        "catalog", "import", str(_list(tmp_path)), "--output", str(tmp_path / "link.yaml")
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link.yaml").is_symlink()
    assert "GB/T 9998" in (tmp_path / "real.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [("init",), ("catalog", "import", "LIST", "--output")])
def test_a_regular_file_where_a_folder_must_be_is_said(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    args = [str(_list(tmp_path)) if a == "LIST" else a for a in command]
    result = run_sbs(*args, str(tmp_path / "afile" / "sub" / "c.yaml"), "--lang", "en")
    assert result.returncode == 2 and "is a file, not a directory" in result.stderr
    assert "exists" not in result.stderr and "permission" not in result.stderr


# --- import ----------------------------------------------------------------------------------

HEADER = "序号,标准编号,标准名称\n"


def _import(tmp_path: Path, name: str, raw: bytes) -> tuple[object, Path]:
    table = tmp_path / name
    table.write_bytes(raw)
    output = tmp_path / "out" / "system.yaml"
    return run_sbs("import", str(table), "--output", str(output)), output


def test_a_cell_of_a_million_characters_is_read_and_shown_cut(tmp_path: Path) -> None:
    raw = (HEADER + "1,Q/X 1-2024," + "长" * 1_000_000 + "\n").encode("utf-8")
    result, output = _import(tmp_path, "long.csv", raw)
    assert result.returncode == 0, result.stdout  # type: ignore[attr-defined]
    assert "不是有效的 CSV" not in result.stdout  # type: ignore[attr-defined]
    assert max(len(line) for line in result.stdout.splitlines()) < 500  # type: ignore[attr-defined]
    assert output.is_file()


def test_a_utf8_header_over_gb18030_rows_is_read(tmp_path: Path) -> None:
    raw = HEADER.encode("utf-8") + "1,Q/X 1-2024,采购管理制度\n".encode("gb18030")
    result, output = _import(tmp_path, "mixed.csv", raw)
    assert result.returncode == 0, result.stdout  # type: ignore[attr-defined]
    assert "采购管理制度" in output.read_text(encoding="utf-8")


def test_utf32_is_read_as_utf32(tmp_path: Path) -> None:
    result, output = _import(
        tmp_path, "u32.csv", (HEADER + "1,Q/X 1-2024,采购管理制度\n").encode("utf-32")
    )
    assert result.returncode == 0 and "采购管理制度" in output.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    system = tmp_path / "u32.yaml"
    system.write_bytes(CONFORMING.read_text(encoding="utf-8").encode("utf-32"))
    checked = run_sbs("check", str(system), *DATE)
    assert "已按 UTF-32 读取" in checked.stdout and "UTF-16" not in checked.stdout


def test_import_reports_control_characters_and_writes_a_file_that_loads(tmp_path: Path) -> None:
    raw = (HEADER + '1,Q/X 1-2024,"采购\x01管理制度"\n').encode("utf-8")
    result, output = _import(tmp_path, "ctl.csv", raw)
    assert result.returncode == 0 and "含控制字符" in result.stdout  # type: ignore[attr-defined]
    assert "schema" not in run_sbs("check", str(output), "--format", "json").stdout


def test_a_long_command_shows_its_stage_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SPEC §7: report, import (and evaluate) show progress on a terminal past 2 s."""
    import threading
    import time

    from sbsguide import progress

    monkeypatch.setattr(progress, "SHOWN_AFTER", 0.0)
    shown = progress.Stages(enabled=True)
    shown("正在生成 标准体系表.xlsx")
    drawer = threading.Thread(target=shown._draw, daemon=True)
    drawer.start()
    time.sleep(1.2)
    shown._finish()
    drawer.join()
    err = capsys.readouterr().err
    assert "正在生成 标准体系表.xlsx … " in err and err.endswith("\r\x1b[K")


def test_no_progress_line_when_not_on_a_terminal(tmp_path: Path) -> None:
    result = run_sbs("report", str(CONFORMING), "--format", "md", "--output", str(tmp_path))
    assert result.returncode == 0 and "\x1b" not in result.stderr


def test_a_word_report_past_its_bound_is_refused_with_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SPEC §7: within the bounds, or refused with the limit (python-docx holds it all)."""
    from sbsguide.report import build as building

    monkeypatch.setattr(building, "WORD_ROWS", 100)
    with pytest.raises(building.TooLargeForWord) as refused:
        building.build(CONFORMING.read_bytes(), ("table",), ("md", "docx"), AS_OF, "zh")
    assert refused.value.rows == 115
    assert building.build(CONFORMING.read_bytes(), ("table",), ("md",), AS_OF, "zh").files


def test_catalog_import_of_something_not_a_table_says_why_in_words(tmp_path: Path) -> None:
    bad = tmp_path / "list.yaml"
    bad.write_text("version: 1\n", encoding="utf-8")
    result = run_sbs("catalog", "import", str(bad), "--output", str(tmp_path / "c.yaml"))
    assert result.returncode == 2 and "不是 .xlsx 或 .csv 文件" in result.stderr
    assert "kind" not in result.stderr
