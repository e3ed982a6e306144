"""JUnit XML: a testsuite per file, a testcase per checked clause (or clause-less rule).

A testcase fails on an unwaived error (and on a warning under --strict); other findings of the
clause go to its system-out, so a reviewer sees them without the build failing.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from sbsguide.findings import CheckResult, FileResult, Finding


def _cases() -> list[tuple[str, str]]:
    """(case key, case name) in the order of the rules."""
    from sbsguide.guide import load_guide
    from sbsguide.rules import RULES

    clauses = load_guide().clauses
    cases: dict[str, str] = {}
    for rule in RULES:
        for number in rule.clauses or (rule.name,):
            title = f" {clauses[number].title}" if number in clauses else ""
            cases.setdefault(number, f"{number}{title}")
    return list(cases.items())


def render(result: CheckResult) -> str:
    """The JUnit document as text."""
    suites = ET.Element("testsuites", name="sbs")
    cases = _cases()
    for file in result.files:
        _suite(suites, file, cases, result)
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


def _suite(
    parent: ET.Element, file: FileResult, cases: list[tuple[str, str]], result: CheckResult
) -> None:
    suite = ET.SubElement(parent, "testsuite", name=file.path)
    failures = errors = 0
    if file.error is not None:
        case = ET.SubElement(suite, "testcase", name="open", classname=file.path)
        ET.SubElement(case, "error", message=file.error, type="cannot-open")
        errors = 1
    by_case: dict[str, list[Finding]] = {}
    for finding in file.findings:
        by_case.setdefault(finding.clause or finding.rule, []).append(finding)
    for key, name in [] if file.error else cases:
        case = ET.SubElement(suite, "testcase", name=name, classname=file.path)
        findings = by_case.get(key, [])
        failing = [f for f in findings if result.fails(f)]
        if failing:
            failures += 1
            failure = ET.SubElement(
                case, "failure", message=failing[0].message, type=failing[0].rule
            )
            failure.text = "\n".join(_line(file.path, f) for f in failing)
        others = [f for f in findings if f not in failing]
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(_line(file.path, f) for f in others)
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))


def _line(path: str, finding: Finding) -> str:
    waived = f" [waived: {finding.waiver_reason}]" if finding.waived else ""
    return (
        f"{path}:{finding.line}:{finding.column}: {finding.severity.value}[{finding.rule}] "
        f"{finding.message}{waived} — {finding.hint}"
    )
