"""SARIF 2.1.0, as GitHub code scanning accepts it.

The full rule list, relative URIs, regions, partial fingerprints from rule + file + logical path,
and waived findings as suppressions with their justification.
"""

from __future__ import annotations

import json
from typing import Any

from sbsguide import __version__
from sbsguide.findings import CheckResult, Finding, Severity
from sbsguide.output.locations import fingerprint, uri_reference

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def document(result: CheckResult) -> dict[str, Any]:
    """The SARIF log as data."""
    from sbsguide.guide import load_guide
    from sbsguide.messages import Lang, rule_text
    from sbsguide.rules import RULES

    lang: Lang = "en" if result.lang == "en" else "zh"
    guide = load_guide()
    index = {rule.name: i for i, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.name,
            "name": "".join(part.capitalize() for part in rule.name.split("-")),
            "shortDescription": {"text": rule_text(rule.name, "summary", lang)},
            "fullDescription": {"text": rule_text(rule.name, "checks", lang)},
            "help": {"text": rule_text(rule.name, "fix", lang)},
            "defaultConfiguration": {"level": LEVEL[rule.default_severity(guide)]},
            "properties": {"clause": rule.clause, "tags": [guide.id, *rule.clauses]},
        }
        for rule in RULES
    ]
    results = [_result(file.path, f, index) for file in result.files for f in file.findings]
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{file.path}: {file.error}"},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": uri_reference(file.path)}}}
            ],
        }
        for file in result.files
        if file.error is not None
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sbs",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/sbsguide/",
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
                "properties": {
                    "guide": result.guide,
                    "asOf": result.as_of.isoformat(),
                    "catalogues": ["sbs", *result.catalogues],
                    "configurations": list(result.configurations),
                },
            }
        ],
    }


def _result(path: str, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVEL[finding.severity],
        "message": {"text": f"{finding.message} {finding.hint}".strip()},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri_reference(path)},
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                },
                "logicalLocations": [{"fullyQualifiedName": finding.path or "/", "kind": "member"}],
            }
        ],
        "partialFingerprints": {"sbsFinding/v1": fingerprint(path, finding)},
        "properties": {"clause": finding.clause},
    }
    if finding.waived:
        result["suppressions"] = [
            {"kind": "inSource", "status": "accepted", "justification": finding.waiver_reason or ""}
        ]
    return result


def render(result: CheckResult) -> str:
    """The SARIF log as JSON text."""
    return json.dumps(document(result), ensure_ascii=False, indent=2) + "\n"
