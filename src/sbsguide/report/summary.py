"""The provincial summary: one row per agency, and the clauses most often not met.

Each row comes from the same model as that agency's gap report, so the summary and the reports
never disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sbsguide.messages import Lang
from sbsguide.report.gap import GapReport
from sbsguide.report.model import labels
from sbsguide.report.spreadsheet import Row


@dataclass(frozen=True, slots=True)
class AgencyRow:
    path: str
    agency: str
    credit_code: str
    errors: int
    warnings: int
    score: str
    gaps: tuple[str, ...]
    trial: str  # a label key


@dataclass(frozen=True, slots=True)
class Summary:
    lang: Lang
    labels: dict[str, str]
    as_of: date
    rows: tuple[AgencyRow, ...]
    often_not_met: tuple[tuple[str, int], ...]  # (clause with title, agencies not meeting it)


def row_for(path: str, gap: GapReport | None, blocking: int) -> AgencyRow:
    """An agency's row; a file that cannot be read is a row too, never a silent omission."""
    if gap is None:
        return AgencyRow(path, path, "", blocking, 0, "—", (), "unreadable")
    return AgencyRow(
        path,
        gap.cover.agency,
        gap.cover.credit_code,
        gap.counts["error"],
        gap.counts["warning"],
        gap.score,
        tuple(a.problem for a in gap.actions[:3]),
        gap.trial,
    )


def build_summary(
    rows: list[tuple[str, GapReport | None, int]], as_of: date, lang: Lang
) -> Summary:
    """The summary of many agencies' gap models (None for a file that could not be read)."""
    agency_rows = tuple(row_for(path, gap, blocking) for path, gap, blocking in rows)
    not_met: Counter[str] = Counter()
    for _, gap, _ in rows:
        if gap is not None:
            not_met.update(
                f"{c.number} {c.title}" for c in gap.clauses if c.verdict == "not-met" and c.verb
            )
    return Summary(lang, labels(lang), as_of, agency_rows, tuple(not_met.most_common(10)))


def summary_sheets(summary: Summary) -> list[tuple[str, list[Row]]]:
    """The summary as spreadsheet rows (header first)."""
    L = summary.labels
    agencies: list[Row] = [
        [
            L["agency"],
            L["credit_code"],
            L["error"],
            L["warning"],
            L["score"],
            L["top_gaps"],
            L["trial"],
            L["file"],
        ]
    ]
    agencies += [
        [
            r.agency,
            r.credit_code,
            r.errors,
            r.warnings,
            r.score,
            "\n".join(r.gaps),
            L[r.trial],
            r.path,
        ]
        for r in summary.rows
    ]
    clauses: list[Row] = [[L["clause"], L["agencies_not_meeting"]]]
    clauses += [[clause, count] for clause, count in summary.often_not_met]
    return [(L["summary_title"], agencies), (L["often_not_met"], clauses)]


def folder_label(path: Path) -> str:
    """How a system file is named in the summary: its folder for system.yaml, else its name."""
    return str(path.parent if path.name == "system.yaml" else path)
