"""`sbs catalog import`: a standards list as people export it → a user catalogue (SPEC §6).

Columns like 标准号, 标准名称, 状态 (现行/废止/被代替/即将实施), 发布日期, 实施日期, 代替标准号,
被代替标准号 are found wherever the header stands (as `sbs import` finds its own). 代替… is what the
row's standard replaces. 被代替…/替代… is the standard's successor when the row says 废止 or 被代替;
otherwise it is read as what the standard replaces, and the summary says so. Merging into an
existing user catalogue keeps its comments (ruamel.yaml round-trip): an edition already there is
updated, a new one appended.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sbsguide import numbers
from sbsguide.tables import date_of, header_columns, read_cells, text_of

HEADERS = {
    "number": ("标准号", "标准编号", "标准代号和编号", "编号", "Standard number"),
    "title": ("标准名称", "名称", "中文名称", "Title"),
    "status": ("状态", "标准状态", "Status"),
    "issued": ("发布日期", "发布时间", "Issued"),
    "implemented": ("实施日期", "实施时间", "Implemented"),
    "replaces": ("代替标准号", "代替标准", "Replaces"),
    "successor": ("被代替标准号", "被代替标准", "替代标准号", "替代标准", "Replaced by"),
}
STATUS = {"现行": "current", "即将实施": "current", "废止": "withdrawn", "作废": "withdrawn",
          "被代替": "superseded", "已被代替": "superseded"}  # fmt: skip


@dataclass
class CatalogueImport:
    """What a table gave: entries, and what the summary must say."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    unreadable: list[tuple[int, str]] = field(default_factory=list)  # (row, why)
    undated: list[tuple[int, str]] = field(default_factory=list)  # imported, year unknown
    successors_as_replaced: int = 0  # 被代替… read as what the standard replaces
    successors: int = 0  # 被代替… read as the successor of a withdrawn/superseded standard


def _columns(row: list[Any]) -> dict[int, str]:
    return header_columns(row, HEADERS)


def read_list(path: Path, source: str) -> CatalogueImport:
    """The catalogue entries of a standards list (.xlsx or .csv, UTF-8 or GB18030)."""
    _, rows = read_cells(
        path, None, lambda cells: any("number" in _columns(r).values() for r in cells[:30])
    )
    header = next(
        (i for i, r in enumerate(rows[:30]) if {"number", "title"} <= set(_columns(r).values())),
        None,
    )
    result = CatalogueImport()
    if header is None:
        return result
    columns = _columns(rows[header])
    for line, row in enumerate(rows[header + 1 :], start=header + 2):
        cells = {f: (row[c] if c < len(row) else None) for c, f in columns.items()}
        written = text_of(cells.get("number"))
        if not written and not text_of(cells.get("title")):
            continue
        parsed = numbers.parse(written) if written else None
        if parsed is None or parsed.kind == "policy":
            result.unreadable.append((line, written or "—"))
            continue
        if not parsed.dated:
            result.undated.append((line, written))
        entry: dict[str, Any] = {"number": f"{parsed.code} {parsed.sequence}", "year": parsed.year}
        title = text_of(cells.get("title"))
        if title:
            entry["title"] = title
        entry["kind"] = parsed.kind
        status = STATUS.get(text_of(cells.get("status")), "current")
        for key in ("issued", "implemented"):
            day = date_of(cells.get(key))
            if day:
                entry[key] = date.fromisoformat(day)
        replaces = _numbers(text_of(cells.get("replaces")))
        successor = _numbers(text_of(cells.get("successor")))
        if successor and status in ("withdrawn", "superseded"):
            entry["superseded_by"] = successor[0]
            status = "superseded"
            result.successors += 1
        elif successor:
            replaces += successor
            result.successors_as_replaced += 1
        entry["status"] = status
        if replaces:
            entry["replaces"] = replaces
        entry["confidence"] = "medium"
        entry["source"] = source
        result.entries.append(entry)
    return result


def _numbers(text: str) -> list[str]:
    """The standard numbers in a cell (several may be listed, separated by 、,; or spaces)."""
    found = []
    for part in re.split(r"[、,，;；\n]+", text):
        parsed = numbers.parse(part.strip()) if part.strip() else None
        if parsed is not None:
            found.append(parsed.canonical)
    return found


@dataclass
class Merged:
    """The catalogue text after a merge, and what changed."""

    text: str
    added: int = 0
    changed: int = 0


def merge(existing: str | None, entries: list[dict[str, Any]]) -> Merged:
    """Entries merged into a user catalogue's text, its comments and order kept."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 4096
    document = yaml.load(existing) if existing and existing.strip() else None
    if document is None:
        document = yaml.load(
            "# A user catalogue for sbs (SPEC §6): the fields of the shipped one.\nentries: []\n"
        )
    listed = document.setdefault("entries", [])
    index = {(str(e.get("number")), e.get("year")): e for e in listed if hasattr(e, "get")}
    merged = Merged("")
    for entry in entries:
        key = (entry["number"], entry["year"])
        if key in index:
            current = index[key]
            if any(current.get(k) != v for k, v in entry.items() if k != "source"):
                current.update(entry)
                merged.changed += 1
        else:
            listed.append(entry)
            merged.added += 1
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    merged.text = buffer.getvalue()
    return merged
