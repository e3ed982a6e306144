"""YAML parser events → plain Python data, with the position of every node.

Building from events, rather than composing a node graph, is faster, keeps no graph in memory, and
bounds what a hostile file can cost: nesting depth (libyaml's composer would recurse and crash)
and alias expansion (an "alias bomb") are checked as the events arrive. Which parser produces the
events, and what happens when one refuses a file, is :mod:`sbsguide.loader`'s business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sbsguide.source import LogicalPath, SourceMap, Span, Unplaced
from sbsguide.yamlscalars import MERGE, UnknownTag, safe_scalars

MAX_DEPTH = 64
"""A system file nests about eight levels; anything this deep is not one."""
MAX_NODES = 2_000_000
"""Values, mappings and lists a file may hold (SPEC §7): 100,000 standards take about 1,100,000;
past this the work, not the bytes, is what a hostile file costs (nine million scalars in 18 MB)."""
ALIAS_BUDGET = 100_000
"""Nodes that aliases may add on top of the file's own, before it counts as an alias bomb."""


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A content problem found while reading: becomes a ``yaml-syntax``/``schema``/… finding."""

    rule: str
    message: str  # message id in the rule's catalogue
    args: dict[str, Any] = field(default_factory=dict)
    path: LogicalPath = ()
    line: int | None = None  # 1-based; None: locate by path
    column: int | None = None
    severity: str | None = None  # None: the rule's default


@dataclass(slots=True)
class Document:
    """A YAML document read from a file, with where its nodes start."""

    data: Any
    source: SourceMap
    problems: list[LoadProblem]
    masked: bool = False  # read by libyaml with inner colons masked (see loader.read_yaml)


class Rejected(Exception):
    """The file is well-formed YAML that sbs will not read (too deep, an alias bomb…)."""

    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


MASK = "\ue000"  # a private-use character: never in a real system file (checked before use)
INNER_COLON = re.compile(r"(?<=[^\s\"'\]}]):(?=[^\s,\[\]{}])")

_NO_KEY = object()
_COLLECTION_TAGS = frozenset({None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
"""Tags a collection may carry; any other (``!!python/object/apply:…``) is refused by name."""


class _Frame:
    """An open mapping or sequence while its events arrive."""

    __slots__ = (
        "anchor",
        "container",
        "flow",
        "is_map",
        "key",
        "key_mark",
        "merge_into",
        "merged",
        "path",
        "size",
        "start",
        "where",
    )

    def __init__(
        self, container: Any, path: LogicalPath, anchor: str | None, start: Any, where: Any
    ) -> None:
        self.container = container
        self.where = where  # the source map's node for this container (SourceMap.branch)
        self.path = path
        self.start = start
        self.flow = False
        self.anchor = anchor
        self.is_map = isinstance(container, dict)
        self.key: Any = _NO_KEY
        self.key_mark: Any = None
        self.merged: set[Any] = set()
        self.merge_into = False  # the value of a merge key (<<): merged into the parent on close
        self.size = 1


class _Builder:
    """Turns parser events into Python data and a source map."""

    def __init__(
        self, pure: bool, masked: bool = False, spans: bool = False, positions: bool = True
    ) -> None:
        from ruamel.yaml import YAML

        self.masked = masked
        self.spans = spans
        self.key_starts: dict[LogicalPath, int] = {}
        self.yaml = YAML(typ="safe", pure=pure)
        self.scalars = safe_scalars()
        self.source = SourceMap() if positions else Unplaced()
        self.problems: list[LoadProblem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Frame] = []
        self.root: Any = _NO_KEY
        self.nodes = 0
        self.aliased = 0
        self.branched: Any = None  # the source-map node of the collection add() just placed

    def scalar(self, event: Any) -> Any:
        value: str = event.value
        if self.masked and MASK in value:
            value = value.replace(MASK, ":")
        tag = None if event.ctag is None else str(event.ctag)  # event.tag, without the property
        if tag is None or tag == "!":
            if not event.implicit[0]:
                return value
            return self.scalars.plain(value)
        try:
            return self.scalars.tagged(tag, value, event.start_mark)
        except UnknownTag:
            raise Rejected(
                self._at(event.start_mark, "yaml-syntax", "tag", _tag_args(tag))
            ) from None

    def _at(self, mark: Any, rule: str, message: str, args: dict[str, Any]) -> LoadProblem:
        return LoadProblem(rule, message, args, (), mark.line + 1, mark.column + 1)

    def add(self, value: Any, mark: Any, size: int) -> LogicalPath | None:
        """Place a finished or newly opened node; None when it was a mapping key.

        A newly opened mapping or sequence (``size`` 0) leaves its source-map node in
        ``self.branched``, for the frame that ``open`` pushes.
        """
        if not self.stack:
            self.root = value
            self.source.record((), mark.line, mark.column)
            self.branched = self.source.tree
            return ()
        frame = self.stack[-1]
        frame.size += size
        if not frame.is_map:
            key: Any = len(frame.container)
            frame.container.append(value)
            line, column = mark.line, mark.column
        elif frame.key is _NO_KEY:
            self._take_key(frame, value, mark)
            return None
        else:
            key, frame.key = frame.key, _NO_KEY
            if key == MERGE:
                self._merge(frame, value, mark)
                return None
            frame.container[key] = value
            line, column = frame.key_mark.line, frame.key_mark.column
            if not frame.path and len(frame.container) == 1:
                # the file as a whole is where its first key is, not the comment lines above
                # it: a missing top-level block is reported there
                self.source.record((), line, column)
        if size:
            self.source.place(frame.where, key, line, column)
        else:
            self.branched = self.source.branch(frame.where, key, line, column)
        path = (*frame.path, key)
        if self.spans and frame.is_map:
            self.key_starts[path] = frame.key_mark.index
        return path

    def keep_span(self, path: LogicalPath, start: Any, end: Any, *, flow: bool = False) -> None:
        """Keep a node's exact span (asked for by `sbs fix`, which rewrites text in place)."""
        in_flow = bool(self.stack) and self.stack[-1].flow  # the parent's style: flow is inherited
        self.source.spans[path] = Span(
            self.key_starts.get(path), start.index, end.index, flow, in_flow
        )

    def _take_key(self, frame: _Frame, key: Any, mark: Any) -> None:
        if isinstance(key, (dict, list)):
            raise Rejected(self._at(mark, "yaml-syntax", "complex-key", {}))
        if key != MERGE and not isinstance(key, str):
            key = str(key)
        if key in frame.container and key not in frame.merged:
            first = self.source.locate((*frame.path, key))
            self.problems.append(
                self._at(mark, "yaml-syntax", "duplicate-key", {"key": key, "first": first.line})
            )
        frame.merged.discard(key)
        frame.key, frame.key_mark = key, mark

    def _merge(self, frame: _Frame, value: Any, mark: Any) -> None:
        """``<<: *defaults`` — keys already given explicitly win (YAML merge semantics)."""
        sources = value if isinstance(value, list) else [value]
        for merged in sources:
            if not isinstance(merged, dict):
                raise Rejected(self._at(mark, "yaml-syntax", "bad-merge", {}))
            for key, item in merged.items():
                if key not in frame.container:
                    frame.container[key] = item
                    frame.merged.add(key)
                    self.source.record((*frame.path, key), mark.line, mark.column)

    def open(self, container: Any, event: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise Rejected(
                self._at(event.start_mark, "yaml-syntax", "too-deep", {"limit": MAX_DEPTH})
            )
        if event.tag not in _COLLECTION_TAGS:
            raise Rejected(self._at(event.start_mark, "yaml-syntax", "tag", _tag_args(event.tag)))
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.is_map and parent.key == MERGE:
            parent.key = _NO_KEY  # ``<<: {…}`` or ``<<: [*a, *b]``: merged when it closes
            frame = _Frame(container, (*parent.path, "<<"), event.anchor, event.start_mark, {})
            frame.merge_into = True
            self.stack.append(frame)
            return
        path = self.add(container, event.start_mark, 0)
        if path is None:  # a collection used as a mapping key
            raise Rejected(self._at(event.start_mark, "yaml-syntax", "complex-key", {}))
        if event.anchor:
            self.open_anchors.add(event.anchor)
        frame = _Frame(container, path, event.anchor, event.start_mark, self.branched)
        frame.flow = bool(event.flow_style)
        self.stack.append(frame)

    def close(self, end: Any) -> None:
        frame = self.stack.pop()
        if self.spans:
            self.keep_span(frame.path, frame.start, end, flow=frame.flow)
        if frame.key is not _NO_KEY:  # cannot happen with a well-formed event stream
            frame.container[frame.key] = None
        if self.stack:
            self.stack[-1].size += frame.size
            if frame.merge_into:
                self._merge(self.stack[-1], frame.container, frame.start)
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.container, frame.size)

    def alias(self, event: Any) -> None:
        if event.anchor in self.open_anchors:
            raise Rejected(self._at(event.start_mark, "yaml-syntax", "recursive-alias", {}))
        if event.anchor not in self.anchors:
            raise Rejected(
                self._at(event.start_mark, "yaml-syntax", "unknown-alias", {"anchor": event.anchor})
            )
        value, size = self.anchors[event.anchor]
        self.aliased += size
        if self.aliased > ALIAS_BUDGET + 10 * self.nodes:
            raise Rejected(self._at(event.start_mark, "yaml-syntax", "alias-bomb", {}))
        self.add(value, event.start_mark, size)


def _tag_args(tag: str) -> dict[str, Any]:
    """A tag as the user wrote it: ``!!python/object/apply:os.system``, not its long form."""
    return {"tag": tag.replace("tag:yaml.org,2002:", "!!", 1)}


def _parser(yaml: Any, text: str) -> Any:
    """The parser of ``text``, whose events the build pulls one by one (``get_event``).

    ruamel's parse() asks check_event() before each event, and a generator around get_event()
    costs a resume per event: a million events at 100,000 standards.
    """
    _, parser = yaml.get_constructor_parser(text)
    return parser


def build(
    text: str, *, pure: bool, masked: bool = False, spans: bool = False, positions: bool = True
) -> Document:
    from ruamel.yaml import events as ev

    builder = _Builder(pure, masked, spans, positions)
    documents = 0
    # the loop runs once per event (a million for 100,000 standards): names bound locally
    scalar_event, mapping_start, sequence_start = (
        ev.ScalarEvent,
        ev.MappingStartEvent,
        ev.SequenceStartEvent,
    )
    mapping_end, sequence_end = ev.MappingEndEvent, ev.SequenceEndEvent
    scalar, add, open_, close = builder.scalar, builder.add, builder.open, builder.close
    nodes = 0
    parser = _parser(builder.yaml, text)
    get_event, stream_end = parser.get_event, ev.StreamEndEvent
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                nodes += 1
                if nodes > MAX_NODES:
                    raise Rejected(
                        builder._at(event.start_mark, "yaml-syntax", "too-many-nodes", {})
                    )
                value = scalar(event)
                path = add(value, event.start_mark, 1)
                if spans and path is not None:
                    builder.keep_span(path, event.start_mark, event.end_mark)
                if event.anchor:
                    builder.anchors[event.anchor] = (value, 1)
            elif kind is mapping_end or kind is sequence_end:
                close(event.end_mark)
            elif kind is mapping_start:
                nodes += 1
                builder.nodes = nodes
                open_({}, event)
            elif kind is sequence_start:
                nodes += 1
                builder.nodes = nodes
                open_([], event)
            elif kind is ev.AliasEvent:
                builder.nodes = nodes
                builder.alias(event)
            elif kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Rejected(
                        builder._at(event.start_mark, "yaml-syntax", "several-documents", {})
                    )
            elif kind is stream_end:
                break
    finally:
        parser.dispose()
    data = None if builder.root is _NO_KEY else builder.root
    return Document(data, builder.source, builder.problems, masked)
