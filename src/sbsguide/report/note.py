"""编制说明: the explanatory note of the standard-system table, paragraph by paragraph."""

from __future__ import annotations

from pathlib import Path

from sbsguide.catalogue import built
from sbsguide.findings import Finding, Severity
from sbsguide.guide import Guide
from sbsguide.messages import Lang
from sbsguide.model import StandardSystem
from sbsguide.report.model import LEVELS, StatsRow, SubsystemSection, share, texts


def explanatory_note(
    system: StandardSystem,
    guide: Guide,
    subsystems: tuple[SubsystemSection, ...],
    totals: StatsRow,
    findings: list[Finding],
    lang: Lang,
    catalogues: tuple[str, ...] = (),
) -> tuple[str, ...]:
    """编制说明, paragraph by paragraph.

    Basis, scope, structure, statistics, what is still drafted, the working group, what does
    not apply, the open gaps and how the table is maintained.
    """
    prose = {key: value[lang] for key, value in texts()["prose"].items()}
    sep = "；" if lang == "zh" else "; "
    counts = dict(zip(LEVELS, totals.counts, strict=True))
    services = system.services.items if system.services else []
    positions = (system.organization.positions or []) if system.organization else []
    paragraphs = [
        prose["basis"].format(
            guide=guide.id,
            title=guide.title,
            edition=guide.edition,
            title_en=guide.title_en,
            edition_en=guide.edition_en,
        ),
        prose["scope"].format(
            agency=system.agency.name, services=len(services), positions=len(positions)
        ),
        prose["structure"].format(categories=len(guide.categories())),
        prose["statistics"].format(
            total=totals.total,
            planned=totals.planned,
            existing_ratio=share(totals.total, totals.planned),
            public_share=totals.public_share,
            **counts,
        ),
    ]
    for status_class in ("drafting", "superseded"):
        listed = [
            f"{row.number} {row.name}".strip()
            for s in subsystems
            for c in s.categories
            for row in c.rows
            if row.status_class == status_class
        ]
        if listed:
            paragraphs.append(prose[status_class].format(count=len(listed), items=sep.join(listed)))
    missing = [c.name for s in subsystems for c in s.categories if c.missing]
    if missing:
        paragraphs.append(prose["missing"].format(count=len(missing), items=sep.join(missing)))
    group = system.organization.working_group if system.organization else None
    if group is not None and group.leader:
        duties = sep.join(d for d in group.duties if d.strip())
        key = "working_group" if duties else "working_group_plain"
        paragraphs.append(prose[key].format(leader=group.leader, duties=duties))
    not_applicable = [
        f"{c.name}({c.not_applicable})" if lang == "zh" else f"{c.name} ({c.not_applicable})"
        for s in subsystems
        for c in s.categories
        if c.not_applicable  # a blank reason says nothing: the gap report lists it
    ]
    if not_applicable:
        paragraphs.append(prose["not_applicable"].format(items=sep.join(not_applicable)))
    errors = sum(1 for f in findings if f.severity is Severity.ERROR and not f.waived)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING and not f.waived)
    paragraphs.append(
        prose["gaps"].format(errors=errors, warnings=warnings)
        if errors or warnings
        else prose["gaps_none"]
    )
    paragraphs.append(prose["maintenance"])
    extra = (f"；{'、'.join(Path(c).name for c in catalogues)}") if catalogues else ""
    paragraphs.append(prose["catalogue"].format(built=built(), extra=extra))
    return tuple(paragraphs)
