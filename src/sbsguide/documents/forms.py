"""Forms: workbooks a person fills in (the records template of `sbs evaluate --template`).

Dates formatted for entry, lists to pick from, a reference sheet to pick standards from; printed
as the reports' sheets are (A4 landscape, one page wide, the header repeated).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field

from sbsguide.documents.sheets import A4_PAPER, Row, column_letter, sheet_title, xml_safe


@dataclass(frozen=True, slots=True)
class Form:
    """A sheet to fill in: a header row, rows ready for entry, lists to pick from."""

    title: str
    header: Row
    widths: tuple[float, ...]
    rows: list[Row] = field(default_factory=list)  # filled in already (a reference list)
    dates: tuple[int, ...] = ()  # columns whose entries are dates
    choices: Mapping[int, str] = field(default_factory=dict)  # column → "符合,基本符合,不符合"
    picks: Mapping[int, str] = field(default_factory=dict)  # column → a form whose first column
    # it picks from (typing something else is allowed: several may be typed)


FORM_ROWS = 500
"""Rows of a form set up for entry: dates formatted, lists to pick from."""


def form_xlsx(forms: list[Form]) -> bytes:
    """A workbook to fill in: A4 landscape, one page wide, the header row bold and repeated."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    for form in forms:
        sheet = book.create_sheet(sheet_title(form.title))
        sheet.append(list(form.header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column, width in enumerate(form.widths, 1):
            sheet.column_dimensions[column_letter(column)].width = width
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"
        sheet.page_setup.paperSize = A4_PAPER
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        for column in form.dates:
            letter = column_letter(column + 1)
            for line in range(2, FORM_ROWS + 1):
                sheet[f"{letter}{line}"].number_format = "yyyy-mm-dd"
        for row in form.rows:
            sheet.append([xml_safe(str(value)) for value in row])
        entries = f"2:{FORM_ROWS}"
        for column, listed in form.choices.items():
            validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            sheet.add_data_validation(validation)
            validation.add(_range(column, entries))
        for column, source in form.picks.items():
            validation = DataValidation(
                type="list",
                formula1=f"'{sheet_title(source)}'!$A$2:$A${FORM_ROWS * 4}",
                allow_blank=True,
                showErrorMessage=False,
            )
            sheet.add_data_validation(validation)
            validation.add(_range(column, entries))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _range(column: int, rows: str) -> str:
    first, last = rows.split(":")
    letter = column_letter(column + 1)
    return f"{letter}{first}:{letter}{last}"
