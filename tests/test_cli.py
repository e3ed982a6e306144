"""The command line as a user meets it: exit codes, messages, formats, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CONFORMING, EXAMPLES, run_sbs


def test_conforming_example_checks_clean() -> None:
    result = run_sbs("check", str(CONFORMING.parent), "--as-of", "2026-11-26")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 个错误，0 个警告" in result.stdout
    assert "Traceback" not in result.stderr


def test_json_document_has_the_spec_shape() -> None:
    result = run_sbs("check", str(CONFORMING), "--format", "json", "--as-of", "2026-11-26")
    document = json.loads(result.stdout)
    assert document["tool"] == "sbs"
    assert document["guide"] == "DB53/T XXXX—2023"
    assert document["as_of"] == "2026-11-26"
    # the example waives prefer-public-standards for procurement (no public standard catalogued)
    # its records file is checked with it (SPEC §7), and listed as a file of its own
    # (and its one overdue improvement action, a warning)
    assert document["summary"] == {"files": 2, "error": 0, "warning": 1, "info": 0, "waived": 1}
    file, records = document["files"]
    assert file["path"] == str(CONFORMING)
    assert records["path"] == str(CONFORMING.parent / "records.yaml")
    assert [f["rule"] for f in records["findings"]] == ["implementation-records"]
    assert [(f["rule"], f["waived"]) for f in file["findings"]] == [
        ("prefer-public-standards", True)
    ]


def test_version_names_the_guide() -> None:
    result = run_sbs("--version")
    assert result.returncode == 0
    assert "DB53/T XXXX—2023" in result.stdout


def test_missing_path_is_exit_2_with_a_message(tmp_path: Path) -> None:
    result = run_sbs("check", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "路径不存在" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_directory_without_system_yaml_is_exit_2(tmp_path: Path) -> None:
    result = run_sbs("check", str(tmp_path))
    assert result.returncode == 2
    assert "没有 system.yaml" in result.stdout


def test_examples_directory_is_searched_recursively() -> None:
    result = run_sbs("check", str(EXAMPLES), "--format", "json", "--as-of", "2026-11-26")
    paths = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert str(CONFORMING) in paths


QUJING = str(EXAMPLES / "qujing-draft")
DALI = str(EXAMPLES / "dali-base")


def _rules_in(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]}


def test_select_and_ignore_narrow_the_rules() -> None:
    selected = run_sbs("check", QUJING, "--format", "json", "--select", "trial-period,dates")
    assert _rules_in(selected) == {"trial-period", "dates"}
    ignored = run_sbs("check", QUJING, "--format", "json", "--ignore", "key-demands")
    assert "key-demands" not in _rules_in(ignored) and "trial-period" in _rules_in(ignored)


def test_unknown_rule_name_is_a_usage_error() -> None:
    result = run_sbs("check", QUJING, "--select", "trial-periods")
    assert result.returncode == 2
    assert "trial-periods" in result.stderr and "Traceback" not in result.stderr


def test_bad_as_of_and_bad_lang_are_usage_errors() -> None:
    assert run_sbs("check", QUJING, "--as-of", "2024-02-30").returncode == 2
    result = run_sbs("check", QUJING, "--lang", "fr")
    assert result.returncode == 2 and "zh" in result.stderr


def test_strict_fails_on_warnings_only() -> None:
    assert run_sbs("check", DALI, "--as-of", "2026-11-26").returncode == 0
    assert run_sbs("check", DALI, "--as-of", "2026-11-26", "--strict").returncode == 1


def test_no_waivers_shows_the_waived_finding() -> None:
    waived = run_sbs("check", DALI, "--as-of", "2026-11-26", "--format", "json")
    audit = run_sbs("check", DALI, "--as-of", "2026-11-26", "--format", "json", "--no-waivers")
    assert json.loads(waived.stdout)["summary"]["waived"] == 1
    assert json.loads(audit.stdout)["summary"]["waived"] == 0
    assert "information-sharing" in _rules_in(audit)


def test_errors_exit_1_and_english_comes_from_flag_or_environment() -> None:
    flag = run_sbs("check", QUJING, "--lang", "en")
    env = run_sbs("check", QUJING, env={"SBS_LANG": "en"})
    assert flag.returncode == env.returncode == 1
    assert "error[trial-period] 5.5.1 the trial run" in flag.stdout
    assert flag.stdout == env.stdout


def test_a_batch_exits_with_its_highest_code(tmp_path: Path) -> None:
    result = run_sbs(
        "check", QUJING, str(CONFORMING), str(tmp_path / "gone.yaml"), "--format", "json"
    )
    assert result.returncode == 2
    files = json.loads(result.stdout)["files"]
    failing = [[x for x in f["findings"] if not x["waived"]] for f in files]
    assert [("error" in f, bool(x)) for f, x in zip(files, failing, strict=True)] == [
        (False, True),
        (False, True),  # qujing's records, with their gaps
        (False, False),
        (False, True),  # the conforming example's records: one action overdue
        (True, False),
    ]


def test_json_output_file_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run_sbs("check", QUJING, "--format", "json", "--output", str(target))
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] > 0


def test_unwritable_output_is_exit_2(tmp_path: Path) -> None:
    result = run_sbs(
        "check", QUJING, "--format", "json", "--output", str(tmp_path / "no" / "x.json")
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_rules_lists_every_rule_with_clause_and_severity() -> None:
    result = run_sbs("rules")
    assert result.returncode == 0
    assert "trial-period" in result.stdout and "5.5.1" in result.stdout and "错误" in result.stdout
    assert "trial run" in run_sbs("rules", "--lang", "en").stdout


def test_explain_by_rule_and_by_clause() -> None:
    rule = run_sbs("explain", "trial-period")
    assert (
        rule.returncode == 0 and "不少于 3 个月" in rule.stdout and "end: 2024-05-31" in rule.stdout
    )
    clause = run_sbs("explain", "4.7", "--lang", "en")
    assert "information-sharing" in clause.stdout and "shared between agencies" in clause.stdout
    unknown = run_sbs("explain", "9.9")
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr


def test_schema_command_prints_the_committed_schema() -> None:
    from conftest import ROOT

    result = run_sbs("schema")
    assert result.stdout == (ROOT / "schemas" / "system.schema.json").read_text(encoding="utf-8")


def test_text_is_plain_when_piped() -> None:
    result = run_sbs("check", QUJING)
    assert "\x1b[" not in result.stdout


def test_a_file_named_explicitly_is_checked_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "client-a.yml"
    path.write_bytes(CONFORMING.read_bytes())
    result = run_sbs("check", str(path), "--as-of", "2026-11-26")
    assert result.returncode == 0


def test_directory_finds_sbs_yaml_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "client.sbs.yaml").write_bytes(CONFORMING.read_bytes())
    (tmp_path / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    result = run_sbs("check", str(tmp_path), "--format", "json", "--as-of", "2026-11-26")
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["client.sbs.yaml"]


def _on_a_terminal(*args: str, no_color: bool) -> str:
    import os
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = "1"
    process = subprocess.Popen(
        [sys.executable, "-m", "sbsguide", *args], stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_only_and_never_with_no_color() -> None:
    assert "\x1b[" in _on_a_terminal("check", QUJING, no_color=False)
    plain = _on_a_terminal("check", QUJING, no_color=True)
    assert "\x1b[" not in plain and "trial-period" in plain


def test_a_missing_c_extension_is_said_clearly(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ruamel.yaml

    from sbsguide.cli import check_run

    monkeypatch.delattr(ruamel.yaml, "CParser")
    messages: list[str] = []
    monkeypatch.setattr(check_run.sys.stderr, "write", messages.append)
    check_run._warn_without_c_parser("zh")
    assert "ruamel.yaml.clib" in "".join(messages)


def test_an_unexpected_error_is_a_message_not_a_traceback(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import sys

    import pytest

    from sbsguide import cli
    from sbsguide.cli import info_commands

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(info_commands, "rules_table", broken, raising=False)
    monkeypatch.setattr("sbsguide.explain.rules_table", broken)
    monkeypatch.setattr(sys, "argv", ["sbs", "rules", "--lang", "en"])
    monkeypatch.delenv("SBS_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "internal error in sbs: RuntimeError: boom" in err and "Traceback" not in err


def test_schema_errors_say_that_the_other_rules_have_not_run(tmp_path: Path) -> None:
    bad = tmp_path / "system.yaml"
    bad.write_text("version: 1\nagency: {name: x, site_area_m2: abc}\n", encoding="utf-8")
    zh = run_sbs("check", str(bad))
    assert zh.returncode == 1 and "修正这些错误后还会运行其余规则" in zh.stdout
    en = run_sbs("check", str(bad), "--lang", "en")
    assert "once these are fixed they will run" in en.stdout
    clean = run_sbs("check", str(CONFORMING), "--as-of", "2026-11-26")
    assert "其余规则" not in clean.stdout
