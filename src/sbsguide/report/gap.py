"""The gap report's model: a verdict per checkable clause, coverage, and an action list.

Every verdict comes from the findings of `sbs check`; nothing is judged again here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sbsguide import numbers
from sbsguide.catalogue import load_catalogue
from sbsguide.documents.cover import Cover
from sbsguide.findings import Finding, Severity
from sbsguide.guide import load_guide
from sbsguide.messages import Lang, rule_text
from sbsguide.model import StandardSystem
from sbsguide.report.model import TableReport, labels, share
from sbsguide.report.plain import problem, remedy

# Infos that mean "cannot be judged yet", not "fine": the gap report says 无法评估 for them.
NOT_ASSESSABLE = {
    ("agency-facts", "missing"),
    ("trial-period", "running"),
    ("trial-period", "may-conclude"),
    ("unknown-standard", "unknown"),
    ("unknown-standard", "unverifiable-edition"),
}
PLANNED = "drafting-only"
"""The message of every rule whose requirement only standards being drafted would meet: 计划中."""
VERDICTS = ("not-met", "to-improve", "in-plan", "not-assessable", "waived", "met")
"""SPEC §7 "Clause verdicts": 不符合, 待改进, 计划中, 无法评估, 已豁免, 符合."""


@dataclass(frozen=True, slots=True)
class ClauseRow:
    number: str
    title: str
    verb: str
    requirement: str
    verdict: str  # one of VERDICTS
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CoverageRow:
    subsystem: str
    category: str
    key: str
    required: bool
    count: int
    status: str  # filled | not_applicable | planned_only | empty | optional
    suggestions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Action:
    priority: int
    severity: str
    clause: str
    rule: str
    line: str  # the finding's line, or every line of a many-places finding
    problem: str  # in the document's words (report/plain.py)
    fix: str
    message: str = ""  # as `sbs check` says it, for the technical annex
    hint: str = ""
    path: str = ""


@dataclass(frozen=True, slots=True)
class GapReport:
    """The gap analysis: verdict, clause table, coverage, actions."""

    lang: Lang
    labels: dict[str, str]
    cover: Cover
    conforming: bool
    shall_met: int
    shall_total: int
    counts: dict[str, int]
    clauses: tuple[ClauseRow, ...]
    coverage: tuple[CoverageRow, ...]
    actions: tuple[Action, ...]
    trial: str  # trial_missing | trial_running | trial_short | trial_done (a label key)
    infos: tuple[Action, ...] = ()  # what is noted but asks nothing (提示)
    annex: bool = False  # add the technical annex (file lines, keys, the check's own words)

    @property
    def not_assessable(self) -> tuple[str, ...]:
        """The clauses that cannot be judged yet: the conclusion names them."""
        return self.with_verdict("not-assessable")

    def with_verdict(self, verdict: str) -> tuple[str, ...]:
        """The numbers of the clauses with this verdict (the "—" row of other checks left out)."""
        return tuple(c.number for c in self.clauses if c.verdict == verdict and c.number != "—")

    @property
    def verdict_label(self) -> str:
        """The conclusion, written from the clause verdicts: it never contradicts the table.

        It states how many clauses are 不符合 and 待改进; "符合指南中可检查的要求" only when
        there are none of either, naming the clauses still planned or not yet assessable.
        """
        not_met, to_improve = (
            len(self.with_verdict("not-met")),
            len(self.with_verdict("to-improve")),
        )
        if not_met:
            return self.labels["not_conforming"].format(not_met=not_met, to_improve=to_improve)
        if to_improve:
            return self.labels["to_improve_only"].format(to_improve=to_improve)
        sentence = self.labels["conforming"]
        for verdict in ("in-plan", "not-assessable"):
            if self.with_verdict(verdict):
                clauses = "、".join(self.with_verdict(verdict))
                sentence += self.labels[f"conforming_{verdict}"].format(clauses=clauses)
        return sentence

    @property
    def score(self) -> str:
        return share(self.shall_met, self.shall_total)


def build_gap(
    system: StandardSystem,
    findings: list[Finding],
    as_of: date,
    lang: Lang,
    table: TableReport,
    *,
    records_read: bool = False,
) -> GapReport:
    """The gap report: every verdict comes from the findings of `sbs check`.

    ``records_read``: the records were looked for, so the rules that judge them ran.
    """
    from sbsguide.rules import RULES

    guide = load_guide()
    names = labels(lang)
    by_clause: dict[str, list[Finding]] = {}
    for finding in findings:
        by_clause.setdefault(finding.clause or "—", []).append(finding)
    checked = sorted({c for rule in RULES for c in rule.clauses}, key=_clause_order)
    rows = []
    for number in [*checked, "—"]:
        clause = guide.clauses.get(number)
        rules = [
            r
            for r in RULES
            if ((number in r.clauses) or (number == "—" and not r.clauses))
            and (records_read or not r.reads_records)
        ]
        requirement = (
            "；".join(rule_text(r.name, "summary", lang) for r in rules)
            if lang == "zh"
            else "; ".join(rule_text(r.name, "summary", lang) for r in rules)
        )
        clause_findings = by_clause.get(number, [])
        rows.append(
            ClauseRow(
                number,
                (clause.title if lang == "zh" else clause.title_en)
                if clause
                else names["other_checks"],
                clause.verb if clause else "",
                requirement,
                _verdict(clause_findings),
                tuple(
                    problem(f, lang)
                    for f in clause_findings
                    if f.severity is not Severity.INFO or (f.rule, f.key) in NOT_ASSESSABLE
                ),
            )
        )
    shall = [r for r in rows if r.verb == "应"]
    counts = {
        s.value: sum(1 for f in findings if f.severity is s and not f.waived) for s in Severity
    }
    counts["waived"] = sum(1 for f in findings if f.waived)
    return GapReport(
        lang,
        names,
        table.cover,
        not any(r.verdict in ("not-met", "to-improve") for r in rows),
        sum(1 for r in shall if r.verdict == "met"),
        len(shall),
        counts,
        tuple(rows),
        _coverage(table, as_of),
        _actions(findings, lang),
        _trial(findings),
        _actions(findings, lang, infos=True),
    )


TRIAL_STATES = {
    "missing": "trial_missing",
    "no-start": "trial_missing",
    "running": "trial_running",
    "may-conclude": "trial_running",
    "too-short": "trial_short",
}


def _trial(findings: list[Finding]) -> str:
    """Where the trial run stands, from the trial-period finding (5.5.1)."""
    keys = [f.key for f in findings if f.rule == "trial-period"]
    return TRIAL_STATES.get(keys[0], "trial_done") if keys else "trial_done"


def _clause_order(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split(".") if p.isdigit())


def _verdict(findings: list[Finding]) -> str:
    """A clause's verdict (SPEC §7).

    不符合 for an unwaived error, 待改进 for warnings only, 计划中 for drafting-only infos only,
    无法评估 for "cannot verify" infos, 已豁免 when every finding is waived, 符合 otherwise.
    """
    open_ = [f for f in findings if not f.waived]
    if any(f.severity is Severity.ERROR for f in open_):
        return "not-met"
    if any(f.severity is Severity.WARNING for f in open_):
        return "to-improve"
    if any(f.key == PLANNED for f in open_):
        return "in-plan"
    if any((f.rule, f.key) in NOT_ASSESSABLE for f in open_):
        return "not-assessable"
    if findings and not open_:
        return "waived"
    return "met"


def _coverage(table: TableReport, as_of: date) -> tuple[CoverageRow, ...]:
    catalogue = load_catalogue()
    present = {numbers.base_of(r.number) for r in table.rows if r.number}
    rows = []
    for subsystem in table.subsystems:
        for category in subsystem.categories:
            status = (
                "not_applicable"
                if category.not_applicable is not None
                else "filled"
                if category.count
                else "planned_only"
                if any(r.planned for r in category.rows)
                else "empty"
                if category.required
                else "optional"
            )
            suggestions: tuple[str, ...] = ()
            if status in ("empty", "planned_only") and not category.key.endswith(".extra"):
                suggestions = tuple(
                    f"{e.canonical}《{e.title}》"
                    for e in catalogue.for_category(category.key, as_of)
                    if e.is_public and e.base not in present
                )[:3]
            rows.append(
                CoverageRow(
                    subsystem.name,
                    category.name,
                    category.key,
                    category.required,
                    category.count,
                    status,
                    suggestions,
                )
            )
    return tuple(rows)


def _actions(findings: list[Finding], lang: Lang, *, infos: bool = False) -> tuple[Action, ...]:
    """The open findings by priority (errors, then warnings; by clause).

    With ``infos``: the infos instead, which ask nothing of the agency but are worth knowing.
    """
    chosen = [f for f in findings if not f.waived and (f.severity is Severity.INFO) == infos]
    ordered = sorted(
        chosen, key=lambda f: (-f.severity.rank, _clause_order(f.clause or "99"), f.line)
    )
    return tuple(
        Action(
            i,
            f.severity.value,
            f.clause or "—",
            f.rule,
            "、".join(map(str, f.lines)) if f.lines else str(f.line),
            problem(f, lang),
            remedy(f, lang),
            f.message,
            f.hint,
            f.path,
        )
        for i, f in enumerate(ordered, 1)
    )
