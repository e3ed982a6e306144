"""Sheets: a part of a document as a table with its print set-up, and the Excel and CSV writers.

Every text cell is a string cell with the text format, so Excel never turns ``GB/T 1.1`` or
``2020-10-01`` into something else; a cell that begins with ``=``, ``+``, ``-`` or ``@`` is written
with Excel's quote prefix, so it can never run as a formula. The reports, the drafts and the
evaluation build ``Sheet`` values; only this module knows openpyxl.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sbsguide.documents.cover import Cover

FORMULA_START = ("=", "+", "-", "@")
A4_PAPER = 9  # Excel's paperSize code
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
    total: bool = False  # the last row sums the others: bold, and last however the rows sort
    marks: Mapping[tuple[int, int], str] = field(default_factory=dict)
    # (row, column) → what a cell says beyond its text (not-met, met, to-improve …): HTML colours it


def cover_sheet(cover: Cover, labels: dict[str, str], title: str) -> Sheet:
    """The cover: the agency, the facts, document control, signatures and the revision history.

    Four columns, so that 编制/审核/批准 have their 签名 and 日期 columns and the revision table
    one column per field (版本, 日期, 修订内容, 修订人).
    """
    L = labels
    rows: list[Row] = [
        [cover.agency],
        [title],
        [L["agency"], cover.agency],
        [L["credit_code"], cover.credit_code or "—"],
        [L["guide"], cover.guide],
        [L["as_of"], cover.prepared_on],
        *cover.control_rows(L),
        [],
        *cover.signature_rows(L),
        [],
        [L["revisions"]],
        *cover.revision_rows(L),
    ]
    return Sheet(
        L["cover"],
        rows,
        (14, 36, 22, 12),
        header=False,
        label_column=True,
        groups=frozenset({0, 1}),
    )


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
        sheet = book.create_sheet(sheet_title(sheet_spec.title))
        _print_setup(sheet, sheet_spec, footer)
        header = sheet_spec.rows[0] if sheet_spec.header and sheet_spec.rows else []
        for c, width in enumerate(fitted_widths(sheet_spec.widths, header)):
            sheet.column_dimensions[column_letter(c + 1)].width = width
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
    last = column_letter(len(spec.widths))
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
                letter = column_letter(column + 1)
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
        sheet.auto_filter.ref = f"A1:{column_letter(len(spec.widths))}{len(spec.rows)}"
    sheet.oddHeader.center.text = spec.title
    sheet.oddFooter.center.text = footer


def _is_bold(spec: Sheet, row: int, column: int) -> bool:
    total = spec.total and row == len(spec.rows) - 1
    return (
        (spec.header and row == 0)
        or (spec.label_column and column == 0)
        or row in spec.groups
        or total
    )


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


def column_letter(index: int) -> str:
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


def sheet_title(title: str) -> str:
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
