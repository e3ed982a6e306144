"""The indicators of the self-evaluation (SPEC §7), each with what is missing from it.

Every indicator is a numerator over a denominator counted by SPEC §7's rules: the period is the
trial (or ``--period``), ends included; a survey counts by the end of its period; a record with a
``dates`` error counts in none; standards are the 现行 entries of the one count model
(classes.py); a record names a standard by number (the same edition, or no year) or by exact
title. A zero denominator gives no value (不适用); an indicator that needs records the agency has
not kept gives none either (无记录).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sbsguide.catalogue import comparable_title
from sbsguide.classes import entry_class, replaced_numbers
from sbsguide.evaluate.records import Records
from sbsguide.model import NotApplicable
from sbsguide.names import name_key
from sbsguide.numbers import parse
from sbsguide.rules.base import Context, Placed
from sbsguide.rules.services import governs
from sbsguide.rules.structure import says_why

KEYS = (
    "completeness",
    "currency",
    "training",
    "inspection",
    "conformity",
    "posts",
    "services",
    "satisfaction",
    "problems",
)
NEED_RECORDS = frozenset({"training", "inspection", "conformity", "satisfaction", "problems"})


@dataclass(frozen=True, slots=True)
class Share:
    """One part of an indicator: a sub-system, or one survey."""

    label: str
    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str  # one of KEYS; its name and formula are in texts.yaml
    numerator: int | None
    denominator: int | None
    missing: tuple[str, ...] = ()  # what keeps it from 100%: the standards never inspected …
    parts: tuple[Share, ...] = ()  # per sub-system, or per survey
    beside: tuple[tuple[str, int], ...] = ()  # shown beside it, never counted (基本符合, 不符合)
    no_records: bool = False

    @property
    def value(self) -> float | None:
        """Numerator ÷ denominator, unrounded; None for a zero denominator or no records."""
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator


@dataclass(frozen=True, slots=True)
class Period:
    start: date | None
    end: date

    def holds(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and day <= self.end


@dataclass(frozen=True, slots=True)
class Standards:
    """The 现行 entries of the system, and how a record's reference finds one of them."""

    current: tuple[Placed, ...]
    by_title: dict[str, Placed] = field(default_factory=dict)
    by_base: dict[str, list[Placed]] = field(default_factory=dict)  # every entry, by its number

    def find(self, reference: str) -> Placed | None:
        """The entry a record names: same number and the same or no year, or the exact title."""
        number = parse(reference)
        if number is None:
            return self.by_title.get(comparable_title(reference))
        for placed in self.by_base.get(number.base, ()):
            if number.year is None or placed.number is None or placed.number.year == number.year:
                return placed
        return None


def period_of(ctx: Context, asked: tuple[date, date] | None) -> Period:
    """``--period``, else the trial: its start to its end, or to the check date while it runs."""
    if asked is not None:
        return Period(asked[0], asked[1])
    trial = ctx.system.trial_run
    start = trial.start if trial else None
    end = trial.end if trial and trial.end and trial.end <= ctx.as_of else ctx.as_of
    return Period(start, end)


def earliest_record_day(ctx: Context) -> date | None:
    """A record dated before this (the earlier of plan approval and trial start) is a slip."""
    plan, trial = ctx.system.plan, ctx.system.trial_run
    days = [d for d in (plan.approved_on if plan else None, trial.start if trial else None) if d]
    return min(days) if days else None


def well_dated(day: date, ctx: Context) -> bool:
    """Not after the check date, nor before the plan and the trial (else a ``dates`` error)."""
    earliest = earliest_record_day(ctx)
    return day <= ctx.as_of and (earliest is None or day >= earliest)


def current_standards(ctx: Context) -> Standards:
    replaced = replaced_numbers(ctx.system)
    current = tuple(
        p
        for p in ctx.entries
        if entry_class(p.entry, ctx.standing(p), bool(p.number and p.number.base in replaced))
        == "current"
    )
    titles = {comparable_title(p.entry.name): p for p in reversed(ctx.entries)}
    by_base: dict[str, list[Placed]] = {}
    for placed in ctx.entries:
        if placed.number is not None:
            by_base.setdefault(placed.number.base, []).append(placed)
    return Standards(current, titles, by_base)


def entry_label(placed: Placed) -> str:
    """How a document names an entry: its number and title."""
    number = placed.number.canonical.replace("-", "—") if placed.number else ""
    return f"{number} {placed.entry.name}".strip()


def indicators(
    ctx: Context, records: Records | None, asked: tuple[date, date] | None = None
) -> list[Indicator]:
    """Every indicator of SPEC §7, in the order of its table."""
    period = period_of(ctx, asked)
    standards = current_standards(ctx)
    found = [
        _completeness(ctx),
        _currency(ctx),
    ]
    if records is None:
        found += [Indicator(key, None, None, no_records=True) for key in KEYS[2:5]]
    else:
        trainings = [
            t for t in records.trainings if period.holds(t.date) and well_dated(t.date, ctx)
        ]
        inspections = [
            i for i in records.inspections if period.holds(i.date) and well_dated(i.date, ctx)
        ]
        found.append(_named(ctx, "training", standards, (t.standards for t in trainings)))
        found.append(_named(ctx, "inspection", standards, (i.standards for i in inspections)))
        conforming = sum(1 for i in inspections if i.result == "conforming")
        found.append(
            Indicator(
                "conformity",
                conforming,
                len(inspections),
                tuple(
                    f"{i.date.isoformat()} {i.scope or ''}".strip()
                    for i in inspections
                    if i.result == "nonconforming"
                ),
                beside=(
                    ("partly", sum(1 for i in inspections if i.result == "partly")),
                    ("nonconforming", sum(1 for i in inspections if i.result == "nonconforming")),
                ),
            )
        )
    found += [_posts(ctx, standards), _services(ctx, standards)]
    if records is None:
        found += [Indicator(key, None, None, no_records=True) for key in KEYS[7:]]
    else:
        found += [_satisfaction(ctx, records, period), _problems(ctx, records)]
    return found


def _completeness(ctx: Context) -> Indicator:
    """Required categories met by a 现行 standard ÷ required ones (validly N/A left out)."""
    met = total = 0
    missing = []
    parts = []
    for subsystem in ctx.guide.subsystems:
        sub_met = sub_total = 0
        for category in subsystem.categories:
            if not category.required:
                continue
            value = ctx.category_value(subsystem.key, category.key)
            if isinstance(value, NotApplicable) and says_why(
                value.not_applicable or "", category, ctx.guide
            ):
                continue
            sub_total += 1
            if ctx.in_force_entries(subsystem.key, category.key):
                sub_met += 1
            else:
                missing.append(f"{category.name}（{category.clause}）")
        met, total = met + sub_met, total + sub_total
        parts.append(Share(subsystem.key, sub_met, sub_total))
    return Indicator("completeness", met, total, tuple(missing), tuple(parts))


def _currency(ctx: Context) -> Indicator:
    """现行 entries ÷ (现行 + 被代替 + 已废止) entries."""
    replaced = replaced_numbers(ctx.system)
    counted = current = 0
    missing = []
    for placed in ctx.entries:
        named = bool(placed.number and placed.number.base in replaced)
        kind = entry_class(placed.entry, ctx.standing(placed), named)
        if kind == "drafting":
            continue
        counted += 1
        if kind == "current":
            current += 1
        else:
            missing.append(entry_label(placed))
    return Indicator("currency", current, counted, tuple(missing))


def _named(
    ctx: Context, key: str, standards: Standards, references: Iterable[Sequence[str]]
) -> Indicator:
    """现行 standards named in a record of the period ÷ 现行 standards, per sub-system."""
    named: set[tuple[object, ...]] = set()
    for listed in references:
        for reference in listed:
            placed = standards.find(reference)
            if placed is not None:
                named.add(placed.path)
    parts = []
    for subsystem in ctx.guide.subsystems:
        own = [p for p in standards.current if p.subsystem == subsystem.key]
        parts.append(Share(subsystem.key, sum(1 for p in own if p.path in named), len(own)))
    missing = tuple(entry_label(p) for p in standards.current if p.path not in named)
    hit = sum(1 for p in standards.current if p.path in named)
    return Indicator(key, hit, len(standards.current), missing, tuple(parts))


def _posts(ctx: Context, standards: Standards) -> Indicator:
    organization = ctx.system.organization
    positions = list(organization.positions or []) if organization else []
    covered = {name_key(p.entry.post or "") for p in standards.current if p.entry.post}
    missing = tuple(p.name for p in positions if name_key(p.name) not in covered)
    return Indicator("posts", len(positions) - len(missing), len(positions), missing)


def _services(ctx: Context, standards: Standards) -> Indicator:
    services = ctx.system.services
    items = list(services.items) if services else []
    processes = [
        p for p in standards.current if p.subsystem == "delivery" and p.category == "process"
    ]
    missing = tuple(
        item.name for item in items if not any(governs(p.entry, item.name) for p in processes)
    )
    return Indicator("services", len(items) - len(missing), len(items), missing)


def _satisfaction(ctx: Context, records: Records, period: Period) -> Indicator:
    """Σ satisfied ÷ Σ responses over the surveys whose period ends in the period."""
    surveys = [
        s for s in records.surveys if period.holds(s.period[1]) and well_dated(s.period[1], ctx)
    ]
    parts = tuple(
        Share(f"{s.period[0].isoformat()}/{s.period[1].isoformat()}", s.satisfied, s.responses)
        for s in surveys
    )
    satisfied = sum(s.satisfied for s in surveys)
    responses = sum(s.responses for s in surveys)
    return Indicator("satisfaction", satisfied, responses, (), parts)


def _problems(ctx: Context, records: Records) -> Indicator:
    """Problems closed ÷ problems, whatever their dates; the overdue open ones listed."""
    problems = records.evaluation.problems if records.evaluation else []
    closed = sum(1 for p in problems if p.status == "closed")
    overdue = tuple(
        f"{p.id + ' ' if p.id else ''}{p.problem}（{p.due.isoformat()}）"
        for p in problems
        if p.status == "open" and p.due is not None and p.due < ctx.as_of
    )
    return Indicator("problems", closed, len(problems), overdue)
