"""The guide as data: sub-systems, layers, categories, clauses and their verbs, service classes.

Everything here is read from ``framework.yaml`` and ``clauses.yaml`` beside this file, so a
revised guide is a data change. Code asks this module, never a literal, what the guide says.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sbsguide.findings import Severity
from sbsguide.resources import data


@dataclass(frozen=True, slots=True)
class ListedItem:
    """An item of one of the guide's open lists of 6.3.2 ("包括但不限于")."""

    item: str
    item_en: str
    words: tuple[str, ...]  # a title containing one of them plainly covers the item
    short: str | None = None  # the short form a `covers:` list may use (联系规范)
    unless: tuple[str, ...] = ()  # …unless it also contains one of these

    @property
    def names(self) -> tuple[str, ...]:
        """What a standard's ``covers:`` may call this item."""
        return (self.item,) if self.short is None else (self.item, self.short)


@dataclass(frozen=True, slots=True)
class Category:
    """A category (类别) of a sub-system, e.g. ``support.safety`` 安全与应急标准."""

    subsystem: str
    key: str
    name: str
    name_en: str
    clause: str
    required: bool
    number: int  # its position within the sub-system, the NN of a 体系编号
    scope: str | None = None
    scope_en: str | None = None
    listed: tuple[ListedItem, ...] = ()
    catch_all: bool = False  # 其他标准: anything may sit here, so placement is not judged
    na_example: str = ""  # a reason that says why, for this category's N/A hint (4.2)
    na_example_en: str = ""

    @property
    def dotted(self) -> str:
        """``subsystem.category``, as in SPEC §2."""
        return f"{self.subsystem}.{self.key}"


@dataclass(frozen=True, slots=True)
class Subsystem:
    """One of the four sub-systems (子体系) and its layer (层次)."""

    key: str
    name: str
    name_en: str
    layer: int
    clause: str
    code_prefix: str
    categories: tuple[Category, ...]

    def category(self, key: str) -> Category | None:
        """The category with this key, if the guide has one."""
        return next((c for c in self.categories if c.key == key), None)


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of the guide with its verb (应/宜/可) and text."""

    number: str
    title: str
    title_en: str
    verb: str
    text: str
    text_en: str
    note: str | None = None
    note_en: str | None = None

    @property
    def severity(self) -> Severity:
        """The default severity the verb gives."""
        return Severity.from_verb(self.verb)


@dataclass(frozen=True, slots=True)
class NormativeReference:
    """A document cited undated in clause 2, and the clause that needs it."""

    number: str
    title: str
    clause: str


@dataclass(frozen=True, slots=True)
class Guide:
    """The whole guide, as the checker needs it."""

    id: str
    title: str
    title_en: str
    edition: str
    edition_en: str
    subsystems: tuple[Subsystem, ...]
    clauses: dict[str, Clause]
    key_demands: tuple[str, ...]
    key_demands_en: tuple[str, ...]
    service_classes: tuple[str, ...]
    service_classes_en: tuple[str, ...]
    service_classes_source: str
    service_classes_source_en: str
    normative_references: tuple[NormativeReference, ...]
    department_suffixes: tuple[str, ...]
    empty_reasons: tuple[str, ...]
    reason_fillers: tuple[str, ...]
    position_levels: tuple[str, ...]
    position_level_names: dict[str, str]
    cited_documents: tuple[dict[str, str], ...]

    def subsystem(self, key: str) -> Subsystem | None:
        """The sub-system with this key, if the guide has one."""
        return next((s for s in self.subsystems if s.key == key), None)

    def categories(self) -> tuple[Category, ...]:
        """All categories of all sub-systems, in the guide's order."""
        return tuple(c for s in self.subsystems for c in s.categories)

    def by_code_prefix(self, prefix: str) -> Subsystem | None:
        """The sub-system whose 体系编号 starts with ``prefix`` (JC, SS, BZ, GW)."""
        return next((s for s in self.subsystems if s.code_prefix == prefix), None)


def _listed_item(raw: dict[str, Any]) -> ListedItem:
    return ListedItem(
        item=raw["item"],
        item_en=raw["item_en"],
        words=tuple(raw["words"]),
        short=raw.get("short"),
        unless=tuple(raw.get("unless", ())),
    )


def _category(subsystem: str, number: int, raw: dict[str, Any]) -> Category:
    listed = tuple(_listed_item(item) for item in raw.get("listed", ()))
    fields = {k: v for k, v in raw.items() if k != "listed"}
    return Category(subsystem=subsystem, number=number, listed=listed, **fields)


def _subsystem(raw: dict[str, Any]) -> Subsystem:
    categories = tuple(_category(raw["key"], i, c) for i, c in enumerate(raw["categories"], 1))
    fields = {k: v for k, v in raw.items() if k != "categories"}
    return Subsystem(categories=categories, **fields)


@cache
def load_guide() -> Guide:
    """The guide shipped with this version of sbs."""
    framework = data("sbsguide.guide", "framework.yaml")
    clauses = {c["number"]: Clause(**c) for c in data("sbsguide.guide", "clauses.yaml")}
    classes = framework["service_classes"]
    return Guide(
        **framework["guide"],
        subsystems=tuple(_subsystem(s) for s in framework["subsystems"]),
        clauses=clauses,
        key_demands=tuple(framework["key_demands"]),
        key_demands_en=tuple(framework["key_demands_en"]),
        service_classes=tuple(c["name"] for c in classes["classes"]),
        service_classes_en=tuple(c["name_en"] for c in classes["classes"]),
        service_classes_source=classes["source"],
        service_classes_source_en=classes["source_en"],
        normative_references=tuple(
            NormativeReference(**r) for r in framework["normative_references"]
        ),
        department_suffixes=tuple(framework["department_suffixes"]),
        empty_reasons=tuple(framework["empty_reasons"]),
        reason_fillers=tuple(framework["reason_fillers"]),
        position_levels=tuple(framework["position_levels"]),
        position_level_names=dict(framework["position_level_names"]),
        cited_documents=tuple(framework["cited_documents"]),
    )
