"""What gets a draft, and the numbers proposed for the ones not yet in the system.

Every agency standard of the system (an enterprise number, or ``drafting``/``revising``), then
each position without a post standard and each service without a process standard. A proposed
number follows the agency's own scheme: its most used ``Q/`` code and year, and the next free
sequence of the series (posts 4xx, processes 2xx, others 9xx).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sbsguide.model import Position, ServiceItem, StandardEntry, StandardSystem
from sbsguide.names import name_key
from sbsguide.numbers import parse


@dataclass(frozen=True)
class Target:
    """What a draft is for: an entry of the system, or a position or service that lacks one."""

    kind: str
    title: str
    category: str  # dotted
    entry: StandardEntry | None = None
    position: Position | None = None
    services: tuple[ServiceItem, ...] = ()


def targets(system: StandardSystem) -> list[Target]:
    """Every agency standard of the system, then the positions and services that lack one."""
    from sbsguide.guide import load_guide

    guide = load_guide()
    positions = {name_key(p.name): p for p in _positions(system)}
    services = system.services.items if system.services else []
    found: list[Target] = []
    covered_posts: set[str] = set()
    covered_services: set[str] = set()
    for subsystem in guide.subsystems:
        for category in subsystem.categories:
            value = system.category(subsystem.key, category.key)
            for entry in value if isinstance(value, list) else []:
                number = parse(entry.number) if entry.number else None
                own = number is None or number.kind == "enterprise"
                if entry.post:
                    covered_posts.add(name_key(entry.post))
                governed = (
                    _governed(entry, services) if category.dotted == "delivery.process" else ()
                )
                covered_services.update(name_key(s.name) for s in governed)
                if not (own or entry.status in ("drafting", "revising")):
                    continue
                kind = (
                    "post"
                    if entry.post or subsystem.key == "posts"
                    else "service"
                    if category.dotted == "delivery.process"
                    else "management"
                )
                position = positions.get(name_key(entry.post or ""))
                found.append(
                    Target(kind, entry.name, category.dotted, entry, position, tuple(governed))
                )
    for key, position in positions.items():
        if key not in covered_posts:
            level = position.level if position.level in guide.position_levels else "general"
            found.append(Target("post", "", f"posts.{level}", None, position))
    for service in services:
        if name_key(service.name) not in covered_services:
            found.append(Target("service", "", "delivery.process", None, None, (service,)))
    return found


def _positions(system: StandardSystem) -> list[Position]:
    return list(system.organization.positions or []) if system.organization else []


def _governed(entry: StandardEntry, services: list[ServiceItem]) -> list[ServiceItem]:
    links = {name_key(s) for s in entry.services}
    title = name_key(entry.name)
    return [s for s in services if name_key(s.name) in links or name_key(s.name) in title]


@dataclass
class NumberScheme:
    """The agency's own numbering: its Q/ code, and the next free sequence per category."""

    code: str
    year: int
    taken: dict[str, int]
    used: set[str] = field(default_factory=set)  # every number of the system, edition-free

    def propose(self, key: str) -> str:
        """The next free number of a series: posts (4xx), processes (2xx), others (9xx).

        Never one the system already uses, in whatever category (SPEC §7).
        """
        base = {"posts": 400, "delivery.process": 200}.get(key, 900)
        following = max(self.taken.get(key, base), base) + 1
        while f"{self.code} {following:03d}" in self.used:
            following += 1
        self.taken[key] = following
        self.used.add(f"{self.code} {following:03d}")
        return f"{self.code} {following:03d}-{self.year}"


def number_scheme(system: StandardSystem) -> NumberScheme:
    from sbsguide.guide import load_guide

    codes: Counter[str] = Counter()
    years: Counter[int] = Counter()
    taken: dict[str, int] = {}
    used: set[str] = set()
    for subsystem in load_guide().subsystems:
        for category in subsystem.categories:
            value = system.category(subsystem.key, category.key)
            for entry in value if isinstance(value, list) else []:
                number = parse(entry.number) if entry.number else None
                if number is not None:
                    used.add(number.base)
                if number is None or number.kind != "enterprise":
                    continue
                codes[number.code] += 1
                if number.year:
                    years[number.year] += 1
                sequence = int(re.sub(r"\D", "", number.sequence.split(".")[0]) or 0)
                key = "posts" if subsystem.key == "posts" else category.dotted
                taken[key] = max(taken.get(key, 0), sequence)
        for extra in system.extra_categories(subsystem.key):
            used.update(n.base for e in extra.standards if e.number and (n := parse(e.number)))
    code = codes.most_common(1)[0][0] if codes else "Q/XXXX"
    year = years.most_common(1)[0][0] if years else 2025
    return NumberScheme(code, year, taken, used)
