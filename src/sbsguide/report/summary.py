"""The provincial summary: one row per agency, and the clauses most often not met.

Each row comes from the same model as that agency's gap report, so the summary and the reports
never disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sbsguide.documents.model import Document, Part
from sbsguide.documents.sheets import Row, Sheet
from sbsguide.messages import Lang
from sbsguide.report.gap import GapReport
from sbsguide.report.model import TableReport, labels


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
    standards: int = 0  # in force
    public_share: str = "—"
    reason: str = ""  # why the file could not be read


@dataclass(frozen=True, slots=True)
class TitleBlock:
    """报送单位, 填报人, 填报日期: who sends the summary, who filled it in, and when (SPEC §7)."""

    submitter: str = ""
    preparer: str = ""
    filled_on: str = ""

    def rows(self, L: dict[str, str]) -> list[list[str]]:
        return [
            [L["submitter"], self.submitter],
            [L["preparer"], self.preparer],
            [L["filled_on"], self.filled_on],
        ]


SHORT_GAP = 28
"""Characters of the main gap shown in the agency table: eight agencies fit on a page."""


@dataclass(frozen=True, slots=True)
class Summary:
    lang: Lang
    labels: dict[str, str]
    as_of: date
    rows: tuple[AgencyRow, ...]
    often_not_met: tuple[tuple[str, int], ...]  # (clause with title, agencies not meeting it)
    duplicate_codes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (credit code, agencies)
    title: TitleBlock = TitleBlock()

    @property
    def totals(self) -> tuple[int, int, int]:
        """Errors, warnings and standards in force of all agencies."""
        return (
            sum(r.errors for r in self.rows),
            sum(r.warnings for r in self.rows),
            sum(r.standards for r in self.rows),
        )


def row_for(path: str, built: tuple[TableReport, GapReport] | None, reason: str) -> AgencyRow:
    """An agency's row; a file that cannot be read is a row too, with why, never an omission.

    Agencies are named by their name; one whose file cannot be read, by its folder's name.
    """
    if built is None:
        name = Path(path).name or path
        return AgencyRow(path, name, "", 0, 0, "—", (), "unreadable", reason=reason)
    table, gap = built
    return AgencyRow(
        path,
        gap.cover.agency,
        gap.cover.credit_code,
        gap.counts["error"],
        gap.counts["warning"],
        gap.score,
        tuple(a.problem for a in gap.actions[:3]),
        gap.trial,
        table.totals.total,
        table.totals.public_share,
    )


def build_summary(
    rows: list[tuple[str, tuple[TableReport, GapReport] | None, str]],
    as_of: date,
    lang: Lang,
    title: TitleBlock = TitleBlock(),
) -> Summary:
    """The summary of many agencies' models (None, with a reason, for a file not read).

    Agencies in order of region (the administrative-division digits 3–8 of the credit code,
    GB 32100), then name.
    """
    agency_rows = tuple(
        sorted(
            (row_for(path, built, reason) for path, built, reason in rows),
            key=lambda r: (r.credit_code[2:8] if len(r.credit_code) == 18 else "~", r.agency),
        )
    )
    not_met: Counter[str] = Counter()
    for _, built, _ in rows:
        if built is not None:
            not_met.update(
                f"{c.number} {c.title}"
                for c in built[1].clauses
                if c.verdict == "not-met" and c.verb
            )
    by_code: dict[str, list[str]] = {}
    for row in agency_rows:
        if row.credit_code:
            by_code.setdefault(row.credit_code, []).append(row.agency)
    duplicates = tuple((code, tuple(names)) for code, names in by_code.items() if len(names) > 1)
    return Summary(
        lang,
        labels(lang),
        as_of,
        agency_rows,
        tuple(not_met.most_common(10)),
        duplicates,
        replace(title, filled_on=title.filled_on or as_of.isoformat()),
    )


def short_gap(row: AgencyRow) -> str:
    """The first gap of an agency, cut to fit its cell (the rest is in the details table)."""
    text = row.gaps[0] if row.gaps else row.reason or "—"
    return text if len(text) <= SHORT_GAP else text[: SHORT_GAP - 1] + "…"


def summary_document(summary: Summary) -> Document:
    """The summary as the one document model: a form, landscape, with no cover.

    The title block, the agencies with a totals row (sortable on screen), the details of their
    gaps, the clauses most often not met, and agencies that give one credit code twice.
    """
    L = summary.labels
    facts: list[Row] = [
        *summary.title.rows(L),
        [L["checked_on"], summary.as_of.isoformat()],
        [L["agencies"], len(summary.rows)],
    ]
    marks: dict[tuple[int, int], str] = {}
    if summary.duplicate_codes:
        shared = "；".join(f"{code}({'、'.join(names)})" for code, names in summary.duplicate_codes)
        marks[len(facts), 1] = "not-met"
        facts.append([L["duplicate_codes"], f"{L['duplicate_warning']}{shared}"])
    keys = ("seq", "agency", "credit_code", "standards_count", "public_share_short", "error")
    agencies: list[Row] = [[L[k] for k in (*keys, "warning", "score", "top_gaps", "trial")]]
    for n, r in enumerate(summary.rows, 1):
        counts = [r.standards, r.public_share, r.errors, r.warnings, r.score]
        agencies.append([n, r.agency, r.credit_code or "—", *counts, short_gap(r), L[r.trial]])
    errors, warnings, standards = summary.totals
    agencies.append(["", L["total"], "", standards, "", errors, warnings, "", "", ""])
    details: list[Row] = [[L["seq"], L["agency"], L["top_gaps"]]]
    details += [
        [n, r.agency, "\n".join(r.gaps) or r.reason or "—"] for n, r in enumerate(summary.rows, 1)
    ]
    clauses: list[Row] = [[L["clause"], L["agencies_not_meeting"]]]
    clauses += [[clause, count] for clause, count in summary.often_not_met]
    sheets = [
        Sheet(
            L["agency_table"],
            agencies,
            (6, 28, 23, 8, 9, 6, 6, 10, 32, 12),
            landscape=True,
            autofilter=True,  # sortable on screen, filterable in Excel
            nowrap=frozenset({0, 2}),
            total=True,
        ),
        Sheet(L["gap_details"], details, (6, 30, 90), landscape=True),
        Sheet(L["often_not_met"], clauses, (50, 16)),
    ]
    if summary.duplicate_codes:
        duplicates: list[Row] = [[L["credit_code"], L["agency"]]]
        duplicates += [[code, "、".join(names)] for code, names in summary.duplicate_codes]
        sheets.append(Sheet(L["duplicate_codes"], duplicates, (22, 60)))
    title = Sheet(L["summary_title"], facts, (20, 60), header=False, label_column=True, marks=marks)
    parts = (
        Part("", (title,), landscape=True),
        *(Part(sheet.title, (sheet,), landscape=True) for sheet in sheets),
    )
    return Document(L["summary_title"], summary.lang, L, None, parts)


def folder_label(path: Path) -> str:
    """How a system file is named in the summary: its folder for system.yaml, else its name.

    Relative to the working directory where it lies below it: a reviewer's absolute paths mean
    nothing to the agencies.
    """
    shown = path.parent if path.name == "system.yaml" else path
    try:
        return str(shown.resolve().relative_to(Path.cwd().resolve())) or "."
    except (ValueError, OSError):
        return str(shown)
