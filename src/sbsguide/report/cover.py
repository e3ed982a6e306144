"""The cover of a report, from the system: its ``document:`` block (SPEC §6) and the agency."""

from __future__ import annotations

from datetime import date
from typing import Any

from sbsguide import __version__
from sbsguide.documents.cover import Cover, RevisionRow, Signature
from sbsguide.guide import Guide
from sbsguide.model import StandardSystem


def build_cover(system: StandardSystem, guide: Guide, as_of: date, count: int) -> Cover:
    control = system.document

    def signed(signature: Any) -> Signature:
        if signature is None:
            return Signature()
        return Signature(signature.name or "", signature.date.isoformat() if signature.date else "")

    return Cover(
        system.agency.name,
        system.agency.credit_code or "",
        f"{guide.id}《{guide.title}》",
        as_of,
        __version__,
        count,
        number=(control.number or "") if control else "",
        edition=(control.version or "") if control else "",
        controlled=(
            control.controlled if control and "controlled" in control.model_fields_set else None
        ),
        prepared=signed(control.prepared_by if control else None),
        reviewed=signed(control.reviewed_by if control else None),
        approved=signed(control.approved_by if control else None),
        revisions=tuple(
            RevisionRow(
                r.version or "",
                r.date.isoformat() if r.date else "",
                r.summary or "",
                r.by or "",
            )
            for r in (control.revisions if control else [])
        ),
    )
