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
from dataclasses import dataclass
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


def fitted_widths(widths: Sequence[float], header: Row) -> tuple[float, ...]:
    """Column widths no narrower than the longest word of their heading.

    ``Enterprise`` never breaks as ``Enter|prise``; a Chinese heading may wrap anywhere, so
    half of it is enough.
    """
    fitted = []
    for column, width in enumerate(widths):
        label = str(header[column]) if column < len(header) else ""
        words = re.split(r"[\s/()（）]+", label)
        latin = max((display_width(w) for w in words if w.isascii()), default=0)
        cjk = max((display_width(w) // 2 for w in words if not w.isascii()), default=0)
        fitted.append(max(width, latin + 2, cjk + 1))
    return tuple(fitted)


@dataclass(frozen=True, slots=True)
class Sheet:
    """One part of a report as a table, with how it prints (Excel and Word read the same)."""

    title: str
    rows: list[Row]
    widths: tuple[float, ...]  # column widths in characters of Excel's default font
    header: bool = True  # the first row is a header: bold, repeated on every printed page
    landscape: bool = False
    autofilter: bool = False
    nowrap: frozenset[int] = frozenset()  # columns that never break inside a token
    groups: frozenset[int] = frozenset()  # rows that head a group (one merged cell)
    label_column: bool = False  # the first column holds labels (a cover)
    merge_down: frozenset[int] = frozenset()  # equal cells one under another form one box
    vertical: frozenset[int] = frozenset()  # columns written upright (CJK, one character a line)


def cover_sheet(r: TableReport | GapReport, title: str) -> Sheet:
    """The cover: the agency, the facts, document control, signatures and the revision history.

    Four columns, so that 编制/审核/批准 have their 签名 and 日期 columns and the revision table
    one column per field (版本, 日期, 修订内容, 修订人).
    """
    L = r.labels
    c = r.cover
    rows: list[Row] = [
        [f"{c.agency}"],
        [title],
        [L["agency"], c.agency],
        [L["credit_code"], c.credit_code or "—"],
        [L["guide"], c.guide],
        [L["as_of"], c.prepared_on],
        *c.control_rows(L),
        [],
        *c.signature_rows(L),
        [],
        [L["revisions"]],
        *c.revision_rows(L),
    ]
    return Sheet(
        L["cover"],
        rows,
        (14, 36, 22, 12),
        header=False,
        label_column=True,
        groups=frozenset({0, 1}),
    )


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


A4_PAPER = 9  # Excel's paperSize code


def xlsx(sheets: list[Sheet], footer: str = "第 &P 页 共 &N 页") -> bytes:
    """A workbook that prints: A4, one page wide, header rows repeated, a footer with page numbers.

    Borders, wrapped cells with row heights, an autofilter on the detail sheets; every text
    cell a string.

    Written in openpyxl's write-only mode: 10,000 rows take a second, not ten.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook(write_only=True)
    line = Side(style="thin", color="808080")
    box = Border(left=line, right=line, top=line, bottom=line)
    styles = {
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "upright": Alignment(text_rotation=255, vertical="center", horizontal="center"),
        "nowrap": Alignment(wrap_text=False, vertical="top"),
        "bold": Font(bold=True),
        "box": box,
    }
    for sheet_spec in sheets:
        sheet = book.create_sheet(_sheet_title(sheet_spec.title))
        _print_setup(sheet, sheet_spec, footer)
        header = sheet_spec.rows[0] if sheet_spec.header and sheet_spec.rows else []
        for c, width in enumerate(fitted_widths(sheet_spec.widths, header)):
            sheet.column_dimensions[_column_letter(c + 1)].width = width
        if sheet_spec.header:
            sheet.freeze_panes = "A2"
        rows = _merged(sheet, sheet_spec)
        for r, row in enumerate(rows):
            sheet.row_dimensions[r + 1].height = _row_height(row, sheet_spec)
            sheet.append(
                [
                    _cell(
                        sheet,
                        value,
                        styles,
                        sheet_spec,
                        bold=_is_bold(sheet_spec, r, c),
                        column=c if r else -1,  # the header row stays flat
                    )
                    for c, value in enumerate(row)
                ]
            )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _merged(sheet: Any, spec: Sheet) -> list[list[object]]:
    """The rows, merged where the sheet asks.

    A run of equal cells in a ``merge_down`` column becomes one box; a ``groups`` row one cell
    across the sheet (a title, a heading).
    """
    from openpyxl.worksheet.cell_range import CellRange

    rows: list[list[object]] = [list(row) for row in spec.rows]
    last = _column_letter(len(spec.widths))
    for index in sorted(spec.groups):
        if index < len(rows) and len(spec.widths) > 1:
            sheet.merged_cells.add(CellRange(f"A{index + 1}:{last}{index + 1}"))
    for column in spec.merge_down:
        start = 1 if spec.header else 0
        while start < len(rows):
            end = start
            while end + 1 < len(rows) and rows[end + 1][column] == rows[start][column]:
                end += 1
            if end > start:
                letter = _column_letter(column + 1)
                sheet.merged_cells.add(CellRange(f"{letter}{start + 1}:{letter}{end + 1}"))
                for below in range(start + 1, end + 1):
                    rows[below][column] = ""
            start = end + 1
    return rows


def _print_setup(sheet: Any, spec: Sheet, footer: str) -> None:
    sheet.page_setup.paperSize = A4_PAPER
    sheet.page_setup.orientation = "landscape" if spec.landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.75
    if spec.header:
        sheet.print_title_rows = "1:1"
    if spec.autofilter and len(spec.rows) > 1:
        sheet.auto_filter.ref = f"A1:{_column_letter(len(spec.widths))}{len(spec.rows)}"
    sheet.oddHeader.center.text = spec.title
    sheet.oddFooter.center.text = footer


def _is_bold(spec: Sheet, row: int, column: int) -> bool:
    return (spec.header and row == 0) or (spec.label_column and column == 0) or row in spec.groups


def _row_height(row: Row, spec: Sheet) -> float:
    """Points enough for the wrapped lines of the row's tallest cell (Excel will not measure)."""
    lines = 1
    for c, value in enumerate(row):
        width = spec.widths[c] if c < len(spec.widths) else 10
        for part in str("" if value is None else value).split("\n"):
            lines_here = (
                1 if c in spec.nowrap else -(-display_width(part) // max(int(width) - 1, 1))
            )
            lines = max(lines, lines_here) if part else lines
        lines = max(lines, str(value).count("\n") + 1) if value else lines
    return 15.0 * max(lines, 1)


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _cell(
    sheet: Any, value: object, styles: dict[str, Any], spec: Sheet, *, bold: bool, column: int
) -> Any:
    """One write-only cell: text (never a formula), a whole number, wrapped or upright, boxed.

    A cell's style is set once per combination and copied after: openpyxl hashes every style
    object it is given, which at 100,000 standards cost most of a workbook's time.
    """
    from copy import copy

    from openpyxl.cell import WriteOnlyCell

    number = isinstance(value, int) and not isinstance(value, bool)
    text = "" if number else xml_safe("" if value is None else str(value))
    quoted = not number and text.lstrip(" \t\r\n").startswith(FORMULA_START)
    cell = WriteOnlyCell(sheet, value=value if number else text)
    if not number:
        cell.data_type = "s"  # never a formula, a number or a date
    key = (number, quoted, column in spec.vertical, bold)
    arrays: dict[tuple[bool, bool, bool, bool], Any] = styles.setdefault("_arrays", {})
    if key in arrays:
        cell._style = copy(arrays[key])
        return cell
    if not number:
        cell.number_format = "@"
        cell.quotePrefix = quoted
    cell.alignment = styles["upright"] if column in spec.vertical else styles["wrap"]
    cell.border = styles["box"]
    if bold:
        cell.font = styles["bold"]
    arrays[key] = copy(cell._style)
    return cell


def _sheet_title(title: str) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in title)
    return cleaned[:31] or "Sheet"


def csv_bytes(rows: list[Row]) -> bytes:
    """UTF-8 with BOM (Excel opens it as such); formula-like cells get a leading apostrophe.

    A cell counts as formula-like also behind spaces, tabs or line breaks (`` =1+1``).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow(
            [
                "'" + v
                if isinstance(v, str) and v.lstrip(" \t\r\n").startswith(FORMULA_START)
                else v
                for v in row
            ]
        )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")
