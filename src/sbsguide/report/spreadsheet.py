"""Excel (openpyxl) and CSV renderings: one sheet per part, cells as text, no formulas ever.

A standard number or code is always written as a string cell with the text format, so Excel never
turns ``GB/T 1.1`` or ``2020-10-01`` into something else; a cell that begins with ``=``, ``+``,
``-`` or ``@`` is written as a string with Excel's quote prefix, so it can never run as a formula.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from sbsguide.report.gap import GapReport
from sbsguide.report.model import TableReport

FORMULA_START = ("=", "+", "-", "@")
Row = Sequence[object]
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text that XML (and so Excel and Word) can hold: illegal control characters become �."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def display_width(text: str) -> int:
    """Columns a text takes in Excel's default font: CJK characters count double."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table_sheets(r: TableReport) -> list[tuple[str, list[Row]]]:
    """The table's parts as (sheet title, rows with a header first)."""
    L = r.labels
    cover: list[Row] = [
        [L["agency"], r.cover.agency],
        [L["credit_code"], r.cover.credit_code or "—"],
        [L["guide"], r.cover.guide],
        [L["as_of"], r.cover.as_of.isoformat()],
        [L["standards_count"], r.cover.standards],
    ]
    structure: list[Row] = [[L["layer"].format(n=""), L["subsystem"], L["category"], L["count"]]]
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
            shown = L["not_applicable"] if c.not_applicable is not None else c.count
            structure.append([L["layer"].format(n=s.layer), f"{s.name} ({s.count})", c.name, shown])
            if c.not_applicable is not None:
                detail.append(
                    [
                        "",
                        "",
                        "",
                        f"【{L['not_applicable']}】{c.not_applicable}",
                        "",
                        "",
                        "",
                        s.name,
                        c.name,
                    ]
                )
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
    stats: list[Row] = r.statistics_table()
    note: list[Row] = [[L["explanatory_note"]], *([p] for p in r.note)]
    return [
        (L["cover"], [["", ""], *cover]),
        (L["structure"], structure),
        (L["detail"], detail),
        (L["statistics"], stats),
        (L["explanatory_note"], note),
    ]


def gap_sheets(r: GapReport) -> list[tuple[str, list[Row]]]:
    """The gap report's parts as (sheet title, rows with a header first)."""
    L = r.labels
    summary: list[Row] = [
        ["", ""],
        [L["agency"], r.cover.agency],
        [L["guide"], r.cover.guide],
        [L["as_of"], r.cover.as_of.isoformat()],
        [L["verdict"], L["conforming"] if r.conforming else L["not_conforming"]],
        [L["score"], f"{r.score} ({r.shall_met}/{r.shall_total})"],
    ]
    summary += [[L[k], r.counts[k]] for k in ("error", "warning", "info", "waived")]
    clauses: list[Row] = [[L["clause"], L["requirement"], L["verdict"], L["evidence"]]]
    clauses += [
        [f"{c.number} {c.title}", c.requirement, L[c.verdict], "\n".join(c.evidence)]
        for c in r.clauses
    ]
    coverage: list[Row] = [
        [L["subsystem"], L["category"], L["count"], L["status"], L["suggestions"]]
    ]
    coverage += [
        [c.subsystem, c.category, c.count, L[c.status], "\n".join(c.suggestions)]
        for c in r.coverage
    ]
    actions: list[Row] = [
        [L["priority"], L["severity"], L["clause"], L["line"], L["problem"], L["fix"]]
    ]
    actions += [[a.priority, L[a.severity], a.clause, a.line, a.problem, a.fix] for a in r.actions]
    return [
        (L["gap_title"], summary),
        (L["clauses"], clauses),
        (L["coverage"], coverage),
        (L["actions"], actions),
    ]


def xlsx(sheets: list[tuple[str, list[Row]]]) -> bytes:
    """A workbook: frozen header row, widths that fit Chinese text, every text cell a string.

    Written in openpyxl's write-only mode: 10,000 rows take a second, not ten.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook(write_only=True)
    wrap, bold = Alignment(wrap_text=True, vertical="top"), Font(bold=True)
    for title, rows in sheets:
        sheet = book.create_sheet(_sheet_title(title))
        widths: dict[int, int] = {}
        for row in rows:
            for c, value in enumerate(row):
                longest = max((display_width(part) for part in str(value).split("\n")), default=0)
                widths[c] = max(widths.get(c, 0), longest)
        for c, width in widths.items():
            sheet.column_dimensions[_column_letter(c + 1)].width = min(max(width + 2, 6), 60)
        sheet.freeze_panes = "A2"
        for r, row in enumerate(rows):
            sheet.append([_cell(sheet, value, wrap, bold if r == 0 else None) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _cell(sheet: Any, value: object, wrap: Any, font: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, int) and not isinstance(value, bool):
        cell = WriteOnlyCell(sheet, value=value)
    else:
        text = xml_safe("" if value is None else str(value))
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # never a formula, a number or a date
        cell.number_format = "@"
        if text.startswith(FORMULA_START):
            cell.quotePrefix = True
    cell.alignment = wrap
    if font is not None:
        cell.font = font
    return cell


def _sheet_title(title: str) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in title)
    return cleaned[:31] or "Sheet"


def csv_bytes(rows: list[Row]) -> bytes:
    """UTF-8 with BOM (Excel opens it as such); formula-like cells get a leading apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            ["'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v for v in row]
        )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
