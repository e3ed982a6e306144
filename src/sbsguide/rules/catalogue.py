"""Standards verified against the catalogue (4.4).

Editions in force, known numbers, titles, public standards preferred. Every finding built on a
low-confidence fact says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from sbsguide.catalogue import Edition, Standing, comparable_title
from sbsguide.findings import Severity
from sbsguide.messages import Localised
from sbsguide.numbers import StandardNumber
from sbsguide.rules.base import Context, Placed, Violation, rule
from sbsguide.source import LogicalPath

LOW_CONFIDENCE = Localised(
    "(目录信息置信度低，请核实)", " (low-confidence catalogue entry: please verify)"
)
SURE = Localised("", "")
PUBLIC_KINDS = (
    "national-mandatory",
    "national-recommended",
    "national-guidance",
    "industry",
    "local",
)
"""The levels clause 4.4 prefers: national, industry and local standards."""


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
    """A standard no longer in force: superseded, an older edition, withdrawn; or not yet in force.

    The catalogue judges an edition on the check date; an entry the file marks ``withdrawn`` is
    one whatever the catalogue says. An edition the catalogue knows as withdrawn with no
    replacement, while the system still relies on it, is an error.
    """
    for placed in ctx.entries:
        entry = placed.entry
        standing = ctx.standing(placed)
        path = (*placed.path, "number") if entry.number else placed.path
        if entry.status == "withdrawn":
            successor = standing.successor
            yield Violation(
                "withdrawn-entry" if successor is None else "withdrawn-entry-successor",
                path,
                {
                    "number": entry.number or entry.name,
                    "successor": successor.canonical if successor else "",
                    "title": (successor.title or "") if successor else "",
                },
            )
            continue
        yield from _standing_violations(ctx, placed, standing, path)


def _standing_violations(
    ctx: Context, placed: Placed, standing: Standing, path: LogicalPath
) -> Iterator[Violation]:
    edition, successor = standing.edition, standing.successor
    number = placed.entry.number
    if standing.state == "superseded" and edition is not None:
        yield Violation(
            "superseded" if successor else "superseded-unknown",
            path,
            {
                "number": number,
                "successor": successor.canonical if successor else edition.superseded_by or "",
                "title": (successor.title or "") if successor else "",
                "since": edition.superseded_on or "",
                "confidence": confidence_note(edition, successor),
            },
        )
    elif standing.state == "older" and successor is not None:
        yield Violation(
            "older-edition",
            path,
            {
                "number": number,
                "successor": successor.canonical,
                "title": successor.title or "",
                "confidence": confidence_note(successor),
            },
        )
    elif standing.state == "withdrawn" and edition is not None:
        yield Violation(
            "withdrawn",
            path,
            {"number": number, "confidence": confidence_note(edition)},
            severity=Severity.ERROR,
        )
    elif standing.state == "upcoming" and edition is not None and placed.entry.implemented is None:
        yield Violation(
            "upcoming",
            path,
            {"number": number, "date": edition.implemented or "", "as_of": ctx.as_of},
            severity=Severity.INFO,
        )


@rule("unknown-standard", "4.4", severity=Severity.INFO)
def unknown_standard(ctx: Context) -> Iterator[Violation]:
    """A public standard number, or edition, that the catalogue does not know: unverifiable."""
    for placed, number in _numbered(ctx):
        if number.kind not in PUBLIC_KINDS:
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
            if not editions:  # the catalogue knows the standard, not its years (DB53/T 1117)
                yield Violation("unverifiable-edition", path, {"number": placed.entry.number})
            elif ctx.standing(placed).state != "older":  # superseded-standard says it
                yield Violation(
                    "unknown-edition", path, {"number": placed.entry.number, "editions": editions}
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
    """A category whose standards in force are all group and/or enterprise standards.

    Clause 4.4 prefers national, industry and local standards, so the category draws a warning
    whatever the catalogue holds (SPEC §7). It names up to three catalogue entries marked as a
    good fit for that very category (GB, then GB/T, then GB/Z, then industry and local), or says
    that none is catalogued. Not for ``posts.*``: post standards are the agency's own documents.
    """
    present = {number.base for _, number in _numbered(ctx)}
    for category in ctx.guide.categories():
        if category.subsystem == "posts":
            continue
        in_force = ctx.in_force_entries(category.subsystem, category.key)
        if not in_force or any(_is_public(p) for p in in_force):
            continue
        fitting = ctx.catalogue.for_category(category.dotted, ctx.as_of, good_fit=True)
        offers = sorted(
            (e for e in fitting if e.is_public and e.base not in present),
            key=lambda e: PUBLIC_KINDS.index(e.kind) if e.kind in PUBLIC_KINDS else 99,
        )[:3]
        args = {"name": category.name, "name_en": category.name_en, "key": category.dotted}
        path = ctx.category_path(category.subsystem, category.key)
        if not offers:
            yield Violation("enterprise-only-none-catalogued", path, args)
            continue
        yield Violation(
            "enterprise-only",
            path,
            {
                **args,
                "suggestions": "、".join(f"{e.canonical}《{e.title}》" for e in offers),
                "confidence": confidence_note(*offers),
            },
        )


def _is_public(placed: Placed) -> bool:
    """Anything but a group or enterprise standard: public, a policy document, unnumbered."""
    return placed.number is None or placed.number.kind not in ("group", "enterprise")
