"""The JSON document of SPEC §4: stable keys, added to but never renamed or removed."""

from __future__ import annotations

import json
from typing import Any

from sbsguide import __version__
from sbsguide.findings import CheckResult, FileResult


def document(result: CheckResult) -> dict[str, Any]:
    """The JSON document as Python data."""
    return {
        "tool": "sbs",
        "version": __version__,
        "guide": result.guide,
        "as_of": result.as_of.isoformat(),
        "lang": result.lang,
        "catalogues": ["sbs", *result.catalogues],  # the shipped catalogue, then the user's
        "files": [_file(f) for f in result.files],
        "summary": result.summary(),
    }


def _file(result: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": result.path,
        "configurations": list(result.configurations),
        "findings": [
            {
                "rule": f.rule,
                "clause": f.clause,
                "severity": f.severity.value,
                "message": f.message,
                "hint": f.hint,
                "line": f.line,
                "column": f.column,
                "path": f.path,
                "waived": f.waived,
                "waiver_reason": f.waiver_reason,
                **({"lines": list(f.lines)} if f.lines else {}),
            }
            for f in result.findings
        ],
    }
    if result.error is not None:
        entry["error"] = result.error
    return entry


def render(result: CheckResult) -> str:
    """The JSON text, UTF-8 characters kept readable."""
    return json.dumps(document(result), ensure_ascii=False, indent=2) + "\n"
