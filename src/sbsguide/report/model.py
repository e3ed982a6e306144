"""The report model: plain data for the standard-system table (the gap report's is in gap.py).

Built from the validated system and the findings of `sbs check` (never recomputed), in the
report's language. No format knows anything the model does not hold, and the model knows nothing
of formats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sbsguide import numbers
from sbsguide.catalogue import load_catalogue
from sbsguide.classes import class_word, entry_class, replaced_numbers
from sbsguide.documents.cover import Cover
from sbsguide.guide import load_guide
from sbsguide.messages import Lang
from sbsguide.model import NotApplicable, StandardEntry, StandardSystem
from sbsguide.report.cover import build_cover
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
class DetailRow:
    seq: int
    code: str
    number: str
    name: str
    implemented: str
    replaces: str
    remark: str
    level: str  # one of LEVELS
    status_class: str = "current"  # one of classes.CLASSES

    @property
    def planned(self) -> bool:
        """Counted in 应有数: in force, being drafted, or superseded (the need remains)."""
        return self.status_class != "withdrawn"

    @property
    def in_force(self) -> bool:
        """Counted in 现有数: a standard in force (现行)."""
        return self.status_class == "current"


@dataclass(frozen=True, slots=True)
class CategorySection:
    key: str  # dotted, e.g. support.safety
    name: str
    clause: str
    required: bool
    rows: tuple[DetailRow, ...]
    not_applicable: str | None
    code: str = ""  # the 体系编号 prefix of the category: JC01, BZ06

    @property
    def count(self) -> int:
        """现有数 of the category: its standards in force."""
        return sum(1 for r in self.rows if r.in_force)

    @property
    def missing(self) -> bool:
        """缺: a required category with no entry at all, or only withdrawn ones (SPEC §7)."""
        planned = any(r.planned for r in self.rows)
        return self.required and self.not_applicable is None and not planned

    @property
    def planned(self) -> int:
        """应有数 of the category: its planned entries, or one for a category that is 缺."""
        return 1 if self.missing else sum(1 for r in self.rows if r.planned)

    @property
    def state(self) -> str:
        """The category's state: filled, not_applicable, missing (required) or optional."""
        if self.not_applicable is not None:
            return "not_applicable"
        if self.missing:
            return "missing"
        if any(r.planned for r in self.rows):
            return "filled"
        return "optional"


@dataclass(frozen=True, slots=True)
class SubsystemSection:
    key: str
    name: str
    layer: int
    clause: str
    categories: tuple[CategorySection, ...]

    @property
    def count(self) -> int:
        """现有数 of the sub-system."""
        return sum(c.count for c in self.categories)


@dataclass(frozen=True, slots=True)
class StatsRow:
    label: str
    counts: tuple[int, ...]  # standards in force, in the order of LEVELS
    planned: int = 0  # 应有数: everything the system plans, drafts included

    @property
    def total(self) -> int:
        """现有数: the standards in force."""
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
        """The 标准统计表 as every format draws it (GB/T 13016 form).

        A header; one row per sub-system: the standards in force by level, 应有数, 现有数,
        现有数/应有数, the sub-system's share of all standards in force and the share of national,
        industry and local ones (4.4); the totals; the share of each level.
        """
        L = self.labels
        header: list[object] = [
            L["subsystem"],
            *(L[level] for level in LEVELS),
            L["planned"],
            L["existing"],
            L["existing_ratio"],
            L["share"],
            L["public_share"],
        ]
        whole = self.totals.total
        rows = [
            [
                r.label,
                *r.counts,
                r.planned,
                r.total,
                share(r.total, r.planned),
                share(r.total, whole),
                r.public_share,
            ]
            for r in (*self.statistics, self.totals)
        ]
        level_shares = [
            L["share"],
            *(share(n, whole) for n in self.totals.counts),
            "",
            share(whole, whole),
            "",
            "",
            self.totals.public_share,
        ]
        return [header, *rows, level_shares]


def share(part: int, whole: int) -> str:
    """A percentage to one decimal, rounded half up (四舍五入: 10/32 is 31.3%, not 31.2%)."""
    if not whole:
        return "—"
    exact = Decimal(100 * part) / Decimal(whole)
    return f"{exact.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def _level(number: str | None) -> str:
    parsed = numbers.parse(number) if number else None
    if parsed is None:
        return "other"
    kind = parsed.kind
    return "national" if kind.startswith("national") else kind if kind in LEVELS else "other"


def _rows(
    entries: list[StandardEntry],
    after: int,
    as_of: date,
    labels: dict[str, str],
    catalogues: tuple[str, ...],
    replaced: frozenset[str],
) -> tuple[DetailRow, ...]:
    """Detail-table rows of a category's entries, numbered on from ``after``: every listed entry.

    备注 says the entry's class when it is not 现行 (制定中, 被代替, 已废止; 修订中 too, which is
    in force), before the file's own note.
    """
    catalogue = load_catalogue(catalogues)
    rows = []
    for i, e in enumerate(entries, 1):
        parsed = numbers.parse(e.number) if e.number else None
        standing = catalogue.standing(parsed, as_of) if parsed else None
        status_class = entry_class(e, standing, parsed.base in replaced if parsed else False)
        rows.append(
            DetailRow(
                after + i,
                e.code or "",
                e.number or "",
                e.name,
                e.implemented.isoformat() if e.implemented else "",
                e.replaces or "",
                "；".join(t for t in (class_word(e, status_class, standing, labels), e.note) if t),
                _level(e.number),
                status_class,
            )
        )
    return tuple(rows)


def build_table(
    system: StandardSystem,
    as_of: date,
    lang: Lang,
    catalogues: tuple[str, ...] = (),
) -> TableReport:
    """The standard-system table of a valid system (statuses from the layered catalogue)."""
    guide = load_guide()
    names = labels(lang)
    replaced = replaced_numbers(system)
    seq = 0
    subsystems = []
    for subsystem in guide.subsystems:
        sections = []
        for category in subsystem.categories:
            value = system.category(subsystem.key, category.key)
            entries = value if isinstance(value, list) else []
            rows = _rows(entries, seq, as_of, names, catalogues, replaced)
            seq += len(rows)
            sections.append(
                CategorySection(
                    category.dotted,
                    category.name if lang == "zh" else category.name_en,
                    category.clause,
                    category.required,
                    rows,
                    (value.not_applicable or "") if isinstance(value, NotApplicable) else None,
                    f"{subsystem.code_prefix}{category.number:02d}",
                )
            )
        for n, extra in enumerate(system.extra_categories(subsystem.key)):
            rows = _rows(extra.standards, seq, as_of, names, catalogues, replaced)
            seq += len(rows)
            number = len(subsystem.categories) + n + 1
            sections.append(
                CategorySection(
                    f"{subsystem.key}.extra",
                    extra.name,
                    "",
                    False,
                    rows,
                    None,
                    f"{subsystem.code_prefix}{number:02d}",
                )
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
                sum(1 for c in s.categories for r in c.rows if r.level == level and r.in_force)
                for level in LEVELS
            ),
            sum(c.planned for c in s.categories),
        )
        for s in subsystems
    )
    totals = StatsRow(
        names["total"],
        tuple(sum(r.counts[i] for r in statistics) for i in range(len(LEVELS))),
        sum(r.planned for r in statistics),
    )
    cover = build_cover(system, guide, as_of, totals.total)
    return TableReport(
        lang,
        names,
        cover,
        tuple(subsystems),
        statistics,
        totals,
        (),  # the 编制说明: report/note.py writes it from this model
    )
