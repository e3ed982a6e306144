"""Hover: what the guide, the catalogue or the rules say about the word under the cursor."""

from __future__ import annotations

from datetime import date

from lsprotocol import types

from sbsguide.lsp.context import cursor_at
from sbsguide.messages import Lang


def hover_text(text: str, position: types.Position, lang: str, today: date) -> str | None:
    """Markdown for the cursor: a category key, a standard number, or a rule id."""
    from sbsguide.guide import load_guide
    from sbsguide.rules import BY_NAME

    cursor = cursor_at(text, position.line, position.character)
    guide = load_guide()
    language: Lang = "en" if lang == "en" else "zh"
    if len(cursor.parents) == 2 and cursor.parents[0] == "standards" and cursor.key == cursor.word:
        subsystem = guide.subsystem(cursor.parents[1])
        category = subsystem.category(cursor.word) if subsystem else None
        if category is not None:
            return _category(category, language)
    if cursor.word in BY_NAME:
        from sbsguide.explain import explain_text

        return f"```text\n{explain_text(cursor.word, language)}\n```"
    return _standard(cursor.word, language, today)


def _category(category: object, lang: str) -> str:
    from sbsguide.guide import Category, load_guide

    assert isinstance(category, Category)
    clause = load_guide().clauses.get(category.clause)
    name = category.name if lang == "zh" else category.name_en
    title = (clause.title if lang == "zh" else clause.title_en) if clause else ""
    heading = f"**{category.clause} {title}** — {name}"
    required = {
        "zh": "必备类别：应至少有一项现行标准，或声明不适用并说明理由。",
        "en": "Required: at least one standard in force, or declared not applicable with a reason.",
    }
    optional = {"zh": "可选类别。", "en": "Optional category."}
    said = (required if category.required else optional)[lang]
    body = (clause.text if lang == "zh" else clause.text_en) if clause is not None else ""
    return f"{heading}\n\n{body}\n\n{said}"


def _standard(word: str, lang: str, today: date) -> str | None:
    from sbsguide.catalogue import load_catalogue
    from sbsguide.numbers import parse

    number = parse(word) if word else None
    if number is None:
        return None
    catalogue = load_catalogue(())
    editions = catalogue.editions_of(number.base)
    if not editions:
        return None
    standing = catalogue.standing(number, today)
    lines = [f"**{number.canonical}**"]
    for edition in editions:
        year = f"-{edition.year}" if edition.year else ""
        state = edition.status_on(today)
        implemented = f"，实施 {edition.implemented}" if edition.implemented else ""
        if lang == "en":
            implemented = f", in force from {edition.implemented}" if edition.implemented else ""
        lines.append(
            f"- {edition.number}{year} {edition.title or ''} — {state}{implemented}"
            f" ({edition.confidence}; {edition.source})"
        )
    if standing.successor is not None:
        successor = f"{standing.successor.number}-{standing.successor.year}"
        lines.append(f"\n{'现行版本' if lang == 'zh' else 'Edition in force'}: **{successor}**")
    return "\n".join(lines)
