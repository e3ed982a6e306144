"""The line reader's state: where it is in the text, what is open, what it has built."""

from __future__ import annotations

from itertools import accumulate
from typing import Any

from sbsguide import yamldata
from sbsguide.plainyaml.text import Outside, TooMany
from sbsguide.source import LogicalPath, SourceMap, Span, Unplaced
from sbsguide.yamlscalars import Scalars


class Frame:
    """An open mapping or sequence: where it is, its container and source-map node.

    ``indent`` is a block collection's column (-1 for a flow collection, closed on its own);
    ``path``, ``start`` and ``key_start`` serve the spans `sbs fix` asks for.
    """

    __slots__ = ("container", "indent", "is_map", "key_start", "path", "start", "where")

    def __init__(
        self,
        indent: int,
        container: Any,
        where: Any,
        path: LogicalPath = (),
        start: int = 0,
        key_start: int | None = None,
    ) -> None:
        self.indent = indent
        self.container = container
        self.is_map = isinstance(container, dict)
        self.where = where
        self.path = path
        self.start = start
        self.key_start = key_start


class _Zeros:
    """The offsets of lines when no span is kept: each 0, so that columns come out as they are.

    A list of three million offsets, for three million comment lines, would be 100 MB.
    """

    __slots__ = ()

    def __getitem__(self, row: int) -> int:
        return 0


class Reader:
    """The state both kinds of collection are read into (block.py and flow.py)."""

    __slots__ = (
        "branch",
        "end",
        "flow_start",
        "keys",
        "limit",
        "lines",
        "nodes",
        "offsets",
        "past",
        "pending",
        "place",
        "root",
        "row",
        "scalars",
        "source",
        "spans",
        "stack",
    )

    def __init__(self, text: str, scalars: Scalars, positions: bool, spans: bool) -> None:
        self.lines = text.split("\n")
        self.end = len(text)
        self.row = 0  # the line being read (0-based); a flow collection may take several
        self.scalars = scalars
        self.source = SourceMap() if positions or spans else Unplaced()
        self.place = self.source.place
        self.branch = self.source.branch
        # with spans: each line's offset in the text, and the spans themselves
        self.spans: dict[LogicalPath, Span] | None = self.source.spans if spans else None
        self.offsets: list[int] | _Zeros = (
            list(accumulate((len(line) + 1 for line in self.lines), initial=0))
            if spans
            else _Zeros()
        )
        self.stack: list[Frame] = []
        self.root: Any = None
        # nodes read so far, counted as the parser's builder counts them: each scalar and each
        # collection, in the order of the text; ``past``: where the scalar past ``limit`` is
        # (yamldata.MAX_NODES). The file is refused there once the text just after it has been
        # read: as far as libyaml looks ahead before it hands the builder that scalar, so that a
        # syntax error there is not reported as too many nodes.
        self.nodes = 0
        self.limit = yamldata.MAX_NODES
        self.past: tuple[int, int] | None = None
        self.flow_start = (0, 0)  # where the flow collection being read opened, in its block
        self.keys: set[str] = set()  # plain keys known to be text (number, name, …)
        # a value not on its line, settled by the next line: (frame, key, line, column, offset
        # after the key's colon) of ``key:``, or (frame, index, -1, 0, 0) of a bare ``-``
        self.pending: tuple[Frame, Any, int, int, int] | None = None

    def counted(self, row: int, column: int) -> None:
        """Count one more scalar, at ``row``, ``column`` (perhaps the one past the limit)."""
        self.nodes += 1
        if self.nodes > self.limit and self.past is None:
            self.past = (row, column)

    def stop_if_past(self) -> None:
        """Refuse the file if a scalar past the limit has been read, and what follows it."""
        if self.past is not None:
            raise TooMany(*self.past)

    def push(self, frame: Frame) -> None:
        if len(self.stack) >= yamldata.MAX_DEPTH:
            raise Outside  # the parser refuses it, and says why
        self.stack.append(frame)
