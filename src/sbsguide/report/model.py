"""The report model: plain data for the standard-system table (the gap report's is in gap.py).

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
from sbsguide.findings import Finding, Severity
from sbsguide.guide import Guide, load_guide
from sbsguide.messages import Lang
from sbsguide.model import NotApplicable, StandardEntry, StandardSystem
from sbsguide.resources import data

LEVELS = ("national", "industry", "local", "group", "enterprise", "other")


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
        return share(sum(self.counts[:3]), self.total)


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
            [r.label, *r.counts, r.total, share(r.total, whole), r.public_share]
            for r in (*self.statistics, self.totals)
        ]
        level_shares = [
            L["share"],
            *(share(n, whole) for n in self.totals.counts),
            share(whole, whole),
            "",
            self.totals.public_share,
        ]
        return [header, *rows, level_shares]


def share(part: int, whole: int) -> str:
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
