"""Findings and check results: plain values that every output renders."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a finding matters; the default follows the clause's verb."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return _RANK[self]

    @classmethod
    def from_verb(cls, verb: str) -> Severity:
        """应 (shall) → error, 宜 (should) → warning, 可 (may) → info."""
        return _BY_VERB[verb]


_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
_BY_VERB = {"应": Severity.ERROR, "宜": Severity.WARNING, "可": Severity.INFO}


@dataclass(slots=True)
class Finding:
    """One located problem, in the language of the run.

    Not changed once made (``dataclasses.replace`` makes another), but not frozen: a frozen
    dataclass is made three times as slowly, and a large system has 89,000 findings.
    """

    rule: str
    clause: str
    severity: Severity
    message: str
    hint: str
    path: str
    line: int
    column: int
    waived: bool = False
    waiver_reason: str | None = None
    key: str = ""  # the message id within the rule, e.g. "running" for trial-period
    lines: tuple[int, ...] = ()  # one finding for many places (SPEC §7 typeset numbers)
    # what the message was made from, for the documents' own wording (report/plain.py)
    args: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        """Findings are sorted by line, column, rule (SPEC §4)."""
        return (self.line, self.column, self.rule)


@dataclass(slots=True)
class FileResult:
    """The findings of one file, or why it could not be opened."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    configurations: tuple[str, ...] = ()  # the configuration files used for this file

    def counts(self) -> dict[str, int]:
        """Unwaived findings per severity, and the number waived."""
        counts = {"error": 0, "warning": 0, "info": 0, "waived": 0}
        for finding in self.findings:
            counts["waived" if finding.waived else finding.severity.value] += 1
        return counts


@dataclass(slots=True)
class CheckResult:
    """The outcome of one `sbs check` run over one or more files."""

    files: list[FileResult]
    as_of: date
    guide: str
    lang: str
    strict: bool = False  # warnings fail the run too (--strict)
    catalogues: tuple[str, ...] = ()  # the user catalogues layered over the shipped one

    @property
    def configurations(self) -> tuple[str, ...]:
        """Every configuration file the run used, in the order first met."""
        return tuple(dict.fromkeys(c for f in self.files for c in f.configurations))

    def summary(self) -> dict[str, int]:
        """Totals over all files, in the shape of the JSON ``summary``."""
        total = {"files": len(self.files), "error": 0, "warning": 0, "info": 0, "waived": 0}
        for result in self.files:
            for key, value in result.counts().items():
                total[key] += value
        return total

    def fails(self, finding: Finding) -> bool:
        """Whether a finding fails the run: an unwaived error, or warning under --strict."""
        failing = (Severity.ERROR, Severity.WARNING) if self.strict else (Severity.ERROR,)
        return not finding.waived and finding.severity in failing

    def exit_code(self) -> int:
        """0 clean, 1 failing findings, 2 a file that could not be opened (SPEC §4)."""
        if any(result.error is not None for result in self.files):
            return 2
        return 1 if any(self.fails(f) for r in self.files for f in r.findings) else 0
