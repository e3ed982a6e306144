"""The standards catalogue: which editions exist, which is current on a date, where each belongs.

Data: ``standards.yaml`` beside this file. Status is judged *as of* a date: an edition whose
successor takes effect on D is current before D and superseded from D (GB/T 22080-2016 is current
until 2025-12-31). Confidence travels with every fact, so a message built on a low-confidence
fact can say so.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sbsguide.numbers import StandardNumber, parse
from sbsguide.resources import data


@dataclass(frozen=True, slots=True)
class Edition:
    """One edition of a standard (or a policy document) as the catalogue knows it."""

    number: str  # without year: "GB/T 24421.2"
    year: int | None
    title: str | None
    kind: str
    status: str  # current | superseded | withdrawn | unknown
    categories: tuple[str, ...]
    confidence: str
    source: str
    former_titles: tuple[str, ...] = ()
    fit: tuple[str, ...] = ()  # categories it is a good fit for: suggested there (SPEC §6)
    number_forms: tuple[str, ...] = ()
    superseded_by: str | None = None
    superseded_on: date | None = None
    issued: date | None = None
    implemented: date | None = None
    replaces: tuple[str, ...] = ()
    note: str | None = None
    origin: str = ""  # the catalogue file it comes from ("" for the one sbs ships)

    @property
    def canonical(self) -> str:
        """``GB/T 24421.2-2023``; a policy document's number as it is."""
        if self.year is None or self.kind == "policy":
            return self.number
        return f"{self.number}-{self.year}"

    @property
    def base(self) -> str:
        """The edition-free identity, as :attr:`StandardNumber.base` gives it."""
        parsed = parse(self.number)
        return parsed.base if parsed else self.number

    def status_on(self, day: date) -> str:
        """The status on ``day``.

        A replacement not yet in force leaves the edition current; an edition before its
        implementation date is ``upcoming``.
        """
        if self.status == "superseded" and self.superseded_on and day < self.superseded_on:
            return "current"
        if self.status == "current" and self.implemented and day < self.implemented:
            return "upcoming"
        return self.status

    @property
    def is_public(self) -> bool:
        """National, industry or local (clause 4.4)."""
        return self.kind.startswith("national") or self.kind in ("industry", "local")


@dataclass(frozen=True, slots=True)
class Standing:
    """What the catalogue says of a cited edition on a day.

    ``state``: ``current``, ``upcoming`` (not yet implemented), ``superseded``, ``withdrawn``,
    ``older`` (an earlier year of a number whose edition in force is known: a national standard
    number has one edition in force, so an earlier one is superseded — inferred), ``undated`` or
    ``unknown``.
    """

    state: str
    edition: Edition | None = None  # the cited edition, when catalogued
    successor: Edition | None = None  # the edition in force that replaces it, when known

    @property
    def void(self) -> bool:
        """No longer in force, on facts sure enough to say so (low confidence never voids)."""
        if self.state not in ("superseded", "withdrawn", "older"):
            return False
        facts = (self.edition, self.successor)
        return not any(e is not None and e.confidence == "low" for e in facts)


def comparable_title(title: str) -> str:
    """A title with width, punctuation and spacing differences removed."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", title)).lower()


_UNKNOWN = Standing("unknown")  # shared: a Standing is never changed


class Catalogue:
    """All editions, indexed by edition-free number."""

    def __init__(self, editions: Iterable[Edition]) -> None:
        self.editions = tuple(editions)
        self._by_base: dict[str, list[Edition]] = {}
        for edition in self.editions:
            self._by_base.setdefault(edition.base, []).append(edition)
        for editions_of in self._by_base.values():
            editions_of.sort(key=lambda e: e.year or 0)

    def editions_of(self, base: str) -> list[Edition]:
        """Every known edition of a standard, oldest first."""
        return self._by_base.get(base, [])

    def edition(self, number: StandardNumber) -> Edition | None:
        """The catalogue's entry for exactly this edition."""
        return next((e for e in self.editions_of(number.base) if e.year == number.year), None)

    def current(self, base: str, day: date) -> Edition | None:
        """The newest edition current on ``day``."""
        current = [e for e in self.editions_of(base) if e.status_on(day) == "current"]
        return current[-1] if current else None

    def successor(self, edition: Edition, day: date) -> Edition | None:
        """The edition in force on ``day`` that replaces ``edition``, following the chain."""
        seen: set[str] = set()
        while edition.superseded_by and edition.superseded_by not in seen:
            seen.add(edition.superseded_by)
            number = parse(edition.superseded_by)
            following = self.edition(number) if number else None
            if following is None:
                return None
            if following.status_on(day) == "current":
                return following
            edition = following
        return None

    def standing(self, number: StandardNumber, day: date) -> Standing:
        """The standing on ``day`` of the edition ``number`` cites."""
        if not number.dated or number.kind == "policy":
            return Standing("undated")
        if number.base not in self._by_base:
            return _UNKNOWN  # most entries of a large system: the agency's own standards
        edition = self.edition(number)
        if edition is not None:
            state = edition.status_on(day)
            successor = self.successor(edition, day) if state == "superseded" else None
            return Standing(state, edition, successor)
        current = self.current(number.base, day)
        if current is not None and current.year and number.year and number.year < current.year:
            return Standing("older", None, current)
        return Standing("unknown")

    def near_miss(self, number: StandardNumber) -> Edition | None:
        """A known standard one slip away from ``number`` (GB/T 14421.1 → GB/T 24421.1)."""
        same_code = [b for b in self._by_base if b.split(" ")[0] == number.code]
        close = difflib.get_close_matches(number.base, same_code, n=1, cutoff=0.88)
        return self.editions_of(close[0])[-1] if close else None

    def for_category(self, category: str, day: date, *, good_fit: bool = False) -> list[Edition]:
        """Current editions fitting a category (``good_fit``: marked so), surest first."""
        rank = {"high": 0, "medium": 1, "low": 2}
        fitting = [
            e
            for e in self.editions
            if category in (e.fit if good_fit else e.categories) and e.status_on(day) == "current"
        ]
        return sorted(fitting, key=lambda e: (rank.get(e.confidence, 3), e.number))

    def search(self, query: str) -> list[Edition]:
        """Editions whose number or title contains the query (width and spacing ignored)."""
        wanted = comparable_title(query)
        return [
            e
            for e in self.editions
            if wanted
            and (
                wanted in comparable_title(e.canonical) or wanted in comparable_title(e.title or "")
            )
        ]


FIELDS = frozenset(
    {
        "number", "year", "title", "kind", "status", "categories", "confidence", "source",
        "former_titles", "number_forms", "superseded_by", "superseded_on", "issued",
        "implemented", "replaces", "note", "fit",
    }
)  # fmt: skip
"""The fields of a catalogue entry, shipped or the user's."""


def _edition(raw: dict[str, Any], origin: str = "") -> Edition:
    tuples = ("former_titles", "number_forms", "replaces", "categories", "fit")
    fields: dict[str, Any] = {k: tuple(v or ()) if k in tuples else v for k, v in raw.items()}
    return Edition(**fields, origin=origin)


@cache
def shipped() -> dict[str, Any]:
    """The catalogue file shipped with this version of sbs, as data."""
    result: dict[str, Any] = data("sbsguide.catalogue", "standards.yaml")
    return result


def built() -> str:
    """The day the shipped catalogue was compiled (ISO)."""
    value = shipped().get("built")
    return str(value.isoformat()) if isinstance(value, date) else str(value or "—")


@cache
def load_catalogue(extra: tuple[str, ...] = ()) -> Catalogue:
    """The shipped catalogue with the user's catalogues layered over it, in order.

    A user's entry replaces the shipped (or an earlier user's) entry of the same edition; every
    edition remembers the file it came from. ``extra`` holds paths of files already validated
    (config.py): a catalogue that cannot be read is the configuration's usage error, not ours.
    """
    editions: dict[tuple[str, int | None], Edition] = {}
    for raw in shipped()["entries"]:
        edition = _edition(raw)
        editions[edition.base, edition.year] = edition
    for path in extra:
        for edition in read_user_catalogue(Path(path)):
            editions[edition.base, edition.year] = edition
    return Catalogue(editions.values())


def read_user_catalogue(path: Path) -> tuple[Edition, ...]:
    """The editions of a user's catalogue file (same format as the shipped one).

    Raises :class:`CatalogueError` with a location for anything it cannot use. Read once per run:
    the configuration validates it and the check layers it.
    """
    return _read_user_catalogue(str(path))


MAX_ENTRIES = 200_000
"""Entries one user catalogue may hold (SPEC §7): past it the file is refused, located."""


@cache
def _read_user_catalogue(name: str) -> tuple[Edition, ...]:
    from pydantic import ValidationError

    from sbsguide.loader import decode, read_yaml
    from sbsguide.reading import TooLarge, human_size, read_limited

    path = Path(name)
    try:
        text, _ = decode(read_limited(path))
    except TooLarge as error:
        raise CatalogueError(name, 1, "too-large", human_size(error.limit)) from None
    if text is None:
        raise CatalogueError(name, 1, "encoding")
    document = read_yaml(text)
    if document.problems:
        problem = document.problems[0]
        at = document.source.locate(problem.path)
        line, column = (problem.line, problem.column or 1) if problem.line else (at.line, at.column)
        raise CatalogueError(name, line, "syntax", column=column, problem=problem)
    entries = document.data.get("entries") if isinstance(document.data, dict) else None
    if not isinstance(entries, list):
        raise CatalogueError(name, document.source.locate(("entries",)).line, "no-entries")
    if len(entries) > MAX_ENTRIES:
        line = document.source.locate(("entries", MAX_ENTRIES)).line
        raise CatalogueError(name, line, "too-many", str(MAX_ENTRIES))
    from sbsguide.catalogue.entry import CatalogueEntry

    editions = []
    for index, raw in enumerate(entries):
        if not isinstance(raw, dict) or not isinstance(raw.get("number"), str):
            where = document.source.locate(("entries", index))
            raise CatalogueError(name, where.line, "entry", column=where.column)
        filled = {"source": name, **raw}
        if "kind" not in raw:
            filled["kind"] = _kind_of(raw["number"])
        try:
            entry = CatalogueEntry.model_validate(filled)
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"])
            at = document.source.locate(("entries", index, *first["loc"]))
            reason = "field" if first["type"] == "extra_forbidden" else "value"
            value = raw.get(first["loc"][0], "") if first["loc"] else ""
            raise CatalogueError(
                name, at.line, reason, field, column=at.column, value=str(value)[:80]
            ) from None
        editions.append(_edition(entry.__dict__, origin=name))
    return tuple(editions)


def _kind_of(number: str) -> str:
    parsed = parse(number)
    return parsed.kind if parsed else "unknown"


class CatalogueError(Exception):
    """A user's catalogue file that sbs cannot use: where, and why (a message id)."""

    def __init__(
        self,
        path: str,
        line: int,
        reason: str,
        detail: str = "",
        *,
        column: int = 1,
        value: str = "",
        problem: Any = None,
    ) -> None:
        super().__init__(f"{path}:{line}:{column}: {reason} {detail}")
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason
        self.detail = detail
        self.value = value
        self.problem = problem  # the YAML reader's own LoadProblem, for a syntax error
