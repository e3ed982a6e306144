"""What a rule is: a name, the clauses it enforces, and a check that says *what* and *where*.

The engine stamps everything else: severity (from the clause's verb unless the rule departs from
it, SPEC §3), the message and hint in the run's language (from ``messages.yaml``), the line and
column, and waivers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from sbsguide.catalogue import Catalogue, Standing, load_catalogue
from sbsguide.findings import Severity
from sbsguide.guide import Guide
from sbsguide.messages import Localised
from sbsguide.model import NotApplicable, StandardEntry, StandardSystem
from sbsguide.numbers import StandardNumber, parse
from sbsguide.source import LogicalPath


@dataclass(slots=True)  # not frozen: see Finding
class Violation:
    """What a rule found and where: a message id of the rule, its arguments, a logical path."""

    message: str
    path: LogicalPath
    args: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None  # None: the rule's default
    clause: str | None = None  # None: the rule's first clause
    lines: tuple[LogicalPath, ...] = ()  # one finding for many places: each place's line
    in_records: bool = False  # located in the records file, not the system file


@dataclass(frozen=True, slots=True)
class LineOf:
    """A message argument that is the line of another node: the engine knows lines, rules don't."""

    path: LogicalPath


@dataclass(slots=True)  # not frozen: see Finding
class Placed:
    """A standard entry with its place in the system, and its number parsed once for all rules."""

    entry: StandardEntry
    path: LogicalPath
    subsystem: str
    category: str | None  # None in an agency's own (extra) category
    category_number: int  # the NN of a 体系编号 for this place
    number: StandardNumber | None = None


class Context:
    """What every rule may read: the validated system, the run date, the guide."""

    def __init__(
        self,
        system: StandardSystem,
        as_of: date,
        guide: Guide,
        catalogues: tuple[str, ...] = (),
        *,
        records: Any = None,
        records_looked_for: bool = False,
        placeholders: bool = True,
    ) -> None:
        self.system = system
        self.as_of = as_of
        self.guide = guide
        self.catalogues = catalogues
        # The trial's records (evaluate.records.Records), None when the system keeps none;
        # whether anyone looked: standard input has no folder to find them in.
        self.records = records
        self.records_looked_for = records_looked_for
        # whether the file's text can hold a placeholder at all (placeholders.may_hold_placeholder)
        self.placeholders = placeholders
        self._standings: dict[LogicalPath, Standing] = {}

    @cached_property
    def catalogue(self) -> Catalogue:
        """The standards catalogue with the user's layered over it (read on first use)."""
        return load_catalogue(self.catalogues)

    @cached_property
    def entries(self) -> list[Placed]:
        """Every standard entry of the system, in file order of the guide's categories."""
        placed: list[Placed] = []
        for subsystem in self.guide.subsystems:
            for category in subsystem.categories:
                value = self.system.category(subsystem.key, category.key)
                if isinstance(value, list):
                    prefix = ("standards", subsystem.key, category.key)
                    placed.extend(
                        Placed(
                            e,
                            (*prefix, i),
                            subsystem.key,
                            category.key,
                            category.number,
                            parse(e.number) if e.number else None,
                        )
                        for i, e in enumerate(value)
                    )
            for n, extra in enumerate(self.system.extra_categories(subsystem.key)):
                extra_prefix = ("standards", subsystem.key, "extra", n, "standards")
                number = len(subsystem.categories) + n + 1
                placed.extend(
                    Placed(
                        e,
                        (*extra_prefix, i),
                        subsystem.key,
                        None,
                        number,
                        parse(e.number) if e.number else None,
                    )
                    for i, e in enumerate(extra.standards)
                )
        return placed

    def standing(self, placed: Placed) -> Standing:
        """What the catalogue says, on the check date, of the edition an entry cites.

        Asked by several rules of every entry: looked up once per entry.
        """
        known = self._standings.get(placed.path)
        if known is not None:
            return known
        if placed.number is None:
            found = Standing("unknown")
        else:
            found = self.catalogue.standing(placed.number, self.as_of)
        self._standings[placed.path] = found
        return found

    def listed(self, placed: Placed) -> bool:
        """Whether an entry stands in the system at all: not withdrawn, not void by the catalogue.

        Such an entry is in force (现行, ``current`` or ``revising``) or planned (制定中).
        """
        return placed.entry.status != "withdrawn" and not self.standing(placed).void

    def in_force(self, placed: Placed) -> bool:
        """Whether an entry is a standard in force (现行, SPEC §7 "Planned is not existing")."""
        return placed.entry.status != "drafting" and self.listed(placed)

    def in_force_entries(self, subsystem: str, category: str) -> list[Placed]:
        """The entries of a category that are standards in force (现行)."""
        return self._by_category.get((subsystem, category, True), [])

    def planned_entries(self, subsystem: str, category: str) -> list[Placed]:
        """The entries of a category that are still being drafted (制定中)."""
        return self._by_category.get((subsystem, category, False), [])

    @cached_property
    def _by_category(self) -> dict[tuple[str, str | None, bool], list[Placed]]:
        by_category: dict[tuple[str, str | None, bool], list[Placed]] = {}
        for placed in self.entries:
            if self.listed(placed):
                key = (placed.subsystem, placed.category, placed.entry.status != "drafting")
                by_category.setdefault(key, []).append(placed)
        return by_category

    def unmet(
        self,
        message: str,
        path: LogicalPath,
        args: Mapping[str, Any],
        drafts: Sequence[Placed],
        *,
        severity: Severity | None = None,
        clause: str | None = None,
    ) -> Violation:
        """A requirement no standard in force meets (SPEC §7 "Planned is not existing").

        Where standards being drafted would meet it, ``drafting-only`` names them, an info while
        the trial runs; otherwise ``message``. ``severity`` is the rule's own for this finding.
        """
        if drafts:
            return Violation(
                "drafting-only",
                path,
                {**args, "drafts": names_of(drafts)},
                severity=severity or self.planned_severity,
                clause=clause,
            )
        return Violation(message, path, args, severity=severity, clause=clause)

    @property
    def planned_severity(self) -> Severity | None:
        """A requirement met only by standards being drafted: an info while the trial runs.

        Once the trial has ended the rule's own severity applies (None), SPEC §7.
        """
        return None if self.trial_finished else Severity.INFO

    @property
    def trial_finished(self) -> bool:
        """The trial run has ended on or before the check date (5.5.1)."""
        trial = self.system.trial_run
        return trial is not None and trial.end is not None and trial.end <= self.as_of

    def category_value(
        self, subsystem: str, key: str
    ) -> list[StandardEntry] | NotApplicable | None:
        """A category's standards or N/A declaration (None when absent or empty)."""
        return self.system.category(subsystem, key)

    def category_path(self, subsystem: str, key: str) -> LogicalPath:
        """The path of a category, for findings about it."""
        return ("standards", subsystem, key)


def names_of(planned: Iterable[Placed]) -> Localised:
    """The titles of entries, as a message argument (``drafts`` of a drafting-only finding)."""
    titles = [p.entry.name for p in planned]
    return Localised("、".join(titles), "; ".join(titles))


Check = Callable[[Context], Iterable[Violation]]


@dataclass(frozen=True)
class Rule:
    """A rule of SPEC §3.

    ``check`` is None for the rules that the loader (``yaml-syntax``, ``schema``,
    ``file-encoding``) or the engine (``expired-waiver``, ``unused-waiver``) report themselves.
    """

    name: str
    clauses: tuple[str, ...]
    check: Check | None = None
    severity: Severity | None = None  # set where the rule departs from its clause's verb
    waivable: bool = True
    reads_records: bool = False  # judges the records file: runs only where it was looked for

    def default_severity(self, guide: Guide) -> Severity:
        """The severity of the SPEC §3 table: the rule's own, else its clause's verb."""
        if self.severity is not None:
            return self.severity
        return guide.clauses[self.clauses[0]].severity

    @property
    def clause(self) -> str:
        """The clauses, as shown: ``5.5.1`` or ``2, 4.6, 5.4, 5.5.2`` (``—`` when none)."""
        return ", ".join(self.clauses) or "—"

    def run(self, ctx: Context) -> Iterator[Violation]:
        """The rule's violations for a system (none for loader and engine rules)."""
        if self.check is not None:
            yield from self.check(ctx)


def rule(
    name: str, *clauses: str, severity: Severity | None = None, reads_records: bool = False
) -> Callable[[Check], Rule]:
    """Declare a rule from its check function."""

    def declare(check: Check) -> Rule:
        return Rule(name, clauses, check, severity, reads_records=reads_records)

    return declare
