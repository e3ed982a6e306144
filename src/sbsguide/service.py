"""The check service: named paths → one :class:`CheckResult`."""

from __future__ import annotations

from sbsguide.engine import CheckOptions, check_file
from sbsguide.files import targets
from sbsguide.findings import CheckResult, FileResult
from sbsguide.guide import load_guide


def run_check(names: list[str], options: CheckOptions) -> CheckResult:
    """Check every file the names lead to; unreadable ones are listed with their reason."""
    results = [
        FileResult(t.shown, error=t.error) if t.error else check_file(t.path, t.shown, options)
        for t in targets(names, options.lang)
    ]
    return CheckResult(results, options.as_of, load_guide().id, options.lang)
