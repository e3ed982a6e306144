"""Where an imported row goes: the category a heading or column names, else the best evidence.

`sbs import` places each row by the strongest evidence there is — a category column or the
section it sits under, its 体系编号, the catalogue, words of its title — and only within the
sub-system its heading names. A row nothing places goes to a marked category of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sbsguide import numbers
from sbsguide.catalogue import load_catalogue
from sbsguide.guide import Category, Guide
from sbsguide.resources import data
from sbsguide.rules.structure import SYSTEM_CODE
from sbsguide.yamltext import scalar


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
    subsystem: str = ""  # the sub-system the row's section names, when no category is named
    published: str = ""
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
            ("published", self.published),
            ("implemented", self.implemented),
            ("replaces", self.replaces),
            ("note", self.note),
        ]
        dates = ("published", "implemented")  # ISO dates, written as dates; all else is text
        return (
            "{"
            + ", ".join(f"{k}: {v if k in dates else scalar(v, flow=True)}" for k, v in pairs if v)
            + "}"
        )


def import_settings() -> dict[str, Any]:
    """How tables are read: header aliases, subtotal words, title words (table_import.yaml)."""
    settings: dict[str, Any] = data("sbsguide.guide", "table_import.yaml")
    return settings


def category_named(text: str, guide: Guide) -> Category | None:
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
    """(dotted category, evidence) for a row; ("", "") when nothing places it.

    Under a sub-system heading with no category heading, only that sub-system's categories can
    hold the row; evidence pointing elsewhere leaves it unplaced (and listed).
    """
    category = category_named(row.category_text, guide)
    if category is not None:
        return category.dotted, "column"
    dotted, reason = _inferred(row, guide)
    if row.subsystem and dotted and not dotted.startswith(f"{row.subsystem}."):
        return "", ""
    return dotted, reason


def _inferred(row: Row, guide: Guide) -> tuple[str, str]:
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
    for rule in import_settings()["title_words"]:
        if any(word in row.name for word in rule["words"]):
            return rule["category"], "title"
    return "", ""


def unplaced_name(lang: str) -> str:
    """The name of the category that holds rows nothing could place."""
    settings = import_settings()["unplaced"]
    return str(settings["name"] if lang == "zh" else settings["name_en"])


def unplaced_subsystem() -> str:
    """The sub-system whose own categories hold the unplaced rows."""
    return str(import_settings()["unplaced"]["subsystem"])
