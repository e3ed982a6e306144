"""`sbs fix`: the safe rewrites of SPEC §4, made as text splices at exact parser spans.

Rewriting through a YAML emitter re-flows what it does not understand: indentation, line width,
quoting, flow style. Here the parser's marks say where each value starts and ends, and only those
characters change, so comments, key order, quoting, styles and blank lines survive byte for byte.
The result is parsed and validated again before anything is written; a second run finds nothing
to do. Facts of low confidence are never applied automatically.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sbsguide import numbers
from sbsguide.catalogue import Catalogue, Edition
from sbsguide.guide import Guide
from sbsguide.messages import Localised
from sbsguide.model import StandardSystem
from sbsguide.rules.base import Context, Placed
from sbsguide.rules.structure import SYSTEM_CODE
from sbsguide.source import SourceMap, Span
from sbsguide.yamltext import scalar


@dataclass(frozen=True, slots=True)
class Change:
    """Replace ``text[start:end]`` with ``new``; ``what`` says why, for the user."""

    start: int
    end: int
    new: str
    what: Localised


def plan(
    text: str,
    system: StandardSystem,
    source: SourceMap,
    as_of: date,
    guide: Guide,
    catalogues: tuple[str, ...] = (),
) -> list[Change]:
    """Every safe rewrite of a valid system, as non-overlapping changes."""
    ctx = Context(system, as_of, guide, catalogues)
    planner = _Planner(text, source, ctx.catalogue, as_of)
    for placed in ctx.entries:
        if placed.number is not None:
            planner.listed.setdefault(placed.number.base, []).append(placed)
    for placed in ctx.entries:
        planner.entry(placed)
    planner.codes(ctx)
    return planner.changes


def apply(text: str, changes: list[Change]) -> str:
    """The text with every change made (they never overlap), in one pass over the text."""
    pieces: list[str] = []
    done = 0
    for change in sorted(changes, key=lambda c: c.start):
        pieces += (text[done : change.start], change.new)
        done = change.end
    pieces.append(text[done:])
    return "".join(pieces)


class _Planner:
    def __init__(self, text: str, source: SourceMap, catalogue: Catalogue, as_of: date) -> None:
        self.text = text
        self.spans = source.spans
        self.catalogue = catalogue
        self.as_of = as_of
        self.changes: list[Change] = []
        self.listed: dict[str, list[Placed]] = {}  # edition-free number → its entries

    def entry(self, placed: Placed) -> None:
        written = placed.entry.number
        number = placed.number
        span = self.spans.get((*placed.path, "number"))
        if number is None or span is None or written is None:
            return
        successor = self._successor(number)
        others = (
            [p for p in self.listed.get(successor.base, []) if p is not placed] if successor else []
        )
        elsewhere = others[0] if others else None
        if successor is not None and elsewhere is not None:
            # the standard is listed elsewhere too: replacing would list it twice
            other = self.spans.get(elsewhere.path)
            where = self.text.count("\n", 0, other.start) + 1 if other else "?"
            self.changes.append(
                Change(
                    span.start,
                    span.start,
                    "",
                    Localised(
                        f"{written} 未替换：同一标准已在第 {where} 行列出"
                        f"({elsewhere.entry.number})，只保留一条并写现行版本 "
                        f"{successor.canonical}，删除另一条",
                        f"{written} left as is: the same standard is already listed on line "
                        f"{where} ({elsewhere.entry.number}); keep one entry, as the edition in "
                        f"force {successor.canonical}, and remove the other",
                    ),
                )
            )
        elif successor is not None:
            self._replace_edition(placed, span, written, number, successor)
        elif number.canonical != written:
            self._set(
                span,
                number.canonical,
                Localised(
                    f"{written} → {number.canonical}(规范写法)",
                    f"{written} → {number.canonical} (canonical form)",
                ),
            )

    def _successor(self, number: numbers.StandardNumber) -> Edition | None:
        """The edition in force that replaces a superseded or older one, on facts sure enough."""
        standing = self.catalogue.standing(number, self.as_of)
        if standing.state not in ("superseded", "older") or not standing.void:
            return None
        return standing.successor

    def _replace_edition(
        self, placed: Placed, span: Span, written: str, old: numbers.StandardNumber, new: Edition
    ) -> None:
        self._set(
            span,
            new.canonical,
            Localised(
                f"{written} → {new.canonical}(现行版本，原编号记入 replaces)",
                f"{written} → {new.canonical} (current edition; the old number kept in replaces)",
            ),
        )
        name_span = self.spans.get((*placed.path, "name"))
        title = new.title
        if title and "：" in placed.entry.name:  # keep the file's full-width typography
            title = title.replace(":", "：")
        if name_span is not None and title and title != placed.entry.name:
            self._set(name_span, title, Localised(f"名称改为《{title}》", f"title set to {title}"))
        replaces = self.spans.get((*placed.path, "replaces"))
        if replaces is not None:
            self._set(replaces, old.canonical, Localised("", ""))
        else:
            self._add_after(span, "replaces", old.canonical)
        implemented = self.spans.get((*placed.path, "implemented"))
        if implemented is not None and new.implemented is not None:
            when = new.implemented.isoformat()  # a date, written as one (scalar() quotes text)
            self.changes.append(Change(implemented.start, implemented.end, when, Localised("", "")))
        elif implemented is not None:
            self._remove_pair(implemented)

    def codes(self, ctx: Context) -> None:
        """Assign the next free 体系编号 of its category to every entry that has none."""
        used = {p.entry.code for p in ctx.entries if p.entry.code}
        highest: dict[str, int] = {}  # per category prefix: the last sequence number taken
        for code in used:
            if SYSTEM_CODE.fullmatch(code):
                highest[code[:5]] = max(highest.get(code[:5], 0), int(code[-3:]))
        prefixes: dict[tuple[str, int], str | None] = {}  # a category's 体系编号 prefix
        for placed in ctx.entries:
            if placed.entry.code:
                continue
            entry_span = self.spans.get(placed.path)
            category = (placed.subsystem, placed.category_number)
            if category not in prefixes:
                subsystem = ctx.guide.subsystem(placed.subsystem)
                prefixes[category] = (
                    None if subsystem is None else f"{subsystem.code_prefix}{category[1]:02d}-"
                )
            prefix = prefixes[category]
            if prefix is None or entry_span is None:
                continue
            sequence = highest.get(prefix, 0) + 1
            if sequence > 999:
                continue
            code = f"{prefix}{sequence:03d}"
            highest[prefix] = sequence
            used.add(code)
            what = Localised(
                f"为《{placed.entry.name}》分配体系编号 {code}",
                f"code {code} assigned to {placed.entry.name}",
            )
            written = self.spans.get((*placed.path, "code"))
            if written is not None:  # `code:` is there but empty: fill it, never add a second
                self._set(written, code, what)
            else:
                self._add_first(entry_span, "code", code, what)

    # -- text operations -------------------------------------------------------------------

    def _set(self, span: Span, value: str, what: Localised) -> None:
        original = self.text[span.start : span.end]
        new = scalar(value, flow=span.in_flow, like=original)
        if span.start == span.end and self.text[span.start - 1 : span.start] == ":":
            new = " " + new  # an empty block value (`code:`) ends at its colon
        self.changes.append(Change(span.start, span.end, new, what))

    def _add_after(self, value_span: Span, key: str, value: str) -> None:
        """Add ``key: value`` right after a sibling's value, in the sibling's style."""
        if value_span.in_flow:
            self.changes.append(
                Change(
                    value_span.end,
                    value_span.end,
                    f", {key}: {scalar(value, flow=True)}",
                    Localised("", ""),
                )
            )
            return
        line_end = self.text.find("\n", value_span.end)
        line_end = len(self.text) if line_end < 0 else line_end
        column = (value_span.key_start or value_span.start) - (
            self.text.rfind("\n", 0, value_span.start) + 1
        )
        self.changes.append(
            Change(
                line_end,
                line_end,
                f"\n{' ' * column}{key}: {scalar(value, flow=False)}",
                Localised("", ""),
            )
        )

    def _add_first(self, entry: Span, key: str, value: str, what: Localised) -> None:
        """Add ``key: value`` as the first key of a mapping entry."""
        if entry.flow:
            self.changes.append(Change(entry.start + 1, entry.start + 1, f"{key}: {value}, ", what))
            return
        column = entry.start - (self.text.rfind("\n", 0, entry.start) + 1)
        self.changes.append(
            Change(entry.start, entry.start, f"{key}: {value}\n{' ' * column}", what)
        )

    def _remove_pair(self, value: Span) -> None:
        """Remove ``key: value`` (and its separator) where that is unambiguous."""
        if value.key_start is None:
            return
        if value.in_flow:
            comma = self.text.rfind(",", 0, value.key_start)
            if comma >= 0 and not self.text[comma + 1 : value.key_start].strip():
                self.changes.append(Change(comma, value.end, "", Localised("", "")))
            return
        line_start = self.text.rfind("\n", 0, value.key_start) + 1
        line_end = self.text.find("\n", value.end)
        if not self.text[line_start : value.key_start].strip() and line_end >= 0:
            self.changes.append(Change(line_start, line_end + 1, "", Localised("", "")))


def changed_lines(text: str, changes: list[Change], lang: str) -> list[tuple[int, str]]:
    """(line, what) for each change that says something, in file order."""
    lines: list[tuple[int, str]] = []
    line, counted = 1, 0
    for change in sorted(changes, key=lambda c: c.start):
        if change.what.zh:
            line += text.count("\n", counted, change.start)
            counted = change.start
            lines.append((line, change.what.zh if lang == "zh" else change.what.en))
    return lines
