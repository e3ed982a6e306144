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
from sbsguide.guide import Guide, load_guide
from sbsguide.placement import (
    Row,
    category_named,
    import_settings,
    place,
    unplaced_name,
    unplaced_subsystem,
)
from sbsguide.tables import TableNotReadable, date_of, header_columns, read_cells, text_of

NOT_APPLICABLE_MARK = re.compile(
    r"^[【\[(（]?\s*(不适用|not applicable)\s*[】\])）]?\s*[:：]?\s*", re.I
)


@dataclass(slots=True)
class ImportResult:
    """What was read: standards by category, N/A declarations, and the counts of the summary."""

    rows: list[Row] = field(default_factory=list)
    not_applicable: dict[str, str] = field(default_factory=dict)
    read: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # blank / subtotal / section
    sheet: str = ""
    title: str = ""
    nameless: list[tuple[int, str]] = field(default_factory=list)  # (line, number): not imported
    unreadable: list[tuple[int, str, str]] = field(default_factory=list)  # (line, column, text)
    unknown_columns: list[str] = field(default_factory=list)  # headers sbs does not use
    successors: int = 0  # rows whose 替代标准 (the standard replacing them) went into the note


# ---- understanding the table --------------------------------------------------------------------


def find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str]] | None:
    """(index of the last header row, column → field), searched in the first 30 rows.

    A two-row header (标准 merged over 编号 | 名称) is read as one: each column's two texts joined.
    """
    for index, row in enumerate(rows[:30]):
        columns = _header_columns([text_of(v) for v in row])
        below = rows[index + 1] if index + 1 < len(rows) else []
        joined = _joined_header(row, below) if any(text_of(v) for v in below) else None
        if joined is not None and (not _is_header(columns) or len(joined) > len(columns)):
            return index + 1, joined
        if _is_header(columns):
            return index, columns
    return None


def _header_columns(texts: list[str]) -> dict[int, str]:
    return header_columns(list(texts), import_settings()["headers"])


def _is_header(columns: dict[int, str]) -> bool:
    return "name" in columns.values() and ("number" in columns.values() or len(columns) >= 3)


def _joined_header(upper: list[Any], lower: list[Any]) -> dict[int, str] | None:
    """The header of two rows read together, if the lower row completes the upper one."""
    width = max(len(upper), len(lower))
    texts = []
    for column in range(width):
        top = text_of(upper[column]) if column < len(upper) else ""
        bottom = text_of(lower[column]) if column < len(lower) else ""
        texts.append(top + bottom if top and bottom and top != bottom else top or bottom)
    joined = _header_columns(texts)
    return joined if _is_header(joined) and "number" in joined.values() else None


def read_table(path: Path, sheet: str | None) -> ImportResult:
    """Every standard row of a table, placed; what could not be used, listed."""
    guide = load_guide()
    sheet_name, rows = read_cells(path, sheet, lambda cells: find_header(cells) is not None)
    found = find_header(rows)
    if found is None:
        raise TableNotReadable("no-header")
    header, columns = found
    two_rows = not _is_header(_header_columns([text_of(v) for v in rows[header]]))
    result = ImportResult(sheet=sheet_name, title=_title(rows[: header - two_rows]))
    result.unknown_columns = [
        text_of(v) for c, v in enumerate(rows[header]) if text_of(v) and c not in columns
    ]
    sections = _Sections(guide)
    for offset, row in enumerate(rows[header + 1 :], start=header + 2):
        values = {f: row[c] if c < len(row) else None for c, f in columns.items()}
        texts = {f: text_of(v) for f, v in values.items()}
        cells = [text_of(v) for v in row if text_of(v)]
        if not cells:
            result.skipped["blank"] = result.skipped.get("blank", 0) + 1
            continue
        if not texts.get("number") and any(
            w in c for c in cells for w in import_settings()["subtotal_words"]
        ):
            result.skipped["subtotal"] = result.skipped.get("subtotal", 0) + 1
            sections.close()  # a totals row ends its section: what follows is placed afresh
            continue
        if _is_section(cells, guide):
            sections.heading(cells[0])
            result.skipped["section"] = result.skipped.get("section", 0) + 1
            continue
        if [texts.get(f, "") for f in ("name", "number")] == ["标准名称", "标准编号"]:
            continue  # a header repeated on a later page
        _read_row(result, offset, values, texts, sections, guide)
    return result


class _Sections:
    """The headings above a row: a sub-system heading clears the category under it."""

    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self.subsystem = ""
        self.category = ""

    def close(self) -> None:
        """The section ends (a totals row): later rows sit under no heading."""
        self.subsystem = self.category = ""

    def heading(self, text: str) -> None:
        plain = re.sub(r"[\s()（）\d.、一二三四五六七八九十]", "", text)
        subsystem = next(
            (s for s in self.guide.subsystems if re.sub(r"\s", "", s.name) == plain), None
        )
        if subsystem is not None:
            self.subsystem, self.category = subsystem.key, ""
            return
        category = category_named(text, self.guide)
        if category is not None:
            self.subsystem, self.category = category.subsystem, text


def _read_row(
    result: ImportResult,
    line: int,
    values: dict[str, Any],
    texts: dict[str, str],
    sections: _Sections,
    guide: Guide,
) -> None:
    name = texts.get("name", "")
    number = _number_text(texts.get("number", ""))
    own_category = " ".join(t for t in (texts.get("subsystem", ""), texts.get("category", "")) if t)
    category_text = own_category or sections.category
    marked = NOT_APPLICABLE_MARK.match(name)
    if marked and not number:
        category = category_named(category_text, guide)
        if category is not None:
            result.not_applicable[category.dotted] = name[marked.end() :].strip() or "—"
            return
    if not name:
        result.nameless.append((line, number))
        return
    notes = [texts.get("note", "")]
    dates: dict[str, str] = {}
    for field_name in ("implemented", "published"):
        raw = texts.get(field_name, "")
        dates[field_name] = date_of(values.get(field_name))
        if raw and not dates[field_name]:
            result.unreadable.append((line, field_name, raw))
            notes.append(f"{_label(field_name)}：{raw}")
    if texts.get("successor"):
        result.successors += 1
        notes.append(f"{_label('successor')}：{texts['successor']}")
    result.read += 1
    item = Row(
        line,
        number,
        name,
        texts.get("code", ""),
        dates["implemented"],
        _number_text(texts.get("replaces", "")),
        "；".join(n for n in notes if n),
        _status(texts.get("status", "")),
        category_text,
        "" if category_text else sections.subsystem,
        published=dates["published"],
    )
    item.placed, item.reason = place(item, guide)
    if item.reason == "column" and not own_category:
        item.reason = "section"
    result.rows.append(item)


def _label(field_name: str) -> str:
    """The Chinese header of a field, for a note that keeps an unusable cell."""
    return str(import_settings()["headers"][field_name][0])


def _is_section(cells: list[str], guide: Guide) -> bool:
    """One text only — spread over merged cells, or naming a sub-system or category."""
    if len(set(cells)) != 1:
        return False
    plain = re.sub(r"[\s()（）\d.、一二三四五六七八九十]", "", cells[0])
    names = {re.sub(r"\s", "", s.name) for s in guide.subsystems}
    return len(cells) > 1 or plain in names or category_named(cells[0], guide) is not None


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
