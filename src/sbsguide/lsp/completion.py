"""Completion: what may be written where the cursor is, with its Chinese name."""

from __future__ import annotations

from datetime import date

from lsprotocol import types

from sbsguide.lsp.context import cursor_at
from sbsguide.messages import Lang

STATUSES = {"current": "现行", "drafting": "制定中", "revising": "修订中", "withdrawn": "废止"}


def items(
    text: str, position: types.Position, lang: str, today: date
) -> list[types.CompletionItem]:
    from sbsguide.guide import load_guide

    cursor = cursor_at(text, position.line, position.character)
    guide = load_guide()
    before = cursor.before.rstrip()
    if cursor.key == "status" or before.endswith("status:"):
        return [
            _item(value, name, types.CompletionItemKind.EnumMember)
            for value, name in STATUSES.items()
        ]
    if cursor.key == "level" or before.endswith("level:"):
        return [
            _item(value, name, types.CompletionItemKind.EnumMember)
            for value, name in guide.position_level_names.items()
        ]
    if cursor.parents[:1] in (("waivers",), ("select",), ("ignore",)) or cursor.key in (
        "rule",
        "select",
        "ignore",
    ):
        return _rules(lang)
    if cursor.key == "number" or before.endswith("number:"):
        return _numbers(today)
    if len(cursor.parents) == 2 and cursor.parents[0] == "standards":
        subsystem = guide.subsystem(cursor.parents[1])
        if subsystem is not None:
            return [
                _item(
                    c.key,
                    f"{c.clause} {c.name if lang == 'zh' else c.name_en}",
                    types.CompletionItemKind.Property,
                    insert=f"{c.key}:",
                )
                for c in subsystem.categories
            ]
    if cursor.parents == ("standards",):
        return [
            _item(s.key, s.name if lang == "zh" else s.name_en, types.CompletionItemKind.Module)
            for s in guide.subsystems
        ]
    return []


def _rules(lang: str) -> list[types.CompletionItem]:
    from sbsguide.messages import rule_text
    from sbsguide.rules import RULES

    language: Lang = "en" if lang == "en" else "zh"
    return [
        _item(r.name, rule_text(r.name, "summary", language),
              types.CompletionItemKind.Value)
        for r in RULES
    ]  # fmt: skip


def _numbers(today: date) -> list[types.CompletionItem]:
    """Standards in force of the catalogue, found by number or by words of their title."""
    from sbsguide.catalogue import load_catalogue

    found = []
    for edition in load_catalogue(()).editions:
        if edition.status_on(today) != "current" or edition.year is None:
            continue
        number = f"{edition.number}-{edition.year}"
        found.append(
            types.CompletionItem(
                label=number,
                detail=edition.title or "",
                kind=types.CompletionItemKind.Reference,
                filter_text=f"{number} {edition.title or ''}",
            )
        )
    return found


def _item(
    label: str, detail: str, kind: types.CompletionItemKind, *, insert: str | None = None
) -> types.CompletionItem:
    return types.CompletionItem(
        label=label, detail=detail, kind=kind, insert_text=insert, filter_text=f"{label} {detail}"
    )
