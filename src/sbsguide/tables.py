"""Reading a spreadsheet as its user sees it: cell values of an .xlsx sheet or a .csv file.

A merged cell's value covers every cell of its range; numbers and dates come back as the text a
person typed (1.1 stays "1.1", 2020.0 is "2020"), and implementation dates are read in the forms
Chinese tables use (Excel serials, 2024.3.1, 2024年3月1日, ISO).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

_DATE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")
_EXCEL_EPOCH = date(1899, 12, 30)


INFLATION = 10
"""An .xlsx may unpack to this many times the size limit: real tables compress about 5:1."""


def _inflated_size(raw: bytes) -> int:
    """What the workbook's zip members unpack to, as their headers declare, before unpacking."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0  # not a zip: openpyxl says so below


class TableNotReadable(Exception):
    """The table cannot be read as a standard-detail table (a usage error, exit 2)."""


def read_cells(
    path: Path, sheet: str | None, has_header: Callable[[list[list[Any]]], bool]
) -> tuple[str, list[list[Any]]]:
    """(sheet name, rows of cell values) of an .xlsx or .csv file.

    Without a sheet name, the first sheet ``has_header`` accepts.
    """
    from sbsguide.reading import TooLarge, max_bytes, read_limited

    try:
        raw = read_limited(path)
    except TooLarge:
        raise TableNotReadable("too-large") from None
    if path.suffix.lower() == ".csv":
        text = _csv_text(raw)
        # a cell may be as long as the file: the csv module's own limit is 128 KiB
        csv.field_size_limit(max(csv.field_size_limit(), max_bytes()))
        try:  # newline="": a CR inside a cell is the csv module's to read, not a line end
            return path.stem, [list(r) for r in csv.reader(io.StringIO(text, newline=""))]
        except csv.Error:
            raise TableNotReadable("unreadable-csv") from None
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise TableNotReadable("kind")
    book = open_workbook(raw)
    names = [sheet] if sheet else book.sheetnames
    for name in names:
        if name not in book.sheetnames:
            raise TableNotReadable("sheet")
        cells = _sheet_cells(book[name])
        if sheet or has_header(cells):
            return name, cells
    raise TableNotReadable("no-header")


def open_workbook(raw: bytes, *, read_only: bool = False) -> Any:
    """An .xlsx's workbook (values, not formulas), within the bounds every reader keeps."""
    from openpyxl import load_workbook

    from sbsguide.reading import max_bytes

    if _inflated_size(raw) > INFLATION * max_bytes():
        raise TableNotReadable("inflated")
    try:
        return load_workbook(io.BytesIO(raw), data_only=True, read_only=read_only)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise TableNotReadable("unreadable") from error


def _csv_text(raw: bytes) -> str:
    """A CSV file's text: UTF-8, a BOM's encoding, or GB18030, line by line if they are mixed.

    A table assembled from two exports can hold a UTF-8 header and GB18030 rows; each line is
    read in the encoding it decodes in, so the header is still found.
    """
    from sbsguide.loader import UNICODE_BOMS

    for bom, encoding, _ in UNICODE_BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise TableNotReadable("encoding") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = []
    for line in raw.removeprefix(b"\xef\xbb\xbf").split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                lines.append(line.decode("gb18030"))
            except UnicodeDecodeError:
                raise TableNotReadable("encoding") from None
    return "\n".join(lines)


def _sheet_cells(sheet: Any) -> list[list[Any]]:
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    for merged in sheet.merged_cells.ranges:  # a merged cell's value covers the whole range
        value = sheet.cell(row=merged.min_row, column=merged.min_col).value
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if r - 1 < len(rows) and c - 1 < len(rows[r - 1]):
                    rows[r - 1][c - 1] = value
    return rows


def text_of(value: Any) -> str:
    """A cell as text: 1.1 stays "1.1" (not 1.1000001), 2020.0 becomes "2020", dates ISO."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def date_of(value: Any) -> str:
    """An implementation date in any of the forms tables hold, as ISO text ("" if none)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and 20000 <= value <= 80000:  # an Excel serial date
        return (_EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
    match = _DATE.search(text_of(value))
    if match:
        try:
            return date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            return ""
    return ""


def header_columns(row: list[Any], aliases: Mapping[str, Sequence[str]]) -> dict[int, str]:
    """Column → field of a header row, found by the fields' aliases.

    A cell names a field when, spaces removed and in any case, it is one of the field's aliases;
    each field is taken once, leftmost first. Shared by `sbs import` and `sbs catalog import`.
    """
    by_alias = {re.sub(r"\s", "", a).lower(): f for f, names in aliases.items() for a in names}
    columns: dict[int, str] = {}
    for column, value in enumerate(row):
        field_name = by_alias.get(re.sub(r"\s", "", text_of(value)).lower())
        if field_name and field_name not in columns.values():
            columns[column] = field_name
    return columns
