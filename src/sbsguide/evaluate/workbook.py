"""The records workbook read back: ``实施与评价记录.xlsx`` as the same data as ``records.yaml``.

A person fills the workbook ``sbs evaluate --template`` wrote, perhaps renaming a column or
inserting a title row. Each sheet is found by its name or, failing that, by its header row; each
column by its header's aliases (the template's own headers in both languages, and the words
people use), as ``sbs import`` finds them. The rows become the mapping ``records.yaml`` holds,
with each value's cell recorded in a source map, so the same validation and the same rule say
what is wrong at ``row:column`` of the sheet named in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sbsguide.loader import LoadProblem
from sbsguide.source import LogicalPath, SourceMap
from sbsguide.tables import date_of, header_columns, text_of

FIELDS = {
    "trainings": ("date", "topic", "standards", "participants", "by"),
    "inspections": ("date", "inspector", "scope", "standards", "result", "problems"),
    "surveys": ("start", "end", "method", "responses", "satisfied"),
    "problems": ("id", "problem", "clause", "action", "owner", "due", "status", "verified"),
}
"""Each sheet's columns, in the template's order (template.SHEETS gives their headers)."""

SYNONYMS = {
    "date": ("日期", "培训日期", "宣贯日期", "检查日期", "date"),
    "topic": ("主题", "培训主题", "宣贯内容", "内容", "topic"),
    "standards": ("标准", "标准编号", "宣贯的标准", "检查的标准", "涉及标准", "standards"),
    "participants": ("人数", "参加人数", "参训人数", "participants"),
    "by": ("主讲", "主讲人", "授课人", "trainer", "by"),
    "inspector": ("检查人", "检查人员", "inspector"),
    "scope": ("范围", "检查范围", "被检查部门", "检查对象", "scope"),
    "result": ("结论", "检查结论", "检查结果", "result"),
    "problems": ("问题", "发现的问题", "存在问题", "problems"),
    "start": ("开始日期", "起始日期", "调查开始", "start"),
    "end": ("结束日期", "截止日期", "调查结束", "end"),
    "method": ("方式", "调查方式", "调查方法", "method"),
    "responses": ("答卷数", "有效答卷数", "样本数", "回收数", "responses"),
    "satisfied": ("满意数", "满意人数", "satisfied"),
    "id": ("编号", "序号", "问题编号", "id", "no."),
    "problem": ("问题", "问题描述", "不足和问题", "problem"),
    "clause": ("条款", "指南条款", "clause"),
    "action": ("措施", "改进措施", "整改措施", "action"),
    "owner": ("责任人", "负责人", "owner"),
    "due": ("完成时限", "完成日期", "期限", "due"),
    "status": ("状态", "完成情况", "status"),
    "verified": ("验证", "验证情况", "verified"),
}
LISTS = frozenset({"standards", "problems"})  # several values in a cell: 、，,；; or new lines
DATES = frozenset({"date", "start", "end", "due"})
COUNTS = frozenset({"participants", "responses", "satisfied"})
_SEPARATORS = re.compile(r"[、，,；;\n]+")


def is_workbook(raw: bytes) -> bool:
    """An .xlsx is a zip archive; a records.yaml never starts like one."""
    return raw.startswith(b"PK\x03\x04")


@dataclass(slots=True)
class ReadWorkbook:
    """The records mapping of a workbook, where each value came from, and which sheet holds what."""

    data: dict[str, Any]
    source: SourceMap
    sheets: dict[str, str] = field(default_factory=dict)  # records key → sheet name
    headers: dict[str, str] = field(default_factory=dict)  # records field → its column header
    unread: list[LoadProblem] = field(default_factory=list)  # columns and sheets not read


class WorkbookNotReadable(Exception):
    """Not a workbook openpyxl can open, or one that would unpack past the bounds."""


def cells_of(raw: bytes) -> dict[str, list[list[Any]]]:
    """Each sheet's rows of cell values, within the bounds every reader keeps."""
    from sbsguide.tables import TableNotReadable, open_workbook

    try:
        book = open_workbook(raw, read_only=True)
    except TableNotReadable as error:  # inflated past the bounds, or not a workbook
        raise WorkbookNotReadable(*error.args) from error
    try:
        return {name: [list(row) for row in book[name].iter_rows(values_only=True)]
                for name in book.sheetnames}  # fmt: skip
    finally:
        book.close()


def read_workbook(raw: bytes) -> ReadWorkbook:
    """The records of a workbook; a sheet that is not found holds no records."""
    from sbsguide.evaluate.template import SHEETS

    sheets = cells_of(raw)
    result = ReadWorkbook({}, SourceMap())
    found = _sheets_found(sheets)
    for key in FIELDS:  # a kind of record with no sheet: said, never taken as "none done"
        if key not in found:
            missing = {"sheet": SHEETS["zh"][key][0], "sheet_en": SHEETS["en"][key][0]}
            result.unread.append(_unread("workbook-no-sheet", missing, 1, 1))
    for key, (name, rows) in found.items():
        result.sheets["evaluation" if key == "problems" else key] = name
        top: LogicalPath = ("evaluation", "problems") if key == "problems" else (key,)
        result.unread += _unread_columns(name, rows, _aliases(key))
        items = rows_as_items(rows, _aliases(key), top, result.source, result.headers)
        if key == "problems":
            if items:
                result.data["evaluation"] = {"problems": items}
        else:
            result.data[key] = items
    return result


def _unread(message: str, args: dict[str, Any], line: int, column: int) -> LoadProblem:
    return LoadProblem("implementation-records", message, args, (), line, column, "info")


def _unread_columns(
    name: str, rows: list[list[Any]], aliases: dict[str, tuple[str, ...]]
) -> list[LoadProblem]:
    """The columns of a sheet's header that name nothing sbs reads (their cells are not read)."""
    header, columns = header_of(rows, aliases)
    if header < 0:
        return [_unread("workbook-no-header", {"sheet": name}, 1, 1)]
    return [
        _unread("workbook-column", {"sheet": name, "column": text_of(value)}, header + 1, c + 1)
        for c, value in enumerate(rows[header])
        if text_of(value) and c not in columns
    ]


def _sheets_found(sheets: dict[str, list[list[Any]]]) -> dict[str, tuple[str, list[list[Any]]]]:
    """Each kind's sheet: the one of its name in either language, else the best header match."""
    from sbsguide.evaluate.template import SHEETS

    found: dict[str, tuple[str, list[list[Any]]]] = {}
    for key in FIELDS:
        titles = {SHEETS[lang][key][0] for lang in SHEETS}
        named = next((n for n in sheets if n.strip() in titles), None)
        if named is not None:
            found[key] = (named, sheets[named])
    for name, rows in sheets.items():
        if any(name == n for n, _ in found.values()):
            continue
        scored = [
            (len(header_of(rows, _aliases(key))[1]), key) for key in FIELDS if key not in found
        ]
        best = max(scored, default=(0, ""))
        if best[0] >= 3:
            found[best[1]] = (name, rows)
    return found


def _aliases(key: str) -> dict[str, tuple[str, ...]]:
    from sbsguide.evaluate.template import SHEETS

    aliases: dict[str, tuple[str, ...]] = {}
    for n, name in enumerate(FIELDS[key]):
        own = tuple(SHEETS[lang][key][1][n] for lang in SHEETS)
        aliases[name] = own + SYNONYMS[name]
    return aliases


def header_of(
    rows: list[list[Any]], aliases: dict[str, tuple[str, ...]]
) -> tuple[int, dict[int, str]]:
    """(row index, column → field) of a sheet's header, searched in its first ten rows."""
    best: tuple[int, dict[int, str]] = (-1, {})
    for index, row in enumerate(rows[:10]):
        columns = header_columns(list(row), aliases)
        if len(columns) > len(best[1]):
            best = (index, columns)
    return best


def rows_as_items(
    rows: list[list[Any]],
    aliases: dict[str, tuple[str, ...]],
    top: LogicalPath,
    source: SourceMap,
    headers: dict[str, str],
) -> list[dict[str, Any]]:
    """The filled rows below a sheet's header as the mappings at ``top``.

    Each value's cell is recorded in ``source`` and each field's header in ``headers``.
    """
    header, columns = header_of(rows, aliases)
    if header < 0:
        return []
    survey = top == ("surveys",)
    for column, name in columns.items():
        headers.setdefault(_key(survey, name), text_of(rows[header][column]))
    items: list[dict[str, Any]] = []
    for row_index in range(header + 1, len(rows)):
        row = rows[row_index]
        values = {f: row[c] for c, f in columns.items() if c < len(row) and text_of(row[c])}
        if not values:
            continue  # a blank row, or one with only the template's formats
        path = (*top, len(items))
        first = min(c for c, f in columns.items() if f in values)
        source.record(path, row_index, first)
        item: dict[str, Any] = {}
        for column, name in columns.items():
            if name not in values:
                continue
            at = (*path, _key(survey, name))
            if at not in source:  # a survey's period is where its start date is
                source.record(at, row_index, column)
            item[name] = _value(name, values[name])
        if survey:
            item = _survey(item)
        items.append(item)
    return items


def _key(survey: bool, name: str) -> str:
    """The key a column fills: a survey's two dates make its ``period``."""
    return "period" if survey and name in ("start", "end") else name


def _value(name: str, value: Any) -> Any:
    """A cell as the YAML would hold it; what cannot be read stays text for the schema to say."""
    text = text_of(value)
    if name in DATES:
        return date_of(value) or text
    if name in LISTS:
        return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]
    if name in COUNTS:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return int(text) if text.isdigit() else text
    return text


def _survey(item: dict[str, Any]) -> dict[str, Any]:
    """A survey's start and end columns as its ``period`` (``A/B``)."""
    start, end = item.pop("start", ""), item.pop("end", "")
    if start or end:
        item["period"] = f"{start}/{end}" if start and end else start or end
    return item
