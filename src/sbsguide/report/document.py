"""The table and the gap report as the one document model (documents/model.py).

What each holds, part by part; documents/write.py prints them in Word, Excel, HTML and
Markdown, so the formats cannot disagree. The CSV of each is its one machine-readable table.
"""

from __future__ import annotations

from sbsguide.documents.model import Document, Figures, Part
from sbsguide.documents.sheets import Row, Sheet
from sbsguide.report.diagram import figures
from sbsguide.report.gap import GapReport
from sbsguide.report.model import TableReport

LONG_REMARK = 16
"""Characters of 备注 kept in the detail table's narrow column; a longer one becomes a note."""


def table_document(r: TableReport) -> Document:
    """The standard-system table (GB/T 13016): structure, detail, statistics, explanatory note."""
    L = r.labels
    structure = Figures(
        tuple(figures(r, f"{r.cover.agency} {L['table_title']}")),
        _structure(r),
        L["figure_legend"],
    )
    detail, notes = _detail(r)
    statistics = Sheet(
        L["statistics"], r.statistics_table(), (18, *([7] * 6), 7, 7, 9, 8, 14), landscape=True
    )
    parts = (
        Part(f"1 {L['structure']}", (L["structure_note"], structure)),
        Part(f"2 {L['detail']}", (detail, *notes)),
        Part(f"3 {L['statistics']}", (statistics,), landscape=True),  # twelve columns
        Part(f"4 {L['explanatory_note']}", r.note),
    )
    return Document(L["table_title"], r.lang, L, r.cover, parts)


def _structure(r: TableReport) -> Sheet:
    """The figures as a table: a layer and a sub-system span the rows of their categories."""
    L = r.labels
    rows: list[Row] = [[L["layer_header"], L["subsystem"], L["category"], L["count"]]]
    for s in r.subsystems:
        for c in s.categories:
            shown = (
                L["not_applicable"]
                if c.not_applicable is not None
                else f"{c.count} ({L['missing_mark']})"
                if c.missing
                else c.count
            )
            rows.append(
                [L["layer"].format(n=s.layer), f"{s.name} ({s.count})", f"{c.code} {c.name}", shown]
            )
    rows.append([L["total"], "", "", r.totals.total])  # the number in figure 1's top box
    return Sheet(
        L["structure"],
        rows,
        (8, 26, 34, 10),
        nowrap=frozenset({0, 3}),
        merge_down=frozenset({0, 1}),  # a box diagram: a layer and a sub-system span rows
        vertical=frozenset({0}) if r.lang == "zh" else frozenset(),
    )


def _detail(r: TableReport) -> tuple[Sheet, list[str]]:
    """The detail table, grouped by sub-system and category, and the notes of long remarks.

    Every standard listed has its 序号; a required category with nothing is a 缺 row with no
    序号 (counted in 应有数, SPEC §7); a category that does not apply says why in its heading.
    """
    L = r.labels
    rows: list[Row] = [
        [L["seq"], L["code"], L["number"], L["name"], L["implemented"], L["replaces"], L["remark"]]
    ]
    groups: set[int] = set()
    marks: dict[tuple[int, int], str] = {}
    notes: list[str] = []
    for s in r.subsystems:
        groups.add(len(rows))
        rows.append([f"{L['layer'].format(n=s.layer)} {s.name}"])
        for c in s.categories:
            groups.add(len(rows))
            heading = f"{c.name} ({c.clause})" if c.clause else c.name
            if c.not_applicable is not None:
                reason = f"：{c.not_applicable}" if c.not_applicable else ""
                heading += f" — {L['not_applicable']}{reason}"
            elif not c.rows and not c.missing:
                heading += f" — {L['no_standards']}"
            rows.append([heading])
            for x in c.rows:
                remark = x.remark
                if len(remark) > LONG_REMARK:  # a long remark goes below the table, numbered
                    notes.append(L["note_line"].format(n=len(notes) + 1, text=remark))
                    remark = L["note_ref"].format(n=len(notes))
                rows.append([x.seq, x.code, x.number, x.name, x.implemented, x.replaces, remark])
            if c.missing:
                marks[len(rows), 3] = "not-met"
                rows.append(["", "", "", L["missing_row"], "", "", L["missing_mark"]])
    detail = Sheet(
        L["detail"],
        rows,
        # of 170 mm of text at 9 pt: 2020-10-01, GB/T 24421.1—2023 and the number it replaces
        # fit on one line, in Word's Times and in the HTML's wider sans alike ("Implemented"
        # too); the title takes the rest (28%)
        (7, 15, 33, 48, 20, 31, 16),
        landscape=True,
        nowrap=frozenset({0, 1, 2, 4, 5}),
        groups=frozenset(groups),
        marks=marks,
    )
    return detail, notes


def table_csv_rows(r: TableReport) -> list[Row]:
    """The detail as one flat table with its sub-system and category (for machines)."""
    L = r.labels
    keys = ("seq", "code", "number", "name", "implemented", "replaces", "remark")
    rows: list[Row] = [[L[k] for k in (*keys, "subsystem", "category")]]
    for s in r.subsystems:
        for c in s.categories:
            for x in c.rows:
                row = [x.seq, x.code, x.number, x.name, x.implemented, x.replaces, x.remark]
                rows.append([*row, s.name, c.name])
            if c.missing:  # 缺: counted in 应有数, no 序号 (SPEC §7)
                missing = ["", "", "", L["missing_row"], "", "", L["missing_mark"]]
                rows.append([*missing, s.name, c.name])
    return rows


def gap_document(r: GapReport) -> Document:
    """The gap report: verdict, clauses, coverage, actions (landscape), notes, annex."""
    L = r.labels
    actions = _actions(r)
    parts = [
        Part(f"1 {L['verdict']}", (_verdict(r),)),
        Part(f"2 {L['clauses']}", (_clauses(r),)),
        Part(f"3 {L['coverage']}", (_coverage(r),)),
        Part(f"4 {L['actions']}", (actions if r.actions else L["none"],), landscape=True),
    ]
    if r.infos:  # nothing noted: no part of its own (no last page holding only 无)
        notes: list[Row] = [[L["clause"], L["problem"]], *([a.clause, a.problem] for a in r.infos)]
        parts.append(Part(f"5 {L['infos']}", (Sheet(L["infos"], notes, (8, 100)),), True))
    if r.annex:
        annex: list[Row] = [
            [L["priority"], L["rule"], L["line"], L["key_path"], L["problem"], L["fix"]]
        ]
        annex += [[a.priority, a.rule, a.line, a.path, a.message, a.hint] for a in r.actions]
        sheet = Sheet(L["annex"], annex, (6, 18, 6, 30, 50, 50), landscape=True)
        parts.append(Part(L["annex"], (sheet,), landscape=True))
    return Document(L["gap_title"], r.lang, L, r.cover, tuple(parts))


def _verdict(r: GapReport) -> Sheet:
    L = r.labels
    verdict = "met" if r.conforming else "not-met"
    rows: list[Row] = [
        [L["verdict"], r.verdict_label],
        [L["score"], f"{r.score} ({r.shall_met}/{r.shall_total})"],
        *([L[k], r.counts[k]] for k in ("error", "warning", "info", "waived")),
    ]
    marks = {(0, 1): "not-assessable" if r.conforming and r.not_assessable else verdict}
    return Sheet(L["verdict"], rows, (16, 60), header=False, label_column=True, marks=marks)


def _clauses(r: GapReport) -> Sheet:
    """One finding per row; a clause's further rows say whose they are, on whatever page."""
    L = r.labels
    rows: list[Row] = [[L["clause"], L["requirement"], L["verdict"], L["evidence"]]]
    marks: dict[tuple[int, int], str] = {}
    for c in r.clauses:
        verb = f" ({c.verb})" if c.verb else ""
        evidence = c.evidence or ("—",)
        marks[len(rows), 2] = c.verdict
        rows.append([f"{c.number} {c.title}{verb}", c.requirement, L[c.verdict], evidence[0]])
        rows += [[L["continued"].format(clause=c.number), "", "", m] for m in evidence[1:]]
    widths = (20, 34, 10, 50)
    return Sheet(L["clauses"], rows, widths, landscape=True, nowrap=frozenset({2}), marks=marks)


def _coverage(r: GapReport) -> Sheet:
    L = r.labels
    rows: list[Row] = [[L["subsystem"], L["category"], L["count"], L["status"], L["suggestions"]]]
    marks: dict[tuple[int, int], str] = {}
    for c in r.coverage:
        if c.status == "empty":
            marks[len(rows), 3] = "not-met"
        suggestions = "\n".join(c.suggestions) or "—"
        rows.append([c.subsystem, c.category, c.count, L[c.status], suggestions])
    return Sheet(L["coverage"], rows, (16, 20, 7, 10, 50), landscape=True, marks=marks)


def _actions(r: GapReport) -> Sheet:
    """What to do, in order; 责任人, 完成时限 and 验证 are the agency's to fill in."""
    L = r.labels
    keys = ("priority", "severity", "clause", "problem", "fix", "owner", "due", "verified")
    rows: list[Row] = [[L[k] for k in keys]]
    marks: dict[tuple[int, int], str] = {}
    for a in r.actions:
        marks[len(rows), 1] = "not-met" if a.severity == "error" else "not-adopted"
        rows.append([a.priority, L[a.severity], a.clause, a.problem, a.fix, "", "", ""])
    return Sheet(
        L["actions"],
        rows,
        (6, 7, 8, 44, 44, 9, 10, 8),
        landscape=True,
        autofilter=True,
        nowrap=frozenset({1, 2}),
        marks=marks,
    )


def gap_csv_rows(r: GapReport) -> list[Row]:
    """The action list (for machines and trackers)."""
    return _actions(r).rows
