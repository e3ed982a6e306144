"""Post (job) standards: written per position, at the position's level (6.5.1, 6.5.4)."""

from __future__ import annotations

from collections.abc import Iterator

from sbsguide.findings import Severity
from sbsguide.model import Position
from sbsguide.names import name_key
from sbsguide.rules.base import Context, Placed, Violation, rule


def _positions(ctx: Context) -> list[Position]:
    organization = ctx.system.organization
    return list(organization.positions or []) if organization else []


def _post_standards(ctx: Context) -> list[Placed]:
    return [p for p in ctx.entries if p.entry.post is not None]


@rule("post-coverage", "6.5.1")
def post_coverage(ctx: Context) -> Iterator[Violation]:
    """Every position has a post standard in force; every post standard names a listed position.

    A position whose only post standard is being drafted is not covered yet (SPEC §7): an info
    naming the draft while the trial runs, an error once it has ended.
    """
    positions = _positions(ctx)
    names = {name_key(p.name) for p in positions}
    posts = _post_standards(ctx)
    covered = {name_key(p.entry.post or "") for p in posts if ctx.in_force(p)}
    for i, position in enumerate(positions):
        key = name_key(position.name)
        if key in covered:
            continue
        path = ("organization", "positions", i)
        drafts = [
            p
            for p in posts
            if name_key(p.entry.post or "") == key
            and p.entry.status == "drafting"
            and ctx.listed(p)
        ]
        yield ctx.unmet("uncovered", path, {"position": position.name}, drafts)
    for placed in posts:
        if name_key(placed.entry.post or "") not in names:
            yield Violation("unknown-position", (*placed.path, "post"), {"post": placed.entry.post})


@rule("post-not-department", "6.5.4", severity=Severity.WARNING)
def post_not_department(ctx: Context) -> Iterator[Violation]:
    """A post standard is written for a position, not for a department (不应按照部门行政来编制)."""
    for placed in _post_standards(ctx):
        post = name_key(placed.entry.post or "")
        suffix = next((s for s in ctx.guide.department_suffixes if post.endswith(s)), None)
        if suffix is not None:
            yield Violation("department", (*placed.path, "post"), {"post": post, "suffix": suffix})


@rule("post-level", "6.5.4")
def post_level(ctx: Context) -> Iterator[Violation]:
    """Each position has a level, and its post standards sit in that level's category."""
    levels = ctx.guide.position_levels
    level_of: dict[str, str] = {}
    for i, position in enumerate(_positions(ctx)):
        if position.level in levels:
            level_of[name_key(position.name)] = position.level
        else:
            where = ("organization", "positions", i) + (("level",) if position.level else ())
            yield Violation(
                "bad-level",
                where,
                {
                    "position": position.name,
                    "value": position.level or "",
                    "levels": " / ".join(levels),
                },
            )
    for placed in _post_standards(ctx):
        expected = level_of.get(name_key(placed.entry.post or ""))
        if placed.subsystem == "posts" and expected and placed.category != expected:
            yield Violation(
                "wrong-level",
                placed.path,
                {
                    "post": placed.entry.post,
                    "level": expected,
                    "category": placed.category or "extra",
                },
            )
