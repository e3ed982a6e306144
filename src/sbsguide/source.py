"""Positions of YAML nodes: the only place that knows lines and columns.

A *logical path* addresses a node the way rules and users think of it:
``("standards", "support", "safety", 2, "number")``, shown dotted as
``standards.support.safety.2.number``. The loader records where each node starts; a finding
about a node that is absent (a missing key) is placed at its nearest recorded ancestor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple, TypeAlias

PathPart: TypeAlias = str | int
LogicalPath: TypeAlias = tuple[PathPart, ...]


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column."""

    line: int
    column: int


FILE_START = Position(1, 1)
_COLUMN_BITS = 32  # a column of a line longer than 4 G characters would spill: none is read
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


def dotted(path: LogicalPath) -> str:
    """The dotted form of a logical path, ``""`` for the whole file."""
    return ".".join(map(str, path))


def parse_dotted(text: str) -> LogicalPath:
    """The logical path of a dotted string (digits become list indices)."""
    if not text:
        return ()
    return tuple(int(part) if part.isdigit() else part for part in text.split("."))


class Span(NamedTuple):
    """Character offsets of a node in the text: its key (for a mapping entry) and its value.

    For a flow or block collection the value runs from its first to its last character (the
    braces of a flow mapping included); for a scalar, its quotes included. A named tuple: `sbs
    fix` asks a span of every node, and a tuple is made four times as fast as a dataclass.
    """

    key_start: int | None
    start: int
    end: int
    flow: bool = False  # a flow collection itself ({…} or […])
    in_flow: bool = False  # a node inside a flow collection


class SourceMap:
    """Where each node of one YAML document starts.

    For a mapping entry the position is that of its key (what an editor shows as the line of
    ``key: value``); for a sequence item, that of the item. Exact spans are kept only when asked
    for (by the commands that rewrite text).
    """

    __slots__ = ("_root", "spans")

    def __init__(self) -> None:
        # A tree of the document's own shape: a node's children under their keys, its position
        # under None; a scalar is just its position. Line and column are packed in one int.
        # Keyed by whole paths this took a tuple per node (100,000 standards: 87 MB → ≈ 40 MB).
        self._root: dict[PathPart | None, Any] = {}
        self.spans: dict[LogicalPath, Span] = {}

    def record(self, path: LogicalPath, line0: int, column0: int) -> None:
        """Record a node's start from the parser's 0-based mark."""
        node = self._root
        for part in path[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):  # a scalar so far, or a node not yet recorded
                child = node[part] = {None: child}
            node = child
        packed = line0 << _COLUMN_BITS | column0
        if not path:
            node[None] = packed
            return
        last = path[-1]
        known = node.get(last)
        if isinstance(known, dict):
            known[None] = packed
        else:
            node[last] = packed

    @property
    def tree(self) -> dict[PathPart | None, Any]:
        """The document's node: where a builder that walks the document places its children."""
        return self._root

    def place(
        self, node: dict[PathPart | None, Any], key: PathPart, line0: int, column0: int
    ) -> None:
        """Record the start of ``key`` under its parent's ``node``.

        ``record`` without the walk down the path: the YAML builder knows the parent (a million
        nodes at 100,000 standards).
        """
        packed = line0 << _COLUMN_BITS | column0
        known = node.get(key)
        if isinstance(known, dict):
            known[None] = packed
        else:
            node[key] = packed

    def place_line(
        self, node: dict[PathPart | None, Any], line0: int, keys: list[tuple[PathPart, int]]
    ) -> None:
        """Record the starts of keys on one line, none yet recorded under ``node``.

        The entries of a one-line flow mapping: one call for the line, not one for each key.
        """
        row = line0 << _COLUMN_BITS
        node.update((key, row | column0) for key, column0 in keys)

    def branch(
        self, node: dict[PathPart | None, Any], key: PathPart, line0: int, column0: int
    ) -> dict[PathPart | None, Any]:
        """Record where a mapping or sequence starts; its own node, for its children."""
        packed = line0 << _COLUMN_BITS | column0
        known = node.get(key)
        if isinstance(known, dict):
            known[None] = packed
            return known
        child: dict[PathPart | None, Any] = {None: packed}
        node[key] = child
        return child

    def __contains__(self, path: LogicalPath) -> bool:
        return self._start(path, exact=True) is not None

    def locate(self, path: LogicalPath) -> Position:
        """The position of ``path``, or of its nearest recorded ancestor (the file: its 1st key)."""
        start = self._start(path, exact=False)
        if start is None:
            return FILE_START
        return Position((start >> _COLUMN_BITS) + 1, (start & _COLUMN_MASK) + 1)

    def _start(self, path: LogicalPath, *, exact: bool) -> int | None:
        """The packed start of ``path`` (``exact``), else of its nearest recorded ancestor."""
        node: Any = self._root
        found = node.get(None)
        for part in path:
            if not isinstance(node, dict) or part not in node:
                return None if exact else found
            node = node[part]
            here = node.get(None) if isinstance(node, dict) else node
            if here is not None:
                found = here
        if exact:
            return node.get(None) if isinstance(node, dict) else node
        return found  # type: ignore[no-any-return]


class Unplaced(SourceMap):
    """A source map that keeps nothing, for a parse that only has to succeed.

    `sbs fix`'s proof that its result still loads: recording every node's position cost a third
    of that parse.
    """

    __slots__ = ()

    def record(self, path: LogicalPath, line0: int, column0: int) -> None:
        pass

    def place(self, node: Any, key: Any, line0: int, column0: int) -> None:
        pass

    def place_line(self, node: Any, line0: int, keys: list[tuple[PathPart, int]]) -> None:
        pass

    def branch(self, node: Any, key: Any, line0: int, column0: int) -> Any:
        return node
