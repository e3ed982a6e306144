"""GitHub Actions workflow commands: one annotation per finding, and a step summary table.

GitHub shows only the first few annotations of each kind per step, so the output ends with a
notice giving the totals; the full table goes to ``$GITHUB_STEP_SUMMARY`` when it is set.
"""

from __future__ import annotations

import os
import sys

from sbsguide.findings import CheckResult, Finding, Severity
from sbsguide.messages import Lang
from sbsguide.oserrors import os_reason
from sbsguide.output.locations import relative_uri
from sbsguide.output.text_format import visible
from sbsguide.ui import text

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, finding: Finding) -> str:
    """One ``::error file=…,line=…,col=…,title=…::message`` line."""
    title = f"{finding.rule} {finding.clause}".strip()
    return (
        f"::{COMMAND[finding.severity]} file={_property(relative_uri(path))},"
        f"line={finding.line},col={finding.column},title={_property(title)}::"
        f"{_data(finding.message + ' — ' + finding.hint)}"
    )


def render(result: CheckResult) -> str:
    """The annotations (waived findings are not annotated) and a closing totals notice."""
    lines = [annotation(f.path, x) for f in result.files for x in f.findings if not x.waived]
    lines += [
        f"::error file={_property(relative_uri(f.path))}::{_data(f.error)}"
        for f in result.files
        if f.error is not None
    ]
    totals = result.summary()
    lines.append(
        f"::notice title=sbs::{totals['files']} file(s), {totals['error']} error(s), "
        f"{totals['warning']} warning(s), {totals['info']} info(s), {totals['waived']} waived"
    )
    return "\n".join(lines) + "\n"


def step_summary(result: CheckResult) -> str:
    """A Markdown table of every finding, for ``$GITHUB_STEP_SUMMARY``."""
    rows = [
        "| 文件 file | 行 line | 级别 severity | 规则 rule | 条款 clause | 说明 message |",
        "|---|---|---|---|---|---|",
    ]
    for file in result.files:
        for finding in file.findings:
            message = finding.message.replace("|", "\\|")
            severity = finding.severity.value + (" (waived)" if finding.waived else "")
            rows.append(
                f"| {relative_uri(file.path)} | {finding.line} | {severity} | "
                f"`{finding.rule}` | {finding.clause or '—'} | {message} |"
            )
    totals = result.summary()
    head = (
        f"### sbs: {totals['error']} error(s), {totals['warning']} warning(s), "
        f"{totals['info']} info(s) — {result.guide}, {result.as_of.isoformat()}\n\n"
    )
    return head + "\n".join(rows) + "\n"


def append_step_summary(result: CheckResult) -> None:
    """Append the summary table where GitHub asks for it (nothing outside Actions)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(step_summary(result))
    except OSError as error:  # a summary the runner cannot take never fails the check
        lang: Lang = "en" if result.lang == "en" else "zh"
        reason = os_reason(error, lang)
        sys.stderr.write(f"sbs: {text('step-summary-failed', lang, path=target, reason=reason)}\n")
