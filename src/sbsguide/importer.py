"""`sbs import`: an existing 标准明细表 (Excel or CSV, laid out however) → a commented system.yaml.

The header row is found by its aliases wherever it stands; merged cells are spread over the cells
they cover; blank, subtotal and section-title rows are understood, never imported. Each standard is
placed by the strongest evidence there is — a category column or the section it sits under, its
体系编号, the catalogue, words of its title — and a row nothing places goes to a clearly marked
category of its own: no row is ever dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sbsguide import numbers
from sbsguide.catalogue import load_catalogue
from sbsguide.guide import Category, Guide, load_guide
from sbsguide.resources import data
from sbsguide.rules.structure import SYSTEM_CODE
from sbsguide.tables import TableNotReadable, date_of, read_cells, text_of
from sbsguide.yamltext import scalar

NOT_APPLICABLE_MARK = re.compile(
    r"^[【\[(（]?\s*(不适用|not applicable)\s*[】\])）]?\s*[:：]?\s*", re.I
)


@dataclass(slots=True)
class Row:
    """One standard read from the table, and why it lands where it does."""

    line: int
    number: str = ""
    name: str = ""
    code: str = ""
    implemented: str = ""
    replaces: str = ""
    note: str = ""
    status: str = ""
    category_text: str = ""
    placed: str = ""  # dotted category, or "" for the unplaced category
    reason: str = ""  # column | section | code | catalogue | title

    asks_year = False  # the template's marker for an undated normative reference

    def flow(self) -> str:
        """The entry as a flow mapping, in the order a standards officer reads it."""
        pairs = [
            ("code", self.code),
            ("number", self.number),
            ("name", self.name or self.number),
            ("status", self.status),
            ("implemented", self.implemented),
            ("replaces", self.replaces),
            ("note", self.note),
        ]
        return "{" + ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in pairs if v) + "}"


@dataclass(slots=True)
class ImportResult:
    """What was read: standards by category, N/A declarations, and the counts of the summary."""

    rows: list[Row] = field(default_factory=list)
    not_applicable: dict[str, str] = field(default_factory=dict)
    read: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # blank / subtotal / section
    sheet: str = ""
    title: str = ""


def _settings() -> dict[str, Any]:
    settings: dict[str, Any] = data("sbsguide.guide", "table_import.yaml")
    return settings


# ---- understanding the table --------------------------------------------------------------------


def find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str]] | None:
    """(row index, column → field) of the header row, searched in the first 30 rows."""
    aliases = {
        re.sub(r"\s", "", a).lower(): f
        for f, names in _settings()["headers"].items()
        for a in names
    }
    for index, row in enumerate(rows[:30]):
        columns: dict[int, str] = {}
        for column, value in enumerate(row):
            field_name = aliases.get(re.sub(r"\s", "", text_of(value)).lower())
            if field_name and field_name not in columns.values():
                columns[column] = field_name
        if "name" in columns.values() and ("number" in columns.values() or len(columns) >= 3):
            return index, columns
    return None


def read_table(path: Path, sheet: str | None) -> ImportResult:
    """Every standard row of a table, placed."""
    guide = load_guide()
    sheet_name, rows = read_cells(path, sheet, lambda cells: find_header(cells) is not None)
    found = find_header(rows)
    if found is None:
        raise TableNotReadable("no-header")
    header, columns = found
    result = ImportResult(sheet=sheet_name, title=_title(rows[:header]))
    section = ""
    for offset, row in enumerate(rows[header + 1 :], start=header + 2):
        values = {f: row[c] if c < len(row) else None for c, f in columns.items()}
        texts = {f: text_of(v) for f, v in values.items()}
        cells = [text_of(v) for v in row if text_of(v)]
        if not cells:
            result.skipped["blank"] = result.skipped.get("blank", 0) + 1
            continue
        if not texts.get("number") and any(
            w in c for c in cells for w in _settings()["subtotal_words"]
        ):
            result.skipped["subtotal"] = result.skipped.get("subtotal", 0) + 1
            continue
        if _is_section(cells, guide):
            # a section title: a category's name sets the place of the rows below it
            section = cells[0] if _category_named(cells[0], guide) else section
            result.skipped["section"] = result.skipped.get("section", 0) + 1
            continue
        if [texts.get(f, "") for f in ("name", "number")] == ["标准名称", "标准编号"]:
            continue  # a header repeated on a later page
        name = texts.get("name", "")
        category_text = (
            " ".join(t for t in (texts.get("subsystem", ""), texts.get("category", "")) if t)
            or section
        )
        marked = NOT_APPLICABLE_MARK.match(name)
        if marked and not texts.get("number"):
            category = _category_named(category_text, guide)
            if category is not None:
                result.not_applicable[category.dotted] = name[marked.end() :].strip() or "—"
                continue
        result.read += 1
        item = Row(
            offset,
            _number_text(texts.get("number", "")),
            name,
            texts.get("code", ""),
            date_of(values.get("implemented")),
            texts.get("replaces", ""),
            texts.get("note", ""),
            _status(texts.get("status", "")),
            category_text,
        )
        item.placed, item.reason = place(item, guide)
        result.rows.append(item)
    return result


def _is_section(cells: list[str], guide: Guide) -> bool:
    """One text only — spread over merged cells, or naming a sub-system or category."""
    if len(set(cells)) != 1:
        return False
    plain = re.sub(r"[\s()（）\d.、一二三四五六七八九十]", "", cells[0])
    names = {re.sub(r"\s", "", s.name) for s in guide.subsystems}
    return len(cells) > 1 or plain in names or _category_named(cells[0], guide) is not None


def _title(rows: list[list[Any]]) -> str:
    for row in rows:
        cells = [text_of(v) for v in row if text_of(v)]
        if cells:
            return cells[0]
    return ""


def _number_text(text: str) -> str:
    parsed = numbers.parse(text) if text else None
    return parsed.canonical if parsed else text


def _status(text: str) -> str:
    if any(w in text for w in ("废止", "作废", "withdrawn")):
        return "withdrawn"
    if any(w in text for w in ("制定", "drafting")):
        return "drafting"
    if any(w in text for w in ("修订", "revising")):
        return "revising"
    return ""


def _category_named(text: str, guide: Guide) -> Category | None:
    """The category a cell names (by Chinese or English name, key, or a name inside the text)."""
    if not text:
        return None
    plain = re.sub(r"[\s()（）]", "", text)
    for category in guide.categories():
        names = (
            category.name,
            category.name_en,
            category.dotted,
            category.name.removesuffix("标准"),
        )
        if any(plain == re.sub(r"[\s()（）]", "", n) for n in names):
            return category
    for category in guide.categories():
        if category.name.removesuffix("标准") in plain:
            return category
    return None


def place(row: Row, guide: Guide) -> tuple[str, str]:
    """(dotted category, evidence) for a row; ("", "") when nothing places it."""
    category = _category_named(row.category_text, guide)
    if category is not None:
        return category.dotted, "column"
    match = SYSTEM_CODE.fullmatch(row.code)
    if match:
        subsystem = guide.by_code_prefix(match["prefix"])
        number = int(match["category"])
        if subsystem and 1 <= number <= len(subsystem.categories):
            return subsystem.categories[number - 1].dotted, "code"
    parsed = numbers.parse(row.number) if row.number else None
    if parsed is not None:
        editions = load_catalogue().editions_of(parsed.base)
        categories = [c for e in editions for c in e.categories]
        if categories:
            return categories[0], "catalogue"
    for rule in _settings()["title_words"]:
        if any(word in row.name for word in rule["words"]):
            return rule["category"], "title"
    return "", ""


def unplaced_name(lang: str) -> str:
    """The name of the category that holds rows nothing could place."""
    settings = _settings()["unplaced"]
    return str(settings["name"] if lang == "zh" else settings["name_en"])


def unplaced_subsystem() -> str:
    """The sub-system whose own categories hold the unplaced rows."""
    return str(_settings()["unplaced"]["subsystem"])


def system_text(result: ImportResult, agency: str, principal: str, lang: str) -> str:
    """The commented system.yaml of an import: the scaffold's layout, with the table's standards."""
    from sbsguide import scaffold

    guide = load_guide()
    placed: dict[str, list[Row]] = {}
    for row in result.rows:
        placed.setdefault(row.placed, []).append(row)
    subsystems = []
    for subsystem in guide.subsystems:
        categories = [
            {
                "category": c,
                "references": [],
                "entries": placed.get(c.dotted, []),
                "suggestions": [],
                "unsure": [],
                "not_applicable": result.not_applicable.get(c.dotted),
            }
            for c in subsystem.categories
        ]
        extra = (
            [{"name": unplaced_name(lang), "entries": placed[""]}]
            if subsystem.key == unplaced_subsystem() and placed.get("")
            else []
        )
        subsystems.append({"subsystem": subsystem, "categories": categories, "extra": extra})
    options = scaffold.ScaffoldOptions(
        agency=agency, principal=principal, lang="en" if lang == "en" else "zh"
    )
    return scaffold.render_system(scaffold.common_context(options, subsystems), options.lang)
