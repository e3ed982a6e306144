"""标准体系自我评价报告 (guide 5.5.1, GB/T 24421.4): the document model of the evaluation.

Nine parts and two annexes, built from three sources that cannot disagree: the check's clause
verdicts (the gap report's), the indicators (indicators.py) and the records. The conclusion is
written from the figures — never 符合 while a 应 clause is unmet — unless the evaluation team
wrote its own, which is printed as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sbsguide.documents.model import Document, Part
from sbsguide.documents.sheets import Row, Sheet
from sbsguide.evaluate.indicators import Indicator, Period, period_of
from sbsguide.evaluate.records import Problem, Records
from sbsguide.messages import Lang
from sbsguide.resources import data


@cache
def _texts() -> dict[str, Any]:
    texts: dict[str, Any] = data("sbsguide.evaluate", "texts.yaml")
    return texts


def labels(lang: Lang) -> dict[str, str]:
    """The report's words: the reports' own (cover, page) with the evaluation's over them."""
    from sbsguide.report.model import labels as report_labels

    own = {key: value[lang] for key, value in _texts()["labels"].items()}
    return {**report_labels(lang), **own}


def indicator_words(key: str, lang: Lang) -> dict[str, str]:
    """An indicator's name, formula and what its list of missing things is called."""
    words = _texts()["indicators"][key]
    return {
        "name": words[lang],
        "formula": words[f"formula_{lang}"],
        "missing": words[f"missing_{lang}"],
        "name_zh": words["zh"],
        "name_en": words["en"],
    }


def percent(value: float | None) -> str:
    """One decimal, rounded half up, as the statistics table has it."""
    if value is None:
        return ""
    tenths = int(value * 1000 + 0.5)
    return f"{tenths // 10}.{tenths % 10}%"


def shown_value(indicator: Indicator, L: dict[str, str]) -> str:
    if indicator.no_records:
        return L["no_records"]
    if indicator.value is None:
        return L["not_applicable_value"]
    return percent(indicator.value)


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
    still_open = sum(1 for p in _record_problems(e.records) if p.status == "open")
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


def period_text(period: Period, L: dict[str, str]) -> str:
    start = period.start.isoformat() if period.start else "—"
    return L["period_span"].format(start=start, end=period.end.isoformat())


def _record_problems(records: Records | None) -> list[Problem]:
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
    problems = [(L["from_records"], p.clause or "", p.problem) for p in _record_problems(records)]
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


def document(e: Evaluated) -> Document:
    """The report as the one document model every writer prints."""
    L = labels(e.lang)
    parts = (
        Part(f"1 {L['basics']}", (_basics(e, L),)),
        Part(f"2 {L['basis']}", tuple(f"{n}) {L[k]}" for n, k in enumerate(_BASIS, 1))),
        Part(f"3 {L['organisation']}", (_organisation(e, L),)),
        Part(f"4 {L['system_evaluation']}", (_system(e, L),)),
        Part(f"5 {L['implementation']}", _implementation(e, L)),
        Part(f"6 {L['satisfaction_part']}", _satisfaction(e, L)),
        Part(f"7 {L['problems_part']}", _problems(e, L)),
        Part(f"8 {L['actions_part']}", _actions(e, L)),
        Part(f"9 {L['conclusion_part']}", (e.conclusion,)),
        Part(L["annex_inspections"], _inspections_annex(e, L)),
        Part(L["annex_unimplemented"], _unimplemented(e, L)),
    )
    return Document(L["title"], e.lang, L, e.table.cover, parts)


_BASIS = ("basis_guide", "basis_24421", "basis_13016", "basis_own")


def _facts(title: str, rows: list[Row]) -> Sheet:
    return Sheet(title, rows, (16, 60), header=False, label_column=True)


def _basics(e: Evaluated, L: dict[str, str]) -> Sheet:
    agency, trial = e.system.agency, e.system.trial_run
    trial_text = "—"
    if trial and trial.start:
        end = trial.end.isoformat() if trial.end else L["running"]
        trial_text = L["period_span"].format(start=trial.start.isoformat(), end=end)
    organization, services = e.system.organization, e.system.services
    return _facts(
        L["basics"],
        [
            [L["agency"], agency.name],
            [L["credit_code"], agency.credit_code or "—"],
            [L["principal"], agency.principal],
            [L["address"], agency.address or "—"],
            [L["staff"], str(agency.full_time_staff) if agency.full_time_staff else "—"],
            [L["trial"], trial_text],
            [L["period"], period_text(e.period, L)],
            [L["standards_count"], str(e.table.totals.total)],
            [L["services_count"], str(len(services.items)) if services else "0"],
            [L["positions_count"], str(len(organization.positions or [])) if organization else "0"],
        ],
    )


def _organisation(e: Evaluated, L: dict[str, str]) -> Sheet:
    evaluation = e.records.evaluation if e.records else None
    own = e.system.trial_run.self_evaluation if e.system.trial_run else None
    day = (evaluation.date if evaluation else None) or (own.date if own else None)
    team = "、".join(evaluation.team) if evaluation and evaluation.team else L["not_recorded"]
    methods = (
        "、".join(evaluation.methods) if evaluation and evaluation.methods else L["not_recorded"]
    )
    return _facts(
        L["organisation"],
        [
            [L["team"], team],
            [L["evaluation_date"], day.isoformat() if day else L["not_recorded"]],
            [L["methods"], methods],
        ],
    )


def _system(e: Evaluated, L: dict[str, str]) -> Sheet:
    by_key = {i.key: i for i in e.indicators}
    gap = e.gap
    structure = [c for c in gap.clauses if c.number in ("4.2", "—") and c.verdict != "met"]
    problems = sum(len(c.evidence) for c in structure)
    counts = {
        v.replace("-", "_"): len(gap.with_verdict(v))
        for v in ("not-met", "to-improve", "in-plan", "met")
    }
    completeness, currency = by_key["completeness"], by_key["currency"]
    return Sheet(
        L["system_table"],
        [
            [L["aspect"], L["finding"]],
            [L["completeness_row"], _ratio(completeness, L)],
            [L["currency_row"], _ratio(currency, L)],
            [
                L["structure_row"],
                L["structure_problems"].format(n=problems) if problems else L["structure_ok"],
            ],
            [L["clauses_row"], L["clauses_summary"].format(**counts)],
        ],
        (24, 52),
    )


def _ratio(indicator: Indicator, L: dict[str, str]) -> str:
    return f"{shown_value(indicator, L)}（{indicator.numerator}/{indicator.denominator}）"


def _indicator_table(e: Evaluated, L: dict[str, str]) -> Sheet:
    rows: list[Row] = [
        [L["indicator"], L["formula"], L["numerator"], L["denominator"], L["value"], L["missing"]]
    ]
    for indicator in e.indicators:
        words = indicator_words(indicator.key, e.lang)
        note = ""
        if indicator.beside:
            note = L["beside"].format(**dict(indicator.beside))
        elif indicator.missing:
            shown = "；".join(indicator.missing[:5])
            more = f" … ({len(indicator.missing)})" if len(indicator.missing) > 5 else ""
            note = f"{words['missing']}：{shown}{more}"
        known = not indicator.no_records
        rows.append(
            [
                words["name"],
                words["formula"],
                str(indicator.numerator) if known and indicator.numerator is not None else "—",
                str(indicator.denominator) if known and indicator.denominator is not None else "—",
                shown_value(indicator, L),
                note,
            ]
        )
    return Sheet(L["indicators_table"], rows, (14, 40, 7, 7, 9, 48), nowrap=frozenset({4}))


def _implementation(e: Evaluated, L: dict[str, str]) -> tuple[str | Sheet, ...]:
    blocks: list[str | Sheet] = [_indicator_table(e, L)]
    if e.records is None:
        blocks.append(L["records_none"])
        return tuple(blocks)
    trainings: list[Row] = [
        [L["date"], L["topic"], L["standards_named"], L["participants"], L["by"]]
    ]
    for t in e.records.trainings:
        trainings.append(
            [
                t.date.isoformat(),
                t.topic or "",
                str(len(t.standards)),
                str(t.participants or ""),
                t.by or "",
            ]
        )
    blocks.append(
        Sheet(L["trainings_table"], trainings, (12, 40, 10, 10, 12), nowrap=frozenset({0}))
    )
    inspections: list[Row] = [
        [L["date"], L["scope"], L["inspector"], L["standards_named"], L["result"], L["found"]]
    ]
    for i in e.records.inspections:
        inspections.append(
            [
                i.date.isoformat(),
                i.scope or "",
                i.inspector or "",
                str(len(i.standards)),
                L[i.result],
                "；".join(i.problems),
            ]
        )
    blocks.append(
        Sheet(L["inspections_table"], inspections, (12, 24, 10, 10, 10, 40), nowrap=frozenset({0}))
    )
    return tuple(blocks)


def _satisfaction(e: Evaluated, L: dict[str, str]) -> tuple[str | Sheet, ...]:
    if e.records is None:
        return (L["records_none"],)
    rows: list[Row] = [[L["survey_period"], L["method"], L["responses"], L["satisfied"], L["rate"]]]
    for s in e.records.surveys:
        share = s.satisfied / s.responses if s.responses else None
        rows.append(
            [
                f"{s.period[0].isoformat()}/{s.period[1].isoformat()}",
                s.method or "",
                str(s.responses),
                str(s.satisfied),
                percent(share) or L["not_applicable_value"],
            ]
        )
    [pooled] = [i for i in e.indicators if i.key == "satisfaction"]
    rows.append(
        [
            L["pooled"],
            "",
            str(pooled.denominator or 0),
            str(pooled.numerator or 0),
            shown_value(pooled, L),
        ]
    )
    return (Sheet(L["surveys_table"], rows, (26, 20, 10, 10, 10), nowrap=frozenset({0})),)


def _problems(e: Evaluated, L: dict[str, str]) -> tuple[str | Sheet, ...]:
    if not e.problems:
        return (L["no_problems"],)
    rows: list[Row] = [[L["seq"], L["source"], L["clause"], L["problem"]]]
    rows += [
        [str(n), source, clause, text] for n, (source, clause, text) in enumerate(e.problems, 1)
    ]
    blocks: list[str | Sheet] = [Sheet(L["problems_table"], rows, (6, 12, 10, 90))]
    if not _record_problems(e.records):
        blocks.insert(0, L["no_problems"])
    return tuple(blocks)


def _actions(e: Evaluated, L: dict[str, str]) -> tuple[str | Sheet, ...]:
    problems = _record_problems(e.records)
    if not problems:
        return (L["none"],)
    rows: list[Row] = [
        [L["seq"], L["problem"], L["action"], L["owner"], L["due"], L["status"], L["verified"]]
    ]
    for n, p in enumerate(problems, 1):
        overdue = p.status == "open" and p.due is not None and p.due < e.as_of
        rows.append(
            [
                p.id or str(n),
                p.problem,
                p.action or "",
                p.owner or "",
                p.due.isoformat() if p.due else "",
                L["overdue"] if overdue else L[p.status],
                p.verified or "",
            ]
        )
    return (Sheet(L["actions_table"], rows, (6, 36, 36, 10, 12, 10, 26), nowrap=frozenset({4})),)


def _inspections_annex(e: Evaluated, L: dict[str, str]) -> tuple[str | Sheet, ...]:
    if e.records is None or not e.records.inspections:
        return (L["none"],)
    rows: list[Row] = [[L["date"], L["scope"], L["inspector"], L["result"], L["found"]]]
    for i in e.records.inspections:
        rows.append(
            [
                i.date.isoformat(),
                i.scope or "",
                i.inspector or "",
                L[i.result],
                "；".join(i.problems),
            ]
        )
    rows.append([])
    return (Sheet(L["annex_inspections"], rows[:-1], (12, 30, 12, 12, 60), nowrap=frozenset({0})),)


def _unimplemented(e: Evaluated, L: dict[str, str]) -> tuple[str | Sheet, ...]:
    """The 现行 standards named in neither a training nor an inspection of the period."""
    if e.records is None:
        return (L["records_none"],)
    by_key = {i.key: i for i in e.indicators}
    never_inspected = set(by_key["inspection"].missing)
    unimplemented = [m for m in by_key["training"].missing if m in never_inspected]
    if not unimplemented:
        return (L["unimplemented_none"],)
    rows: list[Row] = [[L["seq"], L["content"]]]
    rows += [[str(n), text] for n, text in enumerate(unimplemented, 1)]
    return (Sheet(L["annex_unimplemented"], rows, (6, 90)),)


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
