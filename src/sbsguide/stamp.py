"""Stamping: what a rule or the loader said, made a finding in the run's language.

Severity (the rule's, the clause's verb, or the configuration's), the message and hint from
``messages.yaml``, the line and column from the source map: a rule says only what and where.
"""

from __future__ import annotations

from dataclasses import replace

from sbsguide import messages
from sbsguide.findings import Finding, Severity
from sbsguide.guide import Guide
from sbsguide.loader import LoadProblem
from sbsguide.messages import Lang, Localised
from sbsguide.rules import BY_NAME, Violation
from sbsguide.rules.base import LineOf
from sbsguide.source import SourceMap, dotted

LISTED_LINES = 10
"""A message names this many lines of a many-places finding; the finding keeps them all."""


def _line_list(lines: tuple[int, ...]) -> Localised:
    """``第 3、7 行`` / ``lines 3, 7``; past ten, ``第 3、…、40 行等 12 处`` / ``… and 2 more``."""
    shown = [str(n) for n in lines[:LISTED_LINES]]
    more = len(lines) - len(shown)
    return Localised(
        f"第 {'、'.join(shown)} 行" + (f"等 {len(lines)} 处" if more else ""),
        ("line " if len(lines) == 1 else "lines ")
        + ", ".join(shown)
        + (f" and {more} more" if more else ""),
    )


class Stamper:
    """Turns what a rule or the loader said into a finding: severity, clause, text, position."""

    def __init__(
        self,
        guide: Guide,
        lang: Lang,
        severity: dict[str, str] | None = None,
        *,
        keep_args: bool = True,
    ) -> None:
        self.guide = guide
        self.lang = lang
        self.severity = severity or {}  # the configuration's per-rule severities
        self.keep_args = keep_args
        # what a rule's findings share, worked out at its first (89,000 findings of one rule
        # at 100,000 standards): (default severity, configured severity or None, first clause)
        self._rules: dict[str, tuple[Severity, Severity | None, str]] = {}

    def violation(self, rule_name: str, violation: Violation, source: SourceMap) -> Finding:
        shared = self._rules.get(rule_name)
        if shared is None:
            shared = self._rules[rule_name] = self._shared(rule_name)
        default, configured, first_clause = shared
        args = {
            key: source.locate(value.path).line if isinstance(value, LineOf) else value
            for key, value in violation.args.items()
        }
        lines = tuple(source.locate(path).line for path in violation.lines)
        if lines:
            args["lines"] = _line_list(lines)
        message, hint = messages.render(rule_name, violation.message, args, self.lang)
        position = source.locate(violation.path)
        severity = violation.severity or default
        if configured is not None and severity is default:
            severity = configured  # an info of the rule stays an info
        return Finding(
            rule=rule_name,
            clause=violation.clause or first_clause,
            severity=severity,
            message=message,
            hint=hint,
            path=dotted(violation.path),
            line=position.line,
            column=position.column,
            key=violation.message,
            args=args if self.keep_args else {},
            lines=lines,
        )

    def _shared(self, rule_name: str) -> tuple[Severity, Severity | None, str]:
        rule = BY_NAME[rule_name]
        configured = self.severity.get(rule_name)
        return (
            rule.default_severity(self.guide),
            None if configured is None else Severity(configured),
            rule.clauses[0] if rule.clauses else "",
        )

    def load_problem(self, problem: LoadProblem, source: SourceMap) -> Finding:
        finding = self.violation(
            problem.rule,
            Violation(
                problem.message,
                problem.path,
                problem.args,
                Severity(problem.severity) if problem.severity else None,
            ),
            source,
        )
        if problem.line is None:
            return finding
        return replace(finding, line=problem.line, column=problem.column or 1)
