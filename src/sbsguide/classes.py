"""The one count model of every document (SPEC §7): each entry's class on the check date.

现有数, 应有数, the detail table's 备注 and every total of every document derive from this class
alone, so the numbers of one system agree wherever they are printed.
"""

from __future__ import annotations

from sbsguide import numbers
from sbsguide.catalogue import Standing
from sbsguide.guide import load_guide
from sbsguide.model import StandardEntry, StandardSystem

CLASSES = ("current", "drafting", "superseded", "withdrawn")
"""SPEC §7 "One count model": each entry is classed once, on the check date, as 现行 (current or
revising, not void by the catalogue), 制定中, 被代替 (by the catalogue, by inference from a newer
edition, or a withdrawn entry another entry names in ``replaces``) or 已废止 (no successor)."""


def entry_class(entry: StandardEntry, standing: Standing | None, named_as_replaced: bool) -> str:
    """The class of one entry on the check date (``CLASSES``)."""
    if entry.status == "drafting":
        return "drafting"
    if standing is not None and standing.void:
        return "withdrawn" if standing.state == "withdrawn" else "superseded"
    if entry.status == "withdrawn":
        has_successor = standing is not None and standing.successor is not None
        return "superseded" if has_successor or named_as_replaced else "withdrawn"
    return "current"


def class_word(
    entry: StandardEntry, status_class: str, standing: Standing | None, labels: dict[str, str]
) -> str:
    if status_class == "current":
        return labels["status_revising"] if entry.status == "revising" else ""
    if status_class == "superseded":
        successor = standing.successor if standing is not None else None
        if successor is None:
            return labels["status_superseded_plain"]
        return labels["status_superseded"].format(successor=successor.canonical)
    return labels[f"status_{status_class}"]


def replaced_numbers(system: StandardSystem) -> frozenset[str]:
    """The standards the system's entries say they replace (a withdrawn one of them: 被代替)."""
    found = set()
    for subsystem in load_guide().subsystems:
        for category in subsystem.categories:
            value = system.category(subsystem.key, category.key)
            for entry in value if isinstance(value, list) else []:
                parsed = numbers.parse(entry.replaces) if entry.replaces else None
                if parsed is not None:
                    found.add(parsed.base)
    return frozenset(found)
