"""Standard numbers and the guide's normative references (clause 2; 4.6, 5.4, 5.5.2)."""

from __future__ import annotations

from collections.abc import Iterator

from sbsguide.findings import Severity
from sbsguide.rules.base import Context, Violation, rule
from sbsguide.source import LogicalPath


@rule("normative-references", "2", "4.6", "5.4", "5.5.2")
def normative_references(ctx: Context) -> Iterator[Violation]:
    """The system contains every document clause 2 cites (any edition: they are cited undated)."""
    present = {p.number.base for p in ctx.entries if p.number}
    for reference in ctx.guide.normative_references:
        if reference.number not in present:
            yield Violation(
                "missing",
                _guidelines_path(ctx),
                {"number": reference.number, "title": reference.title},
                clause=reference.clause,
            )


def _guidelines_path(ctx: Context) -> LogicalPath:
    if ctx.system.category("foundation", "guidelines") is not None:
        return ("standards", "foundation", "guidelines")
    if ctx.system.subsystem("foundation") is not None:
        return ("standards", "foundation")
    return ("standards",) if ctx.system.standards is not None else ()


@rule("standard-number", severity=Severity.ERROR)
def standard_number(ctx: Context) -> Iterator[Violation]:
    """Every standard number parses; a non-canonical or undated form draws an info."""
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
            yield Violation(
                "canonical",
                path,
                {"number": entry.number, "canonical": number.canonical},
                severity=Severity.INFO,
            )
        elif not number.dated and number.kind != "policy":
            yield Violation("undated", path, {"number": entry.number}, severity=Severity.INFO)


def _unparsed_reason(text: str) -> str:
    """Say why, where the reason is common: an enterprise code glued to its sequence number."""
    return "glued" if text.strip().upper().startswith(("Q/", "T/")) else "unparsed"
