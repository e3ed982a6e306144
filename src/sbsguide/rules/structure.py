"""The shape of the system: sub-systems, categories, N/A declarations, codes (6.1, 4.2)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

from sbsguide import numbers
from sbsguide.catalogue import comparable_title
from sbsguide.findings import Severity
from sbsguide.guide import Category, Guide
from sbsguide.messages import Localised
from sbsguide.model import NotApplicable
from sbsguide.rules.base import Context, LineOf, Placed, Violation, rule
from sbsguide.rules.catalogue import confidence_note
from sbsguide.source import LogicalPath, dotted

SYSTEM_CODE = re.compile(r"(?P<prefix>JC|SS|BZ|GW)(?P<category>\d{2})-(?P<sequence>\d{3})")


@rule("required-subsystem", "6.1")
def required_subsystem(ctx: Context) -> Iterator[Violation]:
    """All four sub-systems of figure 1 are present."""
    for subsystem in ctx.guide.subsystems:
        if ctx.system.subsystem(subsystem.key) is None:
            yield Violation(
                "missing",
                ("standards", subsystem.key),
                {
                    "key": subsystem.key,
                    "name": subsystem.name,
                    "name_en": subsystem.name_en,
                    "layer": subsystem.layer,
                },
            )


@rule("required-category", "4.2", "6.2.2", "6.3.2", "6.4.2", "6.5.4")
def required_category(ctx: Context) -> Iterator[Violation]:
    """Every required category holds a standard in force or is declared N/A with a reason.

    An optional category draws an info. Withdrawn and superseded entries cover nothing (SPEC §6),
    and a standard being drafted is a plan, not a standard (SPEC §7): a category holding only
    such entries is an info while the trial runs and an error once it has ended. A missing
    sub-system is ``required-subsystem``'s alone, so its categories are not listed.
    """
    for subsystem in ctx.guide.subsystems:
        block = ctx.system.subsystem(subsystem.key)
        if block is None:
            continue
        for category in subsystem.categories:
            value = ctx.category_value(subsystem.key, category.key)
            if isinstance(value, NotApplicable):
                continue
            args = {"key": category.dotted, "name": category.name, "name_en": category.name_en}
            path = ctx.category_path(subsystem.key, category.key)
            severity = None if category.required else Severity.INFO
            planned = ctx.planned_entries(subsystem.key, category.key)
            if not value:
                message = "empty" if category.key in block.model_fields_set else "missing"
                yield Violation(message, path, args, severity=severity, clause=category.clause)
            elif not ctx.in_force_entries(subsystem.key, category.key):
                yield ctx.unmet(
                    "none-in-force", path, args, planned, severity=severity, clause=category.clause
                )


@rule("not-applicable-reason", "4.2")
def not_applicable_reason(ctx: Context) -> Iterator[Violation]:
    """A category declared not applicable gives a reason that explains something.

    The list of empty words is open (不涉及, 不开展, 无此业务 …): a reason is empty when, with
    those words, filler words and the category's own name taken out, nothing is left.
    """
    for category in ctx.guide.categories():
        value = ctx.category_value(category.subsystem, category.key)
        if not isinstance(value, NotApplicable):
            continue
        args = {
            "key": category.dotted,
            "name": category.name,
            "name_en": category.name_en,
            "example": Localised(category.na_example, category.na_example_en),
        }
        path = (*ctx.category_path(category.subsystem, category.key), "not_applicable")
        reason = value.not_applicable or ""
        if not comparable_title(reason):
            yield Violation("blank", path, args)
        elif not says_why(reason, category, ctx.guide):
            yield Violation("says-nothing", path, {**args, "reason": reason})


_NAME_ENDINGS = ("工作标准", "标准", "管理", "规则")


def says_why(reason: str, category: Category, guide: Guide) -> bool:
    """Whether anything is left of a reason once the words that explain nothing are removed."""
    stem = category.name
    for ending in _NAME_ENDINGS:
        stem = stem.removesuffix(ending)
    words = [
        *guide.empty_reasons,
        *guide.reason_fillers,
        category.name,
        stem,
        *re.split(r"[与和、及]", stem),
        *category.name_en.replace(",", " ").split(),
    ]
    text = unicodedata.normalize("NFKC", reason).lower()
    for word in sorted({comparable_title(w) for w in words if w}, key=len, reverse=True):
        if word.isascii():
            text = re.sub(rf"\b{re.escape(word)}\b", " ", text)
        else:
            text = text.replace(word, " ")
    return bool(comparable_title(text))


@rule(
    "layer-placement",
    "6.1",
    "6.2.1",
    "6.3.1",
    "6.5.1",
    "6.2.2",
    "6.3.2",
    "6.4.2",
    "6.5.4",
    severity=Severity.WARNING,
)
def layer_placement(ctx: Context) -> Iterator[Violation]:
    """A post standard sits under ``posts``; a standard and its 体系编号 match their place.

    A misplaced standard is judged against the clause of the category it sits in. An entry in a
    catch-all (``foundation.other``, or a category the agency added) draws at most an info: such a
    category may hold anything (SPEC §7).
    """
    places: dict[tuple[str, str | None, int], _Place] = {}
    for placed in ctx.entries:
        key = (placed.subsystem, placed.category, placed.category_number)
        place = places.get(key)
        if place is None:  # what a place asks of its entries, worked out once per place
            place = places[key] = _place(ctx, placed)
        for violation in _placement(ctx, placed, place):
            yield replace(violation, severity=Severity.INFO) if place.catch_all else violation


@dataclass(frozen=True, slots=True)
class _Place:
    catch_all: bool
    code: str  # the 体系编号 prefix of the place: JC01
    clause: str  # the clause of its category


def _place(ctx: Context, placed: Placed) -> _Place:
    subsystem = ctx.guide.subsystem(placed.subsystem)
    assert subsystem is not None
    return _Place(
        _catch_all(ctx, placed),
        f"{subsystem.code_prefix}{placed.category_number:02d}",
        _place_clause(ctx, placed),
    )


def _catch_all(ctx: Context, placed: Placed) -> bool:
    if placed.category is None:
        return True
    subsystem = ctx.guide.subsystem(placed.subsystem)
    category = subsystem.category(placed.category) if subsystem else None
    return category is not None and category.catch_all


def _placement(ctx: Context, placed: Placed, place: _Place) -> Iterator[Violation]:
    """What is out of place about one entry: its post, its catalogue category, its code."""
    entry = placed.entry
    if entry.post is not None and placed.subsystem != "posts":
        yield Violation(
            "post-outside-posts",
            (*placed.path, "post"),
            {"post": entry.post, "place": dotted(placed.path[1:3])},
            clause="6.5.1",
        )
    yield from _catalogue_place(ctx, placed, place.clause)
    match = SYSTEM_CODE.fullmatch(entry.code or "")
    if match is None:
        return
    if match["prefix"] + match["category"] != place.code:
        yield Violation(
            "code-place",
            (*placed.path, "code"),
            {"code": entry.code, "expected": place.code, "place": dotted(placed.path[1:3])},
            clause=place.clause,
        )


def _place_clause(ctx: Context, placed: Placed) -> str:
    """The clause of the category an entry sits in (an agency's own: its sub-system's list)."""
    subsystem = ctx.guide.subsystem(placed.subsystem)
    assert subsystem is not None
    category = subsystem.category(placed.category) if placed.category else None
    return (category or subsystem.categories[0]).clause


def _catalogue_place(ctx: Context, placed: Placed, clause: str) -> Iterator[Violation]:
    """A known standard sits in one of its catalogue categories (an agency's own are its call)."""
    number = placed.number
    if number is None or placed.category is None:
        return
    editions = ctx.catalogue.editions_of(number.base)
    if not editions:
        return
    fitting = list(dict.fromkeys(c for e in editions for c in e.categories))
    here = f"{placed.subsystem}.{placed.category}"
    if not fitting or here in fitting:
        return
    names = {c.dotted: c for c in ctx.guide.categories()}
    places = Localised(
        "、".join(f"{key}({names[key].name})" for key in fitting if key in names),
        ", ".join(f"{key} ({names[key].name_en})" for key in fitting if key in names),
    )
    yield Violation(
        "catalogue-place",
        (*placed.path, "number"),
        {
            "number": placed.entry.number,
            "places": places,
            "place": here,
            "confidence": confidence_note(*editions),
        },
        clause=clause,
    )


@rule("duplicate-standard", "4.2", severity=Severity.WARNING)
def duplicate_standard(ctx: Context) -> Iterator[Violation]:
    """The same standard (any edition) appears only once in the system.

    The finding names the other entry by its line and says which of the two to keep, and why: the
    one in a category the catalogue places the standard in; when both or neither are, the first
    listed, naming the catalogue's own category when neither is. Twice in one category: either,
    written as the edition in force.
    """
    first_seen: dict[str, Placed] = {}
    for placed in ctx.entries:
        if not placed.entry.number:
            continue
        base = placed.number.base if placed.number else numbers.base_of(placed.entry.number)
        first = first_seen.setdefault(base, placed)
        if first is placed:
            continue
        homes = _catalogue_places(ctx, base)
        here, there = _place_of(placed), _place_of(first)
        if here == there:
            message = "duplicate-same-category"
        elif here in homes and there not in homes:
            message = "duplicate-keep-this"
        elif there in homes:
            message = "duplicate" if here not in homes else "duplicate-both-fit"
        else:
            message = "duplicate-neither-fits" if homes else "duplicate-unknown"
        yield Violation(
            message,
            (*placed.path, "number"),
            {
                "number": placed.entry.number,
                "first": first.entry.number or "",
                "line": LineOf(first.path),
                "place": there,
                "here": here,
                "homes": "、".join(homes),
            },
        )


def _place_of(placed: Placed) -> str:
    return f"{placed.subsystem}.{placed.category or 'extra'}"


def _catalogue_places(ctx: Context, base: str) -> list[str]:
    """The categories the catalogue places a standard in, in its order."""
    return list(dict.fromkeys(c for e in ctx.catalogue.editions_of(base) for c in e.categories))


@rule("system-code", "4.2")
def system_code(ctx: Context) -> Iterator[Violation]:
    """体系编号 codes are well formed (``BZ06-002``) and unique."""
    seen: dict[str, LogicalPath] = {}
    for placed in ctx.entries:
        code = placed.entry.code
        if code is None:
            continue
        if SYSTEM_CODE.fullmatch(code) is None:
            yield Violation("malformed", (*placed.path, "code"), {"code": code})
        elif code in seen:
            first = dotted(seen[code])
            yield Violation("duplicate", (*placed.path, "code"), {"code": code, "first": first})
        else:
            seen[code] = placed.path
