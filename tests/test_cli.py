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
    assert document["summary"] == {"files": 1, "error": 0, "warning": 0, "info": 1, "waived": 0}
    [finding] = document["files"][0]["findings"]
    assert finding["rule"] == "standard-number"
    assert finding["path"] == "standards.foundation.guidelines.6.number"
    assert (finding["line"], finding["column"]) == (123, 9)


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
