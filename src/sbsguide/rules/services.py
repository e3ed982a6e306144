"""The service list and what the system must centre on: 4.5, 4.6, 4.7, 6.3.2."""

from __future__ import annotations

from collections.abc import Iterator

from sbsguide.findings import Severity
from sbsguide.rules.base import Context, Violation, rule


@rule("service-list", "6.3.2")
def service_list(ctx: Context) -> Iterator[Violation]:
    """A service list (服务清单) exists and is published to SMEs."""
    services = ctx.system.services
    if services is None:
        yield Violation("missing", ())
        return
    if not services.items:
        yield Violation("no-items", ("services",))
    if not services.published:
        yield Violation(
            "unpublished",
            ("services", "published")
            if "published" in services.model_fields_set
            else ("services",),
        )


def _demand_area(text: str) -> str:
    return text.strip().removeprefix("企业")


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
    """Each service item's class is a class of DB53/T 1117 (for now, the nine kinds of 3.2)."""
    services = ctx.system.services
    if services is None:
        return
    classes = "、".join(ctx.guide.service_classes)
    for i, item in enumerate(services.items):
        path = ("services", "items", i)
        service_class = (item.service_class or "").strip()
        if not service_class:
            yield Violation("missing", path, {"service": item.name, "classes": classes})
        elif service_class not in ctx.guide.service_classes:
            yield Violation(
                "unknown",
                (*path, "class"),
                {"service": item.name, "value": item.service_class, "classes": classes},
            )


@rule("process-coverage", "4.5", severity=Severity.WARNING)
def process_coverage(ctx: Context) -> Iterator[Violation]:
    """Every service item is governed by at least one ``delivery.process`` standard."""
    services = ctx.system.services
    if services is None:
        return
    process = ctx.category_value("delivery", "process")
    standards = process if isinstance(process, list) else []
    for i, item in enumerate(services.items):
        name = item.name.strip()
        if not any(name in s.services or (name and name in s.name) for s in standards):
            yield Violation("uncovered", ("services", "items", i), {"service": item.name})


@rule("quality-core", "4.5")
def quality_core(ctx: Context) -> Iterator[Violation]:
    """``support.quality`` and ``delivery.evaluation`` each hold at least one standard."""
    for subsystem, key in (("support", "quality"), ("delivery", "evaluation")):
        if ctx.system.subsystem(subsystem) is None:
            continue  # required-subsystem says so
        value = ctx.category_value(subsystem, key)
        if not isinstance(value, list) or not value:
            category = ctx.guide.subsystem(subsystem).category(key)  # type: ignore[union-attr]
            assert category is not None  # both are categories of the guide's framework
            path = ctx.category_path(subsystem, key)
            yield Violation(
                "empty",
                path,
                {"key": category.dotted, "name": category.name, "name_en": category.name_en},
            )


@rule("information-sharing", "4.7")
def information_sharing(ctx: Context) -> Iterator[Violation]:
    """A means of sharing service information with other agencies is declared."""
    sharing = ctx.system.sharing
    if sharing is not None and (sharing.platform or "").strip():
        return
    standards = ctx.category_value("delivery", "sharing")
    if isinstance(standards, list) and standards:
        return
    yield Violation("missing", ("sharing",) if sharing is not None else ())
