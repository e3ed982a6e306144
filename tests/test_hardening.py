"""The newer surfaces as hard as `sbs check` (#20): configuration, user catalogues, drafts and
catalogue import. Each reproduction of the issue ends in a clear message with exit 1 or 2, or a
correct result with exit 0; none in an internal error (``run_sbs`` asserts that for every run)."""

from __future__ import annotations

import json
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
        (("evaluate",), "没有名为“evaluate”的命令"),
        (("catlog", "--lang", "en"), 'did you mean "catalog"?'),
    ],
)
def test_an_unknown_command_is_a_usage_error_with_a_did_you_mean(
    args: tuple[str, ...], words: str
) -> None:
    result = run_sbs(*args)
    assert result.returncode == 2 and words in result.stderr
