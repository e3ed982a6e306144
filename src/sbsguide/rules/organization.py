"""The agency and its standardisation body: 4.1, 5.1.1, 5.1.2, 5.2, and the credit code."""

from __future__ import annotations

from collections.abc import Iterator

from sbsguide import creditcode
from sbsguide.findings import Severity
from sbsguide.names import person_key
from sbsguide.rules.base import Context, Violation, rule


@rule("working-group", "5.1.1")
def working_group(ctx: Context) -> Iterator[Violation]:
    """A working group exists, led by the principal, with standardisation staff."""
    organization = ctx.system.organization
    group = organization.working_group if organization else None
    path = ("organization", "working_group")
    if group is None:
        yield Violation("missing", path)
        return
    principal = ctx.system.agency.principal
    leader = person_key(group.leader or "")
    if not leader:
        yield Violation("no-leader", (*path, "leader"), {"principal": principal})
    elif leader != person_key(principal):
        yield Violation(
            "leader-not-principal",
            (*path, "leader"),
            {"leader": group.leader, "principal": principal},
        )
    if not any(member.standardization_staff for member in group.members):
        yield Violation("no-staff", (*path, "members"))


@rule("duties-assigned", "5.1.2")
def duties_assigned(ctx: Context) -> Iterator[Violation]:
    """Positions are listed and each has duties."""
    organization = ctx.system.organization
    positions = organization.positions if organization else None
    if not positions:
        yield Violation("no-positions", ("organization", "positions"))
        return
    for i, position in enumerate(positions):
        if not any(duty.strip() for duty in position.duties):
            yield Violation(
                "no-duties", ("organization", "positions", i), {"position": position.name}
            )


@rule("work-plan", "5.2")
def work_plan(ctx: Context) -> Iterator[Violation]:
    """A standardisation work plan is recorded."""
    plan = ctx.system.plan
    if plan is None:
        yield Violation("missing", ("plan",))
    elif not (plan.title or "").strip():
        yield Violation("no-title", ("plan", "title"))


@rule("agency-facts", "4.1", severity=Severity.INFO)
def agency_facts(ctx: Context) -> Iterator[Violation]:
    """The site area, full-time staff and facilities are recorded, so 4.1 can be assessed."""
    agency = ctx.system.agency
    missing = [
        key
        for key, value in (
            ("site_area_m2", agency.site_area_m2),
            ("full_time_staff", agency.full_time_staff),
            ("facilities", agency.facilities),
        )
        if value is None or value == []
    ]
    if missing:
        yield Violation("missing", ("agency",), {"keys": ", ".join(missing)})


@rule("credit-code", severity=Severity.ERROR)
def credit_code(ctx: Context) -> Iterator[Violation]:
    """A given 统一社会信用代码 has 18 characters of the allowed set and a valid check character."""
    code = ctx.system.agency.credit_code
    if code is None:
        return
    problem = creditcode.problem(code.strip())
    if problem == "checksum":
        expected = creditcode.check_character(code.strip()[:17])
        yield Violation("checksum", ("agency", "credit_code"), {"code": code, "expected": expected})
    elif problem is not None:
        yield Violation(
            problem, ("agency", "credit_code"), {"code": code, "length": len(code.strip())}
        )
