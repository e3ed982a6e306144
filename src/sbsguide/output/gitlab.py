"""GitLab Code Quality report (a JSON array of issues)."""

from __future__ import annotations

import json

from sbsguide.findings import CheckResult, Severity
from sbsguide.output.locations import fingerprint, relative_uri

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(result: CheckResult) -> str:
    """The Code Quality report; waived findings are left out, as GitLab has no suppressions."""
    issues = [
        {
            "description": f"[{finding.clause or '—'}] {finding.message}",
            "check_name": finding.rule,
            "fingerprint": fingerprint(file.path, finding)[:32],
            "severity": SEVERITY[finding.severity],
            "location": {"path": relative_uri(file.path), "lines": {"begin": finding.line}},
        }
        for file in result.files
        for finding in file.findings
        if not finding.waived
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
