"""The text report: ``path:line:col: severity[rule] clause message``, its hint, then summaries.

Plain lines when piped (and fast: no rich); colour through rich on a terminal unless NO_COLOR.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sbsguide.findings import CheckResult, FileResult, Finding
from sbsguide.messages import Lang
from sbsguide.ui import text

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
BLOCKING = frozenset({"yaml-syntax", "schema"})
"""Findings that stop the guide's rules from running on a file (engine.py)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def visible(text: str) -> str:
    """User text made safe for a terminal: control and bidi characters shown as escapes."""
    return _CONTROL.sub(_escape, text)


def visible_name(name: str) -> str:
    """A file name kept on one line: a newline or tab in it is shown escaped."""
    return _NAME_CONTROL.sub(_escape, name)


def lines(result: CheckResult) -> Iterator[tuple[str, str | None]]:
    """Each output line with the rich style it would have on a terminal."""
    lang: Lang = "en" if result.lang == "en" else "zh"
    for file in result.files:
        yield from _file_lines(file, lang)
    if all(file.error is not None for file in result.files):
        return  # nothing was checked: a summary of zero findings would mislead
    used = result.configurations
    settings = text("run-configurations", lang, paths="、".join(used)) if used else ""
    yield (
        text(
            "run-summary",
            lang,
            guide=result.guide,
            as_of=result.as_of.isoformat(),
            **result.summary(),
        )
        + settings,
        "bold",
    )


def _file_lines(file: FileResult, lang: Lang) -> Iterator[tuple[str, str | None]]:
    if file.error is not None:
        path = visible_name(file.path)
        yield text("cannot-open", lang, path=path, reason=file.error), "bold red"
        return
    shown = [f for f in file.findings if not f.waived]
    for finding in shown:
        yield finding_line(file.path, finding, lang), STYLE[finding.severity.value]
        yield f"    {text('hint', lang)}{visible(finding.hint)}", "dim"
    counts = file.counts()
    if not file.findings:
        yield text("clean", lang, path=visible_name(file.path)), "green"
    else:
        waived = text("waived-part", lang, n=counts["waived"]) if counts["waived"] else ""
        yield (
            text(
                "file-summary",
                lang,
                path=visible_name(file.path),
                error=counts["error"],
                warning=counts["warning"],
                info=counts["info"],
                waived=waived,
            ),
            None,
        )
    if any(f.rule in BLOCKING for f in file.findings):
        yield text("rules-pending", lang), "yellow"


def finding_line(path: str, finding: Finding, lang: Lang) -> str:
    severity = text(finding.severity.value, lang)
    clause = finding.clause or "—"
    return (
        f"{visible_name(path)}:{finding.line}:{finding.column}: "
        f"{severity}[{finding.rule}] {clause} {visible(finding.message)}"
    )


def render(result: CheckResult) -> str:
    """The whole report as plain text."""
    return "".join(line + "\n" for line, _ in lines(result))
