"""Standard numbers and the guide's normative references (clause 2; 4.6, 5.4, 5.5.2)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sbsguide.findings import Severity
from sbsguide.numbers import StandardNumber
from sbsguide.rules.base import Context, LineOf, Placed, Violation, rule
from sbsguide.rules.catalogue import PUBLIC_KINDS
from sbsguide.source import LogicalPath


@rule("normative-references", "2", "4.6", "5.4", "5.5.2")
def normative_references(ctx: Context) -> Iterator[Violation]:
    """The system contains every document clause 2 cites (any edition: they are cited undated).

    Where an entry's number is one slip from a missing reference (GB/T 14421.2 for GB/T
    24421.2, as the guide's own 4.3 writes), the finding names that entry.
    """
    present = {p.number.base for p in ctx.entries if p.number}
    missing = [r for r in ctx.guide.normative_references if r.number not in present]
    slips = _slips(ctx, {r.number for r in missing})
    for reference in missing:
        args: dict[str, object] = {"number": reference.number, "title": reference.title}
        slip = slips.get(reference.number)
        if slip is not None:
            args |= {"written": slip.entry.number or "", "line": LineOf((*slip.path, "number"))}
        yield Violation(
            "missing" if slip is None else "missing-near-miss",
            _guidelines_path(ctx),
            args,
            clause=reference.clause,
        )


def _slips(ctx: Context, wanted: set[str]) -> dict[str, Placed]:
    """Entries the catalogue does not know whose number is one slip from a wanted one."""
    slips: dict[str, Placed] = {}
    for placed in ctx.entries:
        number = placed.number
        if number is None or not wanted or ctx.catalogue.editions_of(number.base):
            continue
        near = ctx.catalogue.near_miss(number)
        if near is not None and near.base in wanted:
            slips.setdefault(near.base, placed)
    return slips


def _guidelines_path(ctx: Context) -> LogicalPath:
    if ctx.system.category("foundation", "guidelines") is not None:
        return ("standards", "foundation", "guidelines")
    if ctx.system.subsystem("foundation") is not None:
        return ("standards", "foundation")
    return ("standards",) if ctx.system.standards is not None else ()


@rule("standard-number", severity=Severity.ERROR)
def standard_number(ctx: Context) -> Iterator[Violation]:
    """Every standard number parses; a non-canonical or undated form draws an info.

    Numbers written in a typeset form (em dash, full-width characters, a missing space) are one
    info per file, listing their lines, so that they do not bury the real findings (SPEC §7).
    """
    typeset: list[Placed] = []
    for placed in ctx.entries:
        entry = placed.entry
        path = (*placed.path, "number")
        if entry.number is None or not entry.number.strip():
            if entry.status != "drafting":
                yield Violation("missing", placed.path, {"name": entry.name})
            continue
        number = placed.number
        if number is None:
            yield Violation(_unparsed_reason(entry.number), path, {"number": entry.number})
        elif number.kind == "unknown":
            yield Violation("unknown-code", path, {"number": entry.number, "code": number.code})
        elif number.canonical != entry.number:
            typeset.append(placed)
        elif not number.dated and number.kind != "policy" and _edition_known(ctx, number):
            yield Violation("undated", path, {"number": entry.number}, severity=Severity.INFO)
    if typeset:
        first = typeset[0]
        yield Violation(
            "canonical" if len(typeset) == 1 else "canonical-many",
            (*first.path, "number"),
            {
                "number": first.entry.number,
                "canonical": first.number.canonical if first.number else "",
                "count": len(typeset),
            },
            severity=Severity.INFO,
            lines=tuple((*p.path, "number") for p in typeset),
        )


def _edition_known(ctx: Context, number: StandardNumber) -> bool:
    """Whether an undated number could carry a year the catalogue knows (SPEC §6).

    For a public standard whose year the catalogue does not know (DB53/T 1117) the undated form
    is the right one; agencies' own and unknown numbers should carry their year.
    """
    if number.kind not in PUBLIC_KINDS:
        return True
    return any(e.year for e in ctx.catalogue.editions_of(number.base))


_GLUED = re.compile(r"[QT]/[A-Z0-9]+?\d", re.IGNORECASE)
_LETTER_IN_SEQUENCE = re.compile(r"\S+\s+(?P<sequence>[\dA-Z.]*[A-Z][\dA-Z.]*)-", re.IGNORECASE)


def _unparsed_reason(text: str) -> str:
    """Say why, where the reason is common.

    An enterprise code glued to its sequence (``Q/KMGX401-2024``), or a letter written for a
    digit in the sequence (``Q/BCZX 2O1-2024``, a letter O).
    """
    text = text.strip()
    if _LETTER_IN_SEQUENCE.match(text):
        return "letter-in-sequence"
    if text.upper().startswith(("Q/", "T/")) and " " not in text:
        return "glued"
    return "unparsed"
