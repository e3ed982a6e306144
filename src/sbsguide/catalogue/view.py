"""`sbs catalog`: catalogue entries as text or JSON, each with its status on a date."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sbsguide.catalogue import Catalogue, Edition
from sbsguide.messages import Lang
from sbsguide.numbers import levels

_STATUS = {
    "current": ("现行", "current"),
    "superseded": ("已被代替", "superseded"),
    "withdrawn": ("已废止", "withdrawn"),
    "unknown": ("状态不明", "status unknown"),
    "upcoming": ("尚未实施", "not yet in force"),
}
_CONFIDENCE = {"high": ("高", "high"), "medium": ("中", "medium"), "low": ("低", "low")}


def matches(
    catalogue: Catalogue, query: str | None, category: str | None, day: date
) -> list[Edition]:
    """Editions matching the query (all when none) and category, by number, newest edition first."""
    found = catalogue.search(query) if query else list(catalogue.editions)
    if category:
        found = [e for e in found if category in e.categories]
    return sorted(found, key=lambda e: (_number_key(e.number), -(e.year or 0)))


def _number_key(number: str) -> tuple[str, tuple[int, ...]]:
    code, _, sequence = number.rpartition(" ")
    parts = tuple(int(p) for p in sequence.split(".") if p.isdigit())
    return (code, parts) if parts else (number, ())


def record(edition: Edition, catalogue: Catalogue, day: date) -> dict[str, Any]:
    """One edition as JSON data, its status judged on ``day``."""
    successor = (
        catalogue.successor(edition, day) if edition.status_on(day) == "superseded" else None
    )
    return {
        "number": edition.canonical,
        "title": edition.title,
        "former_titles": list(edition.former_titles),
        "kind": edition.kind,
        "status": edition.status_on(day),
        "successor": successor.canonical if successor else None,
        "superseded_on": edition.superseded_on.isoformat() if edition.superseded_on else None,
        "implemented": edition.implemented.isoformat() if edition.implemented else None,
        "replaces": list(edition.replaces),
        "categories": list(edition.categories),
        "confidence": edition.confidence,
        "source": edition.source,
        "catalogue": edition.origin or "sbs",
    }


def stale(catalogue: Catalogue) -> list[Edition]:
    """The shipped entries to verify first: low confidence, then medium, by number."""
    rank = {"low": 0, "medium": 1}
    chosen = [e for e in catalogue.editions if not e.origin and e.confidence in rank]
    return sorted(chosen, key=lambda e: (rank[e.confidence], _number_key(e.number), e.year or 0))


def render_json(editions: list[Edition], catalogue: Catalogue, day: date) -> str:
    """The matches as a JSON document."""
    document = {"as_of": day.isoformat(), "entries": [record(e, catalogue, day) for e in editions]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_text(editions: list[Edition], catalogue: Catalogue, day: date, lang: Lang) -> str:
    """Per edition: number and title; level, status, categories, confidence; source."""
    pick = 0 if lang == "zh" else 1
    lines = []
    for edition in editions:
        data = record(edition, catalogue, day)
        status = _STATUS[data["status"]][pick]
        if data["successor"]:
            arrow = f" → {data['successor']}"
            since = (
                f"(自 {data['superseded_on']} 起)"
                if lang == "zh"
                else f" (from {data['superseded_on']})"
            )
            status += arrow + (since if data["superseded_on"] else "")
        level = (
            levels().get(edition.kind, {}).get("name" if lang == "zh" else "name_en", edition.kind)
        )
        details = [str(level), status]
        if edition.replaces:
            details.append(("代替 " if lang == "zh" else "replaces ") + "、".join(edition.replaces))
        if edition.categories:
            details.append(
                ("类别 " if lang == "zh" else "categories ") + ", ".join(edition.categories)
            )
        details.append(
            ("置信度 " if lang == "zh" else "confidence ") + _CONFIDENCE[edition.confidence][pick]
        )
        untitled = "(名称未知)" if lang == "zh" else "(title unknown)"
        lines.append(f"{edition.canonical}  {edition.title or untitled}")
        lines.append("    " + " · ".join(details))
        lines.append("    " + ("来源：" if lang == "zh" else "source: ") + edition.source)
        shipped = "sbs 自带目录" if lang == "zh" else "the catalogue sbs ships"
        lines.append(
            "    " + ("目录文件：" if lang == "zh" else "catalogue: ") + (edition.origin or shipped)
        )
    if not editions:
        lines.append("没有找到匹配的标准" if lang == "zh" else "no matching standard")
    return "\n".join(lines) + "\n"
