"""What `sbs check` loads to start: nothing it does not use (issue 23), and data as shipped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import CONFORMING, EXAMPLES

NEVER_ON_THE_CHECK_PATH = (
    "typer",
    "click",
    "jinja2",
    "openpyxl",
    "docx",
    "lxml",
    "rich",
    "sbsguide.report",
    "sbsguide.draft",
    "sbsguide.documents",
    "sbsguide.cli.app",
)


def _modules_imported(*args: str, cwd: Path | None = None) -> set[str]:
    probe = (  # the modules loaded when the command ends, however it ends
        "import atexit, json, os, runpy, sys\n"
        "sys.argv = ['sbs', *json.loads(sys.argv[1])]\n"
        "atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))\n"
        "os._exit = sys.exit\n"
        "runpy.run_module('sbsguide', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, json.dumps(list(args))],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def _offending(modules: set[str]) -> list[str]:
    return sorted(
        m for m in modules if any(m == n or m.startswith(n + ".") for n in NEVER_ON_THE_CHECK_PATH)
    )


def test_check_of_a_small_file_imports_no_framework_nor_document_code(tmp_path: Path) -> None:
    # the probe sees what it should: an option only typer reads brings typer in
    assert "typer" in _offending(_modules_imported("check", "--help"))
    system = tmp_path / "system.yaml"
    system.write_bytes(CONFORMING.read_bytes())
    for args in (
        ["check", str(system)],
        ["check", str(system), "--format", "json", "--lang", "en", "--as-of", "2026-11-26"],
        ["check", str(EXAMPLES / "qujing-draft"), "--format=sarif"],
    ):
        modules = _modules_imported(*args)
        assert "sbsguide.engine" in modules  # the probe saw a real check
        assert _offending(modules) == [], args
    # no records beside it: nothing of evaluate/ (the wheel's prebuilt schemas included)
    alone = _modules_imported("check", str(system))
    assert not [m for m in alone if m.startswith("sbsguide.evaluate")]


def test_fix_starts_without_the_framework_too(tmp_path: Path) -> None:
    system = tmp_path / "system.yaml"
    system.write_bytes(CONFORMING.read_bytes())
    modules = _modules_imported("fix", "--check", str(system), "--as-of", "2026-11-26")
    assert "sbsguide.fix" in modules and _offending(modules) == []


def test_check_with_records_loads_only_what_the_records_need(tmp_path: Path) -> None:
    """A system with records reads them (the records model), still without documents."""
    modules = _modules_imported("check", str(EXAMPLES / "kunming-hightech"))
    assert "sbsguide.evaluate.records" in modules
    assert _offending(modules) == []
    assert "sbsguide.evaluate.document" not in modules


def test_the_shipped_data_is_the_yaml_it_was_made_from() -> None:
    """An installed wheel carries its data pre-parsed; it must say what the YAML says."""
    from sbsguide import resources

    compiled = resources._compiled()
    root = Path(resources.__file__).parent
    files = resources.data_files(root)
    assert files, "no data files found"
    if compiled is None:  # a source checkout or an editable install reads the YAML itself
        return
    assert set(compiled) == set(files)
    for key in files:
        assert compiled[key] == resources.parse_data(*key), key
