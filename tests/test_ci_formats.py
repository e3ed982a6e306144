"""The CI formats as their consumers read them.

SARIF against the official schema, JUnit through a real parser, GitHub and GitLab outputs pinned,
fingerprints stable when lines move, pre-commit end to end.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CONFORMING, EXAMPLES, ROOT, run_sbs
from sbsguide import __version__
from sbsguide.rules import RULES

SARIF_SCHEMA = ROOT.parent / "shared" / "reference" / "sarif" / "sarif-schema-2.1.0.json"
QUJING = "examples/qujing-draft"
DALI = "examples/dali-base"


def _sbs(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return run_sbs(*args, "--as-of", "2026-11-26", cwd=ROOT, **kwargs)  # type: ignore[arg-type]


def test_sarif_validates_against_the_official_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SARIF_SCHEMA.exists():
        pytest.skip("the SARIF schema is not beside this checkout")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    for example in (QUJING, DALI, str(CONFORMING.relative_to(ROOT))):
        log = json.loads(_sbs("check", example, "--format", "sarif").stdout)
        jsonschema.validate(log, schema)


def test_sarif_carries_rules_relative_uris_regions_and_suppressions() -> None:
    log = json.loads(_sbs("check", DALI, "--format", "sarif").stdout)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert (
        len(rules) == len(RULES)
        and rules[run["results"][0]["ruleIndex"]]["id"] == run["results"][0]["ruleId"]
    )
    trial = next(r for r in rules if r["id"] == "trial-period")
    assert (
        trial["properties"]["clause"] == "5.5.1"
        and trial["defaultConfiguration"]["level"] == "error"
    )
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "examples/dali-base/system.yaml"
    assert set(location["region"]) == {"startLine", "startColumn"}
    [waived] = [r for r in run["results"] if "suppressions" in r]
    assert waived["ruleId"] == "information-sharing"
    assert "2027" in waived["suppressions"][0]["justification"]


def test_fingerprints_stay_the_same_when_blank_lines_are_inserted(tmp_path: Path) -> None:
    source = (EXAMPLES / "qujing-draft" / "system.yaml").read_text(encoding="utf-8")
    moved = source.replace("\nagency:", "\n\n\n\nagency:")
    prints = []
    for text in (source, moved):
        path = tmp_path / "system.yaml"
        path.write_text(text, encoding="utf-8")
        log = json.loads(run_sbs("check", "system.yaml", "--format", "sarif", cwd=tmp_path).stdout)
        results = log["runs"][0]["results"]
        prints.append([(r["partialFingerprints"]["sbsFinding/v1"]) for r in results])
        lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    assert prints[0] == prints[1]
    assert len(set(prints[0])) == len(prints[0])
    assert lines[-1] > 90  # the lines did move


def test_junit_loads_in_a_real_parser_with_one_case_per_clause() -> None:
    junitparser = pytest.importorskip("junitparser")
    report = junitparser.JUnitXml.fromstring(
        _sbs("check", QUJING, "--format", "junit").stdout.encode()
    )
    suite, records = list(report)  # the system file, and the records file beside it
    assert records.name.endswith("records.yaml")
    cases = {case.name: case for case in suite}
    assert "5.5.1 标准实施和评价" in cases and "credit-code" in cases
    failed = {name for name, case in cases.items() if not case.is_passed}
    assert "5.5.1 标准实施和评价" in failed and "4.7 总体要求" not in failed
    assert suite.failures == len(failed)


def test_junit_fails_warnings_only_under_strict() -> None:
    junitparser = pytest.importorskip("junitparser")
    plain = junitparser.JUnitXml.fromstring(
        _sbs("check", DALI, "--format", "junit").stdout.encode()
    )
    strict = junitparser.JUnitXml.fromstring(
        _sbs("check", DALI, "--format", "junit", "--strict").stdout.encode()
    )
    assert next(iter(plain)).failures == 0
    assert next(iter(strict)).failures > 0


def test_github_annotations_and_gitlab_report_are_pinned(golden) -> None:  # type: ignore[no-untyped-def]
    golden("ci/qujing-draft.github.txt", _sbs("check", QUJING, "--format", "github").stdout)
    golden("ci/dali-base.gitlab.json", _sbs("check", DALI, "--format", "gitlab").stdout)


def test_github_escapes_and_writes_the_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = _sbs("check", QUJING, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.stdout.startswith(
        "::warning file=examples/qujing-draft/system.yaml,line=5,col=1,"
    )
    assert "title=information-sharing 4.7::" in result.stdout
    table = summary.read_text(encoding="utf-8")
    assert "| examples/qujing-draft/system.yaml | 31 | error | `trial-period` | 5.5.1 |" in table


def test_several_formats_in_one_run(tmp_path: Path) -> None:
    result = _sbs(
        "check",
        QUJING,
        "--format",
        "sarif",
        "--output",
        str(tmp_path / "a.sarif"),
        "--format",
        "junit",
        "--output",
        str(tmp_path / "a.xml"),
        "--format",
        "text",
    )
    assert result.returncode == 1
    assert "trial-period" in result.stdout
    assert json.loads((tmp_path / "a.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert (tmp_path / "a.xml").read_text(encoding="utf-8").startswith("<?xml")
    bad = _sbs("check", QUJING, "--format", "json", "--format", "junit")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
        },
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo_fails_on_a_bad_system_and_passes_on_a_good_one(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
    }
    hooks = tmp_path / "hooks"
    shutil.copytree(ROOT, hooks, ignore=shutil.ignore_patterns(".venv", ".git", "*.pyc", "tests"))
    _git(hooks, "init", "-q")
    _git(hooks, "add", "-A")
    _git(hooks, "commit", "-qm", "hooks")
    results = {}
    for name, source in (("bad", EXAMPLES / "qujing-draft" / "system.yaml"), ("good", CONFORMING)):
        repo = tmp_path / name
        repo.mkdir()
        _git(repo, "init", "-q")
        shutil.copy(source, repo / "system.yaml")
        _git(repo, "add", "system.yaml")
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(hooks),
                "sbs-check-system",
                "--all-files",
            ],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        results[name] = run.returncode
    assert results == {"bad": 1, "good": 0}


def test_the_scaffolds_pre_commit_config_runs_as_written(tmp_path: Path) -> None:
    """`sbs init --sbs-repo URL` writes a config pre-commit runs: it installs sbs and checks (#14)."""
    pytest.importorskip("pre_commit")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    hooks = tmp_path / "hooks"
    shutil.copytree(ROOT, hooks, ignore=shutil.ignore_patterns(".venv", ".git", "*.pyc", "tests"))
    _git(hooks, "init", "-q")
    _git(hooks, "add", "-A")
    _git(hooks, "commit", "-qm", "hooks")
    _git(hooks, "tag", f"v{__version__}")
    agency = tmp_path / "agency"
    made = run_sbs(
        "init", str(agency), "--agency", "A", "--principal", "B", "--sbs-repo", str(hooks)
    )
    assert made.returncode == 0, made.stderr
    shutil.copy(CONFORMING, agency / "system.yaml")
    shutil.copy(EXAMPLES / "qujing-draft" / "system.yaml", agency / "draft.sbs.yaml")
    _git(agency, "init", "-q")
    _git(agency, "add", "-A")
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=agency,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 1, run.stdout + run.stderr  # the hook ran: the draft has errors
    assert "draft.sbs.yaml" in run.stdout and "kunming" not in run.stdout
    (agency / "draft.sbs.yaml").unlink()
    _git(agency, "add", "-A")
    again = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=agency, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert again.returncode == 0, again.stdout + again.stderr


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(max_size=30),  # message: quotes, backslashes, control characters, CJK
            st.lists(st.integers(1, 10**6), max_size=4),  # lines of a many-places finding
            st.booleans(),
            st.one_of(st.none(), st.text(max_size=10)),
        ),
        max_size=5,
    ),
    st.one_of(st.none(), st.text(max_size=10)),
    st.lists(st.text(max_size=8), max_size=2),
)
def test_the_json_document_is_exactly_what_json_dumps_writes(
    findings, error, configurations
) -> None:  # type: ignore[no-untyped-def]
    """The hand-laid JSON (the C encoder per value) is byte for byte ``json.dumps(indent=2)``."""
    from datetime import date

    from sbsguide.findings import CheckResult, FileResult, Finding, Severity
    from sbsguide.output import json_format

    made = [
        Finding(
            "dates", "5.5.1", Severity.WARNING, message, "hint “x”", "a.b.0", 3, 7,
            waived=waived, waiver_reason=reason, lines=tuple(lines),
        )
        for message, lines, waived, reason in findings
    ]  # fmt: skip
    result = CheckResult(
        [FileResult("a/系统.yaml", made, error, tuple(configurations)), FileResult("b", [])],
        date(2026, 12, 6),
        "DB53/T XXXX—2023",
        "zh",
        False,
        ("user.yaml",),
    )
    expected = json.dumps(json_format.document(result), ensure_ascii=False, indent=2) + "\n"
    assert json_format.render(result) == expected
