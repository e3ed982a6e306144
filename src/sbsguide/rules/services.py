"""The service list and what the system must centre on: 4.5, 4.6, 4.7, 6.3.2."""

from __future__ import annotations

from collections.abc import Iterator

from sbsguide.findings import Severity
from sbsguide.guide import ListedItem
from sbsguide.model import StandardEntry
from sbsguide.names import name_key
from sbsguide.rules.base import Context, Violation, rule


@rule("service-list", "6.3.2")
def service_list(ctx: Context) -> Iterator[Violation]:
    """A service list (服务清单) exists and is published to SMEs."""
    services = ctx.system.services
    if services is None:
        yield Violation("missing", ("services",))
        return
    if not services.items:
        yield Violation("no-items", ("services", "items"))
    if not services.published:
        yield Violation("unpublished", ("services", "published"))


def _demand_area(text: str) -> str:
    return name_key(text).removeprefix("企业")


@rule("key-demands", "6.3.2", severity=Severity.WARNING)
def key_demands(ctx: Context) -> Iterator[Violation]:
    """The service list covers each of the eight key demand areas (包括但不限于: a warning each)."""
    services = ctx.system.services
    if services is None or not services.items:
        return  # service-list says so
    declared = {_demand_area(item.demand) for item in services.items if item.demand}
    for area, area_en in zip(ctx.guide.key_demands, ctx.guide.key_demands_en, strict=True):
        if _demand_area(area) not in declared:
            yield Violation("missing", ("services", "items"), {"area": area, "area_en": area_en})


@rule("service-classification", "4.6")
def service_classification(ctx: Context) -> Iterator[Violation]:
    """Each service item's class is a class of DB53/T 1117 (for now, the nine kinds of 3.2).

    A missing class, or a slip of one character for one of the nine, is an error naming the kind
    meant; any other class cannot be verified until DB53/T 1117's text is in the data (a warning:
    clause 3.2's list ends in 等).
    """
    services = ctx.system.services
    if services is None:
        return
    classes = "、".join(ctx.guide.service_classes)
    known = {name_key(c): c for c in ctx.guide.service_classes}
    for i, item in enumerate(services.items):
        path = ("services", "items", i)
        service_class = name_key(item.service_class or "")
        args = {"service": item.name, "value": item.service_class, "classes": classes}
        if not service_class:
            yield Violation("missing", path, args)
        elif service_class in known:
            continue
        elif (meant := _one_slip_from(service_class, known)) is not None:
            yield Violation("near-miss", (*path, "class"), {**args, "meant": meant})
        else:
            yield Violation("unverifiable", (*path, "class"), args, severity=Severity.WARNING)


def _one_slip_from(text: str, known: dict[str, str]) -> str | None:
    """The known class one character away (substituted, inserted or deleted), if any."""
    for key, name in known.items():
        if abs(len(key) - len(text)) > 1:
            continue
        if len(key) == len(text):
            if sum(a != b for a, b in zip(key, text, strict=True)) == 1:
                return name
        else:
            longer, shorter = (key, text) if len(key) > len(text) else (text, key)
            if any(longer[:n] + longer[n + 1 :] == shorter for n in range(len(longer))):
                return name
    return None


@rule("process-coverage", "4.5", severity=Severity.WARNING)
def process_coverage(ctx: Context) -> Iterator[Violation]:
    """Every service item is governed by at least one ``delivery.process`` standard in force.

    A service governed only by a standard being drafted is not covered yet (SPEC §7): an info
    naming the draft while the trial runs, a warning once it has ended.
    """
    services = ctx.system.services
    if services is None:
        return
    in_force = ctx.in_force_entries("delivery", "process")
    planned = ctx.planned_entries("delivery", "process")
    for i, item in enumerate(services.items):
        path = ("services", "items", i)
        if any(governs(p.entry, item.name) for p in in_force):
            continue
        drafts = [p for p in planned if governs(p.entry, item.name)]
        yield ctx.unmet("uncovered", path, {"service": item.name}, drafts)


def governs(standard: StandardEntry, service: str) -> bool:
    """Whether a process standard governs a service: it lists the service, or names it."""
    name = name_key(service)
    if not name:
        return False
    return name in {name_key(s) for s in standard.services} or name in name_key(standard.name)


@rule("quality-core", "4.5")
def quality_core(ctx: Context) -> Iterator[Violation]:
    """``support.quality`` and ``delivery.evaluation`` each hold at least one standard in force."""
    for subsystem, key in (("support", "quality"), ("delivery", "evaluation")):
        if ctx.system.subsystem(subsystem) is None:
            continue  # required-subsystem says so
        if ctx.in_force_entries(subsystem, key):
            continue
        category = ctx.guide.subsystem(subsystem).category(key)  # type: ignore[union-attr]
        assert category is not None  # both are categories of the guide's framework
        args = {"key": category.dotted, "name": category.name, "name_en": category.name_en}
        path = ctx.category_path(subsystem, key)
        yield ctx.unmet("empty", path, args, ctx.planned_entries(subsystem, key))


@rule("information-sharing", "4.7")
def information_sharing(ctx: Context) -> Iterator[Violation]:
    """A means of sharing service information with other agencies is declared.

    A sharing platform, or a ``delivery.sharing`` standard in force; one still being drafted is a
    plan (an info while the trial runs).
    """
    sharing = ctx.system.sharing
    if sharing is not None and (sharing.platform or "").strip():
        return
    if ctx.in_force_entries("delivery", "sharing"):
        return
    yield ctx.unmet("missing", ("sharing",), {}, ctx.planned_entries("delivery", "sharing"))


@rule("listed-content", "6.3.2", severity=Severity.WARNING)
def listed_content(ctx: Context) -> Iterator[Violation]:
    """Each item of the guide's open lists of 6.3.2 is covered by a standard in force.

    Function elements, process, sharing (a 可 category: an info) and evaluation list what their
    standards include "包括但不限于": one finding per item that no standard in force covers, by
    its ``covers:`` list or plainly by its title. An item covered only by a standard being
    drafted is an info naming it while the trial runs (SPEC §7). A category declared not
    applicable, or absent, or without any standard in force (``required-category`` says so),
    draws none.
    """
    for category in ctx.guide.categories():
        standards = ctx.in_force_entries(category.subsystem, category.key)
        if not category.listed or not standards:
            continue
        planned = ctx.planned_entries(category.subsystem, category.key)
        severity = None if category.required else Severity.INFO
        for item in category.listed:
            if any(_covers(p.entry, item) for p in standards):
                continue
            args = {
                "item": item.item,
                "item_en": item.item_en,
                "name": category.name,
                "name_en": category.name_en,
                "key": category.dotted,
            }
            path = ctx.category_path(category.subsystem, category.key)
            drafts = [p for p in planned if _covers(p.entry, item)]
            yield ctx.unmet("uncovered", path, args, drafts, severity=severity)


def _covers(entry: StandardEntry, item: ListedItem) -> bool:
    declared = {name_key(c) for c in entry.covers}
    if declared & {name_key(n) for n in item.names}:
        return True
    title = name_key(entry.name)
    return any(w in title for w in item.words) and not any(u in title for u in item.unless)
