"""The bundled examples: the conforming one stays clean, the others keep their pinned findings."""

from __future__ import annotations

import json

import pytest

from conftest import AS_OF, CONFORMING, EXAMPLES, run_sbs
from sbsguide.engine import CheckOptions, check_file

ALL = sorted(EXAMPLES.glob("*/system.yaml"))


def test_there_are_a_conforming_and_several_non_conforming_examples() -> None:
    assert CONFORMING in ALL
    assert len(ALL) >= 4


def test_conforming_example_has_no_error_and_no_warning() -> None:
    system, records = check_file(CONFORMING, "x", CheckOptions(as_of=AS_OF))
    # its records check clean of errors; the one warning is the problem left open past its due
    assert records.path == "records.yaml"
    assert [(f.rule, f.key) for f in records.findings] == [("implementation-records", "overdue")]
    assert [f for f in system.findings if f.severity.value != "info" and not f.waived] == []
    standards = CONFORMING.read_text(encoding="utf-8").count("number: ")
    assert standards >= 80


@pytest.mark.parametrize("path", ALL, ids=[p.parent.name for p in ALL])
def test_example_findings_are_pinned(path, golden) -> None:  # type: ignore[no-untyped-def]
    result = check_file(path, path.parent.name, CheckOptions(as_of=AS_OF))[0]
    pinned = [
        [f.rule, f.line, f.severity.value] + (["waived"] if f.waived else [])
        for f in result.findings
    ]
    lines = ",\n".join(json.dumps(p, ensure_ascii=False) for p in pinned)
    golden(f"examples/{path.parent.name}.json", f"[\n{lines}\n]\n")


@pytest.mark.parametrize(("example", "lang"), [("qujing-draft", "zh"), ("dali-base", "en")])
def test_text_output_is_byte_for_byte_stable(example: str, lang: str, golden) -> None:  # type: ignore[no-untyped-def]
    result = run_sbs(
        "check", f"examples/{example}", "--as-of", "2026-11-26", "--lang", lang, cwd=EXAMPLES.parent
    )
    golden(f"text/{example}.{lang}.txt", result.stdout)
