"""The self-evaluation report as the one document model (documents/model.py): its parts.

1 基本情况 … 9 评价结论, 附表A and 附表B (guide 5.5.1, GB/T 24421.4), each built from what
report.py gathered; the writers of documents/write.py print them in every format.
"""

from __future__ import annotations

from sbsguide.documents.model import Document, Part
from sbsguide.documents.sheets import Row, Sheet
from sbsguide.evaluate.indicators import Indicator
from sbsguide.evaluate.report import Evaluated, record_problems
from sbsguide.evaluate.words import indicator_words, labels, percent, period_text, shown_value


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
    return Sheet(L["indicators_table"], rows, (17, 35, 8, 8, 10, 44), nowrap=frozenset({4}))


def _by_subsystem(e: Evaluated, L: dict[str, str]) -> Sheet:
    """The indicators counted per sub-system, as numerator/denominator and share."""
    from sbsguide.guide import load_guide

    split = [i for i in e.indicators if i.parts and not i.no_records and i.key != "satisfaction"]
    rows: list[Row] = [[L["subsystem"], *(indicator_words(i.key, e.lang)["name"] for i in split)]]
    for subsystem in load_guide().subsystems:
        row = [subsystem.name if e.lang == "zh" else subsystem.name_en]
        for indicator in split:
            part = next((p for p in indicator.parts if p.label == subsystem.key), None)
            if part is None or not part.denominator:
                row.append("—")
            else:
                row.append(f"{percent(part.value)}（{part.numerator}/{part.denominator}）")
        rows.append(row)
    return Sheet(L["subsystems_table"], rows, (22, *(18,) * len(split)))


def _implementation(e: Evaluated, L: dict[str, str]) -> tuple[str | Sheet, ...]:
    blocks: list[str | Sheet] = [_indicator_table(e, L), _by_subsystem(e, L)]
    if e.records is None:
        blocks.append(L["records_none"])
        return tuple(blocks)
    blocks.append(_trainings(e, L))
    blocks.append(_inspections_by_month(e, L))
    return tuple(blocks)


LISTED_TRAININGS = 60
"""Trainings listed one by one up to this many; past it, by month (the records keep each)."""


def _trainings(e: Evaluated, L: dict[str, str]) -> Sheet:
    trainings = e.records.trainings if e.records else []
    if len(trainings) > LISTED_TRAININGS:
        rows: list[Row] = [[L["month"], L["sessions"], L["standards_named"], L["participants"]]]
        months: dict[str, list[int]] = {}
        for t in trainings:
            month = months.setdefault(t.date.isoformat()[:7], [0, 0, 0])
            month[0] += 1
            month[1] += len(t.standards)
            month[2] += t.participants or 0
        rows += [[m, *(str(n) for n in counts)] for m, counts in sorted(months.items())]
        return Sheet(L["trainings_table"], rows, (12, 12, 12, 12), nowrap=frozenset({0}))
    rows = [[L["date"], L["topic"], L["standards_named"], L["participants"], L["by"]]]
    for t in trainings:
        rows.append(
            [
                t.date.isoformat(),
                t.topic or "",
                str(len(t.standards)),
                str(t.participants or ""),
                t.by or "",
            ]
        )
    return Sheet(L["trainings_table"], rows, (12, 40, 10, 10, 12), nowrap=frozenset({0}))


def _inspections_by_month(e: Evaluated, L: dict[str, str]) -> Sheet:
    """Inspections summarised by month and result; each is listed in 附表A."""
    rows: list[Row] = [
        [L["month"], L["sessions"], L["conforming"], L["partly"], L["nonconforming"]]
    ]
    months: dict[str, dict[str, int]] = {}
    for i in e.records.inspections if e.records else []:
        month = months.setdefault(i.date.isoformat()[:7], {"all": 0})
        month["all"] += 1
        month[i.result] = month.get(i.result, 0) + 1
    for name, counts in sorted(months.items()):
        shown = (counts.get(k, 0) for k in ("all", "conforming", "partly", "nonconforming"))
        rows.append([name, *(str(n) for n in shown)])
    return Sheet(L["inspections_table"], rows, (12, 12, 12, 12, 12), nowrap=frozenset({0}))


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
    if not record_problems(e.records):
        blocks.insert(0, L["no_problems"])
    return tuple(blocks)


def _actions(e: Evaluated, L: dict[str, str]) -> tuple[str | Sheet, ...]:
    problems = record_problems(e.records)
    if not problems:  # problems the check found still want their actions
        return (L["no_actions"] if e.problems else L["none"],)
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
