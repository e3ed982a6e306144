"""Atheris fuzz target: any bytes through check, every output format, fix and the text reports.

The property: sbs never raises. Findings are fine; an exception is a bug.

    pip install atheris
    python fuzz/fuzz_check.py fuzz/corpus -max_total_time=1800      # 30 minutes
    python fuzz/fuzz_check.py fuzz/corpus -runs=2000                 # a quick smoke run

The corpus starts from the bundled examples (fuzz/seed.py copies them into fuzz/corpus).
"""

from __future__ import annotations

import sys
from datetime import date

import atheris

with atheris.instrument_imports():
    from sbsguide.engine import CheckOptions, check_bytes
    from sbsguide.findings import CheckResult, FileResult
    from sbsguide.output import MACHINE_FORMATS
    from sbsguide.output.text_format import render as render_text
    from sbsguide.report.build import build
    from sbsguide.service import FixRefused, plan_fix

OPTIONS = CheckOptions(as_of=date(2026, 11, 26))


def test_one_input(data: bytes) -> None:
    findings = check_bytes(data, OPTIONS)
    result = CheckResult([FileResult("system.yaml", findings)], OPTIONS.as_of, "guide", "zh")
    render_text(result)
    for render in MACHINE_FORMATS.values():
        render(result)
    try:
        plan_fix(data, OPTIONS.as_of, "zh")
    except FixRefused:
        raise AssertionError("fix produced a file that does not load") from None
    if not any(f.rule in ("yaml-syntax", "schema", "file-encoding") for f in findings):
        build(data, ("table", "gap"), ("md", "html"), OPTIONS.as_of, "zh")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
