"""The trial's implementation records (5.5.1, 5.5.2; SPEC §7 ``implementation-records``).

The records file (``records.yaml`` beside ``system.yaml``) says what was done during the trial:
trainings, inspections, customer surveys, the self-evaluation and its problems. While the trial
runs only what is wrong already is said — a standard the system does not hold, a record dated
where no record can be. Once it has ended, what the records leave undone: standards never
trained on nor inspected, no customer survey, problems without an action, an owner or a due
date, or past their due date.

A finding about the records carries ``in_records``: the engine locates it in the records file.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from sbsguide.findings import Severity
from sbsguide.messages import Localised
from sbsguide.numbers import parse
from sbsguide.rules.base import Context, Placed, Violation, rule

if TYPE_CHECKING:
    from sbsguide.evaluate.indicators import Standards
    from sbsguide.evaluate.records import Inspection, Records, Training


@rule("implementation-records", "5.5.1", "5.5.2", severity=Severity.WARNING, reads_records=True)
def implementation_records(ctx: Context) -> Iterator[Violation]:
    """What the trial's records name exists; once it has ended, they show it was implemented."""
    if not ctx.records_looked_for:
        return  # standard input, or a document built without them: nothing is known either way
    trial = ctx.system.trial_run
    if ctx.records is None:
        if ctx.trial_finished and trial is not None:
            yield Violation(
                "no-records", ("trial_run", "end"), {"end": trial.end}, severity=Severity.INFO
            )
        return
    from sbsguide.evaluate.indicators import current_standards

    records = ctx.records
    standards = current_standards(ctx)
    yield from _unknown_standards(ctx, records, standards)
    if not ctx.trial_finished:
        return
    yield from _not_implemented(ctx, records, standards)
    yield from _no_survey(ctx, records)
    yield from _problems(ctx, records)


def _unknown_standards(ctx: Context, records: Records, standards: Standards) -> Iterator[Violation]:
    """A record names a standard by number (same edition or no year) or by exact title."""
    listed: list[tuple[str, Sequence[Training | Inspection]]] = [
        ("trainings", records.trainings),
        ("inspections", records.inspections),
    ]
    for kind, kept in listed:
        for i, record in enumerate(kept):
            for j, reference in enumerate(record.standards):
                if standards.find(reference) is not None:
                    continue
                near = _nearest(ctx, reference)
                yield Violation(
                    "unknown-suggest" if near else "unknown",
                    (kind, i, "standards", j),
                    {"reference": reference, "suggestion": near or ""},
                    in_records=True,
                )


def _nearest(ctx: Context, reference: str) -> str | None:
    """The entry a record probably meant: another edition, a near-typed number or title."""
    number = parse(reference)
    if number is not None:
        entries = {p.number.base: p.number.canonical for p in ctx.entries if p.number}
        if number.base in entries:
            return entries[number.base]  # the same standard, another edition
        near = difflib.get_close_matches(number.base, list(entries), n=1, cutoff=0.85)
        return entries[near[0]] if near else None
    titles = [p.entry.name for p in ctx.entries]
    near = difflib.get_close_matches(reference.strip(), titles, n=1, cutoff=0.6)
    return near[0] if near else None


def _not_implemented(ctx: Context, records: Records, standards: Standards) -> Iterator[Violation]:
    """One finding per sub-system listing its 现行 standards named in no record of the trial."""
    from sbsguide.evaluate.indicators import period_of, well_dated

    period = period_of(ctx, None)
    named: set[object] = set()
    done: list[Training | Inspection] = [*records.trainings, *records.inspections]
    for record in done:
        if period.holds(record.date) and well_dated(record.date, ctx):
            for reference in record.standards:
                placed = standards.find(reference)
                if placed is not None:
                    named.add(placed.path)
    for subsystem in ctx.guide.subsystems:
        left = [
            p for p in standards.current if p.subsystem == subsystem.key and p.path not in named
        ]
        if left:
            yield Violation(
                "not-implemented",
                ("standards", subsystem.key),
                {
                    "subsystem": Localised(subsystem.name, subsystem.name_en),
                    "count": len(left),
                    "standards": _listed(left),
                },
                lines=tuple(p.path for p in left),
            )


LISTED = 10
"""A message names this many standards; the finding's lines and the evaluation list them all."""


def _listed(left: list[Placed]) -> Localised:
    titles = [f"{p.number.canonical if p.number else ''}《{p.entry.name}》" for p in left]
    shown, more = titles[:LISTED], len(titles) - LISTED
    return Localised(
        "、".join(shown) + (f"等 {len(titles)} 项" if more > 0 else ""),
        "; ".join(shown) + (f" and {more} more" if more > 0 else ""),
    )


def _no_survey(ctx: Context, records: Records) -> Iterator[Violation]:
    """6.3.2 asks for satisfaction to be evaluated: a survey ending within the trial."""
    from sbsguide.evaluate.indicators import period_of, well_dated

    period = period_of(ctx, None)
    if not any(period.holds(s.period[1]) and well_dated(s.period[1], ctx) for s in records.surveys):
        yield Violation("no-survey", ("surveys",), in_records=True, clause="6.3.2")


def _problems(ctx: Context, records: Records) -> Iterator[Violation]:
    evaluation = records.evaluation
    if evaluation is None:
        return
    if not evaluation.problems:
        yield Violation("no-problems", ("evaluation",), severity=Severity.INFO, in_records=True)
    for i, problem in enumerate(evaluation.problems):
        if problem.status != "open":
            continue
        path = ("evaluation", "problems", i)
        label = problem.id or problem.problem
        lacking = [
            word
            for word, value in (("action", problem.action), ("owner", problem.owner))
            if not (value or "").strip()
        ] + (["due"] if problem.due is None else [])
        if lacking:
            yield Violation(
                "incomplete-problem",
                path,
                {"problem": label, "lacking": _lacking_words(lacking)},
                in_records=True,
            )
        if problem.due is not None and problem.due < ctx.as_of:
            yield Violation(
                "overdue",
                (*path, "due"),
                {"problem": label, "due": problem.due, "as_of": ctx.as_of},
                in_records=True,
            )


_LACKING = {
    "action": ("改进措施", "action"),
    "owner": ("责任人", "owner"),
    "due": ("完成时限", "due date"),
}


def _lacking_words(keys: list[str]) -> Localised:
    zh = "、".join(_LACKING[k][0] for k in keys)
    en = ", ".join(_LACKING[k][1] for k in keys)
    return Localised(zh, en)
