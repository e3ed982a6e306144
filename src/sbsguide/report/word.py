"""Word renderings of the reports, on the document layer (documents/docx.py).

Each document opens with a cover a controlled document needs (文件编号, 版本, 受控状态, 编制/审核/
批准, 修订记录), then 目次, then numbered parts. The tables are the spreadsheet's (spreadsheet.py),
so the formats cannot disagree.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sbsguide.documents import docx as layer
from sbsguide.documents import drawing
from sbsguide.report.diagram import figures
from sbsguide.report.gap import GapReport
from sbsguide.report.model import TableReport
from sbsguide.report.spreadsheet import gap_sheets, table_sheets
from sbsguide.report.summary import Summary, summary_sheets

LONG_REMARK = 16
"""Characters of 备注 kept in the detail table's narrow column; a longer one becomes a note."""


def _front_matter(report: TableReport | GapReport, title: str) -> Any:
    """A new document with its cover and contents: what every report opens with."""
    return layer.front_matter(report.cover, report.labels, report.lang, title)


def table_docx(r: TableReport) -> bytes:
    """The standard-system table: cover, contents, structure, detail, statistics, note."""
    L = r.labels
    document = _front_matter(r, L["table_title"])
    *_, statistics, _ = table_sheets(r)

    layer.heading(document, f"1 {L['structure']}", 1)
    layer.paragraph(document, L["structure_note"])
    width = layer.text_width_mm()
    for number, diagram in enumerate(figures(r, f"{r.cover.agency} {L['table_title']}"), 1):
        drawing.figure(document, diagram, width_mm=width, number=number)
        caption = layer.paragraph(document, f"{L['figure']}{number} {diagram.caption}")
        caption.alignment = 1  # centred
        caption.paragraph_format.first_line_indent = 0
    layer.paragraph(document, L["figure_legend"])

    layer.heading(document, f"2 {L['detail']}", 1)
    rows: list[list[object]] = [
        [L["seq"], L["code"], L["number"], L["name"], L["implemented"], L["replaces"], L["remark"]]
    ]
    groups: set[int] = set()
    notes: list[str] = []
    for s in r.subsystems:
        groups.add(len(rows))
        rows.append([f"{L['layer'].format(n=s.layer)} {s.name}"])
        for c in s.categories:
            groups.add(len(rows))
            heading = f"{c.name} ({c.clause})" if c.clause else c.name
            if c.not_applicable is not None:
                heading += f" — {L['not_applicable']}：{c.not_applicable}"
            elif not c.rows and not c.missing:
                heading += f" — {L['no_standards']}"
            rows.append([heading])
            for x in c.rows:
                remark = x.remark
                if len(remark) > LONG_REMARK:  # a long remark goes below the table, numbered
                    notes.append(remark)
                    remark = L["note_ref"].format(n=len(notes))
                rows.append([x.seq, x.code, x.number, x.name, x.implemented, x.replaces, remark])
            if c.missing:  # 缺: counted in 应有数, no 序号 (SPEC §7)
                rows.append(["", "", "", L["missing_row"], "", "", L["missing_mark"]])
    layer.table(
        document,
        rows,
        # millimetres of the 170 mm text width at 9 pt: 2020-10-01, GB/T 24421.1—2023 and the
        # number it replaces fit on one line; the title takes the rest (29%)
        (9, 16, 31, 48, 18, 31, 17),
        groups=frozenset(groups),
        nowrap=frozenset({0, 1, 2, 4, 5}),
    )
    for n, note in enumerate(notes, 1):
        layer.paragraph(document, L["note_line"].format(n=n, text=note))

    layer.landscape_section(document)  # twelve columns: a landscape page, as in the workbook
    layer.heading(document, f"3 {L['statistics']}", 1)
    layer.sheet_table(document, statistics, landscape=True)

    layer.portrait_section(document)
    layer.heading(document, f"4 {L['explanatory_note']}", 1)
    for paragraph in r.note:
        layer.paragraph(document, paragraph)
    return layer.save(document)


def gap_docx(r: GapReport) -> bytes:
    """The gap report: cover, contents, verdict, clauses, coverage, actions (landscape), notes."""
    L = r.labels
    document = _front_matter(r, L["gap_title"])
    summary, clauses, coverage, actions, notes, *annex = gap_sheets(r)
    layer.heading(document, f"1 {L['verdict']}", 1)
    verdict = [row for row in summary.rows[3:9]]
    layer.table(document, verdict, (3, 7), header=False, bold_first_column=True)
    for number, sheet in enumerate((clauses, coverage), 2):
        layer.heading(document, f"{number} {sheet.title}", 1)
        layer.sheet_table(document, sheet)
    layer.landscape_section(document)
    layer.heading(document, f"4 {actions.title}", 1)
    if len(actions.rows) > 1:
        layer.sheet_table(document, actions, landscape=True)
    else:
        layer.paragraph(document, L["none"])
    if len(notes.rows) > 1:  # no notes: no part of its own (a last page holding only 无)
        layer.heading(document, f"5 {notes.title}", 1)
        layer.sheet_table(document, notes, landscape=True)
    for sheet in annex:
        layer.heading(document, sheet.title, 1)
        layer.sheet_table(document, sheet, landscape=True)
    return layer.save(document)


def summary_docx(s: Summary) -> bytes:
    """The provincial summary, landscape: one row per agency, then the clauses most often missed."""
    L = s.labels
    document = layer.new_document(
        title=L["summary_title"], author="sbs", lang=s.lang, page_label=L["page_of"]
    )
    title, agencies, *others = summary_sheets(s)
    layer.landscape_section(document, first=True)
    layer.heading(document, L["summary_title"], 1)
    layer.sheet_table(document, replace(title, rows=title.rows[1:]), landscape=True)  # no 2nd title
    layer.heading(document, agencies.title, 1)
    layer.sheet_table(document, agencies, landscape=True)
    for sheet in others:  # gap details; the clauses most often missed; credit codes given twice
        layer.heading(document, sheet.title, 1)
        layer.sheet_table(document, sheet, landscape=True)
    return layer.save(document)
