"""The report model: plain data for the standard-system table and the gap report.

Built from the validated system and the findings of `sbs check` (never recomputed), in the
report's language. No format knows anything the model does not hold, and the model knows nothing
of formats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sbsguide import __version__, numbers
from sbsguide.catalogue import load_catalogue
from sbsguide.findings import Finding, Severity
from sbsguide.guide import Guide, load_guide
from sbsguide.messages import Lang, rule_text
from sbsguide.model import NotApplicable, StandardEntry, StandardSystem
from sbsguide.resources import data

LEVELS = ("national", "industry", "local", "group", "enterprise", "other")
# Infos that mean "cannot be judged yet", not "fine": the gap report says 无法评估 for them.
NOT_ASSESSABLE = {
    ("agency-facts", "missing"),
    ("trial-period", "running"),
    ("trial-period", "may-conclude"),
}


def texts() -> dict[str, Any]:
    """Labels and prose of the reports (``texts.yaml``)."""
    result: dict[str, Any] = data("sbsguide.report", "texts.yaml")
    return result


def labels(lang: Lang) -> dict[str, str]:
    """Every label in one language."""
    return {key: value[lang] for key, value in texts()["labels"].items()}


@dataclass(frozen=True, slots=True)
class Cover:
    agency: str
    credit_code: str
    guide: str
    as_of: date
    version: str
    standards: int


@dataclass(frozen=True, slots=True)
class DetailRow:
    seq: int
    code: str
    number: str
    name: str
    implemented: str
    replaces: str
    remark: str
    level: str  # one of LEVELS


@dataclass(frozen=True, slots=True)
class CategorySection:
    key: str  # dotted, e.g. support.safety
    name: str
    clause: str
    required: bool
    rows: tuple[DetailRow, ...]
    not_applicable: str | None

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass(frozen=True, slots=True)
class SubsystemSection:
    key: str
    name: str
    layer: int
    clause: str
    categories: tuple[CategorySection, ...]

    @property
    def count(self) -> int:
        return sum(c.count for c in self.categories)


@dataclass(frozen=True, slots=True)
class StatsRow:
    label: str
    counts: tuple[int, ...]  # in the order of LEVELS

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def public_share(self) -> str:
        return _share(sum(self.counts[:3]), self.total)


@dataclass(frozen=True, slots=True)
class TableReport:
    """The standard-system table (GB/T 13016 form)."""

    lang: Lang
    labels: dict[str, str]
    cover: Cover
    subsystems: tuple[SubsystemSection, ...]
    statistics: tuple[StatsRow, ...]
    totals: StatsRow
    note: tuple[str, ...]

    @property
    def rows(self) -> tuple[DetailRow, ...]:
        return tuple(r for s in self.subsystems for c in s.categories for r in c.rows)

    def statistics_table(self) -> list[Sequence[object]]:
        """The 标准统计表 as every format draws it.

        A header, one row per sub-system with its share of all standards, the totals, and the
        share of each level.
        """
        L = self.labels
        header: list[object] = [
            L["subsystem"],
            *(L[level] for level in LEVELS),
            L["total"],
            L["share"],
            L["public_share"],
        ]
        whole = self.totals.total
        rows = [
            [r.label, *r.counts, r.total, _share(r.total, whole), r.public_share]
            for r in (*self.statistics, self.totals)
        ]
        level_shares = [
            L["share"],
            *(_share(n, whole) for n in self.totals.counts),
            _share(whole, whole),
            "",
            self.totals.public_share,
        ]
        return [header, *rows, level_shares]


@dataclass(frozen=True, slots=True)
class ClauseRow:
    number: str
    title: str
    verb: str
    requirement: str
    verdict: str  # met | not-met | waived | not-assessable
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CoverageRow:
    subsystem: str
    category: str
    key: str
    required: bool
    count: int
    status: str  # filled | not_applicable | empty
    suggestions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Action:
    priority: int
    severity: str
    clause: str
    rule: str
    line: int
    problem: str
    fix: str


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

    @property
    def score(self) -> str:
        return _share(self.shall_met, self.shall_total)


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "—"


def _level(number: str | None) -> str:
    parsed = numbers.parse(number) if number else None
    if parsed is None:
        return "other"
    kind = parsed.kind
    return "national" if kind.startswith("national") else kind if kind in LEVELS else "other"


def _rows(entries: list[StandardEntry], after: int) -> tuple[DetailRow, ...]:
    """Detail-table rows of a category's entries, numbered on from ``after``."""
    return tuple(
        DetailRow(
            after + i,
            e.code or "",
            e.number or "",
            e.name,
            e.implemented.isoformat() if e.implemented else "",
            e.replaces or "",
            e.note or "",
            _level(e.number),
        )
        for i, e in enumerate(entries, 1)
    )


def _cover(system: StandardSystem, guide: Guide, as_of: date, count: int) -> Cover:
    return Cover(
        system.agency.name,
        system.agency.credit_code or "",
        f"{guide.id}《{guide.title}》",
        as_of,
        __version__,
        count,
    )


def build_table(
    system: StandardSystem, findings: list[Finding], as_of: date, lang: Lang
) -> TableReport:
    """The standard-system table of a valid system."""
    guide = load_guide()
    seq = 0
    subsystems = []
    for subsystem in guide.subsystems:
        sections = []
        for category in subsystem.categories:
            value = system.category(subsystem.key, category.key)
            entries = value if isinstance(value, list) else []
            rows = _rows(entries, seq)
            seq += len(rows)
            sections.append(
                CategorySection(
                    category.dotted,
                    category.name if lang == "zh" else category.name_en,
                    category.clause,
                    category.required,
                    rows,
                    (value.not_applicable or "") if isinstance(value, NotApplicable) else None,
                )
            )
        for extra in system.extra_categories(subsystem.key):
            rows = _rows(extra.standards, seq)
            seq += len(rows)
            sections.append(
                CategorySection(f"{subsystem.key}.extra", extra.name, "", False, rows, None)
            )
        subsystems.append(
            SubsystemSection(
                subsystem.key,
                subsystem.name if lang == "zh" else subsystem.name_en,
                subsystem.layer,
                subsystem.clause,
                tuple(sections),
            )
        )
    statistics = tuple(
        StatsRow(
            s.name,
            tuple(
                sum(1 for c in s.categories for r in c.rows if r.level == level) for level in LEVELS
            ),
        )
        for s in subsystems
    )
    names = labels(lang)
    totals = StatsRow(
        names["total"], tuple(sum(r.counts[i] for r in statistics) for i in range(len(LEVELS)))
    )
    cover = _cover(system, guide, as_of, totals.total)
    return TableReport(
        lang,
        names,
        cover,
        tuple(subsystems),
        statistics,
        totals,
        _note(guide, tuple(subsystems), totals, findings, lang),
    )


def _note(
    guide: Guide,
    subsystems: tuple[SubsystemSection, ...],
    totals: StatsRow,
    findings: list[Finding],
    lang: Lang,
) -> tuple[str, ...]:
    prose = {key: value[lang] for key, value in texts()["prose"].items()}
    counts = dict(zip(LEVELS, totals.counts, strict=True))
    paragraphs = [
        prose["basis"].format(
            guide=guide.id,
            title=guide.title,
            edition=guide.edition,
            title_en=guide.title_en,
            edition_en=guide.edition_en,
        ),
        prose["structure"].format(categories=len(guide.categories())),
        prose["statistics"].format(total=totals.total, public_share=totals.public_share, **counts),
    ]
    not_applicable = [
        f"{c.name}({c.not_applicable})" if lang == "zh" else f"{c.name} ({c.not_applicable})"
        for s in subsystems
        for c in s.categories
        if c.not_applicable is not None
    ]
    if not_applicable:
        paragraphs.append(
            prose["not_applicable"].format(
                items="；".join(not_applicable) if lang == "zh" else "; ".join(not_applicable)
            )
        )
    errors = sum(1 for f in findings if f.severity is Severity.ERROR and not f.waived)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING and not f.waived)
    paragraphs.append(
        prose["gaps"].format(errors=errors, warnings=warnings)
        if errors or warnings
        else prose["gaps_none"]
    )
    paragraphs.append(prose["maintenance"])
    return tuple(paragraphs)


def build_gap(
    system: StandardSystem, findings: list[Finding], as_of: date, lang: Lang, table: TableReport
) -> GapReport:
    """The gap report: every verdict comes from the findings of `sbs check`."""
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
        rules = [r for r in RULES if (number in r.clauses) or (number == "—" and not r.clauses)]
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
                    f"{f.line}: {f.message}"
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
        counts["error"] == 0,
        sum(1 for r in shall if r.verdict == "met"),
        len(shall),
        counts,
        tuple(rows),
        _coverage(table, as_of),
        _actions(findings),
        _trial(findings),
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
    if any(not f.waived and f.severity is not Severity.INFO for f in findings):
        return "not-met"
    if any((f.rule, f.key) in NOT_ASSESSABLE and not f.waived for f in findings):
        return "not-assessable"
    if any(f.waived for f in findings):
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
                else "empty"
            )
            suggestions: tuple[str, ...] = ()
            if status == "empty" and not category.key.endswith(".extra"):
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


def _actions(findings: list[Finding]) -> tuple[Action, ...]:
    open_findings = [f for f in findings if not f.waived and f.severity is not Severity.INFO]
    ordered = sorted(
        open_findings, key=lambda f: (-f.severity.rank, _clause_order(f.clause or "99"), f.line)
    )
    return tuple(
        Action(i, f.severity.value, f.clause or "—", f.rule, f.line, f.message, f.hint)
        for i, f in enumerate(ordered, 1)
    )
