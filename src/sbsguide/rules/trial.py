"""The trial run and its self-evaluation (5.5.1), and dates that cannot be right."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date

from sbsguide.findings import Severity
from sbsguide.rules.base import Context, Violation, rule
from sbsguide.source import LogicalPath

TRIAL_MONTHS = 3  # 5.5.1: 试运行时间应不少于 3 个月


def add_months(start: date, months: int) -> date:
    """Calendar-month addition, clamped to the month's end: 01-31 + 3 months = 04-30."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    if year > date.max.year:
        return date.max  # a start in 9999: the due date lies beyond the calendar
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@rule("trial-period", "5.5.1")
def trial_period(ctx: Context) -> Iterator[Violation]:
    """The trial run lasted at least three calendar months; a running trial is an info."""
    trial = ctx.system.trial_run
    if trial is None:
        yield Violation("missing", ("trial_run",))
        return
    if trial.start is None:
        yield Violation("no-start", ("trial_run", "start"))
        return
    due = add_months(trial.start, TRIAL_MONTHS)
    args = {"start": trial.start, "end": trial.end or "", "due": due, "as_of": ctx.as_of}
    if trial.start > ctx.as_of:
        yield Violation("not-started", ("trial_run", "start"), args, severity=Severity.INFO)
    elif trial.end is None or trial.end > ctx.as_of:
        if trial.end is not None and trial.end < due:
            message = "planned-too-short"
        else:
            message = "running" if due > ctx.as_of else "may-conclude"
        yield Violation(message, ("trial_run", "end"), args, severity=Severity.INFO)
    elif trial.end < due:
        yield Violation(
            "too-short", ("trial_run", "end"), {"start": trial.start, "end": trial.end, "due": due}
        )


@rule("self-evaluation", "5.5.1")
def self_evaluation(ctx: Context) -> Iterator[Violation]:
    """A finished trial has a self-evaluation, dated after it began, with findings and actions."""
    trial = ctx.system.trial_run
    if trial is None or trial.end is None or trial.end > ctx.as_of:
        return
    evaluation = trial.self_evaluation
    path = ("trial_run", "self_evaluation")
    if evaluation is None:
        yield Violation("missing", path, {"end": trial.end})
        return
    if evaluation.date is None:
        yield Violation("no-date", (*path, "date"))
    elif evaluation.date > ctx.as_of:
        yield Violation(
            "future",
            (*path, "date"),
            {"date": evaluation.date, "as_of": ctx.as_of, "end": trial.end},
        )
        return  # an evaluation still to come has no findings or actions to judge
    elif trial.start is not None and evaluation.date <= trial.start:
        yield Violation(
            "too-early", (*path, "date"), {"date": evaluation.date, "start": trial.start}
        )
    if not any(f.strip() for f in evaluation.findings):
        yield Violation("no-findings", (*path, "findings"))
    if not any(a.strip() for a in evaluation.actions):
        yield Violation("no-actions", (*path, "actions"))


@rule("dates", severity=Severity.WARNING)
def dates(ctx: Context) -> Iterator[Violation]:
    """Trial, plan and records in order; a standard issued but not yet in force is an info.

    A ``current`` entry whose implementation date is after the check date is 即将实施: it is
    classed 现行 and keeps its status (SPEC §7 "Published, not yet in force").
    """
    for placed in ctx.entries:
        entry = placed.entry
        if entry.status == "current" and entry.implemented and entry.implemented > ctx.as_of:
            yield Violation(
                "future-implemented",
                (*placed.path, "implemented"),
                {"date": entry.implemented, "as_of": ctx.as_of},
                severity=Severity.INFO,
            )
    trial = ctx.system.trial_run
    if trial and trial.start and trial.end and trial.end < trial.start:
        yield Violation(
            "trial-reversed", ("trial_run", "end"), {"start": trial.start, "end": trial.end}
        )
    plan = ctx.system.plan
    if plan and plan.approved_on and trial and trial.start and plan.approved_on > trial.start:
        yield Violation(
            "plan-after-trial",
            ("plan", "approved_on"),
            {"approved": plan.approved_on, "start": trial.start},
        )
    yield from _record_dates(ctx)


def _record_dates(ctx: Context) -> Iterator[Violation]:
    """Records dated after the check date, or before the plan and the trial (``dates`` errors)."""
    records = ctx.records
    if records is None:
        return
    from sbsguide.evaluate.indicators import earliest_record_day

    earliest = earliest_record_day(ctx)
    dated: list[tuple[LogicalPath, date]] = [
        *((("trainings", i, "date"), t.date) for i, t in enumerate(records.trainings)),
        *((("inspections", i, "date"), r.date) for i, r in enumerate(records.inspections)),
        *((("surveys", i, "period"), s.period[1]) for i, s in enumerate(records.surveys)),
    ]
    if records.evaluation is not None and records.evaluation.date is not None:
        dated.append((("evaluation", "date"), records.evaluation.date))
    for path, day in dated:
        if day > ctx.as_of:
            yield Violation(
                "record-future",
                path,
                {"date": day, "as_of": ctx.as_of},
                severity=Severity.ERROR,
                in_records=True,
            )
        elif earliest is not None and day < earliest:
            yield Violation(
                "record-too-early",
                path,
                {"date": day, "earliest": earliest},
                severity=Severity.ERROR,
                in_records=True,
            )
