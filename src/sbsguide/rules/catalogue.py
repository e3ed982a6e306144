"""Standards verified against the catalogue (4.4).

Editions in force, known numbers, titles, public standards preferred. Every finding built on a
low-confidence fact says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from sbsguide.catalogue import Edition, comparable_title
from sbsguide.findings import Severity
from sbsguide.messages import Localised
from sbsguide.numbers import StandardNumber, parse
from sbsguide.rules.base import Context, Placed, Violation, rule

LOW_CONFIDENCE = Localised(
    "(目录信息置信度低，请核实)", " (low-confidence catalogue entry: please verify)"
)
SURE = Localised("", "")
_PUBLIC = ("national-mandatory", "national-recommended", "national-guidance", "industry", "local")


def confidence_note(*editions: Edition | None) -> Localised:
    """The caveat a message carries when any fact behind it is of low confidence."""
    return (
        LOW_CONFIDENCE if any(e is not None and e.confidence == "low" for e in editions) else SURE
    )


def _numbered(ctx: Context) -> Iterator[tuple[Placed, StandardNumber]]:
    for placed in ctx.entries:
        if placed.number is not None:
            yield placed, placed.number


@rule("superseded-standard", "4.4", severity=Severity.WARNING)
def superseded_standard(ctx: Context) -> Iterator[Violation]:
    """A known edition that has been replaced names its current successor."""
    for placed, number in _numbered(ctx):
        edition = ctx.catalogue.edition(number) if number.dated else None
        if edition is None or placed.entry.status == "withdrawn":
            continue
        status = edition.status_on(ctx.as_of)
        path = (*placed.path, "number")
        if status == "superseded":
            successor = ctx.catalogue.successor(edition, ctx.as_of)
            if successor is not None:
                yield Violation(
                    "superseded",
                    path,
                    {
                        "number": placed.entry.number,
                        "successor": successor.canonical,
                        "title": successor.title or "",
                        "since": edition.superseded_on or "",
                        "confidence": confidence_note(edition, successor),
                    },
                )
        elif status == "withdrawn":
            yield Violation(
                "withdrawn",
                path,
                {"number": placed.entry.number, "confidence": confidence_note(edition)},
                severity=Severity.ERROR,
            )


@rule("unknown-standard", "4.4", severity=Severity.INFO)
def unknown_standard(ctx: Context) -> Iterator[Violation]:
    """A public standard number, or edition, that the catalogue does not know: unverifiable."""
    for placed, number in _numbered(ctx):
        if number.kind not in _PUBLIC:
            continue
        path = (*placed.path, "number")
        known = ctx.catalogue.editions_of(number.base)
        if not known:
            near = ctx.catalogue.near_miss(number)
            if near is not None:
                yield Violation(
                    "near-miss",
                    path,
                    {
                        "number": placed.entry.number,
                        "suggestion": near.canonical,
                        "title": near.title or "",
                    },
                )
            else:
                yield Violation("unknown", path, {"number": placed.entry.number})
        elif number.dated and ctx.catalogue.edition(number) is None:
            editions = "、".join(str(e.year) for e in known if e.year)
            yield Violation(
                "unknown-edition",
                path,
                {"number": placed.entry.number, "editions": editions or "—"},
            )


@rule("title-mismatch", "4.4", severity=Severity.WARNING)
def title_mismatch(ctx: Context) -> Iterator[Violation]:
    """A known number's name is its catalogue title; a former title is accepted with an info."""
    for placed, number in _numbered(ctx):
        editions = ctx.catalogue.editions_of(number.base)
        edition = (
            ctx.catalogue.edition(number)
            if number.dated
            else (
                ctx.catalogue.current(number.base, ctx.as_of)
                or (editions[-1] if editions else None)
            )
        )
        if edition is None or edition.title is None:
            continue
        name = comparable_title(placed.entry.name)
        if name == comparable_title(edition.title):
            continue
        path = (*placed.path, "name")
        args = {
            "number": placed.entry.number,
            "name": placed.entry.name,
            "title": edition.title,
            "confidence": confidence_note(edition),
        }
        former = [
            *edition.former_titles,
            *(e.title for e in editions if e.title and e is not edition),
        ]
        if any(name == comparable_title(t) for t in former):
            yield Violation("former-title", path, args, severity=Severity.INFO)
        else:
            low = edition.confidence == "low"
            yield Violation("mismatch", path, args, severity=Severity.INFO if low else None)


@rule("prefer-public-standards", "4.4")
def prefer_public_standards(ctx: Context) -> Iterator[Violation]:
    """A category of only enterprise standards, where the catalogue offers a public one."""
    present = {number.base for _, number in _numbered(ctx)}
    for category in ctx.guide.categories():
        value = ctx.category_value(category.subsystem, category.key)
        if category.subsystem == "posts" or not isinstance(value, list) or not value:
            continue
        numbers = [parse(e.number) if e.number else None for e in value]
        if any(number is None or number.kind != "enterprise" for number in numbers):
            continue
        offers = [
            e
            for e in ctx.catalogue.for_category(category.dotted, ctx.as_of)
            if e.is_public and e.base not in present
        ][:3]
        if offers:
            suggestions = "、".join(f"{e.canonical}《{e.title}》" for e in offers)
            yield Violation(
                "enterprise-only",
                ctx.category_path(category.subsystem, category.key),
                {
                    "name": category.name,
                    "name_en": category.name_en,
                    "suggestions": suggestions,
                    "confidence": confidence_note(*offers),
                },
            )
