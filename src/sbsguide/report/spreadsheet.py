"""The reports as sheets (Excel, CSV, and the tables of the Word reports).

Each builder turns a report model into ``Sheet`` values; ``documents/sheets.py`` writes them.
"""

from __future__ import annotations

from sbsguide.documents import sheets
from sbsguide.documents.sheets import Row, Sheet
from sbsguide.report.gap import GapReport
from sbsguide.report.model import TableReport


def cover_sheet(r: TableReport | GapReport, title: str) -> Sheet:
    """The report's cover as a sheet (documents/sheets.py)."""
    return sheets.cover_sheet(r.cover, r.labels, title)


def table_sheets(r: TableReport) -> list[Sheet]:
    """The table's parts: cover, structure, detail, statistics, explanatory note."""
    L = r.labels
    structure: list[Row] = [[L["layer_header"], L["subsystem"], L["category"], L["count"]]]
    detail: list[Row] = [
        [
            L["seq"],
            L["code"],
            L["number"],
            L["name"],
            L["implemented"],
            L["replaces"],
            L["remark"],
            L["subsystem"],
            L["category"],
        ]
    ]
    for s in r.subsystems:
        for c in s.categories:
            shown = (
                L["not_applicable"]
                if c.not_applicable is not None
                else f"{c.count} ({L['missing_mark']})"
                if c.missing
                else c.count
            )
            structure.append(
                [L["layer"].format(n=s.layer), f"{s.name} ({s.count})", f"{c.code} {c.name}", shown]
            )
            # an N/A category has no row here (every row is a standard: the count matches the
            # cover); the structure sheet and the note say it does not apply
            for row in c.rows:
                detail.append(
                    [
                        row.seq,
                        row.code,
                        row.number,
                        row.name,
                        row.implemented,
                        row.replaces,
                        row.remark,
                        s.name,
                        c.name,
                    ]
                )
            if c.missing:  # 缺: counted in 应有数, no 序号 (SPEC §7)
                detail.append(
                    ["", "", "", L["missing_row"], "", "", L["missing_mark"], s.name, c.name]
                )
    stats: list[Row] = r.statistics_table()
    note: list[Row] = [[L["explanatory_note"]], *([p] for p in r.note)]
    return [
        cover_sheet(r, L["table_title"]),
        Sheet(
            L["structure"],
            structure,
            (8, 26, 34, 10),
            nowrap=frozenset({0, 3}),
            merge_down=frozenset({0, 1}),  # a box diagram: a layer and a sub-system span rows
            vertical=frozenset({0}) if r.lang == "zh" else frozenset(),
        ),
        Sheet(
            L["detail"],
            detail,
            (5, 10, 19, 40, 11, 19, 16, 17, 23),
            landscape=True,
            autofilter=True,
            nowrap=frozenset({0, 1, 2, 4}),
        ),
        Sheet(L["statistics"], stats, (18, *([7] * 6), 7, 7, 9, 8, 14), landscape=True),
        Sheet(L["explanatory_note"], note, (84,)),  # one A4 portrait width of wrapped text
    ]


def gap_sheets(r: GapReport) -> list[Sheet]:
    """The gap report's parts: cover and verdict, clauses, coverage, actions, notes.

    One finding per row: a clause with several findings takes several rows.
    """
    L = r.labels
    summary = cover_sheet(r, L["gap_title"])
    summary.rows[3:3] = [
        [L["verdict"], r.verdict_label],
        [L["score"], f"{r.score} ({r.shall_met}/{r.shall_total})"],
        *([L[k], r.counts[k]] for k in ("error", "warning", "info", "waived")),
    ]
    clauses: list[Row] = [[L["clause"], L["requirement"], L["verdict"], L["evidence"]]]
    for c in r.clauses:
        verb = f" ({c.verb})" if c.verb else ""
        evidence = c.evidence or ("—",)
        clauses.append([f"{c.number} {c.title}{verb}", c.requirement, L[c.verdict], evidence[0]])
        # a clause's further findings say whose they are, on whatever page they fall
        more_rows = [[L["continued"].format(clause=c.number), "", "", m] for m in evidence[1:]]
        clauses += more_rows
    coverage: list[Row] = [
        [L["subsystem"], L["category"], L["count"], L["status"], L["suggestions"]]
    ]
    coverage += [
        [c.subsystem, c.category, c.count, L[c.status], "\n".join(c.suggestions)]
        for c in r.coverage
    ]
    # 责任人, 完成时限 and 验证 are the agency's to fill in (the records of 5.5, when kept)
    actions: list[Row] = [
        [
            L[k]
            for k in (
                "priority",
                "severity",
                "clause",
                "problem",
                "fix",
                "owner",
                "due",
                "verified",
            )
        ]
    ]
    actions += [
        [a.priority, L[a.severity], a.clause, a.problem, a.fix, "", "", ""] for a in r.actions
    ]
    notes: list[Row] = [[L["clause"], L["problem"]]]
    notes += [[a.clause, a.problem] for a in r.infos]
    sheets = [
        summary,
        Sheet(L["clauses"], clauses, (20, 34, 10, 50), landscape=True, nowrap=frozenset({2})),
        Sheet(L["coverage"], coverage, (16, 20, 7, 10, 50), landscape=True),
        Sheet(L["actions"], actions, (6, 7, 8, 44, 44, 9, 10, 8), landscape=True, autofilter=True),
        Sheet(L["infos"], notes, (8, 100)),
    ]
    if r.annex:
        annex: list[Row] = [
            [L["priority"], L["rule"], L["line"], L["key_path"], L["problem"], L["fix"]]
        ]
        annex += [[a.priority, a.rule, a.line, a.path, a.message, a.hint] for a in r.actions]
        sheets.append(Sheet(L["annex"], annex, (6, 18, 6, 30, 50, 50), landscape=True))
    return sheets
