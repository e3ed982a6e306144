"""What the self-evaluation says (guide 5.5.1, GB/T 24421.4): its facts, problems and conclusion.

Gathered from three sources that cannot disagree: the check's clause verdicts (the gap report's),
the indicators (indicators.py) and the records. The conclusion is written from the figures —
never 符合 while a 应 clause is unmet — unless the evaluation team wrote its own, which is
printed as written. document.py lays it out; the JSON report is :func:`as_json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sbsguide.evaluate.indicators import Indicator, Period, period_of
from sbsguide.evaluate.records import Problem, Records
from sbsguide.evaluate.words import indicator_words, labels, period_text, shown_value
from sbsguide.messages import Lang


@dataclass(frozen=True, slots=True)
class Evaluated:
    """What the report is written from."""

    lang: Lang
    as_of: date
    period: Period
    trial_ended: bool
    system: Any  # StandardSystem
    records: Records | None
    indicators: tuple[Indicator, ...]
    gap: Any  # report.gap.GapReport: the clause verdicts of the check
    table: Any  # report.model.TableReport: the counts
    conclusion: str
    problems: tuple[tuple[str, str, str], ...]  # (source, clause, problem)


def conclusion_of(e: Evaluated, L: dict[str, str]) -> str:
    """The team's own conclusion, or one written from the verdicts and the figures."""
    own = e.records.evaluation.conclusion if e.records and e.records.evaluation else None
    if own and own.strip():
        return own.strip()
    not_met = len(e.gap.with_verdict("not-met"))
    figures = "，" if e.lang == "zh" else ", "
    shown = figures.join(
        f"{indicator_words(i.key, e.lang)['name']} {shown_value(i, L)}" for i in e.indicators
    )
    parts = [L["conclusion_figures"].format(period=period_text(e.period, L), figures=shown)]
    if not e.trial_ended:
        parts.append(L["conclusion_running"])
    if not_met:
        parts.append(L["conclusion_not_met"].format(n=not_met))
    elif details := _still_to_do(e, L):
        parts.append(L["conclusion_improve"].format(details=details))
    else:
        parts.append(L["conclusion_met"])
    return ("" if e.lang == "zh" else " ").join(parts)


def _still_to_do(e: Evaluated, L: dict[str, str]) -> str:
    """Clauses to improve, open problems, indicators short of 100 %, each where it is shown."""
    separator = "；" if e.lang == "zh" else "; "
    found = []
    to_improve = len(e.gap.with_verdict("to-improve"))
    if to_improve:
        found.append(L["improve_clauses"].format(n=to_improve))
    still_open = sum(1 for p in record_problems(e.records) if p.status == "open")
    if still_open:
        found.append(L["improve_problems"].format(n=still_open))
    short = [
        indicator_words(i.key, e.lang)["name"]
        for i in e.indicators
        if i.value is not None and i.value < 1
    ]
    if short:
        found.append(
            L["improve_indicators"].format(names=("、" if e.lang == "zh" else ", ").join(short))
        )
    return separator.join(found)


def record_problems(records: Records | None) -> list[Problem]:
    return list(records.evaluation.problems) if records and records.evaluation else []


def evaluated(
    system: Any,
    ctx: Any,
    records: Records | None,
    gap: Any,
    table: Any,
    indicators: list[Indicator],
    asked: tuple[date, date] | None,
    lang: Lang,
) -> Evaluated:
    """Gather what the report says; the problems of the records first, then the check's."""
    L = labels(lang)
    problems = [(L["from_records"], p.clause or "", p.problem) for p in record_problems(records)]
    for clause in gap.clauses:
        if clause.verdict in ("not-met", "to-improve"):
            for evidence in clause.evidence:
                problems.append((L["from_check"], clause.number, evidence))
    e = Evaluated(
        lang,
        ctx.as_of,
        period_of(ctx, asked),
        ctx.trial_finished,
        system,
        records,
        tuple(indicators),
        gap,
        table,
        "",
        tuple(problems),
    )
    return Evaluated(
        **{**{f: getattr(e, f) for f in e.__slots__}, "conclusion": conclusion_of(e, L)}
    )


def as_json(e: Evaluated) -> dict[str, Any]:
    """The JSON report: the indicators exactly as SPEC §7 shows them, and the problems."""
    return {
        "agency": e.system.agency.name,
        "as_of": e.as_of.isoformat(),
        "period": {
            "start": e.period.start.isoformat() if e.period.start else None,
            "end": e.period.end.isoformat(),
        },
        "indicators": [
            {
                "name": indicator_words(i.key, "zh")["name"],
                "name_en": indicator_words(i.key, "en")["name"],
                "numerator": None if i.no_records else i.numerator,
                "denominator": None if i.no_records else i.denominator,
                "value": i.value,
                "missing": list(i.missing),
                **({"no_records": True} if i.no_records else {}),
                **({"beside": dict(i.beside)} if i.beside else {}),
            }
            for i in e.indicators
        ],
        "problems": [
            {"source": source, "clause": clause, "problem": text}
            for source, clause, text in e.problems
        ],
        "conclusion": e.conclusion,
    }
