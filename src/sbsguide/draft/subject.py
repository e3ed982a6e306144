"""What a draft is about: the standards it cites, its clause of the guide, who does the work.

A draft cites only what its own subject calls for (#19), never every public standard of its
category.
"""

from __future__ import annotations

import re
from typing import Any

from sbsguide.draft.targets import Target
from sbsguide.model import StandardSystem
from sbsguide.numbers import StandardNumber, parse
from sbsguide.resources import data

PUBLIC_ORDER = ("national", "industry", "local", "group")
"""The levels a draft may cite, in the order GB/T 1.1 lists references."""


def cited_standards(system: StandardSystem, target: Target, title: str) -> list[tuple[str, str]]:
    """The public (and group) standards this draft really cites, as GB/T 1.1 lists them.

    A standard of the draft's category is cited when the catalogue marks it a good fit for that
    category, or when its title shares a word with the draft's title or services: never every
    public standard of the category. Numbers are written as GB/T 1.1 prints them (GB/T 1.1—2020).
    """
    from sbsguide.catalogue import load_catalogue

    subsystem, _, key = target.category.partition(".")
    value = system.category(subsystem, key)
    catalogue = load_catalogue()
    subject = _words(" ".join([title, *(s.name for s in target.services)]))
    found = []
    for entry in value if isinstance(value, list) else []:
        number = parse(entry.number) if entry.number else None
        if number is None or entry.status in ("withdrawn", "drafting"):
            continue
        level = "national" if number.kind.startswith("national") else number.kind
        if level not in PUBLIC_ORDER:
            continue
        fits = any(target.category in e.fit for e in catalogue.editions_of(number.base))
        if fits or subject & _words(entry.name):
            found.append(
                (PUBLIC_ORDER.index(level), number.canonical, _typeset(number), entry.name)
            )
    return [(written, name) for _, _, written, name in sorted(found)]


def _words(text: str) -> set[str]:
    """The two-character words of a title once generic words (服务, 规范, 管理 …) are taken out.

    Taken out first, so that no pair straddles them ("服务规范" gives no "务规").
    """
    for generic in data("sbsguide.draft", "texts.yaml")["generic_words"]:
        text = text.replace(generic, " ")
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    pairs = {run[i : i + 2] for run in runs for i in range(len(run) - 1)}
    return pairs | {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}


def _typeset(number: StandardNumber) -> str:
    """A number as a standard prints it: the year after an em dash (GB/T 1.1—2020)."""
    canonical = number.canonical
    if number.dated and number.kind != "policy":
        return re.sub(r"-(\d{4})$", r"—\1", canonical)
    return canonical


def _category(dotted: str) -> Any:
    from sbsguide.guide import load_guide

    return next((c for c in load_guide().categories() if c.dotted == dotted), None)


def guide_basis(dotted: str, w: dict[str, Any]) -> list[str]:
    """The clause of the guide that asks for the category, and what it says (6.4.2 …)."""
    from sbsguide.guide import load_guide

    category = _category(dotted)
    if category is None:
        return []
    english = w["lang"] == "en"
    name = category.name_en if english else category.name
    scope = category.scope_en if english else category.scope
    if scope:  # 6.3.2 lists what the category includes: that, not the whole clause
        return [str(w["guide_scope"]).format(clause=category.clause, name=name, scope=scope)]
    clause = load_guide().clauses.get(category.clause)
    text = (clause.text_en if english else clause.text) if clause else ""
    return [str(w["guide_basis"]).format(clause=category.clause, name=name, text=text)]


def listed_items(dotted: str, w: dict[str, Any]) -> list[str]:
    """What 6.3.2 lists for the category "包括但不限于": each a requirement to write."""
    category = _category(dotted)
    if category is None:
        return []
    return [item.item_en if w["lang"] == "en" else item.item for item in category.listed]


def duties_about(system: StandardSystem, dotted: str, w: dict[str, Any]) -> list[str]:
    """The positions whose duties name the category's subject: who does the work (5.1.2)."""
    category = _category(dotted)
    organization = system.organization
    if category is None or organization is None:
        return []
    subject = _words(category.name)
    return [
        str(w["duty_of"]).format(post=position.name, duty=duty)
        for position in organization.positions or []
        for duty in position.duties
        if subject & _words(duty)
    ]
